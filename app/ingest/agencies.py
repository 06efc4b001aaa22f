"""Link the office or body named as an obligation's actor to its Federal Register agency (pure).

Orders name actors by title ("Secretary of Commerce", "Director of the Office of Management and Budget")
while the Federal Register (FR) lists agencies kind-last ("Commerce Department", "Management and Budget
Office"). Both sides are reduced to one key: lower case, no "the" or punctuation, "Department of X" read as
"X Department", no "United States" around it. A title "<Title> of X" stands for X, which may leave out its
kind word ("Commerce" for the Commerce Department). The few titles that do not name their agency at all are
listed in _ALIASES.
"""

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

# Names that do not contain the FR name of their agency, mapped to that FR name. An alias whose agency is
# missing from the FR list is skipped, so the general rules still apply to it.
_ALIASES = {
    "Attorney General": "Justice Department",
    "Solicitor General": "Justice Department",
    "Department of War": "Defense Department",  # the 2025 name of the department
    "United States Trade Representative": "Trade Representative, Office of United States",
    "Archivist of the United States": "National Archives and Records Administration",
    "Librarian of Congress": "Library of Congress",
    "Surgeon General": "Public Health Service",
    "Postmaster General": "Postal Service",
    "Comptroller General of the United States": "Government Accountability Office",
    "Director of National Intelligence": "National Intelligence, Office of the National Director",
    "Assistant Secretary of Commerce for Communications and Information": (
        "National Telecommunications and Information Administration"
    ),
}

# Kind words a title may leave out: "Secretary of Commerce" heads the Commerce Department. Tried in order.
_OMITTED_KINDS = ("department", "office", "administration", "agency", "bureau", "service", "commission")

_KIND_FIRST = re.compile(
    r"^(department|office|bureau|administration|agency|commission|council|board) (?:of|for|on) (.+)$"
)
_FR_INVERTED_KIND = re.compile(r"^(?:department|office|bureau|administration|agency) of\b", re.IGNORECASE)
_US_PREFIX = re.compile(r"^(?:united states|us) (?=.)")
_US_SUFFIX = re.compile(r"(?<=.) of united states$")

_TITLE = re.compile(
    r"^(?:secretary|director|executive director|administrator|chairman|chairwoman|chairperson|chair"
    r"|commissioner|head|archivist|librarian|commandant|board of governors|office) of (?P<body>.+)$",
    re.IGNORECASE,
)
_RANK = re.compile(r"^(?:acting|deputy|principal|assistant|associate|under) (?P<rest>.+)$", re.IGNORECASE)
_SUB_OFFICE = re.compile(r"^(?P<office>.+) for (?P<function>.+)$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Agency:
    id: int
    parent_id: int | None
    slug: str


def _clean(text: str) -> str:
    """Words only, case kept (short names are matched case-sensitively): "U.S." -> "US", no "the"."""
    text = re.sub(r"\([^)]*\)", " ", text).replace("&", " and ")
    text = re.sub(r"[.'\u2019]", "", text)
    return " ".join(word for word in re.split(r"[^A-Za-z0-9]+", text) if word and word.lower() != "the")


def _without_united_states(key: str) -> str:
    return _US_SUFFIX.sub("", _US_PREFIX.sub("", key))


def _key(cleaned: str) -> str:
    """The form both FR names and actor names are compared in: "Department of X" and "X Department" agree."""
    key = _without_united_states(cleaned.lower())
    if kind_first := _KIND_FIRST.match(key):
        key = f"{kind_first[2]} {kind_first[1]}"
    return _without_united_states(key)


def _fr_name_variants(name: str) -> list[str]:
    """An FR name in natural order ("X, Office of" -> "Office of X"), and each part of an "A/B" name."""
    rest, comma, inverted = name.rpartition(", ")
    if comma and _FR_INVERTED_KIND.match(inverted):
        name = f"{inverted} {rest}"
    parts = name.split("/")
    return [name, *parts] if len(parts) > 1 else [name]


class AgencyIndex:
    """Lookups built once from the FR agency list, so that each actor name costs a few dict lookups."""

    def __init__(self, by_key: dict[str, _Agency], by_short_name: dict[str, _Agency]) -> None:
        self._by_key = by_key
        self._by_short_name = by_short_name

    @classmethod
    def from_fr_agencies(cls, agencies: Iterable[Mapping[str, Any]]) -> "AgencyIndex":
        """Index the FR /agencies list; where names collide, a top-level agency wins, then the lowest id."""
        ranked = sorted(agencies, key=lambda fr: (fr.get("parent_id") is not None, int(fr["id"])))
        by_key: dict[str, _Agency] = {}
        by_short_name: dict[str, _Agency] = {}
        by_fr_name: dict[str, _Agency] = {}
        for fr in ranked:
            agency = _Agency(int(fr["id"]), fr.get("parent_id"), fr["slug"])
            by_fr_name.setdefault(fr["name"], agency)
            for variant in _fr_name_variants(fr["name"]):
                by_key.setdefault(_key(_clean(variant)), agency)
            if short_name := fr.get("short_name"):
                for variant in (short_name, *short_name.split("/")):
                    by_short_name.setdefault(_clean(variant), agency)
        for alias, fr_name in _ALIASES.items():
            if fr_name in by_fr_name:
                by_key.setdefault(_key(_clean(alias)), by_fr_name[fr_name])
        return cls(by_key, by_short_name)

    def slug_for(self, name: str) -> str | None:
        """The slug of the agency the actor is or heads; None for groups, advisers and unknown bodies."""
        agency = self._find(_clean(name))
        return agency.slug if agency else None

    def _find(self, text: str, after_title: bool = False) -> _Agency | None:
        """Match the whole name, else read it as rank, title or sub-office; after a title the kind may be left out."""
        candidates = [text, *(f"{text} {kind}" for kind in _OMITTED_KINDS)] if after_title else [text]
        for candidate in candidates:
            if agency := self._by_key.get(_key(candidate)):
                return agency
        if agency := self._by_short_name.get(text):
            return agency
        if rank := _RANK.match(text):
            return self._find(rank["rest"])
        if title := _TITLE.match(text):
            return self._find(title["body"], after_title=True)
        if sub_office := _SUB_OFFICE.match(text):
            return self._sub_office(sub_office["office"], sub_office["function"], after_title)
        return None

    def _sub_office(self, office: str, function: str, after_title: bool) -> _Agency | None:
        """A sub-office "X for Y" belongs to X, or to the agency Y names when that agency is part of X."""
        parent = self._find(office, after_title)
        unit = self._find(function, after_title=True)
        if parent and unit and unit.parent_id == parent.id:
            return unit
        return parent
