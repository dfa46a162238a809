"""Finding English on the admin screens that owners, curators and operators use.

Not a test module: imported by tests/config/test_admin_indonesian.py (every gettext lookup while
the screens render) and tests/e2e/test_admin_indonesian_browser.py (the text the browser shows,
JavaScript's strings included).

Wagtail's and Django's Indonesian catalogues are incomplete; the project fills the gaps in
config/admin_locale/id/LC_MESSAGES/ (django.po and djangojs.po). A string is "English on an
Indonesian screen" when its msgid is looked up with Indonesian active and no catalogue (ours,
Wagtail's `id_ID`, Django's `id`) translates it.
"""

import re
from collections import defaultdict
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from django.utils import translation
from django.utils.translation import trans_real

# Screens a crawl never opens: they end the session, act on GET (Wagtail's own logout and the
# two-factor reset are POST-only, but the crawl stays away from any "delete"/"logout" link), or
# stream files rather than screens.
SKIPPED = re.compile(
    r"/(logout|delete|unpublish|revisions/\d+/(view|revert)|preview|export|csv|xlsx|download|"
    r"jsi18n|choose|chooser|autocomplete|usage|serve|original|file|document)"
)
NUMBERS = re.compile(r"\d+")
WORD = re.compile(r"[A-Za-z]{2,}")


def screen_pattern(path):
    """One visit per kind of screen: /admin/pages/12/edit/ and /admin/pages/40/edit/ are one."""
    return NUMBERS.sub("N", path)


class MissingStrings:
    """msgids looked up under Indonesian that no catalogue translates, with where they showed."""

    def __init__(self):
        self.found = defaultdict(set)  # msgid -> screens
        self.screen = ""

    def note(self, key, msgid):
        if translation.get_language() != "id" or not WORD.search(msgid):
            return
        active = trans_real.translation("id")
        if key not in active._catalog:
            self.found[msgid].add(self.screen)

    def report(self):
        return "\n".join(
            f"  {msgid!r}  ({', '.join(sorted(screens)[:3])})"
            for msgid, screens in sorted(self.found.items())
        )


@contextmanager
def recording_missing_strings():
    """Record every untranslated msgid that gettext, pgettext and ngettext are asked for."""
    missing = MissingStrings()
    trans = translation._trans
    real = {name: getattr(trans, name) for name in ("gettext", "pgettext", "ngettext", "npgettext")}

    def gettext(message):
        missing.note(message, message)
        return real["gettext"](message)

    def pgettext(context, message):
        missing.note(f"{context}\x04{message}", message)
        return real["pgettext"](context, message)

    def ngettext(singular, plural, number):
        missing.note((singular, 0), singular)
        return real["ngettext"](singular, plural, number)

    def npgettext(context, singular, plural, number):
        missing.note((f"{context}\x04{singular}", 0), singular)
        return real["npgettext"](context, singular, plural, number)

    for name, wrapper in (
        ("gettext", gettext),
        ("pgettext", pgettext),
        ("ngettext", ngettext),
        ("npgettext", npgettext),
    ):
        setattr(trans, name, wrapper)
    try:
        yield missing
    finally:
        for name, function in real.items():
            setattr(trans, name, function)


# Links in the markup, and the menu's links in the sidebar's JSON props (rendered by JavaScript).
ADMIN_LINK = re.compile(r'(?:href="|"url": ")(/admin/[^"#]*)"')


def crawl_admin(client, missing, starts=("/admin/",), limit=150):
    """GET admin screens reachable by links from `start`, one per kind of screen.

    Returns {pattern: status}. `starts` adds screens no link reaches (an edit form). Query
    strings are dropped (filters and sorting show the same strings); links that act or end the
    session are skipped.
    """
    seen, queue, visited = set(), list(starts), {}
    while queue and len(visited) < limit:
        path = urlsplit(queue.pop(0)).path
        pattern = screen_pattern(path)
        if pattern in seen or SKIPPED.search(path):
            continue
        seen.add(pattern)
        missing.screen = path
        response = client.get(path, HTTP_ACCEPT_LANGUAGE="id")
        visited[pattern] = response.status_code
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        for link in ADMIN_LINK.findall(response.content.decode()):
            queue.append(urljoin(path, link.replace("&amp;", "&")))
    return visited


def untranslated_english():
    """English msgids of Wagtail's and Django's catalogues that no Indonesian catalogue translates.

    Python strings are checked against the Indonesian translation Django merges (ours, Wagtail's
    `id_ID`, Django's `id`); JavaScript strings (the `djangojs` domain Wagtail's admin scripts
    use) against the Indonesian djangojs catalogues. The browser test looks for these as whole
    lines of visible text.
    """
    import django
    import wagtail
    from django.conf import settings

    sources = [Path(wagtail.__file__).parent, Path(django.__file__).parent]
    active = trans_real.translation("id")._catalog
    english, js_translated = set(), set()
    for source in sources:
        for po in source.glob("**/locale/en/LC_MESSAGES/django.po"):
            english.update(m for m in _msgids(po) if m not in active)
    for locale_dir in [*sources, *map(Path, settings.LOCALE_PATHS)]:
        for po in locale_dir.glob("**/id*/LC_MESSAGES/djangojs.po"):
            js_translated.update(_msgids(po, translated_only=True))
    for source in sources:
        for po in source.glob("**/locale/en/LC_MESSAGES/djangojs.po"):
            english.update(m for m in _msgids(po) if m not in js_translated)
    return {m for m in english if WORD.search(m) and len(m) > 3}


_ENTRY = re.compile(r'^msgid ((?:".*"\n)+)msgstr(?:\[0\])? ((?:".*"\n?)+)', re.M)


def _unquote(lines):
    return "".join(re.findall(r'"(.*)"', lines)).replace('\\"', '"').replace("\\n", "\n")


def _msgids(po, translated_only=False):
    """msgids without placeholders (they never show verbatim), optionally only translated ones."""
    for match in _ENTRY.finditer(po.read_text(encoding="utf-8")):
        msgid, msgstr = _unquote(match.group(1)), _unquote(match.group(2))
        if not msgid or "%" in msgid or "{" in msgid or (translated_only and not msgstr):
            continue
        yield msgid
