"""How the explorer writes records as HTML: its templates and the few words it puts around the API's fields."""

import re
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
