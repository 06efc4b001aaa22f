"""Obligation deadlines as an iCalendar (RFC 5545) feed a calendar app can subscribe to (pure)."""

from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta

from icalendar import Calendar, Event

from app.schemas.obligations import Deadline, DeadlineKind, Obligation

PRODID = "-//eokb//executive order deadlines//EN"
CALENDAR_NAME = "US executive order deadlines (eokb)"
CALENDAR_DESCRIPTION = "What US executive orders direct agencies and officials to do, each on the day it is due."
SUMMARY_ACTION_LENGTH = 80


def obligations_calendar(obligations: Iterable[Obligation], base_url: str) -> bytes:
    """One all-day event per obligation on its due date; the same obligations always give the same bytes.

    Obligations without a due date have no day to sit on and are left out. `base_url` ends in a slash.
    """
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", CALENDAR_NAME)
    calendar.add("x-wr-caldesc", CALENDAR_DESCRIPTION)
    for obligation in obligations:
        if obligation.deadline and obligation.deadline.due_date:
            calendar.add_component(_event(obligation, obligation.deadline, obligation.deadline.due_date, base_url))
    return calendar.to_ical()


def _event(obligation: Obligation, deadline: Deadline, due: date, base_url: str) -> Event:
    return Event.new(
        # The obligation's id is stable across imports, so a subscribed calendar updates the event, not adds one.
        uid=f"{obligation.id}@eokb",
        # From the data, not the clock: the same data gives the same bytes, and a moved deadline a new stamp.
        stamp=datetime.combine(due, time(), UTC),
        start=due,
        end=due + timedelta(days=1),
        summary=_summary(obligation),
        description=_description(obligation, deadline, due),
        url=f"{base_url}v1/provisions/{obligation.provision_id}",
        # A deadline marks a day; it does not make anyone busy.
        transparency="TRANSPARENT",
    )


def _summary(obligation: Obligation) -> str:
    """`EO 15001 2(a): Secretary of Commerce — publish a data quality framework`."""
    where = f"EO {obligation.eo_number} {obligation.section}" if obligation.section else f"EO {obligation.eo_number}"
    action = _shortened(obligation.action.rstrip(". "), SUMMARY_ACTION_LENGTH)
    who = ", ".join(actor.name for actor in obligation.actors)
    return f"{where}: {who} — {action}" if who else f"{where}: {action}"


def _shortened(text: str, length: int) -> str:
    """At most `length` characters, cut at a word where it can be, so a calendar cell shows whole words."""
    if len(text) <= length:
        return text
    cut = text[: length - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(" ,;:") + "…"


def _description(obligation: Obligation, deadline: Deadline, due: date) -> str:
    return (
        f"{obligation.text}\n\n"
        f"Deadline: {_deadline_words(deadline, due)}\n"
        f"Provision: {obligation.provision_id}\n"
        f"Order status: {obligation.order_status.value.replace('_', ' ')}"
    )


def _deadline_words(deadline: Deadline, due: date) -> str:
    """The deadline from its parts ("within 90 days of signing, due 2030-04-05"); the text above has its wording."""
    words = f"due {due.isoformat()}"
    if deadline.kind is DeadlineKind.days_after_signing:
        signing = f"within {deadline.days} days of signing" if deadline.days else "on signing"
        words = f"{signing}, {words}"
    return f"{words}, then {deadline.recurrence}" if deadline.recurrence else words
