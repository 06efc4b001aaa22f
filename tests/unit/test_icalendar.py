"""The deadline calendar (app.formats.icalendar), read back with the icalendar parser: no database."""

from datetime import UTC, date, datetime
from typing import Any

from icalendar import Calendar, Event

from app.formats.icalendar import PRODID, obligations_calendar
from app.schemas.obligations import Obligation

BASE_URL = "http://eokb.test/"
TEXT = (
    "Within 90 days of the date of this order, the Secretary of Commerce, through the Director of the National "
    "Institute of Standards and Technology, shall publish a data quality framework; it shall cover, among other "
    "things, the completeness of records."
)


def obligation(**changes: Any) -> Obligation:
    """A record as the API reads it from the database, with `changes` over a 90-days-after-signing obligation."""
    row = {
        "id": "eo-15001-2-a-1",
        "eo_number": 15001,
        "provision_id": "eo-15001-2-a",
        "section": "2(a)",
        "actors": [
            {
                "name": "Secretary of Commerce",
                "agency_slug": "commerce-department",
                "as_written": "the Secretary of Commerce",
                "acting_through": "Director of the National Institute of Standards and Technology",
            }
        ],
        "modal": "shall",
        "action": "publish a data quality framework.",
        "text": TEXT,
        "deadline_kind": "days_after_signing",
        "deadline_days": 90,
        "due_date": date(2030, 4, 5),
        "recurrence": None,
        "deadline_event": None,
        "span_start": 0,
        "span_end": 40,
        "order_status": "in_force",
    }
    return Obligation.from_row(row | changes)


def events(*obligations: Obligation) -> list[Event]:
    return Calendar.from_ical(obligations_calendar(obligations, BASE_URL)).events


def test_calendar_names_itself() -> None:
    calendar = Calendar.from_ical(obligations_calendar([], BASE_URL))
    assert calendar["PRODID"] == PRODID == "-//eokb//executive order deadlines//EN"
    assert calendar["VERSION"] == "2.0"
    assert "deadlines" in calendar["X-WR-CALNAME"]
    assert calendar.events == []


def test_one_all_day_event_on_the_due_date() -> None:
    [event] = events(obligation())
    assert event["UID"] == "eo-15001-2-a-1@eokb"
    assert event.start == date(2030, 4, 5)
    assert not isinstance(event.start, datetime)
    assert event.end == date(2030, 4, 6)
    assert event["SUMMARY"] == "EO 15001 2(a): Secretary of Commerce — publish a data quality framework"
    assert event["URL"] == "http://eokb.test/v1/provisions/eo-15001-2-a"
    assert event["TRANSP"] == "TRANSPARENT"


def test_description_holds_the_text_the_deadline_and_the_provision() -> None:
    [event] = events(obligation())
    assert event["DESCRIPTION"] == (
        f"{TEXT}\n\n"
        "Deadline: within 90 days of signing, due 2030-04-05\n"
        "Provision: eo-15001-2-a\n"
        "Order status: in force"
    )


def test_deadline_words_for_a_date_that_recurs_and_for_an_immediate_deadline() -> None:
    by_date, immediate = events(
        obligation(deadline_kind="date", deadline_days=None, due_date=date(2030, 12, 31), recurrence="annually"),
        obligation(id="eo-15001-2-b-1", deadline_days=0, due_date=date(2030, 1, 5)),
    )
    assert "Deadline: due 2030-12-31, then annually\n" in by_date["DESCRIPTION"]
    assert "Deadline: on signing, due 2030-01-05\n" in immediate["DESCRIPTION"]


def test_obligations_without_a_due_date_are_left_out() -> None:
    undated = obligation(id="eo-15001-2-b-1", deadline_kind=None, deadline_days=None, due_date=None)
    after_event = obligation(
        id="eo-15001-2-c-1", deadline_kind="days_after_event", due_date=None, deadline_event="the report"
    )
    assert [event["UID"] for event in events(undated, obligation(), after_event)] == ["eo-15001-2-a-1@eokb"]


def test_the_same_data_gives_the_same_bytes() -> None:
    records = [obligation(), obligation(id="eo-15001-2-b-1", due_date=date(2030, 5, 1))]
    assert obligations_calendar(records, BASE_URL) == obligations_calendar(records, BASE_URL)
    stamps = [event.DTSTAMP for event in events(*records)]
    assert stamps == [datetime(2030, 4, 5, tzinfo=UTC), datetime(2030, 5, 1, tzinfo=UTC)]


def test_long_actions_are_cut_at_a_word() -> None:
    action = "submit to the President, through the Assistant to the President for National Security Affairs, a report"
    [event] = events(obligation(action=action))
    assert event["SUMMARY"] == (
        "EO 15001 2(a): Secretary of Commerce — submit to the President, through the Assistant to the President for "
        "National…"
    )


def actor(name: str) -> dict[str, Any]:
    return {"name": name, "agency_slug": None, "as_written": f"the {name}", "acting_through": None}


def test_summary_without_a_section_or_an_actor_and_with_two_actors() -> None:
    two = [actor("Attorney General"), actor("Secretary of State")]
    unnumbered, both = events(obligation(section=None, actors=[]), obligation(id="eo-15001-2-b-1", actors=two))
    assert unnumbered["SUMMARY"] == "EO 15001: publish a data quality framework"
    assert both["SUMMARY"] == "EO 15001 2(a): Attorney General, Secretary of State — publish a data quality framework"


def test_commas_semicolons_and_long_lines_survive_the_round_trip() -> None:
    raw = obligations_calendar([obligation()], BASE_URL)
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    [event] = Calendar.from_ical(raw).events
    assert event["DESCRIPTION"].startswith(TEXT)
