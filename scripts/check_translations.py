#!/usr/bin/env python3
"""Check the gettext catalogues in locale/ and keep the Indonesian one complete.

The source strings of Etalase IKM are Indonesian, so the Indonesian catalogue only repeats
them (msgstr = msgid) while the English one carries real translations.

    python scripts/check_translations.py            # check locale/*/LC_MESSAGES/django.po
    python scripts/check_translations.py --fill-id  # after makemessages: fill locale/id
    python scripts/check_translations.py --sources  # also: is every string in the code in them?

Check mode exits with status 1 and lists every untranslated or fuzzy entry (by msgid), plural
entries whose number of forms does not match the header's Plural-Forms, python-format
placeholders that differ between msgid and msgstr, and header problems. Standard library only.

`--sources` runs makemessages (the documented command, MAKEMESSAGES_ARGS) on a temporary copy
of the project and checks the copy's catalogues: a translatable string added to the code or a
template without running makemessages shows up there as untranslated, and fails.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
LOCALE_DIR = BASE_DIR / "locale"
DOMAIN = "django"
PROJECT = "Etalase IKM"
ID_PLURAL_FORMS = "nplurals=1; plural=0;"
# The values xgettext puts in a new catalogue (msgfmt -c warns about them) and their replacements.
TEMPLATE_HEADER_VALUES = {
    "Last-Translator": "FULL NAME <EMAIL@ADDRESS>",
    "Language-Team": "LANGUAGE <LL@li.org>",
}
ID_HEADER_DEFAULTS = {"Last-Translator": PROJECT, "Language-Team": "Indonesian"}
TEMPLATE_COMMENTS = {
    "# SOME DESCRIPTIVE TITLE.",
    "# Copyright (C) YEAR THE PACKAGE'S COPYRIGHT HOLDER",
    "# This file is distributed under the same license as the PACKAGE package.",
    "# FIRST AUTHOR <EMAIL@ADDRESS>, YEAR.",
}
ID_HEADER_COMMENTS = [
    "# Indonesian catalogue of Etalase IKM. The source strings are Indonesian, so msgstr = msgid:",
    "# run scripts/check_translations.py --fill-id after makemessages.",
]

_KEYWORD = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(".*")\s*$')
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b"}
_ESCAPES |= {"f": "\f", "v": "\v"}
_ESCAPE = re.compile(r"\\(x[0-9A-Fa-f]{1,2}|[0-7]{1,3}|.)")
_PLACEHOLDER = re.compile(r"%(?:\((\w+)\))?[#0 +-]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[diouxXeEfFgGcrsa%]")


class POError(ValueError):
    """A line the parser does not understand."""


@dataclass
class Entry:
    """One catalogue entry; line numbers are 1-based, `start`/`end` bound its block (0-based)."""

    lineno: int
    start: int
    end: int = 0
    comments: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    msgctxt: str | None = None
    msgid: str = ""
    msgid_plural: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    obsolete: bool = False
    # Raw source lines of each keyword ("msgid", "msgid_plural", "msgstr[0]", ...).
    raw: dict[str, list[str]] = field(default_factory=dict)

    @property
    def is_header(self) -> bool:
        return self.msgid == "" and self.msgctxt is None and not self.obsolete

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags

    @property
    def untranslated(self) -> bool:
        return not self.msgstr or any(value == "" for value in self.msgstr.values())

    def label(self) -> str:
        text = self.msgid if len(self.msgid) <= 70 else self.msgid[:67] + "..."
        context = f" (msgctxt {self.msgctxt!r})" if self.msgctxt is not None else ""
        return f"line {self.lineno}: msgid {text!r}{context}"


def unescape(literal: str) -> str:
    """Decode one PO string literal, quotes included."""

    def replace(match: re.Match[str]) -> str:
        code = match.group(1)
        if code[0] == "x" and len(code) > 1:
            return chr(int(code[1:], 16))
        if code[0] in "01234567":
            return chr(int(code, 8))
        return _ESCAPES.get(code, code)

    return _ESCAPE.sub(replace, literal[1:-1])


def parse_po(text: str) -> list[Entry]:
    """Parse a PO file into entries (obsolete `#~` entries included, flagged `obsolete`)."""
    entries: list[Entry] = []
    entry: Entry | None = None
    current: str | None = None  # keyword whose continuation lines follow
    lines = text.splitlines()

    def finish(end: int) -> None:
        nonlocal entry, current
        if entry is not None and (entry.raw or entry.obsolete):
            entry.end = end
            entries.append(entry)
        entry, current = None, None

    for index, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            finish(index)
            continue
        if entry is not None and entry.raw and stripped.startswith("#") and current is not None:
            # A comment after the strings starts a new entry (no blank line in between).
            finish(index)
        if entry is None:
            entry = Entry(lineno=index + 1, start=index)
        if stripped.startswith("#~"):
            entry.obsolete = True
            entry.comments.append(line)
            continue
        if stripped.startswith("#,"):
            entry.flags.extend(f.strip() for f in stripped[2:].split(",") if f.strip())
            entry.comments.append(line)
            continue
        if stripped.startswith("#"):
            entry.comments.append(line)
            continue
        if stripped.startswith('"'):
            if current is None:
                raise POError(f"line {index + 1}: string without a keyword")
            entry.raw[current].append(line)
            _append(entry, current, unescape(stripped))
            continue
        match = _KEYWORD.match(stripped)
        if not match:
            raise POError(f"line {index + 1}: cannot parse {line!r}")
        keyword, _plural_index, literal = match.groups()
        if keyword in entry.raw:
            raise POError(f"line {index + 1}: {keyword} repeated in one entry")
        if keyword == "msgctxt" and entry.raw:
            # msgctxt always opens an entry.
            finish(index)
            entry = Entry(lineno=index + 1, start=index)
        current = keyword
        entry.raw[keyword] = [line]
        _append(entry, keyword, unescape(literal))
    finish(len(lines))
    return entries


def _append(entry: Entry, keyword: str, value: str) -> None:
    if keyword == "msgctxt":
        entry.msgctxt = (entry.msgctxt or "") + value
    elif keyword == "msgid":
        entry.msgid += value
    elif keyword == "msgid_plural":
        entry.msgid_plural = (entry.msgid_plural or "") + value
    else:
        index = int(keyword[7:-1]) if keyword.startswith("msgstr[") else 0
        entry.msgstr[index] = entry.msgstr.get(index, "") + value


def header_fields(entries: list[Entry]) -> dict[str, str]:
    header = next((e for e in entries if e.is_header), None)
    if header is None:
        return {}
    fields = {}
    for line in header.msgstr.get(0, "").splitlines():
        name, sep, value = line.partition(":")
        if sep:
            fields[name.strip()] = value.strip()
    return fields


def nplurals(fields: dict[str, str]) -> int | None:
    match = re.search(r"nplurals\s*=\s*(\d+)", fields.get("Plural-Forms", ""))
    return int(match.group(1)) if match else None


def placeholders(text: str) -> tuple[set[str], int]:
    """Named python-format placeholders and the number of unnamed ones (`%%` excluded)."""
    named, unnamed = set(), 0
    for match in _PLACEHOLDER.finditer(text):
        if match.group(0) == "%%":
            continue
        if match.group(1):
            named.add(match.group(1))
        else:
            unnamed += 1
    return named, unnamed


def _placeholder_problems(entry: Entry, forms: int | None) -> list[str]:
    if "python-format" not in entry.flags or entry.untranslated:
        return []
    problems = []
    if entry.msgid_plural is None:
        expected = placeholders(entry.msgid)
        found = placeholders(entry.msgstr.get(0, ""))
        if found != expected:
            problems.append(
                f"{entry.label()}: placeholders {_describe(found)} in msgstr, "
                f"expected {_describe(expected)}"
            )
        return problems
    source_names = placeholders(entry.msgid)[0] | placeholders(entry.msgid_plural)[0]
    plural_names = placeholders(entry.msgid_plural)[0]
    for index, value in sorted(entry.msgstr.items()):
        names = placeholders(value)[0]
        unknown = names - source_names
        # The singular form may spell the number out; every other form must keep them all.
        missing = set() if index == 0 and forms != 1 else plural_names - names
        if unknown or missing:
            problems.append(
                f"{entry.label()}: msgstr[{index}] has placeholders {_describe((names, 0))}, "
                f"expected {_describe((plural_names, 0))}"
            )
    return problems


def _describe(found: tuple[set[str], int]) -> str:
    named, unnamed = found
    parts = [f"%({name})s" for name in sorted(named)] + ["%s"] * unnamed
    return ", ".join(parts) or "none"


def check_catalogue(path: Path | str) -> list[str]:
    """Every problem found in one catalogue, each prefixed with the file's path."""
    path = Path(path)
    try:
        shown = path.relative_to(BASE_DIR)
    except ValueError:
        shown = path
    try:
        entries = parse_po(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, POError) as error:
        return [f"{shown}: {error}"]
    problems = []
    fields = header_fields(entries)
    header = next((e for e in entries if e.is_header), None)
    language = path.parent.parent.name
    if header is None:
        problems.append("no header entry")
    else:
        if header.fuzzy:
            problems.append("header is marked fuzzy")
        if fields.get("Language") != language:
            problems.append(f"header Language is {fields.get('Language')!r}, expected {language!r}")
        if "charset=utf-8" not in fields.get("Content-Type", "").lower().replace(" ", ""):
            problems.append("header Content-Type must declare charset=UTF-8")
        if nplurals(fields) is None:
            problems.append("header has no Plural-Forms")
    forms = nplurals(fields)
    for entry in entries:
        if entry.obsolete or entry.is_header:
            continue
        if entry.fuzzy:
            problems.append(f"{entry.label()}: fuzzy")
        if entry.untranslated:
            problems.append(f"{entry.label()}: untranslated")
        if entry.msgid_plural is not None and forms is not None and len(entry.msgstr) != forms:
            problems.append(
                f"{entry.label()}: {len(entry.msgstr)} plural forms, Plural-Forms says {forms}"
            )
        problems.extend(_placeholder_problems(entry, forms))
    return [f"{shown}: {problem}" for problem in problems]


