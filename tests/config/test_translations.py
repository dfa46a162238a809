"""The gettext catalogues are complete, valid, compiled, and actually used under /en/."""

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.utils import translation
from django.utils.translation import trans_real

BASE_DIR = Path(__file__).resolve().parents[2]
LOCALE_DIR = BASE_DIR / "locale"
CATALOGUES = [LOCALE_DIR / code / "LC_MESSAGES" / "django.po" for code in ("en", "id")]


def _load_checker():
    path = BASE_DIR / "scripts" / "check_translations.py"
    spec = importlib.util.spec_from_file_location("check_translations", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look the module up while it executes
    spec.loader.exec_module(module)
    return module


check_translations = _load_checker()


def _msgfmt() -> str:
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        if os.environ.get("CI"):
            pytest.fail("msgfmt (gettext) is missing; CI must install it (make messages)")
        pytest.skip("msgfmt (gettext) is not installed; run `make messages`")
    return msgfmt


@pytest.fixture(scope="session")
def compiled_catalogues():
    """Make sure the .mo files exist and are not older than their .po (`make messages` does it)."""
    compiled = False
    for po in CATALOGUES:
        mo = po.with_suffix(".mo")
        if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
            command = [_msgfmt(), "--check-format", "-o", str(mo), str(po)]
            subprocess.run(command, check=True)  # noqa: S603 (fixed argv, no shell)
            compiled = True
    if compiled:
        # Forget catalogues Django may have loaded before the .mo files were (re)written.
        trans_real._translations = {}
        trans_real._default = None
        trans_real._active = trans_real.Local()


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda path: path.parent.parent.name)
def test_catalogue_has_no_untranslated_or_fuzzy_entry(po):
    assert po.exists(), f"{po} is missing; run makemessages"
    problems = check_translations.check_catalogue(po)
    assert not problems, "\n".join(problems)


def test_checker_covers_every_catalogue():
    found = check_translations.catalogues()
    assert set(CATALOGUES) <= set(found)
    assert check_translations.check_catalogues() == []


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda path: path.parent.parent.name)
def test_msgfmt_accepts_catalogue(po):
    result = subprocess.run(  # noqa: S603 (fixed argv, no shell)
        [_msgfmt(), "--check", "-o", os.devnull, str(po)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "warning" not in result.stderr, result.stderr


def test_checker_reports_untranslated_and_fuzzy_entries(tmp_path):
    po = tmp_path / "en" / "LC_MESSAGES" / "django.po"
    po.parent.mkdir(parents=True)
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: en\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
        'msgid "Saring"\nmsgstr ""\n\n'
        '#, fuzzy\nmsgid "Terapkan"\nmsgstr "Apply"\n\n'
        'msgid "Cari"\nmsgstr "Search"\n',
        encoding="utf-8",
    )
    problems = "\n".join(check_translations.check_catalogue(po))
    assert "'Saring': untranslated" in problems
    assert "'Terapkan': fuzzy" in problems
    assert "Cari" not in problems


@pytest.mark.usefixtures("compiled_catalogues")
def test_english_catalogue_is_used():
    with translation.override("en"):
        assert translation.gettext("Harga atas permintaan") == "Price on request"
        assert translation.gettext("Langsung ke isi") == "Skip to content"
        one = translation.ngettext("%(counter)s produk", "%(counter)s produk", 1)
        many = translation.ngettext("%(counter)s produk", "%(counter)s produk", 3)
        assert one % {"counter": 1} == "1 product"
        assert many % {"counter": 3} == "3 products"
    with translation.override("id"):
        assert translation.gettext("Harga atas permintaan") == "Harga atas permintaan"


def _navigation(html: str) -> str:
    """The skip link, the header, the catalogue filters and the sort form: the template's own UI
    text (not product data, which stays in the language the IKM wrote it in)."""
    header = re.search(r"<body.*?</header>", html, re.S)
    filters = re.search(r'<aside class="filters".*?</aside>', html, re.S)
    sort = re.search(r'<form method="get" class="sort-form">.*?</form>', html, re.S)
    assert header and filters and sort, "catalogue page lost its header, filters or sort form"
    return header.group(0) + filters.group(0) + sort.group(0)


@pytest.mark.django_db
@pytest.mark.usefixtures("compiled_catalogues")
def test_english_catalogue_page_shows_english_navigation(client):
    response = client.get("/en/katalog/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    nav = _navigation(html)
    for english in ("Skip to content", "Filter", "Apply", "Sort", "Search", "Catalogue"):
        assert english in nav, english
    for indonesian in ("Langsung ke isi", "Saring", "Terapkan", "Urutkan", "Menu utama"):
        assert indonesian not in nav, indonesian


@pytest.mark.django_db
@pytest.mark.usefixtures("compiled_catalogues")
def test_indonesian_catalogue_page_keeps_source_text(client):
    response = client.get("/katalog/")
    assert response.status_code == 200
    nav = _navigation(response.content.decode())
    for indonesian in ("Langsung ke isi", "Saring", "Terapkan", "Urutkan"):
        assert indonesian in nav, indonesian
    assert "Skip to content" not in nav


@pytest.fixture(scope="module")
def _gettext_tools():
    if shutil.which("xgettext") is None or shutil.which("msgmerge") is None:
        if os.environ.get("CI"):
            pytest.fail("xgettext/msgmerge (gettext) are missing; CI must install gettext")
        pytest.skip("gettext is not installed; run `make messages`")


@pytest.mark.usefixtures("_gettext_tools")
def test_every_string_in_the_code_is_in_the_catalogues():
    """makemessages on a copy of the project adds nothing untranslated: no string was added to
    the code or a template without updating and translating locale/."""
    problems = check_translations.check_sources()
    assert not problems, "\n".join(problems)


@pytest.mark.usefixtures("_gettext_tools")
def test_a_string_added_without_makemessages_is_caught():
    def add_string(copy):
        template = copy / "templates" / "includes" / "zz_untranslated_probe.html"
        template.write_text(
            '{% load i18n %}<p>{% translate "Kalimat uji yang belum masuk katalog" %}</p>\n',
            encoding="utf-8",
        )
        module = copy / "catalog" / "zz_untranslated_probe.py"
        module.write_text(
            "from django.utils.translation import gettext_lazy as _\n\n"
            'LABEL = _("Label uji baru")\n',
            encoding="utf-8",
        )

    problems = check_translations.check_sources(prepare=add_string)
    for language in ("en", "id"):
        for msgid in ("Kalimat uji yang belum masuk katalog", "Label uji baru"):
            # msgmerge may guess a translation from a similar msgid: fuzzy is just as missing.
            assert any(
                line.startswith(f"locale/{language}: ")
                and re.search(rf"msgid '{msgid}': (untranslated|fuzzy)", line)
                for line in problems
            ), (language, msgid, problems)
    assert not (BASE_DIR / "templates" / "includes" / "zz_untranslated_probe.html").exists()
