"""Scoring extracted obligations against gold labels (app.evaluation), by the rules of ../shared/gold/SCORING.md.

Gold and extracted records are small hand-made dicts in the shapes of the gold files and of the API.
"""

from datetime import date
from typing import Any

import pytest

from app.evaluation import OrderScore, actor_matches, deadline_matches, normalise_section, score_order


def gold(
    section: str, modal: str = "shall", actors: tuple[str, ...] = (), deadline: dict | None = None, **extra: Any
) -> dict[str, Any]:
    return {"section": section, "modal": modal, "actors": list(actors), "deadline": deadline, **extra}


def extracted(
    section: str,
    modal: str = "shall",
    actors: tuple[str, ...] = (),
    deadline: dict | None = None,
    slugs: tuple[str | None, ...] = (),
) -> dict[str, Any]:
    names = [{"name": name, "agency_slug": None} for name in actors]
    names += [{"name": "", "agency_slug": slug} for slug in slugs]
    return {"section": section, "modal": modal, "actors": names, "deadline": deadline}


def days(kind: str, n: int, **extra: Any) -> dict[str, Any]:
    return {"kind": kind, "days": n, "due_date": None, "recurrence": None, "event": None, **extra}


def recurring(recurrence: str) -> dict[str, Any]:
    return {"kind": "recurring", "days": None, "due_date": None, "recurrence": recurrence, "event": None}


# --- sections ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "normal"),
    [
        ("Sec. 4(a)", "4(a)"),
        ("4(a)", "4(a)"),
        ("Section 4.1 (a)(i)", "4.1(a)(i)"),
        ("SEC. 4(a)", "4(a)"),
        ("4 (b) (ii)", "4(b)(ii)"),
        (None, ""),
    ],
)
def test_normalise_section(label: str | None, normal: str) -> None:
    assert normalise_section(label) == normal


def test_different_sections_stay_different() -> None:
    assert normalise_section("4(a)") != normalise_section("4(b)")
    assert normalise_section("4.1(a)") != normalise_section("41(a)")


# --- matching ----------------------------------------------------------------------------------------------------


def test_match_on_normalised_section_and_modal() -> None:
    score = score_order(1, [gold("Sec. 4(a)")], [extracted("4(a)")])
    assert (score.matched, score.extracted, score.gold) == (1, 1, 1)
    assert score.misses == [] and score.extras == []


def test_are_directed_to_matches_is_directed_to() -> None:
    score = score_order(1, [gold("4(a)", "is directed to")], [extracted("4(a)", "are directed to")])
    assert score.matched == 1


def test_different_modal_is_no_match() -> None:
    score = score_order(1, [gold("4(a)", "shall")], [extracted("4(a)", "may")])
    assert score.matched == 0
    assert len(score.misses) == 1 and len(score.extras) == 1


def test_different_section_is_no_match() -> None:
    score = score_order(1, [gold("4(a)")], [extracted("4(b)")])
    assert (score.matched, score.extracted, score.gold) == (0, 1, 1)


def test_each_gold_is_matched_at_most_once() -> None:
    score = score_order(1, [gold("4(a)")], [extracted("4(a)"), extracted("4(a)")])
    assert (score.matched, score.extracted) == (1, 2)
    assert len(score.extras) == 1


def test_matching_prefers_the_extracted_obligation_whose_actors_overlap() -> None:
    golds = [gold("4(a)", actors=("Secretary of Labor",)), gold("4(a)", actors=("Secretary of Energy",))]
    found = [extracted("4(a)", actors=("Secretary of Energy",)), extracted("4(a)", actors=("Secretary of Labor",))]
    score = score_order(1, golds, found)
    assert score.matched == 2
    assert (score.actors_right, score.actors_total) == (2, 2)


# --- borderline --------------------------------------------------------------------------------------------------


def test_matched_borderline_gold_counts_neither_way() -> None:
    score = score_order(1, [gold("4(a)", borderline=True)], [extracted("4(a)")])
    assert (score.matched, score.extracted, score.gold) == (0, 0, 0)
    assert score.extras == [] and score.misses == []


