"""Relations between orders read from the Federal Register's disposition notes (pure).

The notes are free text such as "Revokes: EO 11063, November 20, 1962 (in part); EO 12259, ..." and
"Revoked in part by: EO 13456, January 23, 2008". Each labelled clause names zero or more orders.
"""

import re
from dataclasses import dataclass

# (keyword in the label, kind when the label ends in "by", kind otherwise).
_KINDS = (
    ("revoke", "revoked_by", "revokes"),
    ("rescind", "revoked_by", "revokes"),
    ("supersede", "superseded_by", "supersedes"),
    ("amend", "amended_by", "amends"),
    ("continue", "continued_by", "continues"),
    ("reinstate", "reinstated_by", "reinstates"),
    ("supplement", "supplemented_by", "supplements"),
    ("suspend", "suspended_by", "suspends"),
    ("see", "see", "see"),
)

INVERSE = {by: active for _, by, active in _KINDS} | {active: by for _, by, active in _KINDS}

_LABEL = re.compile(r"(?:^|[\n;])\s*([A-Z][A-Za-z ,]{1,60}?):")
_EO = re.compile(r"\bE\.?\s?O\.?\s+(\d{3,5})\b")
_PARTIAL = re.compile(r"\bin part\b|\bpartially\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Relation:
    kind: str
    target_eo_number: int
    partial: bool
    evidence: str


def _kind(label: str) -> str | None:
    """The kind named by the label's first keyword ("Supersedes or Revokes" supersedes)."""
    words = label.lower()
    found = [
        (words.find(keyword), by_kind, active_kind) for keyword, by_kind, active_kind in _KINDS if keyword in words
    ]
    if not found:
        return None
    _, by_kind, active_kind = min(found)
    return by_kind if words.rstrip().endswith(" by") else active_kind


def relations_from_notes(notes: str | None, own_eo_number: int) -> list[Relation]:
    """Every (kind, order) pair the notes state, once each, in the order they appear."""
    if not notes:
        return []
    labels = list(_LABEL.finditer(notes))
    found: dict[tuple[str, int], Relation] = {}
    for index, label in enumerate(labels):
        kind = _kind(label.group(1))
        if kind is None:
            continue
        end = labels[index + 1].start() if index + 1 < len(labels) else len(notes)
        body = notes[label.end() : end]
        label_partial = bool(_PARTIAL.search(label.group(1)))
        for item in body.split(";"):
            for match in _EO.finditer(item):
                target = int(match.group(1))
                if target == own_eo_number or (kind, target) in found:
                    continue
                evidence = f"{label.group(1).strip()}: {item.strip()}"
                found[(kind, target)] = Relation(kind, target, label_partial or bool(_PARTIAL.search(item)), evidence)
    return list(found.values())
