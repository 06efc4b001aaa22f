"""Deadline phrases -> Deadline (app.ingest.deadlines): each rule with a match and a non-match.

The rules are those of ../shared/gold/CONVENTIONS.md ("deadline"); all texts are invented.
"""

from datetime import date, timedelta

import pytest

from app.ingest.deadlines import Deadline, OrderDates, deadline_in, effective_date, number_value, recurrence_in

SIGNED = date(2030, 1, 20)
SIGNING = OrderDates(SIGNED)


def after_signing(days: int) -> Deadline:
    return Deadline("days_after_signing", days=days, due_date=SIGNED + timedelta(days=days))


# --- numbers -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("90", 90),
        ("ninety", 90),
        ("forty-five", 45),
        ("twenty one", 21),
        ("one hundred eighty", 180),
        ("one hundred and twenty", 120),
        ("a", 1),
        ("an", 1),
        ("Twelve", 12),
    ],
)
def test_number_value(words: str, value: int) -> None:
    assert number_value(words) == value


# --- days after signing ------------------------------------------------------------------------------------------


def test_within_days_of_the_date_of_this_order() -> None:
    found = deadline_in("Within 90 days of the date of this order, the Secretary shall report on widgets", SIGNING)
    assert found == after_signing(90)
    assert found.due_date == date(2030, 4, 20)


def test_due_date_is_none_without_a_signing_date() -> None:
    assert deadline_in("within 90 days of the date of this order", OrderDates(None)) == Deadline(
        "days_after_signing", days=90
    )


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("within one year of the date of this order", 365),
        ("within 1 year of the date of this order", 365),
        ("within a year of the date of this order", 365),
        ("within 3 years of the date of this order", 1095),
        ("within 6 months of the date of this order", 180),
        ("within two weeks of the date of this order", 14),
        ("within forty-five days of the date of this order", 45),
        ("within one hundred eighty days of the date of this order", 180),
    ],
)
def test_units_and_number_words(text: str, days: int) -> None:
    assert deadline_in(text, SIGNING) == after_signing(days)


@pytest.mark.parametrize(
    "text",
    [
        "ninety (90) days after the date of this order",
        "Not later than ninety (90) days after the date of this order",
        "no later than 90 days after the date of this order",
        "within 90 days of the signing of this order",
        "within 90 days of the effective date of this order",
        "within 90 days of this order",
    ],
)
def test_other_ways_of_counting_from_signing(text: str) -> None:
    assert deadline_in(text, SIGNING) == after_signing(90)


def test_period_without_an_anchor_counts_from_signing() -> None:
    assert deadline_in("The Secretary shall, within 30 days, publish the widget list", SIGNING) == after_signing(30)


# --- days after an event -----------------------------------------------------------------------------------------


def test_within_days_of_an_event() -> None:
    found = deadline_in("within 180 days of the completion of the widget census", SIGNING)
    assert found == Deadline("days_after_event", days=180, event="the completion of the widget census")
    assert found.due_date is None


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("The Board shall respond to each widget request within 90 days", "receipt of each widget request"),
        (
            "Agencies should acknowledge receipt of widget applications within 10 business days",
            "receipt of widget applications",
        ),
        ("copies shall be provided within 30 days, upon request", "request"),
        ("Upon receipt of the widget plan, the Council shall within 60 days approve it", "receipt of the widget plan"),
    ],
)
def test_a_bare_period_in_a_reply_runs_from_what_was_received(text: str, event: str) -> None:
    found = deadline_in(text, SIGNING)
    assert found is not None and (found.kind, found.event) == ("days_after_event", event)


def test_a_reply_with_its_own_anchor_keeps_it() -> None:
    found = deadline_in("The Board shall respond to requests within 30 days of the date of this order", SIGNING)
    assert found == after_signing(30)


def test_days_after_an_event_other_than_signing() -> None:
    found = deadline_in("within 30 days of receipt of a widget waiver request", SIGNING)
    assert found is not None
    assert (found.kind, found.days, found.event) == ("days_after_event", 30, "receipt of a widget waiver request")