def test_unmatched_borderline_gold_is_no_miss() -> None:
    score = score_order(1, [gold("4(a)", borderline=True)], [])
    assert (score.gold, score.misses) == (0, [])
    assert score.recall == 1.0


def test_real_gold_takes_its_match_before_a_borderline_one() -> None:
    golds = [gold("4(a)", borderline=True), gold("4(a)")]
    score = score_order(1, golds, [extracted("4(a)")])
    assert (score.matched, score.extracted, score.gold) == (1, 1, 1)


# --- precision, recall, F1 ---------------------------------------------------------------------------------------


def test_precision_recall_f1_arithmetic() -> None:
    golds = [gold("2(a)"), gold("2(b)"), gold("3(a)"), gold("3(b)"), gold("3(c)", borderline=True)]
    found = [
        extracted("2(a)"),
        extracted("2(b)"),
        extracted("3(a)"),  # 3 matched
        extracted("3(c)"),  # matched to borderline: not counted
        extracted("5(a)"),
        extracted("5(b)"),  # 2 extras
    ]
    score = score_order(1, golds, found)
    assert (score.matched, score.extracted, score.gold) == (3, 5, 4)
    assert [g["section"] for g in score.misses] == ["3(b)"]
    assert score.precision == pytest.approx(3 / 5)
    assert score.recall == pytest.approx(3 / 4)
    assert score.f1 == pytest.approx(2 * 0.6 * 0.75 / (0.6 + 0.75))


def test_empty_order_scores_perfectly_and_nothing_matched_scores_zero() -> None:
    empty = score_order(1, [], [])
    assert (empty.precision, empty.recall, empty.deadline_accuracy, empty.actor_accuracy) == (1.0, 1.0, 1.0, 1.0)
    wrong = score_order(1, [gold("4(a)")], [extracted("4(b)")])
    assert (wrong.precision, wrong.recall, wrong.f1) == (0.0, 0.0, 0.0)


def test_order_scores_add_up() -> None:
    total = OrderScore(0)
    total.add(score_order(1, [gold("4(a)")], [extracted("4(a)")]))
    total.add(score_order(2, [gold("4(a)"), gold("4(b)")], [extracted("4(a)")]))
    assert (total.matched, total.extracted, total.gold) == (2, 2, 3)
    assert total.recall == pytest.approx(2 / 3)


# --- deadlines ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("gold_deadline", "found"),
    [
        (None, None),
        ({"days_after_signing": 90}, days("days_after_signing", 90, due_date="2030-04-20")),
        ({"days_after_event": 180, "event": "completion of the census"}, days("days_after_event", 180)),
        (
            {"days_after_event": 180, "event": "completion of the census", "recurring": "annually"},
            days("days_after_event", 180, recurrence="annually"),
        ),
        ({"date": "2031-03-01"}, {"kind": "date", "days": None, "due_date": "2031-03-01", "recurrence": None}),
        ({"date": "2031-03-01"}, {"kind": "date", "days": None, "due_date": date(2031, 3, 1), "recurrence": None}),
        ({"recurring": "annually"}, recurring("annually")),
        ({"recurring": "every 2 years"}, recurring("every 2 years")),
    ],
)
def test_deadline_matches(gold_deadline: dict | None, found: dict | None) -> None:
    assert deadline_matches(gold_deadline, found)


@pytest.mark.parametrize(
    ("gold_deadline", "found"),
    [
        (None, days("days_after_signing", 90)),
        ({"days_after_signing": 90}, None),
        ({"days_after_signing": 90}, days("days_after_signing", 60)),
        ({"days_after_signing": 90}, days("days_after_event", 90)),
        ({"days_after_event": 180, "event": "completion of the census"}, days("days_after_signing", 180)),
        ({"date": "2031-03-01"}, {"kind": "date", "days": None, "due_date": "2031-03-02", "recurrence": None}),
        ({"recurring": "annually"}, recurring("quarterly")),
        ({"recurring": "annually"}, days("days_after_signing", 365, recurrence="annually")),
    ],
)
def test_deadline_does_not_match(gold_deadline: dict | None, found: dict | None) -> None:
    assert not deadline_matches(gold_deadline, found)


