"""Relations between orders, read from the Federal Register's disposition notes and from an order's own text (pure).

The notes are free text such as "Revokes: EO 11063, November 20, 1962 (in part); EO 12259, ..." and
"Revoked in part by: EO 13456, January 23, 2008". Each labelled clause names zero or more orders. The notes are
incomplete (later revocations, orders without notes), so the order's own sentences ("Executive Order 14110 ... is
hereby revoked.") are read too, and the two are merged.
"""

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from app.ingest.parse import ParsedProvision

# (keyword in the label, kind when the label is passive ("Revoked by"), kind otherwise).
_KINDS = (
    ("revoke", "revoked_by", "revokes"),
    ("rescind", "revoked_by", "revokes"),
    ("terminat", "revoked_by", "revokes"),
    ("supersede", "superseded_by", "supersedes"),
    ("amend", "amended_by", "amends"),
    ("continue", "continued_by", "continues"),
    ("reinstate", "reinstated_by", "reinstates"),
    ("supplement", "supplemented_by", "supplements"),
    ("suspend", "suspended_by", "suspends"),
    ("see", "see", "see"),
)

INVERSE = {by: active for _, by, active in _KINDS} | {active: by for _, by, active in _KINDS}

# What a relation does to the order it points at, for the order's status.
ENDS = ("revoked_by", "superseded_by")  # in whole; in part it only amends
AMENDS = ("amended_by",)
RESTORES = ("reinstated_by",)

