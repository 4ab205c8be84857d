#!/usr/bin/env python3
"""List untranslated, fuzzy or broken entries in pnt's gettext catalogues.

    python scripts/check_translations.py                    # every language, every entry
    python scripts/check_translations.py --newcomer-facing  # nl: everything; fr/ar/uk: only
                                                            # entries newcomers and volunteers see
    python scripts/check_translations.py --templates        # also: hard-coded text in templates

Dutch (nl) is the leading interface language and must be complete. English (en) is the
source language of the code, so its catalogue may stay empty. French, Arabic and Ukrainian
must at least cover every string on a page a newcomer or a volunteer sees: an entry counts
as newcomer-facing when one of its `#:` source references matches NEWCOMER_FACING below.

Problems reported per entry: untranslated (an empty msgstr or plural form), fuzzy (a guess
by msgmerge that nobody checked), a wrong number of plural forms, and placeholders
(`%(name)s`, `%s`, `{name}`) that differ between msgid and msgstr.

Pure Python, no dependencies: a small .po parser lives in this file. Exit status 1 when
something is missing, with the list on standard output.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE_DIR = ROOT / "src" / "pnt"
LOCALE_DIR = PACKAGE_DIR / "locale"

#: Languages checked for every entry.
FULL_LANGUAGES = ["nl"]
#: Languages checked for newcomer-facing entries (for every entry without --newcomer-facing).
NEWCOMER_LANGUAGES = ["fr", "ar", "uk"]
#: The source language: its catalogue may keep empty msgstr (gettext then shows the msgid).
SOURCE_LANGUAGE = "en"

#: Source references (paths relative to src/pnt, as written by makemessages after `#:`)
#: of pages, e-mails and texts that newcomers and volunteers see. fnmatch patterns: `*`
#: also matches `/`. Keep this list in step with the newcomer-facing pages.
NEWCOMER_FACING = [
    # the shell around every public page
    "web/templates/base.html",
    "web/templates/web/_language_switcher.html",
    "web/templates/web/_pagination.html",
    "web/templates/web/_form.html",
    "web/templates/web/_public*",
    "web/templates/web/public_*",
    "web/templates/web/home*.html",
    "web/context_processors.py",  # the menu shown to visitors who are not logged in
    "settings.py",  # language names in the language switcher
    # public catalogue, activity page, request form (/catalogus/…)
    "*/templates/*/public_*",
    "*/templates/*/catalogus*",
    "*/templates/*/catalogue*",
    "*/templates/*/_public_*",
    "offer/vocabulary.py",  # activity types, themes, goals, Dutch levels shown on cards
    "web/templatetags/pictograms.py",  # the labels beside the pictograms
    "offer/models.py",  # schedule, weekday and price labels shown on the activity page
    "offer/public*.py",
    "offer/forms.py",  # the catalogue's filters
    "offer/cards.py",  # the activity cards of the public catalogue
    "offer/templatetags/offer.py",
    "offer/templates/offer/_card.html",
    "offer/templates/offer/_filters.html",
    "offer/templates/offer/_results.html",
    # asking for a place without an account
    "placerequests/forms.py",
    "placerequests/views.py",
    "placerequests/templates/placerequests/request_form.html",
    "placerequests/templates/placerequests/request_sent.html",
    # "describe what you like" on the public catalogue
    "ownwords/templates/ownwords/_describe_box.html",
    "ownwords/templates/ownwords/_matches.html",
    "ownwords/templates/ownwords/public_*",
    # the feedback questionnaires behind a link
    "reporting/templates/reporting/feedback_form.html",
    "reporting/templates/reporting/feedback_thanks.html",
    "reporting/forms.py",
    # follow-on check-in links and the public information pages
    "outreach/templates/outreach/check_in.html",
    "outreach/templates/outreach/_check_in_state.html",
    "outreach/templates/outreach/info_index.html",
    "outreach/templates/outreach/info_page.html",
    # volunteer sign-up, meeting log, questionnaires
    "buddies/templates/buddies/public_*",
    "buddies/templates/buddies/signup*",
    "buddies/templates/buddies/sign_up*",
    "buddies/templates/buddies/volunteer_signup*",
    "buddies/templates/buddies/meeting*",
    "buddies/templates/buddies/log*",
    "buddies/forms.py",
    "*/views_public.py",  # messages on the public pages
    "*/templates/*/questionnaire*",
    "*/templates/*/survey*",
    "*/questionnaire*.py",
    "*/survey*.py",
    # e-mails to newcomers and volunteers
    "*/templates/*/email/*",
    "*/templates/*/emails/*",
    "*/templates/*/mail/*",
    "*/emails.py",
    "*/notifications.py",
]

REFERENCE_LINE = re.compile(r"^(?P<path>.+?)(?::\d+)?$")
# %(name)s, %s, %d, %% and {name} / {0} placeholders; %% is an escaped percent sign.
PLACEHOLDER = re.compile(r"%\([^)]+\)[-#0 +]*\d*(?:\.\d+)?[sdifrxXeEgGcoa%]|%[-#0 +]*\d*[sdifr%]")
BRACE_PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}|\{\d+\}")


# --- a small .po parser ------------------------------------------------------------------


@dataclass
class Entry:
    msgid: str = ""
    msgid_plural: str | None = None
    msgctxt: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)  # every comment line, as written
    obsolete: bool = False
    lineno: int = 0

    @property
    def key(self) -> tuple[str | None, str, str | None]:
        return (self.msgctxt, self.msgid, self.msgid_plural)

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags

    @property
    def is_header(self) -> bool:
        return self.msgid == "" and self.msgctxt is None

    def label(self) -> str:
        text = self.msgid if self.msgid_plural is None else f"{self.msgid} | {self.msgid_plural}"
        if self.msgctxt:
            text = f"[{self.msgctxt}] {text}"
        return text

    @property
    def paths(self) -> list[str]:
        return [REFERENCE_LINE.match(ref).group("path") for ref in self.references]


def _unquote(text: str, path: Path, lineno: int) -> str:
    text = text.strip()
    if len(text) < 2 or text[0] != '"' or text[-1] != '"':
        raise ValueError(f"{path}:{lineno}: expected a quoted string, got {text!r}")
    body = text[1:-1]
    out, i = [], 0
    escapes = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b"}
    while i < len(body):
        char = body[i]
        if char == "\\" and i + 1 < len(body):
            out.append(escapes.get(body[i + 1], body[i + 1]))
            i += 2
        else:
            out.append(char)
            i += 1
    return "".join(out)


def parse_po(path: Path) -> list[Entry]:
    """Parse a .po file into entries (the header entry included, obsolete ones marked)."""
    entries: list[Entry] = []
    entry = Entry()
    target: tuple[str, int | None] | None = None  # the field continuation lines append to
    seen_msgid = False

    def finish():
        nonlocal entry, target, seen_msgid
        if seen_msgid:
            entries.append(entry)
        elif entry.comments:
            pass  # trailing comments without an entry: ignore
        entry, target, seen_msgid = Entry(), None, False

    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line:
            if seen_msgid:
                finish()
            continue
        obsolete = False
        if line.startswith("#~"):
            obsolete = True
            line = line[2:].strip()
            if not line or line.startswith("|"):
                continue
        elif line.startswith("#"):
            if seen_msgid:
                finish()
            entry.comments.append(raw)
            if line.startswith("#:"):
                entry.references.extend(line[2:].split())
            elif line.startswith("#,"):
                entry.flags.extend(flag.strip() for flag in line[2:].split(",") if flag.strip())
            continue
        if line.startswith('"'):
            if target is None:
                raise ValueError(f"{path}:{lineno}: a continuation line outside an entry")
            name, index = target
            value = _unquote(line, path, lineno)
            if name == "msgstr":
                entry.msgstr[index] = entry.msgstr.get(index, "") + value
            else:
                setattr(entry, name, (getattr(entry, name) or "") + value)
            continue
        keyword, _, rest = line.partition(" ")
        if (
            keyword in {"msgctxt", "msgid"}
            and seen_msgid
            and (keyword == "msgctxt" or entry.msgstr)
        ):
            finish()
        if not entry.lineno:
            entry.lineno = lineno
        entry.obsolete = entry.obsolete or obsolete
        if keyword == "msgctxt":
            entry.msgctxt = _unquote(rest, path, lineno)
            target = ("msgctxt", None)
        elif keyword == "msgid":
            entry.msgid = _unquote(rest, path, lineno)
            seen_msgid = True
            target = ("msgid", None)
        elif keyword == "msgid_plural":
            entry.msgid_plural = _unquote(rest, path, lineno)
            target = ("msgid_plural", None)
        elif keyword == "msgstr":
            entry.msgstr[0] = _unquote(rest, path, lineno)
            target = ("msgstr", 0)
        elif keyword.startswith("msgstr[") and keyword.endswith("]"):
            index = int(keyword[7:-1])
            entry.msgstr[index] = _unquote(rest, path, lineno)
            target = ("msgstr", index)
        else:
            raise ValueError(f"{path}:{lineno}: cannot read {raw!r}")
    finish()
    return entries


def header_fields(entries: list[Entry]) -> dict[str, str]:
    for entry in entries:
        if entry.is_header:
            fields = {}
            for line in entry.msgstr.get(0, "").splitlines():
                name, _, value = line.partition(":")
                if name.strip():
                    fields[name.strip()] = value.strip()
            return fields
    return {}


def nplurals(entries: list[Entry]) -> int:
    match = re.search(r"nplurals\s*=\s*(\d+)", header_fields(entries).get("Plural-Forms", ""))
    return int(match.group(1)) if match else 2


# --- checks ------------------------------------------------------------------------------


def is_newcomer_facing(entry: Entry, patterns: list[str] | None = None) -> bool:
    patterns = NEWCOMER_FACING if patterns is None else patterns
    return any(fnmatchcase(path, pattern) for path in entry.paths for pattern in patterns)


def placeholders(text: str) -> list[str]:
    found = [p for p in PLACEHOLDER.findall(text) if p != "%%"]
    return sorted(found + BRACE_PLACEHOLDER.findall(text))


@dataclass
class Problem:
    language: str
    kind: str  # untranslated, fuzzy, plural-forms, placeholders, header
    entry: Entry | None
    detail: str = ""

    def __str__(self) -> str:
        where = f"line {self.entry.lineno}: {self.entry.label()!r}" if self.entry else ""
        refs = f"  ({' '.join(self.entry.references[:3])})" if self.entry else ""
        detail = f" — {self.detail}" if self.detail else ""
        return f"[{self.language}] {self.kind}: {where}{detail}{refs}"


def check_catalogue(path: Path, language: str, only_newcomer_facing: bool = False) -> list[Problem]:
    entries = parse_po(path)
    problems: list[Problem] = []
    header = next((e for e in entries if e.is_header), None)
    if header is None:
        problems.append(Problem(language, "header", None, f"{path} has no header entry"))
    elif header.fuzzy:
        problems.append(
            Problem(
                language,
                "header",
                header,
                "the header is marked fuzzy, so msgfmt drops it (charset and plural forms)",
            )
        )
    expected_forms = nplurals(entries)
    for entry in entries:
        if entry.is_header or entry.obsolete:
            continue
        if only_newcomer_facing and not is_newcomer_facing(entry):
            continue
        forms = [entry.msgstr.get(i, "") for i in sorted(entry.msgstr)]
        if entry.msgid_plural is not None and len(entry.msgstr) != expected_forms:
            problems.append(
                Problem(
                    language,
                    "plural-forms",
                    entry,
                    f"{len(entry.msgstr)} forms, the header says {expected_forms}",
                )
            )
        if not forms or any(not form for form in forms):
            problems.append(Problem(language, "untranslated", entry))
            continue
        if entry.fuzzy:
            problems.append(Problem(language, "fuzzy", entry))
        wanted = set(placeholders(entry.msgid))
        if entry.msgid_plural is not None:
            wanted |= set(placeholders(entry.msgid_plural))
        for index, form in enumerate(forms):
            got = set(placeholders(form))
            # A plural form may leave out the count (e.g. Arabic "one"/"two"), never add one.
            missing = wanted - got if entry.msgid_plural is None else set()
            extra = got - wanted
            if missing or extra:
                problems.append(
                    Problem(
                        language,
                        "placeholders",
                        entry,
                        f"form {index}: missing {sorted(missing)}, unknown {sorted(extra)}",
                    )
                )
    return problems


def find_problems(
    locale_dir: Path = LOCALE_DIR,
    newcomer_facing: bool = False,
    languages: list[str] | None = None,
) -> dict[str, list[Problem]]:
    """Problems per language. nl is always checked in full; fr/ar/uk in full unless
    `newcomer_facing` is set, then only for newcomer-facing entries."""
    languages = languages or FULL_LANGUAGES + NEWCOMER_LANGUAGES
    result: dict[str, list[Problem]] = {}
    for language in languages:
        path = locale_dir / language / "LC_MESSAGES" / "django.po"
        if not path.exists():
            result[language] = [Problem(language, "missing", None, f"{path} does not exist")]
            continue
        restrict = newcomer_facing and language in NEWCOMER_LANGUAGES
        result[language] = check_catalogue(path, language, only_newcomer_facing=restrict)
    return result


def counts(locale_dir: Path = LOCALE_DIR) -> dict[str, tuple[int, int, int]]:
    """(translated, total, newcomer-facing total) per language."""
    out = {}
    for path in sorted(locale_dir.glob("*/LC_MESSAGES/django.po")):
        entries = [e for e in parse_po(path) if not e.is_header and not e.obsolete]
        done = sum(1 for e in entries if e.msgstr and all(e.msgstr.values()) and not e.fuzzy)
        facing = sum(1 for e in entries if is_newcomer_facing(e))
        out[path.parent.parent.name] = (done, len(entries), facing)
    return out


# --- hard-coded text in templates ---------------------------------------------------------

_TEMPLATE_BLOCKS = re.compile(
    r"{%\s*comment\s*%}.*?{%\s*endcomment\s*%}"
    r"|{%\s*(?:blocktranslate|blocktrans)\b.*?{%\s*end(?:blocktranslate|blocktrans)\s*%}"
    r"|{#.*?#}|{%.*?%}|{{.*?}}",
    re.S,
)
_SCRIPT_STYLE = re.compile(r"<(script|style)\b.*?</\1>", re.S | re.I)
_TAG = re.compile(r"<[^>]*>", re.S)
_TEXT_ATTRIBUTE = re.compile(
    r"""\b(title|alt|placeholder|aria-label|aria-description|label|summary)\s*=\s*("[^"]*"|'[^']*')""",
    re.I,
)
_WORD = re.compile(r"[^\W\d_]{2,}")
#: Text that is not language: brand names and symbols.
ALLOWED_TEXT = {"pnt", "UiTPAS", "ikdoemee.be", "AgII", "PNT"}


