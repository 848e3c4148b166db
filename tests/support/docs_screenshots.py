"""Screenshots the browser tests take for the docs (docs/screenshots/, shown by the editors' guide)."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

DOCS_SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def docs_shot(page, name: str) -> None:
    """A screenshot for the docs, in 256 colours: a fifth of the bytes, still sharp text."""
    DOCS_SHOTS.mkdir(parents=True, exist_ok=True)
    path = DOCS_SHOTS / name
    page.screenshot(path=str(path))
    Image.open(path).convert("RGB").quantize(256).save(path, optimize=True)