def test_deadline_accuracy_on_matched_pairs() -> None:
    golds = [gold("4(a)", deadline={"days_after_signing": 30}), gold("4(b)", deadline=None)]
    found = [
        extracted("4(a)", deadline=days("days_after_signing", 30)),
        extracted("4(b)", deadline=recurring("annually")),
    ]
    score = score_order(1, golds, found)
    assert (score.deadline_right, score.matched) == (1, 2)
    assert score.deadline_accuracy == pytest.approx(0.5)
    assert [g["section"] for g, _ in score.wrong_deadlines] == ["4(b)"]


@pytest.mark.parametrize(
    ("found", "right"),
    [(None, True), (days("days_after_signing", 120), True), (days("days_after_signing", 60), False)],
)
def test_inherited_deadline_is_accepted_or_null(found: dict | None, right: bool) -> None:
    label = gold("4(a)", deadline=None, inherited_deadline={"days_after_signing": 120})
    score = score_order(1, [label], [extracted("4(a)", deadline=found)])
    assert score.deadline_right == int(right)


# --- actors ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("gold_actor", "name"),
    [
        ("Director of the Office of Management and Budget", "Director of OMB"),
        ("Director of the Office of Management and Budget", "the OMB Director"),
        ("Secretary of Commerce", "Secretary of Commerce"),
        ("heads of agencies", "heads of executive departments and agencies"),
        ("agencies", "Agencies"),
        ("Director of the Cybersecurity and Infrastructure Security Agency", "Director of CISA"),
        (
            "Co-Chairs of the Council on Labor-Management Relations",
            "Co-Chairs of the Council on Labor-Management Relations",
        ),
    ],
)
def test_actor_matches_by_significant_words(gold_actor: str, name: str) -> None:
    assert actor_matches(gold_actor, [{"name": name, "agency_slug": None}])


@pytest.mark.parametrize(
    ("gold_actor", "name"),
    [
        ("Director of the Office of Management and Budget", "Administrator of General Services"),
        ("Secretary of Commerce", "Secretary of Labor"),
        ("Director of the National Science Foundation", "Director of OPM"),
        ("Director of the Office of Management and Budget", "Director"),
    ],
)
def test_actor_does_not_match_below_half(gold_actor: str, name: str) -> None:
    assert not actor_matches(gold_actor, [{"name": name, "agency_slug": None}])


def test_actor_matches_through_the_agency_slug() -> None:
    found = [{"name": "OMB", "agency_slug": "management-and-budget-office"}]
    assert actor_matches("Office of Management and Budget", found)
    assert not actor_matches("Office of Personnel Management", [{"name": "x", "agency_slug": "labor-department"}])


def test_actor_accuracy_counts_each_gold_actor() -> None:
    label = gold("4(a)", actors=("Secretary of State", "Secretary of Defense"))
    score = score_order(1, [label], [extracted("4(a)", actors=("Secretary of State",))])
    assert (score.actors_right, score.actors_total) == (1, 2)
    assert score.actor_accuracy == pytest.approx(0.5)
    assert len(score.wrong_actors) == 1


def test_implicit_actor_adds_nothing_to_actor_accuracy() -> None:
    score = score_order(1, [gold("4(a)", actors=(), actor_implicit=True)], [extracted("4(a)", actors=("agencies",))])
    assert (score.matched, score.actors_total) == (1, 0)


def test_a_gold_without_an_overlapping_candidate_leaves_the_overlapping_one_to_the_gold_it_names() -> None:
    gold = [
        {"section": "3", "modal": "shall", "actors": ["Secretary of State"], "deadline": None},
        {"section": "3", "modal": "shall", "actors": ["Secretary of Energy"], "deadline": None},
    ]
    extracted = [{"section": "3", "modal": "shall", "actors": [{"name": "Secretary of Energy"}], "deadline": None}]
    score = score_order(1, gold, extracted)
    assert (score.matched, score.actors_right, score.misses) == (1, 1, [gold[0]])
