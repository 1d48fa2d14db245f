"""Datelines ("WASHINGTON/MOSCOW/KYIV:", "LONDON (Reuters) -") and wire agency credits."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..resources import data_rows

_DATA = "dateline.clean.data"
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}"
_SEPARATOR = r"\s*(?::|—|–|--|-)\s+"
# All-caps place names, several joined by "/", an optional ", Region", date and agency.
_CAPS_DATELINE = re.compile(
    r"^(?P<places>[A-Z][A-Z.'’-]+(?:[ ][A-Z][A-Z.'’-]+){0,3}(?:\s*/\s*[A-Z][A-Z.'’-]+(?:[ ][A-Z][A-Z.'’-]+){0,3})*)"
    rf"(?:,\s*(?P<region>[A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+){{0,2}}))?(?:,?\s*(?P<date>{_MONTH}))?"
    rf"\s*(?:\((?P<agency>[^)]{{1,40}})\))?{_SEPARATOR}"
)
# Mixed case needs the agency in brackets to be read as a dateline: "Washington (AP) —".
_AGENCY_DATELINE = re.compile(
    r"^(?P<places>[A-Z][a-z]+(?:[ ][A-Z][a-z]+){0,2})(?:,\s*(?P<region>[A-Z][\w.]+(?:\s[A-Z][\w.]+)?))?"
    rf"\s*\((?P<agency>[^)]{{1,40}})\){_SEPARATOR}"
)


@dataclass(frozen=True)
class Dateline:
    places: list[str]
    agency: str | None
    length: int  # characters to strip from the paragraph


def parse_dateline(paragraph: str) -> Dateline | None:
    match = _CAPS_DATELINE.match(paragraph) or _AGENCY_DATELINE.match(paragraph)
    if not match:
        return None
    places = [_title_case(p) for p in re.split(r"\s*/\s*", match.group("places"))]
    if not all(len(p) >= 2 for p in places):
        return None
    agency = find_agency_in(match.group("agency") or "")
    return Dateline(places=places, agency=agency, length=match.end())


def _title_case(name: str) -> str:
    return " ".join(w[:1] + w[1:].lower() if w.isupper() else w for w in name.strip().split())


@cache
def _agency_forms() -> list[tuple[str, str]]:
    forms = [(form, code) for code, joined in data_rows(_DATA, "agencies.tsv") for form in joined.split("|")]
    return sorted(forms, key=lambda pair: -len(pair[0]))  # longest first


@cache
def _alternatives() -> str:
    return "|".join(re.escape(form) for form, _ in _agency_forms())


@cache
def _agency_regex() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])({_alternatives()})(?![\w-])")


@cache
def _body_regex() -> re.Pattern[str]:
    forms = _alternatives()
    return re.compile(rf"\btold (?:the )?({forms})\b|\b({forms}) (?:reported|learned|understands)\b")


def _code(form: str) -> str:
    return dict(_agency_forms())[form]


def find_agency_in(text: str) -> str | None:
    """The agency named in a short credit such as "File/AFP" or "Reuters"."""
    match = _agency_regex().search(text)
    return _code(match.group(1)) if match else None


def agency_from_credit(text: str) -> str | None:
    """Credits inside captions and bylines: "(File/AFP)", "AFP Photo", "Reuters/John Doe"."""
    for match in re.finditer(
        r"\(([^()]{1,60})\)\s*$|\b(?:photo|image|picture|credit)\s*:?\s*([^.]{1,60})$", text, re.I
    ):
        agency = find_agency_in(match.group(1) or match.group(2) or "")
        if agency:
            return agency
    return None


def agency_from_signoff(text: str) -> str | None:
    """A last line such as "— AFP" or "(Reporting by ...; Editing by ...)"."""
    if re.match(r"^\(?\s*(reporting|writing|additional reporting) by\b", text, re.I):
        return "Reuters"
    match = re.fullmatch(r"[\s(—–-]*([\w .-]{2,40}?)[\s)]*", text)
    return find_agency_in(match.group(1)) if match and match.group(1).strip() in dict(_agency_forms()) else None


def agency_from_body(text: str) -> str | None:
    """Reporting cues in the body: "told AFP", "AFP reported"."""
    match = _body_regex().search(text)
    return _code(match.group(1) or match.group(2)) if match else None


def agency_of(bylines: list[str], last_lines: list[str], captions: list[str], paragraphs: list[str]) -> str | None:
    """The article's wire agency, most explicit credit first: bylines and credit lines,
    then a sign-off, photo credits, and reporting cues in the body ("told AFP")."""
    for finder, texts in (
        (find_agency_in, bylines),
        (agency_from_signoff, last_lines),
        (agency_from_credit, captions),
        (agency_from_body, paragraphs),
    ):
        for text in texts:
            agency = finder(text)
            if agency:
                return agency
    return None