def test_date_of_something_else_is_an_event_not_signing() -> None:
    found = deadline_in("within 60 days of the date of the widget report", SIGNING)
    assert found is not None and found.kind == "days_after_event"


def test_a_period_before_something_is_no_deadline() -> None:
    assert deadline_in("at least 30 days before the widget auction", SIGNING) is None


# --- dates -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "by March 1, 2031",
        "By March 1, 2031, the Administrator shall publish the widget plan",
        "no later than March 1, 2031",
        "on or before March 1, 2031",
    ],
)
def test_by_a_date(text: str) -> None:
    assert deadline_in(text, SIGNING) == Deadline("date", due_date=date(2031, 3, 1))


def test_an_impossible_date_is_no_deadline() -> None:
    assert deadline_in("by February 30, 2031", SIGNING) is None


def test_a_date_without_by_is_no_deadline() -> None:
    assert deadline_in("the widget board met on March 1, 2031", SIGNING) is None


# --- recurrence --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "recurrence"),
    [
        ("report to the President annually on widget sales", "annually"),
        ("each fiscal year", "annually"),
        ("once a quarter", "quarterly"),
        ("once a quarter each fiscal year", "quarterly"),
        ("on a quarterly basis", "quarterly"),
        ("biennially", "biennially"),
        ("every 2 years", "every 2 years"),
        ("every two years", "every 2 years"),
        ("every 60 days", "every 60 days"),
        ("twice a year", "twice a year"),
        ("meet semiannually", "semiannually"),
        ("shall submit to the President an annual plan", "annually"),
        ("on a monthly basis", "monthly"),
    ],
)
def test_recurring(text: str, recurrence: str) -> None:
    assert recurrence_in(text) == recurrence
    assert deadline_in(text, SIGNING) == Deadline("recurring", recurrence=recurrence)


@pytest.mark.parametrize("text", ["an annual widget report", "the widget year", "in the first quarter", "every agency"])
def test_not_recurring(text: str) -> None:
    assert recurrence_in(text) is None
    assert deadline_in(text, SIGNING) is None


def test_a_period_and_a_recurrence_combine() -> None:
    found = deadline_in("within 60 days of the date of this order and annually thereafter", SIGNING)
    assert found == Deadline("days_after_signing", days=60, due_date=date(2030, 3, 21), recurrence="annually")


def test_a_period_and_every_n_years_combine() -> None:
    found = deadline_in("within 60 days of the date of this order, and every 2 years thereafter", SIGNING)
    assert found is not None and (found.days, found.recurrence) == (60, "every 2 years")


def test_an_event_and_a_recurrence_combine_without_the_recurrence_in_the_event() -> None:
    found = deadline_in("within 180 days of the completion of the widget review and annually thereafter", SIGNING)
    assert found == Deadline(
        "days_after_event", days=180, recurrence="annually", event="the completion of the widget review"
    )


def test_a_date_and_a_recurrence_combine() -> None:
    found = deadline_in("By September 30, 2031, and annually thereafter", SIGNING)
    assert found == Deadline("date", due_date=date(2031, 9, 30), recurrence="annually")


# --- immediately -------------------------------------------------------------------------------------------------


def test_immediately_right_after_the_modal_is_zero_days() -> None:
    text = "The Secretary shall immediately suspend widget exports"
    assert deadline_in(text, SIGNING, after_modal=" immediately suspend widget exports") == Deadline(
        "days_after_signing", days=0, due_date=SIGNED
    )


def test_immediately_elsewhere_in_the_clause_is_no_deadline() -> None:
    text = "The Secretary shall review each widget request and notify the agency immediately"
    assert deadline_in(text, SIGNING) is None
    assert deadline_in(text, SIGNING, after_modal=" review each widget request and no") is None


# --- phrases without a period ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The Secretary shall promptly report widget shortages",
        "as soon as practicable",
        "from time to time",
        "continuously",
        "upon completion of the widget review",
        "Following the widget rule update, agencies shall revise their plans",
    ],
)
def test_no_period_no_deadline(text: str) -> None:
    assert deadline_in(text, SIGNING, after_modal=text) is None


