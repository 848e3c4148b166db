"""Every reader-facing string is translated into every language, and the .mo files are current."""

import gettext
import re
from io import BytesIO

import pytest
from django.conf import settings

from news.catalogs import catalog_files, compiled, problems, read_catalog

CATALOGS = catalog_files()
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]")


def test_every_language_but_english_has_catalogs():
    languages = {path.parent.parent.name for path in CATALOGS}
    assert languages == {code for code, _name in settings.ALL_LANGUAGES} - {"en"}
    assert any(path.is_relative_to(settings.BASE_DIR / "locale") for path in CATALOGS)


@pytest.mark.parametrize("po_path", CATALOGS, ids=lambda p: str(p.relative_to(settings.BASE_DIR)))
def test_no_empty_or_fuzzy_entries(po_path):
    assert problems(po_path) == []


@pytest.mark.parametrize("po_path", CATALOGS, ids=lambda p: str(p.relative_to(settings.BASE_DIR)))
def test_placeholders_survive_translation(po_path):
    for message in read_catalog(po_path):
        if not message.id:
            continue
        source = message.id if isinstance(message.id, str) else message.id[0]
        strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
        for string in strings:
            assert sorted(PLACEHOLDER.findall(string)) == sorted(PLACEHOLDER.findall(source)), (
                po_path,
                source,
            )


@pytest.mark.parametrize("po_path", CATALOGS, ids=lambda p: str(p.relative_to(settings.BASE_DIR)))
def test_mo_file_is_up_to_date(po_path):
    """The committed .mo says what the .po says (rebuild: manage.py compile_catalogs)."""
    mo_path = po_path.with_suffix(".mo")
    assert mo_path.exists(), f"{mo_path} missing: run manage.py compile_catalogs"
    committed = gettext.GNUTranslations(BytesIO(mo_path.read_bytes()))._catalog
    expected = gettext.GNUTranslations(BytesIO(compiled(po_path)))._catalog
    assert committed == expected, f"{mo_path} is stale: run manage.py compile_catalogs"


def test_the_check_finds_an_empty_and_a_fuzzy_entry(tmp_path):
    po = tmp_path / "kk" / "LC_MESSAGES" / "django.po"
    po.parent.mkdir(parents=True)
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Latest"\nmsgstr ""\n\n#, fuzzy\nmsgid "Tags"\nmsgstr "Тегтер"\n',
        encoding="utf-8",
    )
    found = problems(po)
    assert len(found) == 2
    assert "empty msgstr for 'Latest'" in found[0] and "fuzzy entry 'Tags'" in found[1]
