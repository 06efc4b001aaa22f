"""Deadline phrases in a directive -> {kind, days, due_date, recurrence, event} (pure).

"Within 90 days of the date of this order" is 90 days after signing; "within 180 days of the completion of X"
is 180 days after an event; "by March 1, 2027" is a date; "annually" recurs. "1 year" is 365 days, a month 30.
Phrases without a period ("promptly", "as soon as practicable", "upon completion") are no deadline.
"""

import re
from dataclasses import dataclass
from datetime import date, timedelta

_UNITS = {"day": 1, "week": 7, "month": 30, "year": 365}
_SMALL = {
    "zero": 0, "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_NUMBER_WORD = r"(?:(?:one|two|three|four|five|six|seven|eight|nine)\s+hundred(?:\s+and)?\s+)?(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a|an)"  # noqa: E501
_NUMBER = rf"(?P<number>\d{{1,4}}|{_NUMBER_WORD})(?:\s*\(\d{{1,4}}\))?"
_UNIT = r"(?:business\s+)?(?P<unit>day|week|month|year)s?"  # "10 business days" are 10 days, as labellers count
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATE = rf"(?P<date>(?:{_MONTHS})\s+\d{{1,2}},\s+\d{{4}})"

_PERIOD = re.compile(
    rf"\b(?:within|not\s+later\s+than|no\s+later\s+than|not\s+more\s+than|no\s+more\s+than|at\s+least)\s+"
    rf"(?:the\s+)?{_NUMBER}[\s-]+{_UNIT}(?:,?\s+(?:measured\s+|counted\s+)?(?P<relation>of|after|from|following|before)\s+"
    rf"(?P<event>[^,;:.]+))?",  # "within 2 years, measured from the date of the publication of a notice"
    re.IGNORECASE,
)
# "90 days after the date of this order" (but not "in each of the first 5 years following ...")
_PERIOD_AFTER = re.compile(
    rf"(?<!of the first )(?<!last )(?<!next )(?<!each )(?<!for )(?<!during )\b{_NUMBER}[\s-]+{_UNIT}\s+"
    rf"(?P<relation>after|from|following)\s+(?P<event>[^,;:.]+)",
    re.IGNORECASE,
)
# How long something lasts, not when it is due: "for a period not to exceed 2 years", but "in a timely manner, not to
# exceed 90 days from the date of the request" is a deadline.
_DURATION = re.compile(
    r"\b(?:during|over|for|throughout|last|next|each|every|period\s+of|"
    r"(?:period|term|time|extension)s?\s+(?:of\s+)?not\s+to\s+exceed|up\s+to)"
    r"(?:\s+(?:the|a|an|of|each|first))*\s*$",
    re.IGNORECASE,
)
_BY_DATE = re.compile(
    rf"\b(?:by|before|prior\s+to|not\s+later\s+than|no\s+later\s+than|on\s+or\s+before|until)\s+{_DATE}", re.IGNORECASE
)
# "By February 2022": by the end of that month.
_BY_MONTH = re.compile(
    rf"\b(?i:by|before|not\s+later\s+than|no\s+later\s+than)\s+(?P<month>{_MONTHS})\s+(?P<year>\d{{4}})\b"
)  # the month's name keeps its capital: "by may 2022" is no date
_IMMEDIATELY = re.compile(r"\b(?:immediately|effective\s+immediately)\b", re.IGNORECASE)
# "Effective immediately, X shall": the adverb opens the clause rather than following the modal.
_OPENS_IMMEDIATELY = re.compile(r"^\W*(?:effective\s+)?immediately\b", re.IGNORECASE)
# "after 3 years": a period from signing with no event named.
_AFTER_PERIOD = re.compile(rf"\bafter\s+{_NUMBER}[\s-]+{_UNIT}\b(?!\s+(?:of|after|from|following))", re.IGNORECASE)
# "by the end of fiscal year 2015": the fiscal year ends on September 30; a calendar year on December 31.
_YEAR_END = re.compile(
    r"\b(?:by|before|no\s+later\s+than|not\s+later\s+than)\s+the\s+end\s+of\s+(?P<fiscal>fiscal\s+year\s+|FY\s*|calendar\s+year\s+)?"
    r"(?P<year>\d{4})\b",
    re.IGNORECASE,
)
_EFFECTIVE = re.compile(r"^(?:the\s+)?effective\s+date\s+of\s+(?:this|the)\s+order\b", re.IGNORECASE)
_ORDER_EFFECTIVE = r"\bThis\s+order\s+(?:is|shall\s+be|becomes|shall\s+become)\s+effective"
_EFFECTIVE_ON = re.compile(rf"{_ORDER_EFFECTIVE}\b[^\n]{{0,100}}?\b{_DATE}", re.IGNORECASE)
_EFFECTIVE_AFTER = re.compile(
    rf"{_ORDER_EFFECTIVE}\s+{_NUMBER}\s+{_UNIT}\s+after\s+the\s+date\s+of\s+this\s+order\b", re.IGNORECASE
)
_SIGNING = re.compile(
    r"^(?:the\s+)?(?:(?:effective\s+)?date\s+of\s+(?:this|the)\s+order|this\s+order|(?:the\s+)?(?:issuance|signing)\s+of\s+this\s+order)\b",
    re.IGNORECASE,
)
# The most frequent first: "once a quarter each fiscal year" is quarterly. A name of None keeps the order's words
# ("twice a year", "semiannually"), which no one word translates.
_RECURRENCES: tuple[tuple[re.Pattern[str], str | None], ...] = (
    (re.compile(r"\b(?:semi-?annual(?:ly|\s+basis)?|twice\s+(?:a|each|per)\s+year)\b", re.I), None),
    (
        re.compile(r"\b(?:quarterly|(?:once\s+)?(?:a|each|every|per)\s+quarter|on\s+a\s+quarterly\s+basis)\b", re.I),
        "quarterly",
    ),
    (re.compile(r"\b(?:monthly|each\s+month|every\s+month|on\s+a\s+monthly\s+basis)\b", re.I), "monthly"),
    (
        re.compile(
            r"\b(?:annually|each\s+(?:fiscal\s+)?year|every\s+year|yearly|on\s+an\s+annual\s+basis|"
            r"once\s+(?:a|each|per|every)\s+year)\b",
            re.I,
        ),
        "annually",
    ),
    (
        re.compile(
            r"\b(?:submit|provide|publish|issue|conduct|prepare|deliver|produce|transmit|establish|develop|adopt)\s+"
            r"(?:\w+\s+){0,8}?annual\s+"
            r"(?:\w+\s+)?(?:updates?|reports?|reviews?|scorecards?|assessments?|summar(?:y|ies)|plans?|statements?)\b",
            re.I,
        ),
        "annually",
    ),
    (re.compile(r"\b(?:biennially|(?:on\s+a\s+)?biennial\s+basis)\b", re.I), "biennially"),
)
_GOAL = re.compile(
    r"\b(?:goals?|targets?|objectives?|plans?|strateg(?:y|ies))\s+(?:of|(?:to|for)\s+(?!(?:the|an?|each|all|any|such|its|"
    r"their|his|her)\b)(?-i:[a-z]))[^.;:]*$",  # "a plan to phase out", not "a plan to the President"
    re.IGNORECASE,
)
_EVERY = re.compile(rf"\bevery\s+{_NUMBER}\s+{_UNIT}", re.IGNORECASE)
# "respond to the waiver request within 90 days": a bare period in a reply to something received runs from its receipt.
_REPLY = re.compile(
    r"\b(?:respond|reply)\s+to\s+(?P<replied>[^,;:.]*?(?:requests?|applications?|petitions?|appeals?|referrals?|"
    r"complaints?|claims?|submissions?|notices?|notifications?))\b|\backnowledge\s+receipt\s+of\s+(?P<received>[^,;:.]+?)"
    r"(?=\s+within\b|[,;:.]|$)|\bupon\s+(?P<upon>request|receipt\s+of\s+[^,;:.]+)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Deadline:
    kind: str  # days_after_signing | date | recurring | days_after_event
    days: int | None = None
    due_date: date | None = None
    recurrence: str | None = None
    event: str | None = None


def number_value(words: str) -> int:
    """'90', 'ninety', 'one hundred eighty', 'forty-five', 'a' -> the number."""
    text = words.lower().replace("-", " ").replace(" and ", " ")
    if text.isdigit():
        return int(text)
    total = 0
    for word in text.split():
        if word == "hundred":
            total *= 100
        elif word in _TENS:
            total += _TENS[word]
        else:
            total += _SMALL[word]
    return total


def _days(match: re.Match[str]) -> int:
    return number_value(match.group("number")) * _UNITS[match.group("unit").lower()]


def _deadline_after(text: str) -> re.Match[str] | None:
    """ "90 days after the date of this order", but not a duration ("during the 2 years following ...")."""
    for match in _PERIOD_AFTER.finditer(text):
        if not _DURATION.search(text[max(0, match.start() - 40) : match.start()]):
            return match
    return None


def recurrence_in(text: str) -> str | None:
    for pattern, name in _RECURRENCES:
        if found := pattern.search(text):
            return name or found.group(0).lower()
    every = _EVERY.search(text)
    if every:
        count = number_value(every.group("number"))
        unit = every.group("unit").lower()
        return f"every {count} {unit}{'s' if count != 1 else ''}"
    return None


@dataclass(frozen=True, slots=True)
class OrderDates:
    """When an order was signed, and when it takes effect where it says it does so later."""

    signed: date | None
    effective: date | None = None


def effective_date(text: str, signed: date | None) -> date | None:
    """The date an order says it takes effect ("This order is effective at 12:01 a.m. ... on March 16, 2017", "This
    order shall be effective 90 days after the date of this order"), when that is later than its signing."""
    later = _EFFECTIVE_AFTER.search(text)  # "This order shall be effective 90 days after the date of this order."
    if later and signed:
        return signed + timedelta(days=_days(later))
    stated = _EFFECTIVE_ON.search(text)
    if not stated:
        return None
    try:
        effective = _parse_date(stated.group("date"))
    except ValueError:
        return None
    return effective if signed and effective > signed else None


def deadline_in(text: str, dates: OrderDates, after_modal: str = "") -> Deadline | None:
    """The deadline a directive's clause sets, or None.

    `text` is the clause that governs the directive; `after_modal` is the few words right after the modal,
    where "immediately" sets a deadline of the signing date itself. A period from "the effective date of this
    order" counts from signing, unless the order takes effect later: then it runs from that event.
    """
    signing_date = dates.signed
    recurrence = recurrence_in(text)
    period = _PERIOD.search(text) or _deadline_after(text)
    if period and period.group("relation") != "before":
        days = _days(period)
        event = (period.group("event") or "").strip()
        if dates.effective and _EFFECTIVE.match(event):
            due = dates.effective + timedelta(days=days)
            return Deadline(
                "days_after_event", days=days, due_date=due, recurrence=recurrence, event=_clean_event(event)
            )
        if not event and (reply := _REPLY.search(text)):
            replied = reply.group("replied") or reply.group("received") or reply.group("upon")
            received = replied if replied.lower().startswith(("request", "receipt")) else f"receipt of {replied}"
            return Deadline("days_after_event", days=days, recurrence=recurrence, event=_clean_event(received))
        if not event or _SIGNING.match(event):
            due = signing_date + timedelta(days=days) if signing_date else None
            return Deadline("days_after_signing", days=days, due_date=due, recurrence=recurrence)
        return Deadline("days_after_event", days=days, recurrence=recurrence, event=_clean_event(event))
    year_end = _YEAR_END.search(text)
    if year_end and not _is_goal(text, year_end):
        fiscal = (year_end.group("fiscal") or "").lower().startswith(("fiscal", "fy"))
        due = date(int(year_end.group("year")), 9, 30) if fiscal else date(int(year_end.group("year")), 12, 31)
        return Deadline("date", due_date=due, recurrence=recurrence)
    by_month = _BY_MONTH.search(text)
    if by_month and not _BY_DATE.search(text) and not _is_goal(text, by_month):
        month = _MONTHS.split("|").index(by_month.group("month")) + 1
        year = int(by_month.group("year"))
        due = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
        return Deadline("date", due_date=due, recurrence=recurrence)
    by_date = _BY_DATE.search(text)
    if by_date and not _is_goal(text, by_date):
        try:
            due = _parse_date(by_date.group("date"))
        except ValueError:
            due = None
        if due:
            return Deadline("date", due_date=due, recurrence=recurrence)
    if recurrence:
        return Deadline("recurring", recurrence=recurrence)
    after = _AFTER_PERIOD.search(text)
    if after:
        days = _days(after)
        return Deadline(
            "days_after_signing", days=days, due_date=signing_date + timedelta(days=days) if signing_date else None
        )
    if _IMMEDIATELY.search(after_modal) or _OPENS_IMMEDIATELY.match(text):
        return Deadline("days_after_signing", days=0, due_date=signing_date)
    return None


def _is_goal(text: str, when: re.Match[str]) -> bool:
    """A date that ends a goal rather than the directive: "a plan to phase out X by December 31, 2010", "a goal of
    reducing releases by 2006" (the plan or goal is due when the clause says, not then)."""
    return bool(_GOAL.search(text[: when.start()]))


def _clean_event(event: str) -> str:
    event = re.sub(r"\s+(?:and|or)\s+(?:annually|every|each|thereafter).*$", "", event, flags=re.IGNORECASE)
    return re.sub(r"\s+of\s+this\s+order$", "", event.strip(), flags=re.IGNORECASE)


def _parse_date(text: str) -> date:
    month_name, day, year = re.match(r"(\w+)\s+(\d{1,2}),\s+(\d{4})", text).groups()  # type: ignore[union-attr]
    month = _MONTHS.split("|").index(month_name) + 1
    return date(int(year), month, int(day))