def _masked(text: str) -> str:
    """Blank out template tags/variables, keeping line numbers."""
    return _TEMPLATE_BLOCKS.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def hardcoded_strings(package_dir: Path = PACKAGE_DIR) -> list[tuple[str, int, str]]:
    """(path, line, text) of visible template text that is not wrapped in a translate tag.

    A heuristic: words in text nodes and in title/alt/placeholder/aria-label attributes,
    after template tags, comments and {% blocktranslate %} blocks are blanked out.
    Plain-text templates (.txt: e-mail bodies and subjects) are checked as text.
    """
    found = []
    for path in sorted(package_dir.glob("**/templates/**/*")):
        if path.suffix not in {".html", ".txt"} or not path.is_file():
            continue
        text = _masked(path.read_text(encoding="utf-8"))
        text = _SCRIPT_STYLE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
        candidates = []
        for match in _TEXT_ATTRIBUTE.finditer(text):
            candidates.append((match.start(2), match.group(2)[1:-1]))
        if path.suffix == ".html":
            text = _TAG.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
        for match in re.finditer(r"[^\n]+", text):
            candidates.append((match.start(), match.group(0)))
        for start, value in candidates:
            words = [w for w in _WORD.findall(value) if w not in ALLOWED_TEXT]
            words = [w for w in words if not w.startswith("nbsp")]
            if words:
                line = text.count("\n", 0, start) + 1
                rel = path.relative_to(package_dir.parent.parent).as_posix()
                found.append((rel, line, " ".join(value.split())))
    return found