def test_each_of_the_first_years_is_not_a_deadline() -> None:
    text = "in each of the first 5 years following the date of this order, report on widget imports"
    found = deadline_in(text, SIGNING)
    assert found is None or found.days != 1825


def test_years_following_without_a_qualifier_is_a_deadline() -> None:
    assert deadline_in("5 years following the date of this order", SIGNING) == after_signing(1825)


@pytest.mark.parametrize(
    "text",
    [
        "during the 2 years following the date of this order",
        "over the 5 years following the date of this order",
        "for a period of 2 years after the date of this order",
    ],
)
def test_a_duration_is_not_a_deadline(text: str) -> None:
    assert deadline_in(text, SIGNING) is None


def test_by_a_month_is_by_its_last_day() -> None:
    assert deadline_in("By February 2032, the Secretary shall publish", SIGNING) == Deadline(
        "date", due_date=date(2032, 2, 29)
    )


def test_in_the_first_days_from_signing_is_a_deadline_but_during_the_first_years_is_a_duration() -> None:
    assert deadline_in("initiate efforts in the first 60 days from the date of this order", SIGNING) == after_signing(
        60
    )
    assert deadline_in("during the first 5 years following the date of this order", SIGNING) is None


def test_an_annual_work_product_recurs() -> None:
    assert deadline_in("shall provide an annual update to the President", SIGNING) == Deadline(
        "recurring", recurrence="annually"
    )


def test_a_later_effective_date_is_the_event_periods_run_from() -> None:
    text = "This order is effective at 12:01 a.m., eastern daylight time on March 16, 2030."
    effective = effective_date(text, date(2030, 3, 6))
    assert effective == date(2030, 3, 16)
    dates = OrderDates(date(2030, 3, 6), effective)
    found = deadline_in("within 20 days of the effective date of this order", dates)
    assert found == Deadline("days_after_event", days=20, due_date=date(2030, 4, 5), event="the effective date")
    assert effective_date("This order is effective immediately.", date(2030, 3, 6)) is None


@pytest.mark.parametrize(
    "text",
    [
        "shall develop a plan to phase out widget purchases by December 31, 2010",
        "shall adopt a goal of reducing widget releases by the end of calendar year 2006",
        "shall set targets for widget reuse by March 2031",
    ],
)
def test_a_date_that_ends_a_goal_is_no_deadline(text: str) -> None:
    assert deadline_in(text, SIGNING) is None


def test_a_date_for_the_directive_itself_is_a_deadline() -> None:
    found = deadline_in("shall submit a widget plan to the President by December 31, 2030", SIGNING)
    assert found == Deadline("date", due_date=date(2030, 12, 31))


def test_business_days_count_as_days() -> None:
    assert deadline_in("within 10 business days of receipt of each application", SIGNING) == Deadline(
        "days_after_event", days=10, event="receipt of each application"
    )


def test_a_period_measured_from_an_event_runs_from_it() -> None:
    found = deadline_in("complete all widget reviews within 2 years, measured from the date of the notice", SIGNING)
    assert found == Deadline("days_after_event", days=730, event="the date of the notice")


def test_a_semi_annual_basis_recurs_in_the_order_s_words() -> None:
    assert recurrence_in("The Council shall meet on a semi-annual basis") == "semi-annual basis"


def test_a_period_not_to_exceed_is_a_duration() -> None:
    assert deadline_in("In the period not to exceed 12 years after the end of a widget term", SIGNING) is None


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("shall reply in a timely manner, but not to exceed 90 days from the date of the request.", 90),
        ("may detail staff for a period not to exceed 120 days from the date of the detail.", None),
        ("may extend the term for a period not to exceed 2 years.", None),
    ],
)
def test_not_to_exceed_is_a_deadline_unless_it_bounds_a_period(text: str, days: int | None) -> None:
    found = deadline_in(text, SIGNING)
    assert (found.days if found else None) == days
