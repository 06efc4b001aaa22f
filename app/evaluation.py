"""Scoring extracted obligations against hand-labelled gold files (../shared/gold format; rules in SCORING.md).

Pure: takes the API's obligation records and a gold file's obligations, returns counts and the pairs behind them.
"""

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from app.ingest.actors import COMMON_ACRONYMS

_STOPWORDS = {"the", "of", "for", "and", "to", "on", "in", "a", "an", "its", "their", "&"}
_JACCARD = 0.5


@dataclass
class OrderScore:
    eo_number: int
    extracted: int = 0  # counted in precision (not matched to a borderline gold)
    gold: int = 0  # non-borderline gold
    matched: int = 0
    deadline_right: int = 0
    actors_right: int = 0
    actors_total: int = 0
    misses: list[Mapping[str, Any]] = field(default_factory=list)
    extras: list[Mapping[str, Any]] = field(default_factory=list)
    wrong_deadlines: list[tuple[Mapping[str, Any], Mapping[str, Any]]] = field(default_factory=list)
    wrong_actors: list[tuple[Mapping[str, Any], Mapping[str, Any]]] = field(default_factory=list)

    def add(self, other: "OrderScore") -> None:
        for name in ("extracted", "gold", "matched", "deadline_right", "actors_right", "actors_total"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def precision(self) -> float:
        return self.matched / self.extracted if self.extracted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def deadline_accuracy(self) -> float:
        return self.deadline_right / self.matched if self.matched else 1.0

    @property
    def actor_accuracy(self) -> float:
        return self.actors_right / self.actors_total if self.actors_total else 1.0


def normalise_section(section: str | None) -> str:
    text = (section or "").lower()
    return re.sub(r"\s+|sec\.|section", "", text)


def _modal(modal: str) -> str:
    return "is directed to" if "directed" in modal else modal


def significant_words(name: str) -> set[str]:
    words = set()
    for word in re.findall(r"[A-Za-z][A-Za-z'-]*", name):
        expansion = COMMON_ACRONYMS.get(word)
        for part in expansion.split() if expansion else [word]:
            if part.lower() not in _STOPWORDS:
                words.add(part.lower())
    return words


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def actor_matches(gold_actor: str, extracted: Sequence[Mapping[str, Any]]) -> bool:
    gold_words = significant_words(gold_actor)
    for actor in extracted:
        for candidate in (actor.get("name") or "", (actor.get("agency_slug") or "").replace("-", " ")):
            if _jaccard(gold_words, significant_words(candidate)) >= _JACCARD:
                return True
    return False


def deadline_matches(gold: Mapping[str, Any] | None, extracted: Mapping[str, Any] | None) -> bool:
    if gold is None:
        return extracted is None
    if extracted is None:
        return False
    if "days_after_event" in gold:
        return extracted["kind"] == "days_after_event" and extracted["days"] == gold["days_after_event"]
    if "days_after_signing" in gold:
        return extracted["kind"] == "days_after_signing" and extracted["days"] == gold["days_after_signing"]
    if "date" in gold:
        return str(extracted.get("due_date")) == gold["date"]
    if "recurring" in gold:
        words = set(str(gold["recurring"]).lower().split())
        return extracted["kind"] == "recurring" and bool(words & set(str(extracted.get("recurrence")).lower().split()))
    return False


def _deadline_right(gold: Mapping[str, Any], extracted: Mapping[str, Any]) -> bool:
    if "inherited_deadline" in gold and extracted.get("deadline") is None:
        return True
    if "inherited_deadline" in gold and deadline_matches(gold["inherited_deadline"], extracted.get("deadline")):
        return True
    return deadline_matches(gold.get("deadline"), extracted.get("deadline"))


def score_order(
    eo_number: int, gold: Iterable[Mapping[str, Any]], extracted: Iterable[Mapping[str, Any]]
) -> OrderScore:
    """Match extracted to gold within (section, modal), each gold at most once, preferring overlapping actors: real
    labels take their matches before borderline ones, and within each, pairs whose actors overlap are made first."""
    score = OrderScore(eo_number)
    pool: dict[tuple[str, str], list[Mapping[str, Any]]] = {}
    for item in extracted:
        pool.setdefault(_key(item), []).append(item)
    golds = list(gold)
    chosen: dict[int, Mapping[str, Any]] = {}
    for borderline in (False, True):
        for overlapping in (True, False):
            for index, item in enumerate(golds):
                if index in chosen or bool(item.get("borderline")) != borderline:
                    continue
                candidates = pool.get(_key(item), [])
                match = next((c for c in candidates if not overlapping or _overlap(item, c)), None)
                if match is not None:
                    candidates.remove(match)
                    chosen[index] = match
    for index, item in enumerate(golds):
        if item.get("borderline"):
            continue
        score.gold += 1
        match = chosen.get(index)
        if match is None:
            score.misses.append(item)
            continue
        score.matched += 1
        score.extracted += 1
        if _deadline_right(item, match):
            score.deadline_right += 1
        else:
            score.wrong_deadlines.append((item, match))
        right = sum(actor_matches(actor, match["actors"]) for actor in item["actors"])
        score.actors_right += right
        score.actors_total += len(item["actors"])
        if right < len(item["actors"]):
            score.wrong_actors.append((item, match))
    for leftover in pool.values():
        score.extras += leftover
        score.extracted += len(leftover)
    return score


def _key(item: Mapping[str, Any]) -> tuple[str, str]:
    return normalise_section(item["section"]), _modal(item["modal"])


def _overlap(gold: Mapping[str, Any], extracted: Mapping[str, Any]) -> bool:
    return any(actor_matches(actor, extracted["actors"]) for actor in gold["actors"])
