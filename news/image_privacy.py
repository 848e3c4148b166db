"""Location data never leaves the newsroom: GPS tags are removed from an uploaded image's
EXIF before the original is stored, so neither the original nor any rendition made from it
can reveal where a photo was taken (a source's home, a protest's meeting point).

Only the GPS block goes; orientation, colour profile and the rest of the EXIF stay, and JPEGs
are re-saved with their own quantisation tables (`quality="keep"`), so the picture is unchanged.
"""

from __future__ import annotations

import io
import logging

from PIL import Image

log = logging.getLogger(__name__)
GPS_IFD = 0x8825
# XMP packets can carry location too (exif:GPSLatitude ...); they are dropped with the GPS block.
XMP_KEYS = ("xmp", "XML:com.adobe.xmp")


def strip_location(data: bytes) -> bytes | None:
    """The image without GPS data, or None when there was nothing to remove (or it can't be read)."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            exif = image.getexif()
            has_gps = GPS_IFD in exif or any(key in image.info for key in XMP_KEYS)
            if not has_gps or getattr(image, "n_frames", 1) > 1:
                return None
            if GPS_IFD in exif:
                del exif[GPS_IFD]
            options: dict = {"exif": exif.tobytes()}
            if image.info.get("icc_profile"):
                options["icc_profile"] = image.info["icc_profile"]
            fmt = image.format
            if fmt == "JPEG":
                options.update(quality="keep", subsampling="keep")
            elif fmt == "WEBP":
                options.update(lossless=bool(image.info.get("lossless")), quality=95)
            elif fmt not in ("PNG", "TIFF"):
                log.warning("cannot strip location from a %s image", fmt)
                return None
            out = io.BytesIO()
            image.save(out, format=fmt, **options)
            return out.getvalue()
    except Exception:  # an unreadable file is the image form's business, not ours
        log.exception("could not inspect an uploaded image for location data")
        return None


def has_location(data: bytes) -> bool:
    with Image.open(io.BytesIO(data)) as image:
        return GPS_IFD in image.getexif() or any(key in image.info for key in XMP_KEYS)
