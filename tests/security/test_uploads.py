"""Uploads: real images only (judged by content), limits against decompression bombs, and no GPS
location left in the stored original or any rendition."""

import io
import struct
import zlib

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from news.image_privacy import GPS_IFD, has_location
from news.models import NewsImage

pytestmark = pytest.mark.django_db

ADD_URL = f"/{settings.STEPPE_ADMIN_PATH}/images/add/"


@pytest.fixture
def editor_client(client, db):
    editor = get_user_model().objects.create_superuser("photo", "photo@example.org", "x-long-password-1")
    client.force_login(editor)
    return client


def upload(client, name: str, data: bytes, content_type: str = "image/jpeg"):
    file = SimpleUploadedFile(name, data, content_type=content_type)
    return client.post(ADD_URL, {"title": name, "file": file, "collection": 1, "tags": ""})


def jpeg_with_gps(size=(640, 480)) -> bytes:
    image = Image.new("RGB", size, (200, 120, 40))
    exif = Image.Exif()
    exif[0x010F] = "SourceCam"  # Make: kept
    exif[0x0112] = 1  # Orientation: kept
    exif[GPS_IFD] = {1: "N", 2: (43.0, 15.0, 7.5), 3: "E", 4: (76.0, 57.0, 1.25)}
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif.tobytes(), quality=90)
    return buffer.getvalue()


def png_bomb(width: int = 20000, height: int = 20000) -> bytes:
    """A valid PNG header announcing width×height pixels, with a tiny compressed body."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    row = b"\x00" + b"\x00" * width  # filter byte + one grey byte per pixel
    compressor = zlib.compressobj(9)
    data = b"".join(compressor.compress(row) for _ in range(200)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")


@pytest.mark.parametrize(
    "name,data",
    [
        ("shell.jpg", b"<?php system($_GET['c']); ?>\n" + b"A" * 200),
        ("page.jpg", b"<html><script>alert(document.cookie)</script></html>"),
        ("polyglot.jpg", b"GIF89a<script>alert(1)</script>"),
        ("empty.png", b""),
        ("truncated.jpg", jpeg_with_gps()[:300]),
    ],
)
def test_non_images_renamed_as_images_are_refused(editor_client, name, data):
    response = upload(editor_client, name, data)
    assert response.status_code == 200  # the form again, with an error, not a crash
    errors = response.context["form"].errors
    assert "file" in errors
    assert NewsImage.objects.count() == 0


def test_extension_must_match_content(editor_client):
    png = io.BytesIO()
    Image.new("RGB", (50, 50)).save(png, "PNG")
    response = upload(editor_client, "actually-png.jpg", png.getvalue())
    assert "does not match" in str(response.context["form"].errors["file"])


def test_decompression_bomb_is_refused_cleanly(editor_client):
    bomb = png_bomb()
    assert len(bomb) < 200_000  # small on the wire, 400 megapixels once decoded
    response = upload(editor_client, "bomb.png", bomb, "image/png")
    assert response.status_code == 200
    message = str(response.context["form"].errors["file"])
    assert "pixels" in message.lower()
    assert NewsImage.objects.count() == 0


def test_oversized_file_is_refused(editor_client, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10_000
    response = upload(editor_client, "big.jpg", jpeg_with_gps((1200, 900)) + b"\x00" * 20_000)
    assert "file" in response.context["form"].errors


def test_gps_is_stripped_from_upload_and_renditions(editor_client):
    original = jpeg_with_gps()
    assert has_location(original)
    response = upload(editor_client, "protest.jpg", original)
    assert response.status_code == 302, response.context["form"].errors
    image = NewsImage.objects.get()
    with image.open_file() as stored:
        stored_bytes = stored.read()
    assert not has_location(stored_bytes)
    with Image.open(io.BytesIO(stored_bytes)) as kept:
        assert kept.getexif().get(0x010F) == "SourceCam"  # only the location went
        assert kept.size == (640, 480)
    assert image.file_size == len(stored_bytes)
    assert image.width == 640 and image.height == 480
    for spec in ("width-400", "fill-300x300-c100", "width-400|format-webp", "original"):
        rendition = image.get_rendition(spec)
        with rendition.file.open("rb") as f:
            assert not has_location(f.read()), spec


def test_images_saved_in_code_are_stripped_too(db):
    from django.core.files.images import ImageFile

    image = NewsImage(title="Imported", file=ImageFile(io.BytesIO(jpeg_with_gps()), name="wp.jpg"))
    image.save()
    with image.open_file() as stored:
        assert not has_location(stored.read())


def test_images_without_location_are_stored_untouched(db):
    from django.core.files.images import ImageFile

    buffer = io.BytesIO()
    Image.new("RGB", (120, 80), (1, 2, 3)).save(buffer, "JPEG")
    image = NewsImage(title="Plain", file=ImageFile(io.BytesIO(buffer.getvalue()), name="plain.jpg"))
    image.save()
    with image.open_file() as stored:
        assert stored.read() == buffer.getvalue()