# --- command line ------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--newcomer-facing",
        action="store_true",
        help="check fr/ar/uk only for entries on newcomer-facing pages (nl always in full)",
    )
    parser.add_argument("--templates", action="store_true", help="also list hard-coded text")
    parser.add_argument("--locale-dir", type=Path, default=LOCALE_DIR)
    parser.add_argument("--language", action="append", help="only this language (repeatable)")
    parser.add_argument("--summary", action="store_true", help="print counts per language")
    args = parser.parse_args(argv)

    failed = False
    if args.summary:
        for language, (done, total, facing) in counts(args.locale_dir).items():
            print(f"{language}: {done}/{total} translated ({facing} newcomer-facing entries)")
    problems = find_problems(args.locale_dir, args.newcomer_facing, args.language)
    for language, items in problems.items():
        if items:
            failed = True
            scope = (
                "newcomer-facing entries"
                if args.newcomer_facing and language in NEWCOMER_LANGUAGES
                else "all entries"
            )
            print(f"{language}: {len(items)} problem(s) in {scope}")
            for problem in items:
                print(f"  {problem}")
    if args.templates:
        hits = hardcoded_strings()
        if hits:
            failed = True
            print(f"{len(hits)} hard-coded text(s) in templates:")
            for path, line, text in hits:
                print(f"  {path}:{line}: {text}")
    if not failed:
        print("All checked catalogue entries are translated.")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
