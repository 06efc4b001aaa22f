"""How the explorer writes records as HTML: its templates and the few words it puts around the API's fields."""

import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import Request, Response
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from app.formats.highlight import END_MARK, MARK

_PROVISION_ID = re.compile(r"^eo-\d+-")
_MARKS = re.compile(f"({re.escape(MARK)}|{re.escape(END_MARK)})")


def marked(highlight: str) -> Markup:
    """A search highlight as HTML: its text escaped, its <mark> tags kept (the text itself may hold '<')."""
    return Markup("").join(
        Markup(part) if part in (MARK, END_MARK) else escape(part) for part in _MARKS.split(highlight)
    )


def anchor(provision_id: str) -> str:
    """A provision's place on its order's page: eo-14409-2-d is #2-d, as the order's text numbers it."""
    return _PROVISION_ID.sub("", provision_id)


Span = tuple[int, int]
"""[start, end) of a sentence in its provision's text, in characters."""


@dataclass(frozen=True)
class MarkedSentences:
    """An order's text with the sentence of each obligation in a <mark> its row in the obligations table links to."""

    texts: dict[str, Markup]
    """By provision id: its text, escaped, the sentences marked."""
    mark_ids: dict[str, str]
    """By obligation id: the id of the mark holding its sentence."""


def _span(obligation: dict[str, Any]) -> Span:
    start, end = obligation["span"]
    return start, end


def _mark_spans(text: str, marks: dict[Span, str]) -> tuple[Markup, dict[Span, str]]:
    """The text, escaped, with each span in a <mark> of the id it maps to; and the mark each span ended in: a span
    overlapping one marked before it is left unmarked, in that one's mark."""
    parts: list[Markup] = []
    placed: dict[Span, str] = {}
    marked_to, last_mark = 0, ""
    for (start, end), mark_id in sorted(marks.items()):
        if start < marked_to:
            placed[start, end] = last_mark
            continue
        parts += [
            escape(text[marked_to:start]),
            Markup('<mark class="obligation" id="{}">{}</mark>').format(mark_id, text[start:end]),
        ]
        placed[start, end], marked_to, last_mark = mark_id, end, mark_id
    parts.append(escape(text[marked_to:]))
    return Markup("").join(parts), placed


def marked_sentences(provisions: list[dict[str, Any]], obligations: list[dict[str, Any]]) -> MarkedSentences:
    """Marks each obligation's sentence (its `span` in its provision's text) once: obligations sharing a sentence
    share the mark, named after the first of them (ob-{its id})."""
    marks: dict[str, dict[Span, str]] = defaultdict(dict)
    for obligation in obligations:
        marks[obligation["provision_id"]].setdefault(_span(obligation), f"ob-{obligation['id']}")
    texts: dict[str, Markup] = {}
    placed: dict[str, dict[Span, str]] = {}
    for provision in provisions:
        texts[provision["id"]], placed[provision["id"]] = _mark_spans(provision["text"], marks[provision["id"]])
    return MarkedSentences(texts, {o["id"]: placed[o["provision_id"]][_span(o)] for o in obligations})


def deadline_words(deadline: dict[str, Any] | None) -> str:
    """The deadline as the order sets it, in a few words (the due date has its own column)."""
    if deadline is None:
        return "none set"
    days = deadline.get("days")
    if deadline["kind"] == "days_after_signing":
        return f"{days} days after signing"
    if deadline["kind"] == "days_after_event":
        return f"{days} days after {deadline.get('event') or 'an event'}" if days else deadline.get("event") or "event"
    if deadline["kind"] == "recurring":
        return deadline.get("recurrence") or "recurring"
    return "by a set date"


templates = Jinja2Templates(directory=Path(__file__).parent / "templates")
templates.env.filters.update(marked=marked, anchor=anchor, deadline_words=deadline_words)

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
"""A page loads its own stylesheet and submits its forms to itself; nothing else, and no script runs."""


def render(
    request: Request, template: str, context: dict[str, Any], status: int = 200, headers: dict[str, str] | None = None
) -> Response:
    return templates.TemplateResponse(
        request,
        template,
        context,
        status_code=status,
        headers={"Content-Security-Policy": CONTENT_SECURITY_POLICY} | (headers or {}),
    )
