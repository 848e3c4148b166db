"""Original abstract landscape images for the demo newsroom, drawn with Pillow.

Everything here is deterministic for a given seed: the same arguments always give the same
JPEG bytes, so demo content can be regenerated without changing file hashes.
"""

from __future__ import annotations

import io
import math
import random

from PIL import Image, ImageDraw, ImageFilter, ImageFont

RGB = tuple[int, int, int]

# Each palette: sky top, sky horizon, sun/moon colour, far and near land colours, haze, is_night.
PALETTES: dict[str, dict] = {
    "dawn": {
        "sky": ((58, 64, 122), (246, 176, 136)),
        "sun": (255, 222, 170),
        "far": (124, 104, 148),
        "near": (52, 48, 78),
        "haze": (236, 170, 150),
        "night": False,
    },
    "noon": {
        "sky": ((62, 126, 204), (196, 226, 246)),
        "sun": (255, 250, 224),
        "far": (126, 158, 176),
        "near": (88, 122, 62),
        "haze": (200, 222, 236),
        "night": False,
    },
    "dusk": {
        "sky": ((40, 30, 76), (236, 120, 82)),
        "sun": (255, 184, 104),
        "far": (110, 64, 96),
        "near": (36, 24, 44),
        "haze": (214, 110, 96),
        "night": False,
    },
    "night": {
        "sky": ((8, 12, 34), (40, 58, 104)),
        "sun": (236, 238, 214),
        "far": (44, 56, 92),
        "near": (12, 16, 30),
        "haze": (56, 72, 120),
        "night": True,
    },
    "snow": {
        "sky": ((120, 160, 206), (232, 240, 248)),
        "sun": (255, 255, 240),
        "far": (214, 226, 240),
        "near": (150, 170, 192),
        "haze": (236, 242, 250),
        "night": False,
    },
    "desert": {
        "sky": ((92, 156, 210), (250, 226, 176)),
        "sun": (255, 246, 210),
        "far": (214, 170, 112),
        "near": (168, 112, 62),
        "haze": (246, 214, 168),
        "night": False,
    },
}

PALETTE_NAMES = tuple(PALETTES)


def _mix(a: RGB, b: RGB, t: float) -> RGB:
    t = max(0.0, min(1.0, t))
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


def _vertical_gradient(width: int, height: int, top: RGB, bottom: RGB) -> Image.Image:
    """A sky gradient: one pixel column computed, then repeated across (no per-pixel Python loops)."""
    strip = Image.new("RGB", (1, height))
    last = max(1, height - 1)
    strip.putdata([_mix(top, bottom, (i / last) ** 1.4) for i in range(height)])
    return strip.resize((width, height), Image.Resampling.NEAREST)


def _box(x0: float, y0: float, x1: float, y1: float, width: int, height: int) -> tuple[int, int, int, int]:
    """A rectangle rounded outwards to whole pixels and kept inside the image."""
    return (
        max(0, math.floor(x0)),
        max(0, math.floor(y0)),
        min(width, math.ceil(x1) + 1),
        min(height, math.ceil(y1) + 1),
    )


def _ridge(rng: random.Random, width: int, base: float, amplitude: float, jagged: bool) -> list[tuple]:
    """A ridge line as a list of points, the sum of a few seeded sine waves (plus peaks if jagged)."""
    waves = [
        (rng.uniform(0.6, 1.6), rng.uniform(0, math.tau), rng.uniform(0.4, 1.0)),
        (rng.uniform(2.0, 4.5), rng.uniform(0, math.tau), rng.uniform(0.15, 0.45)),
        (rng.uniform(6.0, 11.0), rng.uniform(0, math.tau), rng.uniform(0.05, 0.2)),
    ]
    steps = 96 if jagged else 48
    points = []
    for i in range(steps + 1):
        x = width * i / steps
        u = i / steps
        y = sum(w * math.sin(f * math.tau * u + p) for f, p, w in waves)
        if jagged:
            y += rng.uniform(-0.18, 0.18)
        points.append((x, base - amplitude * y))
    return points


def _ridge_y(points: list[tuple], x: float) -> float:
    for (x0, y0), (x1, y1) in zip(points, points[1:], strict=False):
        if x0 <= x <= x1:
            return y0 + (y1 - y0) * ((x - x0) / (x1 - x0 or 1))
    return points[-1][1]


def _font(size: int) -> ImageFont.ImageFont | ImageFont.FreeTypeFont:
    try:
        return ImageFont.load_default(size=size)
    except TypeError:  # Pillow < 10.1
        return ImageFont.load_default()


def _draw_yurt(draw: ImageDraw.ImageDraw, x: float, ground: float, s: float, wall: RGB, trim: RGB) -> None:
    draw.rectangle((x - s, ground - s * 0.8, x + s, ground), fill=wall)
    draw.chord((x - s * 1.08, ground - s * 1.7, x + s * 1.08, ground - s * 0.1), 180, 360, fill=wall)
    draw.rectangle((x - s * 0.22, ground - s * 0.62, x + s * 0.22, ground), fill=trim)
    draw.line((x - s, ground - s * 0.8, x + s, ground - s * 0.8), fill=trim, width=max(1, round(s / 10)))