def catalogues(locale_dir: Path = LOCALE_DIR) -> list[Path]:
    return sorted(locale_dir.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def check_catalogues(paths: list[Path] | None = None) -> list[str]:
    """Problems in every catalogue (default: locale/*/LC_MESSAGES/django.po)."""
    paths = catalogues() if paths is None else paths
    if not paths:
        return [f"no {DOMAIN}.po catalogue under {LOCALE_DIR}"]
    return [problem for path in paths for problem in check_catalogue(path)]


MAKEMESSAGES_ARGS = [
    "makemessages",
    "-l",
    "id",
    "-l",
    "en",
    "--ignore=.venv",
    "--ignore=node_modules",
    "--ignore=tests",
    "--no-location",
    "-v",
    "0",
]
# What the copy leaves out: no translatable source of ours lives there.
COPY_IGNORE = shutil.ignore_patterns(
    ".git",
    ".venv",
    "node_modules",
    "tests",
    "media",
    "private-media",
    "static",
    "docs",
    "__pycache__",
    "*.sqlite3",
    "*.mo",
    "*.json",
    "*.png",
    "*.jpg",
)


def check_sources(base_dir: Path = BASE_DIR, python: str | None = None, prepare=None) -> list[str]:
    """Problems in the catalogues after makemessages on a temporary copy of `base_dir`.

    `prepare(copy_dir)` may change the copy first (the tests add a string to prove it fails).
    The real locale/ is never written to.
    """
    with tempfile.TemporaryDirectory(prefix="etalase-messages-") as tmp:
        copy = Path(tmp) / "project"
        shutil.copytree(base_dir, copy, ignore=COPY_IGNORE, symlinks=True)
        if prepare is not None:
            prepare(copy)
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
        env.pop("DATABASE_URL", None)  # makemessages needs no database
        result = subprocess.run(  # noqa: S603 (fixed argv, no shell)
            [python or sys.executable, "manage.py", *MAKEMESSAGES_ARGS],
            cwd=copy,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            return [f"makemessages failed: {result.stderr.strip()}"]
        problems = []
        for path in catalogues(copy / "locale"):
            language = path.parent.parent.name
            for problem in check_catalogue(path):
                message = problem.split(": ", 1)[-1]
                problems.append(f"locale/{language}: {message} (run makemessages)")
        return problems


def _copy_as_msgstr(raw_lines: list[str], keyword: str, target: str) -> list[str]:
    """Reuse the source string's own lines (same escaping and wrapping) under a new keyword."""
    first = raw_lines[0]
    indent = first[: len(first) - len(first.lstrip())]
    return [indent + target + first.lstrip()[len(keyword) :], *raw_lines[1:]]


def _header_lines(header: Entry, updates: dict[str, str]) -> list[str]:
    fields = [line for line in header.msgstr.get(0, "").split("\n") if line]
    seen = set()
    result = []
    for line in fields:
        name = line.partition(":")[0].strip()
        if name in updates:
            line = f"{name}: {updates[name]}"
            seen.add(name)
        result.append(line)
    result += [f"{name}: {value}" for name, value in updates.items() if name not in seen]
    escaped = [line.replace("\\", "\\\\").replace('"', '\\"') for line in result]
    return ['msgstr ""', *[f'"{line}\\n"' for line in escaped]]


def fill_id_catalogue(path: Path | str | None = None, now: datetime | None = None) -> int:
    """Give every empty or fuzzy entry of the Indonesian catalogue msgstr = msgid.

    Indonesian is the source language, so its translation is the source text itself; a fuzzy
    entry (msgmerge's guess from a similar old string) is replaced the same way. Plural entries
    get one form (nplurals=1): msgid_plural, the general form that is shown for every n. The
    header is set to Language id, UTF-8, Plural-Forms "nplurals=1; plural=0;". Returns the
    number of entries filled.
    """
    path = Path(path) if path is not None else LOCALE_DIR / "id" / "LC_MESSAGES" / f"{DOMAIN}.po"
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    entries = parse_po(text)
    replacements: dict[int, tuple[int, list[str]]] = {}
    filled = 0
    for entry in entries:
        if entry.obsolete:
            continue
        comments = [c for c in entry.comments if not c.startswith("#|")]
        if entry.fuzzy:
            comments = [_drop_fuzzy(c) for c in comments]
            comments = [c for c in comments if c is not None]
        if entry.is_header:
            continue
        if not (entry.fuzzy or entry.untranslated or len(entry.msgstr) != 1):
            continue
        keys = [entry.raw[k] for k in ("msgctxt", "msgid", "msgid_plural") if k in entry.raw]
        if entry.msgid_plural is None:
            msgstr = _copy_as_msgstr(entry.raw["msgid"], "msgid", "msgstr")
        else:
            msgstr = _copy_as_msgstr(entry.raw["msgid_plural"], "msgid_plural", "msgstr[0]")
        block = comments + [line for key in keys for line in key] + msgstr
        replacements[entry.start] = (entry.end, block)
        filled += 1

    header = next((e for e in entries if e.is_header), None)
    if header is not None:
        fields = header_fields(entries)
        updates = {
            "Project-Id-Version": PROJECT,
            "Language": "id",
            "Content-Type": "text/plain; charset=UTF-8",
            "Plural-Forms": ID_PLURAL_FORMS,
        }
        for name, value in TEMPLATE_HEADER_VALUES.items():
            if fields.get(name) == value:
                updates[name] = ID_HEADER_DEFAULTS[name]
        if filled or header.fuzzy or any(fields.get(k) != v for k, v in updates.items()):
            stamp = (now or datetime.now().astimezone()).strftime("%Y-%m-%d %H:%M%z")
            updates["PO-Revision-Date"] = stamp
            comments = [_drop_fuzzy(c) for c in header.comments if not c.startswith("#|")]
            comments = [c for c in comments if c is not None]
            if any(c in TEMPLATE_COMMENTS for c in comments):
                kept = [c for c in comments if c not in TEMPLATE_COMMENTS]
                comments = [*ID_HEADER_COMMENTS, *kept]
            block = comments + header.raw["msgid"]
            replacements[header.start] = (header.end, block + _header_lines(header, updates))

    if not replacements:
        return 0
    output: list[str] = []
    index = 0
    while index < len(lines):
        if index in replacements:
            end, block = replacements[index]
            output.extend(block)
            index = end
        else:
            output.append(lines[index])
            index += 1
    path.write_text("\n".join(output) + "\n", encoding="utf-8")
    return filled


def _drop_fuzzy(comment: str) -> str | None:
    if not comment.startswith("#,"):
        return comment
    flags = [f.strip() for f in comment[2:].split(",") if f.strip() and f.strip() != "fuzzy"]
    return "#, " + ", ".join(flags) if flags else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--fill-id",
        action="store_true",
        help="copy msgid to msgstr for every empty or fuzzy entry of locale/id, then check",
    )
    parser.add_argument(
        "--sources",
        action="store_true",
        help="also run makemessages on a temporary copy: every string in the code translated?",
    )
    parser.add_argument("catalogues", nargs="*", type=Path, help="PO files to check")
    args = parser.parse_args(argv)
    if args.fill_id:
        count = fill_id_catalogue()
        print(f"locale/id: filled {count} entr{'y' if count == 1 else 'ies'}")
    problems = check_catalogues(args.catalogues or None)
    if args.sources:
        problems += check_sources()
    if problems:
        print("\n".join(problems), file=sys.stderr)
        print(f"{len(problems)} problem(s) in the translation catalogues", file=sys.stderr)
        return 1
    print("translation catalogues complete")
    return 0


if __name__ == "__main__":
    sys.exit(main())