# A label opens the notes, a line or a clause, or follows the date or parenthesis that ended the previous item
# ("EO 12171, November 18, 1979 See: EO 13488").
_LABEL = re.compile(r"(?:^|[\n;]|(?<=\d)\s|(?<=\))\s)\s*([A-Z][A-Za-z ,()]{1,60}?):")
_PASSIVE_LABEL = re.compile(
    r"\b(?:revoked|rescinded|terminated|superseded|amended|continued|reinstated|supplemented|suspended)\b.*\bby\s*$",
    re.IGNORECASE,
)
_EO = re.compile(r"\b(?:E\.?\s?O\.?|Executive\s+Orders?(?:\s+No\.)?)\s+(\d{3,5})\b")
_PARTIAL = re.compile(r"\bin part\b|\bpartially\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Relation:
    kind: str
    target_eo_number: int
    partial: bool
    evidence: str  # the note or sentence it was read from
    source: str = "notes"  # "notes" (the FR disposition notes) or "text" (the order's own words)


def _kind(label: str) -> str | None:
    """The kind named by the label's first keyword ("Supersedes or Revokes" supersedes)."""
    words = label.lower()
    found = [
        (words.find(keyword), by_kind, active_kind) for keyword, by_kind, active_kind in _KINDS if keyword in words
    ]
    if not found:
        return None
    _, by_kind, active_kind = min(found)
    return by_kind if _PASSIVE_LABEL.search(label) else active_kind


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


# --------------------------------------------------------------------------------------------------------------------
# Relations an order states in its own text
# --------------------------------------------------------------------------------------------------------------------


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_DATE_TEXT = r"[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}"
_DATE = re.compile(rf"(?:\b(?:of|on|dated|issued|signed)\s+)?\b{_DATE_TEXT}")
_NUMBER = r"\d{3,5}\b"
_NUMBER_SEPARATOR = rf"(?:\s+of\s+{_DATE_TEXT})?(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)"
# "Executive Order No. 12958", "E.O. 13526", "Executive Orders 13988 of January 20, 2021, 14004 ..., and 14075".
_MENTION = re.compile(
    r"(?:\b(?i:executive\s+orders?)|\bE\.\s?O\.|\bEOs?\b)\s+(?:Nos?\.\s*|Numbers?\s+)?"
    rf"(?P<numbers>{_NUMBER}(?:{_NUMBER_SEPARATOR}{_NUMBER})*)"
)
# Verb stem -> kind; "replaced" only ever counts through the verb next to it ("is replaced and superseded").
_VERB_KINDS = (
    ("revok", "revokes"),
    ("rescind", "revokes"),
    ("repeal", "revokes"),
    ("supersed", "supersedes"),
    ("amend", "amends"),
    ("revis", "amends"),
    ("replac", None),
)
_PASSIVE_VERB = r"(?:revoked|rescinded|repealed|superseded|amended|revised|replaced)"
_PASSIVE = re.compile(
    r"(?<![\w-])(?P<modal>(?:may|might|should|could|would|can|cannot|must|will|to|not)\s+)?\b(?P<aux>is|are|be)"
    r"(?:\s+(?:hereby|further|also|each|both|accordingly|likewise|herewith|now|entirely|wholly))*"
    rf"\s+(?P<verbs>{_PASSIVE_VERB}(?:\s*(?:,|and|or)\s*{_PASSIVE_VERB})*)\b",
    re.IGNORECASE,
)
_ACTIVE_VERB = r"(?:revokes?|rescinds?|repeals?|supersedes?|amends?|revises?|replaces?)"
_ACTIVE_VERBS = rf"(?P<verbs>{_ACTIVE_VERB}(?:\s*(?:,|and|or)\s*{_ACTIVE_VERB})*)\b"
_ACTIVE = re.compile(
    r"(?:\b[Tt]his\s+(?:order|section|subsection|paragraph)|\bI|\b[Ii]n\s+order\s+to)"
    rf"(?:\s+(?:hereby|also|further|additionally|shall|do|expressly|thereby))*\s+{_ACTIVE_VERBS}"
)
# "I hereby terminate the national emergency declared in Executive Order 12722, revoke that Executive Order and ..."
_ACTIVE_SERIES = re.compile(rf"\bI\s+(?:hereby\s+)?(?P<span>[a-z][^.;:]{{0,300}}?)(?:,\s*|\s+and\s+){_ACTIVE_VERBS}")
_DIRECTIVE = re.compile(r"\b(?:to|shall|direct|directs|order|orders)\b")  # "I direct the Secretary to ... and revoke"
_NEGATION = re.compile(r"\b(?:not|nothing)\s+(?:\S+\s+){0,3}$", re.IGNORECASE)  # "Nothing in this order shall"
_TEXT_PARTIAL = re.compile(r"\bin part\b|\bpartially\b|\bto the extent\b|\binsofar as\b|\bexcept\b", re.IGNORECASE)
_LIST_INTRO = re.compile(r"[^.;:]{0,80}:")  # "are hereby revoked:", "are revoked in their entirety:"
_RELATIVE = re.compile(r",\s*which\s*$")  # "This order supersedes Executive Order 13592, which is revoked."
# An order named earlier: "... revoke that order", "These Executive Orders are hereby rescinded".
_ANAPHORA = re.compile(
    r"\s*\b(?:that|these|those|such|said)\s+(?:executive\s+)?order(?P<plural>s)?\b(?=[\s,]*$|\s*[,.;]|\s+and\b)",
    re.IGNORECASE,
)

# In the words before a mention, dates, "as amended" and "entitled" say nothing about its role in the clause.
_AS_AMENDED = re.compile(r"\bas\s+(?:further\s+|previously\s+|subsequently\s+)?amended\b(?!\s+by)", re.IGNORECASE)
_AS_WELL_AS = re.compile(r"\bas\s+well\s+as\b", re.IGNORECASE)
_UNIT = (
    r"(?:sub)?(?:sections?|secs?\.|paragraphs?|parts?|portions?|subparts?|sentences?|clauses?|annex(?:es)?|"
    r"schedules?|appendix|appendices|items?|definitions?|provisions?|text|list|tables?|headings?|titles?|chapters?)"
)
_UNIT_LABEL = r"(?:\d[\w.\-–]*|[A-Z]{1,3}\b|[ivxl]+\b|\(\w{1,5}\))(?:\(\w{1,5}\))*"
_UNIT_DETERMINERS = r"the|both|all|any|applicable|certain|such|first|second|third|last|final|remaining|that(?=\s+p)"
_ONE_UNIT = (
    rf"(?:(?:{_UNIT_DETERMINERS})\s+)*{_UNIT}(?:\s+{_UNIT_LABEL}"
    rf"(?:\s*(?:,\s*)?(?:and|or|through|to|-|–)?\s*(?:{_UNIT}\s+)?{_UNIT_LABEL})*)?(?:\s+thereof)?"
)
# "Section 3 of", "the Annex to", "Section 5 and that part of section 6(f) of": the mention names part of an order.
_UNIT_OF = re.compile(
    rf"\b(?:{_ONE_UNIT}(?:\s*,?\s*(?:and|or)\s+{_ONE_UNIT})*\s+(?:of|to)\s+(?:the\s+)?)+$", re.IGNORECASE
)
_WHOLE_ORDER = re.compile(r"(?:the\s+|all\s+(?:the\s+)?)?provisions\s+of\s+", re.IGNORECASE)
_OWN_LABEL = re.compile(r"\s*(?:(?:Section|SECTION|Sec\.?|SEC\.?)\s*\d[\d.\-]*(?:\.|(?=\s+[A-Z]))|\(\w{1,5}\))")
_MARKERS = re.compile(rf"^(?:{_OWN_LABEL.pattern}|\s*\w{{1,3}}\))+")  # also "1)"
_RESETS = _word_set("that therefore accordingly consequently thus")  # a new subject follows
# A mention right after these is a reference inside a modifier ("pursuant to", "as amended by", "which revoked").
_MODIFIERS = _word_set(
    "by under to in within with from pursuant per on for through against than into upon via of as such which who "
    "whose where not no nothing shall may must will should would can could is are was were be been has have had"
)
_NOT_MODIFIERS = _word_set("including entitled titled")

_ABBREVIATIONS = _word_set(
    "no nos sec secs sect stat pub jan feb mar apr jun jul aug sep sept oct nov dec mr mrs ms dr st jr sr inc co "
    "corp ltd v vs app supp etc cf gen"
)
_SENTENCE_BREAK = re.compile(r"[.!?][)\]]*\s+(?=[A-Z(\[])")
_CLAUSE_BREAK = re.compile(r";")
_EVIDENCE_LIMIT = 300


@dataclass(frozen=True, slots=True)
class _Mention:
    start: int
    end: int
    numbers: tuple[int, ...]
    head: bool  # subject or object of its clause, not a reference inside a modifier
    linked: bool  # joined to the previous mention by "and" or a comma only
    group: int  # linked mentions share a group; a new clause or "that" starts one
    partial: bool  # names a section, part or annex of the order, not all of it


@dataclass(frozen=True, slots=True)
class _Verb:
    start: int
    end: int
    kinds: tuple[str, ...]
    passive: bool
    plural: bool


def _mask(text: str) -> str:
    """`text` with quoted passages and spaced parentheticals blanked out, same length.

    Quoted text is amendment wording, not the order's own statement; a parenthetical after an order is its title
    ("(Amending Executive Order 14007)"). Short ones such as "(b)" stay, so "section 1(b)" is still readable.
    """
    chars = list(text)
    depth, straight, index = 0, False, 0
    while index < len(text):
        pair = text[index : index + 2]
        width = 2 if pair in ("``", "''") else 1
        opening, closing = text[index] == "“" or pair == "``", text[index] == "”" or pair == "''"
        if text[index] == '"':
            straight = not straight
            opening, closing = straight, not straight
        depth += opening
        if depth:
            chars[index : index + width] = " " * width
            depth -= closing
        index += width
    masked = "".join(chars)
    stack: list[int] = []
    for index, char in enumerate(masked):
        if char == "(":
            stack.append(index)
        elif char == ")" and stack:
            start = stack.pop()
            if any(c.isspace() for c in masked[start:index]):
                chars[start : index + 1] = " " * (index + 1 - start)
    return "".join(chars)


def _spans(masked: str, start: int, end: int, breaks: re.Pattern[str]) -> list[tuple[int, int]]:
    """[start, end) cut after each break, except a period that ends an abbreviation ("No.", "U.S.C.", "E.O.")."""
    spans, begin = [], start
    for match in breaks.finditer(masked, start, end):
        word = (masked[begin : match.start()].rsplit(None, 1)[-1:] or [""])[0].lstrip("(").lower()
        abbreviation = word in _ABBREVIATIONS or re.fullmatch(r"(?:\w\.)*\w", word)
        if match.group().startswith(".") and abbreviation:
            continue
        spans.append((begin, match.start() + 1))
        begin = match.end()
    if masked[begin:end].strip():
        spans.append((begin, end))
    return spans


def _verbs(masked: str, start: int, end: int) -> list[_Verb]:
    """The revoking, superseding and amending verbs of a clause; negated and modal ones ("should be") are not."""
    found = []
    for pattern in (_PASSIVE, _ACTIVE, _ACTIVE_SERIES):
        for match in pattern.finditer(masked, start, end):
            groups = match.groupdict()
            if groups.get("modal") or _NEGATION.search(masked, start, match.start()):
                continue
            if pattern is _ACTIVE_SERIES and _DIRECTIVE.search(groups["span"]):
                continue
            words = re.findall(r"[a-z]+", groups["verbs"].lower())
            kinds = tuple(kind for word in words for stem, kind in _VERB_KINDS if word.startswith(stem) and kind)
            if kinds:
                start_at = match.start("verbs") if pattern is _ACTIVE_SERIES else match.start()
                plural = (groups.get("aux") or "").lower() == "are"
                found.append(_Verb(start_at, match.end(), kinds, pattern is _PASSIVE, plural))
    return sorted(found, key=lambda verb: verb.start)


def _mentions(masked: str, start: int, end: int, verbs: Sequence[_Verb]) -> list[_Mention]:
    """The numbered orders named in a clause, each with its role read from the words before it."""
    found: list[_Mention] = []
    group = 0
    for match in _MENTION.finditer(masked, start, end):
        previous = found[-1] if found else None
        lead_start = max([start, *(verb.end for verb in verbs if verb.end <= match.start())])
        first = previous is None or lead_start > previous.end
        lead = masked[lead_start if first else previous.end : match.start()]
        lead = _AS_WELL_AS.sub(" and ", _AS_AMENDED.sub(" ", _DATE.sub(" ", lead)))
        unit = _UNIT_OF.search(lead)
        partial = bool(unit) and not _WHOLE_ORDER.fullmatch(unit.group())
        *aside, near = re.split(r"[,:]", lead[: unit.start()] if unit else lead)
        words = re.findall(r"[\w/]+", _MARKERS.sub("", near).lower())
        modified = any(w in _MODIFIERS or (w.endswith(("ing", "ed")) and w not in _NOT_MODIFIERS) for w in words)
        numbers = tuple(int(number) for number in re.findall(r"\d+", _DATE.sub(" ", match.group("numbers"))))
        # A reference, then the same order again as the subject: "... to update Executive Order 12863, which created
        # the Board, Executive Order 12863 ... is amended", "... set forth in Executive Order 13295, section 1 of ..."
        restated = not words and bool(aside) and any(seen.numbers == numbers for seen in found)
        linked = False
        if words and words[-1] in _RESETS or _RESETS.intersection(words) and not modified:
            head, group = True, group + 1
        elif first or restated:
            head, group = words == ["in"] or not modified, group + 1  # "In Executive Order 13038, ... is amended"
        else:
            head, linked = previous.head and not modified, not modified
        found.append(_Mention(match.start(), match.end(), numbers, head, linked, group, partial))
    return found


def _body_start(provision: ParsedProvision) -> int:
    """Where the provision's own words begin, after its label and caption ("Sec. 2. Revocation.")."""
    text = provision.text
    label = _OWN_LABEL.match(text) if provision.kind in ("section", "paragraph") else None
    start = label.end() if label else 0
    if provision.heading:
        found = text.find(provision.heading, start, start + len(provision.heading) + 3)
        if found != -1:
            start = found + len(provision.heading)
    return start + len(text[start:]) - len(text[start:].lstrip(" .:—–-"))


def _trim(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _EVIDENCE_LIMIT else text[: _EVIDENCE_LIMIT - 1].rstrip() + "…"


def _descendants(provisions: Sequence[ParsedProvision], key: str) -> list[ParsedProvision]:
    parents = {provision.key: provision.parent_key for provision in provisions}

    def descends(candidate: str | None) -> bool:
        while candidate is not None:
            candidate = parents.get(candidate)
            if candidate == key:
                return True
        return False

    return [provision for provision in provisions if descends(provision.key)]


class _Reader:
    """Reads an order sentence by sentence, collecting one relation per (kind, order) in text order."""

    def __init__(self, provisions: Sequence[ParsedProvision], own_eo_number: int) -> None:
        self.provisions = provisions
        self.own = own_eo_number
        self.found: dict[tuple[str, int], Relation] = {}

    def add(self, kinds: Sequence[str], mentions: Sequence[_Mention], partial: bool, evidence: str) -> None:
        """Record relations; one stays partial only while every mention of it is partial."""
        for mention in mentions:
            for number in mention.numbers:
                for kind in kinds:
                    if number == self.own:
                        continue
                    is_partial = kind != "amends" and (partial or mention.partial)  # an amendment is always in part
                    known = self.found.get((kind, number))
                    if known is None:
                        self.found[(kind, number)] = Relation(kind, number, is_partial, _trim(evidence))
                    elif known.partial and not is_partial:
                        self.found[(kind, number)] = Relation(kind, number, False, known.evidence)

    def read(self, provision: ParsedProvision) -> None:
        masked = _mask(provision.text)
        earlier: list[_Mention] = []
        for sentence in _spans(masked, _body_start(provision), len(masked), _SENTENCE_BREAK):
            earlier = self._read_sentence(provision, masked, sentence, earlier)

    def _read_sentence(
        self, provision: ParsedProvision, masked: str, sentence: tuple[int, int], earlier: list[_Mention]
    ) -> list[_Mention]:
        """Relations of one sentence; returns the orders it names, for "These Executive Orders" in the next one."""
        evidence = provision.text[sentence[0] : sentence[1]]
        named: list[_Mention] = []
        pending: list[_Mention] = []  # "Executive Order 12882; Executive Order 12907; and ... are hereby revoked."
        carried: tuple[str, ...] = ()  # "This order supersedes Executive Order 13125 ...; Executive Order 13339 ..."
        for clause in _spans(masked, *sentence, _CLAUSE_BREAK):
            verbs = _verbs(masked, *clause)
            mentions = _mentions(masked, *clause, verbs)
            if not verbs:
                heads = [mention for mention in mentions if mention.head]
                self.add(carried, heads, False, evidence)
                pending += heads
            for index, verb in enumerate(verbs):
                window_start = verbs[index - 1].end if index else clause[0]
                window_end = verbs[index + 1].start if index + 1 < len(verbs) else clause[1]
                if verb.passive:
                    before = [m for m in mentions if window_start <= m.start < verb.start]
                    tail = masked[before[-1].end if before else window_start : verb.start]
                    anaphora = _ANAPHORA.search(_AS_AMENDED.sub(lambda m: " " * len(m.group()), tail))
                    if anaphora and not tail[anaphora.end() :].strip(" ,"):  # "section 3 of that order is amended"
                        subjects = self._antecedents(anaphora, named + mentions, earlier, verb.start)
                        partial_text = "in part" if _UNIT_OF.search(tail[: anaphora.start()] + " ") else ""
                    elif before and _RELATIVE.search(tail):
                        subjects = [m for m in before if m.group == before[-1].group] if verb.plural else before[-1:]
                        partial_text = ""
                    else:
                        heads = [m for m in before if m.head]
                        last = heads[-1].group if heads else None
                        subjects = [m for m in before if m.group == last and (m.head or verb.plural and m.linked)]
                        subjects = pending + subjects if index == 0 else subjects
                        partial_text = tail
                    partial_text += masked[verb.end : window_end]
                else:
                    after = [m for m in mentions if verb.end <= m.start < window_end]
                    subjects = [m for m in after if m.head and m.group == after[0].group]
                    anaphora = _ANAPHORA.match(masked, verb.end)
                    if anaphora:
                        subjects = self._antecedents(anaphora, named + mentions, earlier, verb.start) + subjects
                    partial_text = masked[verb.end : window_end]
                self.add(verb.kinds, subjects, bool(_TEXT_PARTIAL.search(partial_text)), evidence)
                listed = tuple(kind for kind in verb.kinds if kind != "amends")
                intro = _LIST_INTRO.match(masked, verb.end, clause[1])
                if listed and intro and index + 1 == len(verbs):
                    self._read_list(provision, masked, listed, (sentence[0], intro.end()), sentence[1])
            if verbs:
                pending = []
                carried = () if verbs[-1].passive else verbs[-1].kinds
            named += mentions
        return named

    @staticmethod
    def _antecedents(
        anaphora: re.Match[str], named: list[_Mention], earlier: list[_Mention], before: int
    ) -> list[_Mention]:
        """The orders "that order" (the last one named) or "these orders" (all of this or the last sentence's) mean."""
        candidates = [mention for mention in named if mention.start < before]
        if anaphora.group("plural"):
            return candidates or earlier
        return candidates[-1:]

    def _read_list(
        self, provision: ParsedProvision, masked: str, kinds: tuple[str, ...], intro: tuple[int, int], end: int
    ) -> None:
        """A rescission list: the orders named after "are hereby revoked:", in the same sentence or the items below."""
        lead = provision.text[intro[0] : intro[1]]
        heads = [mention for mention in _mentions(masked, intro[1], end, ()) if mention.head]
        for index, mention in enumerate(heads):
            item_end = heads[index + 1].start if index + 1 < len(heads) else end
            item = provision.text[mention.start : item_end].rstrip(" ,;.").removesuffix(" and")
            self.add(kinds, [mention], bool(_TEXT_PARTIAL.search(masked, mention.end, item_end)), f"{lead} {item}")
        if masked[intro[1] :].strip():
            return
        for child in _descendants(self.provisions, provision.key):
            child_masked = _mask(child.text)
            for start, end in _spans(child_masked, _body_start(child), len(child_masked), _SENTENCE_BREAK):
                mentions = [
                    mention
                    for clause in _spans(child_masked, start, end, _CLAUSE_BREAK)
                    for mention in _mentions(child_masked, *clause, _verbs(child_masked, *clause))
                    if mention.head
                ]
                partial = bool(_TEXT_PARTIAL.search(child_masked, start, end))
                self.add(kinds, mentions, partial, f"{lead} {child.text[start:end]}")


def relations_from_text(provisions: Sequence[ParsedProvision], own_eo_number: int) -> list[Relation]:
    """What the order itself says it revokes, supersedes or amends, each with the sentence that says so.

    Read clause by clause: a verb's subjects ("Executive Order 13985 ... is hereby revoked") or objects ("This order
    supersedes Executive Order 12143"), and the items of a list it introduces ("are hereby revoked:"). Orders named
    only as references ("pursuant to", "as amended by", in quoted amendment text or in a title) are not related.
    """
    reader = _Reader(provisions, own_eo_number)
    for provision in provisions:
        reader.read(provision)
    return [replace(relation, source="text") for relation in reader.found.values()]


def merge_relations(*groups: Iterable[Relation]) -> list[Relation]:
    """One relation per (kind, order) across sources: the first source's evidence, partial only if all agree."""
    merged: dict[tuple[str, int], Relation] = {}
    for group in groups:
        for relation in group:
            key = (relation.kind, relation.target_eo_number)
            known = merged.get(key)
            if known is None:
                merged[key] = relation
            elif known.partial and not relation.partial:
                merged[key] = replace(known, partial=False)
    return list(merged.values())
