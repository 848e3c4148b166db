"""The project's gettext catalogs: where they are, what is wrong with them, compiling them.

Catalogs are compiled with Babel (pure Python), so a machine without GNU gettext's msgfmt can
rebuild the committed .mo files: `manage.py compile_catalogs`.
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from django.conf import settings

SKIP_DIRS = {".venv", "var", "node_modules", ".git"}


def catalog_files(base: Path | None = None) -> list[Path]:
    """Every django.po of the project: LOCALE_PATHS and each app's locale/ directory."""
    base = Path(base or settings.BASE_DIR)
    found: set[Path] = set()
    for locale_dir in [Path(p) for p in settings.LOCALE_PATHS] + [
        d / "locale" for d in base.iterdir() if d.is_dir() and d.name not in SKIP_DIRS
    ]:
        if locale_dir.is_dir():
            found.update(locale_dir.glob("*/LC_MESSAGES/django.po"))
    return sorted(found)


def read_catalog(po_path: Path) -> Catalog:
    with open(po_path, "rb") as handle:
        return read_po(handle, locale=po_path.parent.parent.name)


def problems(po_path: Path) -> list[str]:
    """Entries a reader would see untranslated: an empty msgstr (any plural form) or fuzzy."""
    found = []
    for message in read_catalog(po_path):
        if not message.id:
            continue
        label = message.id if isinstance(message.id, str) else message.id[0]
        strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
        if not all(strings):
            found.append(f"{po_path}: empty msgstr for {label!r}")
        if message.fuzzy:
            found.append(f"{po_path}: fuzzy entry {label!r}")
    return found


def compiled(po_path: Path) -> bytes:
    """The .mo bytes for a .po file (fuzzy entries left out, as msgfmt does)."""
    buffer = BytesIO()
    write_mo(buffer, read_catalog(po_path), use_fuzzy=False)
    return buffer.getvalue()


def compile_all(base: Path | None = None) -> list[Path]:
    written = []
    for po_path in catalog_files(base):
        mo_path = po_path.with_suffix(".mo")
        data = compiled(po_path)
        if not mo_path.exists() or mo_path.read_bytes() != data:
            mo_path.write_bytes(data)
            written.append(mo_path)
    return written