def _draw_poplar(draw: ImageDraw.ImageDraw, x: float, ground: float, h: float, leaf: RGB, trunk: RGB) -> None:
    w = h * 0.16
    draw.rectangle((x - w * 0.08, ground - h * 0.25, x + w * 0.08, ground), fill=trunk)
    draw.ellipse((x - w / 2, ground - h, x + w / 2, ground - h * 0.18), fill=leaf)


def make_demo_image(
    seed: int, palette: str, *, width: int = 1600, height: int = 900, label: str = ""
) -> bytes:
    """Return JPEG bytes of an original abstract landscape for ``seed`` in ``palette``."""
    if palette not in PALETTES:
        raise ValueError(f"unknown palette {palette!r}; choose one of {', '.join(PALETTE_NAMES)}")
    pal = PALETTES[palette]
    rng = random.Random(seed * 7919 + PALETTE_NAMES.index(palette))
    w, h = width, height

    img = _vertical_gradient(w, h, *pal["sky"])
    draw = ImageDraw.Draw(img)

    if pal["night"]:
        for _ in range(int(w * h / 9000)):
            sx, sy = rng.uniform(0, w), rng.uniform(0, h * 0.6)
            r = rng.choice((1, 1, 1, 2)) * max(1, w // 1600)
            draw.ellipse((sx - r, sy - r, sx + r, sy + r), fill=(230, 232, 250))

    # Sun or moon, with a soft blurred glow.
    if rng.random() < 0.8:
        cx, cy = rng.uniform(0.15, 0.85) * w, rng.uniform(0.14, 0.42) * h
        radius = rng.uniform(0.045, 0.08) * min(w, h) * 1.6
        # Glow: drawn small, blurred and scaled up (cheap), then the crisp disc on top.
        k = 8
        glow = Image.new("L", (w // k + 1, h // k + 1), 0)
        ImageDraw.Draw(glow).ellipse(
            (
                (cx - radius * 2.2) / k,
                (cy - radius * 2.2) / k,
                (cx + radius * 2.2) / k,
                (cy + radius * 2.2) / k,
            ),
            fill=90,
        )
        glow = glow.filter(ImageFilter.GaussianBlur(radius * 0.9 / k)).resize(
            (w, h), Image.Resampling.BILINEAR
        )
        # Only the glow's own square is blended (the mask is zero elsewhere).
        reach = radius * 2.2 + radius * 0.9 * 3 + k
        area = _box(cx - reach, cy - reach, cx + reach, cy + reach, w, h)
        img.paste(pal["sun"], area, glow.crop(area))
        area = _box(cx - radius, cy - radius, cx + radius, cy + radius, w, h)
        disc = Image.new("L", (area[2] - area[0], area[3] - area[1]), 0)
        ddraw = ImageDraw.Draw(disc)
        ox, oy = cx - area[0], cy - area[1]
        ddraw.ellipse((ox - radius, oy - radius, ox + radius, oy + radius), fill=255)
        if pal["night"]:  # crescent: cut an offset disc out of the moon
            off = radius * 0.45
            ddraw.ellipse(
                (ox - radius + off, oy - radius - off * 0.3, ox + radius + off, oy + radius - off * 0.3),
                fill=0,
            )
        img.paste(pal["sun"], area, disc)
        draw = ImageDraw.Draw(img)

    # Birds for daytime skies.
    if not pal["night"] and rng.random() < 0.6:
        bx, by = rng.uniform(0.2, 0.8) * w, rng.uniform(0.15, 0.35) * h
        for _ in range(rng.randint(3, 7)):
            x, y, s = bx + rng.uniform(-0.12, 0.12) * w, by + rng.uniform(-0.06, 0.06) * h, w * 0.008
            draw.line(
                (x - s, y - s * 0.5, x, y, x + s, y - s * 0.5), fill=pal["near"], width=max(1, w // 800)
            )

    # Layered land: far jagged mountains -> near smooth hills.
    layers = rng.randint(3, 5)
    near_ridge: list[tuple] = []
    for i in range(layers):
        t = i / (layers - 1)
        base = h * (0.48 + 0.36 * t + rng.uniform(-0.03, 0.03))
        amplitude = h * (0.16 - 0.10 * t) * rng.uniform(0.7, 1.2)
        jagged = i < layers - 2 or (palette == "snow" and i < layers - 1)
        if palette == "desert":  # dunes: only the farthest range is rocky
            jagged = i == 0
            amplitude *= 0.7
        pts = _ridge(rng, w, base, amplitude, jagged)
        colour = _mix(_mix(pal["far"], pal["near"], t), pal["haze"], (1 - t) * 0.35)
        draw.polygon([(0, h), *pts, (w, h)], fill=colour)
        if jagged and palette in ("snow", "noon", "dawn") and i == 0:
            # Snow caps: a lighter band following the top of the far ridge.
            cap = [(x, y + amplitude * 0.18) for x, y in reversed(pts)]
            peaks = [(x, y) for x, y in pts]
            draw.polygon(peaks + cap, fill=_mix(colour, (250, 252, 255), 0.65))
        near_ridge = pts

    # Foreground objects standing on the nearest ridge.
    dark = _mix(pal["near"], (0, 0, 0), 0.35)
    light = _mix(pal["haze"], (255, 255, 255), 0.5)
    choice = rng.random()
    if choice < 0.4:
        for _ in range(rng.randint(1, 3)):
            x = rng.uniform(0.08, 0.92) * w
            s = h * rng.uniform(0.03, 0.05)
            _draw_yurt(draw, x, _ridge_y(near_ridge, x) + s * 0.3, s, light, dark)
    elif choice < 0.75:
        start = rng.uniform(0.05, 0.6) * w
        for k in range(rng.randint(4, 9)):
            x = start + k * w * rng.uniform(0.025, 0.04)
            if x < w:
                _draw_poplar(draw, x, _ridge_y(near_ridge, x) + 4, h * rng.uniform(0.12, 0.22), dark, dark)
    else:
        y0 = h * rng.uniform(0.88, 0.93)
        slope = rng.uniform(-0.04, 0.04) * h
        lw = max(2, h // 220)
        for k in range(0, 41):
            x = w * k / 40
            y = y0 + slope * (k / 40)
            draw.line((x, y - h * 0.012, x + w * 0.006, y + h * 0.012), fill=dark, width=lw)
        draw.line((0, y0 - h * 0.008, w, y0 + slope - h * 0.008), fill=light, width=lw)
        draw.line((0, y0 + h * 0.008, w, y0 + slope + h * 0.008), fill=light, width=lw)

    # The "DEMO IMAGE" mark (and optional label) in the bottom corners.
    font = _font(max(11, h // 36))
    pad = max(6, h // 90)
    text = "DEMO IMAGE"
    box = draw.textbbox((0, 0), text, font=font)
    tw, th = box[2] - box[0], box[3] - box[1]
    x1, y1 = w - pad * 2, h - pad * 2
    x0, y0 = x1 - tw - pad * 2, y1 - th - pad * 2
    # Translucent plates drawn straight onto the picture (an RGBA draw blends; no full-size overlay).
    odraw = ImageDraw.Draw(img, "RGBA")
    odraw.rounded_rectangle((x0, y0, x1, y1), radius=pad, fill=(0, 0, 0, 130))
    if label:
        lbox = draw.textbbox((0, 0), label, font=font)
        lw_, lh = lbox[2] - lbox[0], lbox[3] - lbox[1]
        odraw.rounded_rectangle(
            (pad * 2, y1 - lh - pad * 2, pad * 4 + lw_, y1), radius=pad, fill=(0, 0, 0, 130)
        )
    draw = ImageDraw.Draw(img)
    draw.text((x0 + pad - box[0], y0 + pad - box[1]), text, font=font, fill=(255, 255, 255))
    if label:
        draw.text((pad * 3 - lbox[0], y1 - lh - pad - lbox[1]), label, font=font, fill=(255, 255, 255))

    out = io.BytesIO()
    img.save(out, format="JPEG", quality=82)
    return out.getvalue()


PORTRAIT_COLOURS: tuple[RGB, ...] = (
    (38, 84, 124),
    (178, 74, 58),
    (64, 128, 96),
    (122, 76, 140),
    (196, 140, 44),
    (44, 120, 140),
    (150, 60, 96),
    (88, 100, 56),
    (60, 64, 112),
    (160, 96, 60),
)


def make_portrait(seed: int, initials: str, size: int = 400) -> bytes:
    """Return JPEG bytes of a simple author portrait: a coloured disc with the author's initials."""
    rng = random.Random(seed * 104729 + 17)
    colour = PORTRAIT_COLOURS[rng.randrange(len(PORTRAIT_COLOURS))]
    background = _mix(colour, (244, 240, 232), 0.82)
    img = Image.new("RGB", (size, size), background)
    draw = ImageDraw.Draw(img)
    margin = size * 0.08
    draw.ellipse((margin, margin, size - margin, size - margin), fill=colour)
    # A faint offset ring for a little depth.
    ring = size * 0.03
    draw.arc(
        (margin + ring, margin + ring, size - margin - ring, size - margin - ring),
        rng.randint(0, 90),
        rng.randint(200, 300),
        fill=_mix(colour, (255, 255, 255), 0.3),
        width=max(2, size // 80),
    )
    text = (initials or "?").strip().upper()[:3]
    font = _font(int(size * (0.36 if len(text) < 3 else 0.28)))
    draw.text((size / 2, size / 2), text, font=font, fill=(255, 255, 255), anchor="mm")
    out = io.BytesIO()
    img.save(out, format="JPEG", quality=88)
    return out.getvalue()
