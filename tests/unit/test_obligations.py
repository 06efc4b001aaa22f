"""Obligations in an order's provisions (app.ingest.obligations): each rule with a match and a non-match.

The rules are those of ../shared/gold/CONVENTIONS.md; the orders are invented, one paragraph per line.
"""

from datetime import date, timedelta

import pytest

from app.ingest.deadlines import Deadline
from app.ingest.obligations import ExtractedObligation, extract_obligations
from app.ingest.parse import parse_text

SIGNED = date(2030, 1, 20)


def extract(text: str) -> list[ExtractedObligation]:
    return extract_obligations(parse_text(text), SIGNED)


def one(text: str) -> ExtractedObligation:
    found = extract(text)
    assert len(found) == 1, [(o.section, o.modal, o.action) for o in found]
    return found[0]


def actor_names(obligation: ExtractedObligation) -> list[str]:
    return [actor.name for actor in obligation.actors]


def directed(body: str) -> list[tuple[str, list[str]]]:
    """(modal, actors) of each obligation in an order whose Sec. 3(a) is `body`."""
    return [(o.modal, actor_names(o)) for o in extract(paragraph(body))]


def sections_and_actors(text: str) -> list[tuple[str | None, list[str]]]:
    return [(o.section, actor_names(o)) for o in extract(text)]


def paragraph(body: str, heading: str = "Widget Duties") -> str:
    """An order whose Sec. 3 has one paragraph (a)."""
    return f"Sec. 3. {heading}.\n(a) {body}"


def after_signing(days: int) -> Deadline:
    return Deadline("days_after_signing", days=days, due_date=SIGNED + timedelta(days=days))


# --- one obligation per modal ------------------------------------------------------------------------------------


def test_one_directive() -> None:
    found = one(
        paragraph(
            "Within 30 days of the date of this order, the Secretary of Commerce shall publish a list of widget "
            "suppliers."
        )
    )
    assert (found.section, found.modal, actor_names(found)) == ("3(a)", "shall", ["Secretary of Commerce"])
    assert found.actors[0].as_written == "the Secretary of Commerce"
    assert found.action == "publish a list of widget suppliers."
    assert found.deadline == after_signing(30)
    assert found.provision_key == "3-a"


def test_verbs_joined_under_one_modal_are_one_obligation() -> None:
    one(paragraph("The Secretary of Labor shall review the widget rules and publish revised guidance."))


def test_a_repeated_modal_is_two_obligations_with_the_subject_carried() -> None:
    found = extract(paragraph("The Secretary of Labor shall review the widget rules and shall publish new guidance."))
    assert [(o.modal, actor_names(o)) for o in found] == [("shall", ["Secretary of Labor"])] * 2
    assert found[1].action == "publish new guidance."


def test_a_repeated_modal_after_an_aside_carries_the_subject_and_keeps_its_own_deadline() -> None:
    found = extract(
        paragraph(
            "The Secretary of Labor shall review the widget rules and, as appropriate, shall publish revised "
            "guidance within 60 days of the date of this order."
        )
    )
    assert [actor_names(o) for o in found] == [["Secretary of Labor"]] * 2
    assert [o.deadline for o in found] == [None, after_signing(60)]


def test_a_relative_clause_with_its_own_modal_directs_a_second_actor() -> None:
    found = extract(
        paragraph(
            "The Secretary of Commerce shall inform the Director of the Office of Management and Budget, who shall "
            "publish the widget results."
        )
    )
    assert [actor_names(o) for o in found] == [
        ["Secretary of Commerce"],
        ["Director of the Office of Management and Budget"],
    ]


@pytest.mark.parametrize(
    ("body", "modal", "actor"),
    [
        ("Each agency should designate a widget officer.", "should", "each agency"),
        ("Federal employees must complete widget training.", "must", "Federal employees"),
        ("The Secretary of Labor is directed to publish a widget registry.", "is directed to", "Secretary of Labor"),
        (
            "The heads of all agencies are directed to report widget purchases.",
            "is directed to",
            "heads of all agencies",
        ),
        ("The Secretary of Labor is hereby directed to audit the registry.", "is directed to", "Secretary of Labor"),
    ],
)
def test_modals(body: str, modal: str, actor: str) -> None:
    found = one(paragraph(body))
    assert (found.modal, actor_names(found)) == (modal, [actor])


def test_the_month_may_is_not_a_modal() -> None:
    found = one(paragraph("The Secretary of Commerce shall, by May 5, 2030, publish a widget registry."))
    assert found.modal == "shall"
    assert found.deadline == Deadline("date", due_date=date(2030, 5, 5))


def test_a_sentence_opening_with_the_month_may_has_only_its_modal() -> None:
    found = one(paragraph("By May 5, 2031, the Administrator of General Services shall update the widget schedule."))
    assert found.modal == "shall"
    assert found.deadline == Deadline("date", due_date=date(2031, 5, 5))


# --- may ---------------------------------------------------------------------------------------------------------


def test_may_with_a_named_actor_is_a_permission() -> None:
    found = one(paragraph("Agencies may request a widget waiver from the Secretary of Commerce."))
    assert (found.modal, actor_names(found)) == ("may", ["agencies"])


def test_may_with_an_office_as_subject() -> None:
    found = one(paragraph("The Secretary of Commerce may issue widget regulations."))
    assert (found.modal, actor_names(found)) == ("may", ["Secretary of Commerce"])


@pytest.mark.parametrize(
    "body",
    [
        "The Secretary of Commerce shall identify widgets that may be hazardous.",
        "The Secretary of Commerce shall determine whether agencies may purchase foreign widgets.",
        "The Secretary of Commerce shall take such steps as may be necessary to protect widget supplies.",
        "The Secretary of Commerce shall publish widget standards, as the Secretary shall determine appropriate.",
    ],
)
def test_epistemic_and_discretionary_modals_are_not_obligations(body: str) -> None:
    found = one(paragraph(body))
    assert (found.modal, actor_names(found)) == ("shall", ["Secretary of Commerce"])


def test_agentless_may_is_not_an_obligation() -> None:
    assert extract(paragraph("The widget standards may be revised.")) == []


# --- actors ------------------------------------------------------------------------------------------------------


def test_consulted_parties_are_not_actors() -> None:
    found = one(
        paragraph(
            "The Secretary of Energy, in consultation with the Administrator of the Environmental Protection "
            "Agency, shall review all widget permits."
        )
    )
    assert actor_names(found) == ["Secretary of Energy"]
    assert found.action == "review all widget permits."


def test_a_consultation_opening_the_sentence_leaves_the_actor_on_its_right() -> None:
    found = one(
        paragraph(
            "In coordination with the Director of the Office of Management and Budget, agencies shall report their "
            "widget inventories."
        )
    )
    assert actor_names(found) == ["agencies"]


def test_actor_through_another_office() -> None:
    found = one(
        paragraph(
            "The Secretary of the Treasury, through the Commissioner of Internal Revenue, shall issue widget guidance."
        )
    )
    assert actor_names(found) == ["Secretary of the Treasury"]
    assert found.actors[0].through == "Commissioner of Internal Revenue"


def test_acting_through_an_office_named_by_an_acronym() -> None:
    found = one(
        paragraph(
            "The Secretary of Commerce, acting through the Director of NIST, shall publish widget measurement "
            "standards."
        )
    )
    assert actor_names(found) == ["Secretary of Commerce"]
    assert found.actors[0].through == "Director of the National Institute of Standards and Technology"


def test_plural_secretaries_are_two_actors() -> None:
    found = one(paragraph("The Secretaries of State and Defense shall jointly prepare a widget assessment."))
    assert actor_names(found) == ["Secretary of State", "Secretary of Defense"]


def test_actors_joined_by_and_with_shall_each() -> None:
    found = one(paragraph("The Secretary of Labor and the Secretary of Commerce shall each issue widget rules."))
    assert actor_names(found) == ["Secretary of Labor", "Secretary of Commerce"]


def test_one_office_with_and_in_its_name_is_one_actor() -> None:
    found = one(paragraph("The Secretary of Health and Human Services shall study widget injuries."))
    assert actor_names(found) == ["Secretary of Health and Human Services"]


def test_collective_actor() -> None:
    found = one(paragraph("The heads of executive departments and agencies shall cooperate with the widget board."))
    assert actor_names(found) == ["heads of executive departments and agencies"]


def test_defined_short_forms_are_written_in_full() -> None:
    found = extract(
        "Sec. 3. Widget Budgets.\n"
        "(a) The Director of the Office of Management and Budget (OMB) shall collect widget budgets.\n"
        "(b) The OMB Director shall publish a widget summary.\n"
        "(c) There is hereby established the Interagency Widget Coordination Task Force (Task Force).\n"
        "(d) The Task Force shall meet quarterly."
    )
    assert [(o.section, actor_names(o)) for o in found] == [
        ("3(a)", ["Director of the Office of Management and Budget"]),
        ("3(b)", ["Director of the Office of Management and Budget"]),
        ("3(d)", ["Interagency Widget Coordination Task Force"]),
    ]
    assert found[2].deadline == Deadline("recurring", recurrence="quarterly")


def test_a_named_role_acts_under_its_own_name() -> None:
    found = extract(
        "Sec. 3. Widget Storage.\n"
        "(a) The Secretary of Defense shall serve as the Widget Executive Agent.\n"
        "(b) The Widget Executive Agent shall maintain a widget registry."
    )
    assert [(o.section, actor_names(o)) for o in found] == [("3(b)", ["Widget Executive Agent"])]


# --- passives ----------------------------------------------------------------------------------------------------


def test_passive_with_an_agent_counts() -> None:
    found = one(paragraph("An annual widget assessment shall be made by the Director of NSA."))
    assert actor_names(found) == ["Director of the National Security Agency"]
    assert found.actors[0].as_written == "the Director of NSA"


def test_passive_with_an_agent_and_a_thing_as_subject_counts() -> None:
    found = one(paragraph("Such standards shall be published by the Secretary of Commerce."))
    assert actor_names(found) == ["Secretary of Commerce"]


def test_agentless_passive_does_not_count() -> None:
    assert extract(paragraph("An annual widget assessment shall be made available to the public.")) == []


@pytest.mark.parametrize(
    "body",
    [
        "The report shall describe each widget supplier.",
        "This order shall be implemented by widget purchases.",
        "The Policy Notice shall require agencies to buy widgets.",
    ],
)
def test_things_as_subjects_do_not_count(body: str) -> None:
    assert extract(paragraph(body)) == []


# --- lead-ins and their items ------------------------------------------------------------------------------------

LEAD_IN = (
    "Sec. 3. Widget Safety.\n"
    "(a) Within 90 days of the date of this order, the Secretary of Transportation shall:\n"
    "(i) develop a widget safety plan;\n"
    "(ii) design a pilot program for widget inspections; and\n"
    "(iii) within 30 days of the completion of the pilot program, report the results to the President.\n"
    "(b) The Administrator of General Services shall update the widget schedule."
)


def test_each_verb_phrase_item_of_a_lead_in_is_an_obligation_at_the_item() -> None:
    found = extract(LEAD_IN)
    assert [o.section for o in found] == ["3(a)(i)", "3(a)(ii)", "3(a)(iii)", "3(b)"]
    assert [actor_names(o) for o in found[:3]] == [["Secretary of Transportation"]] * 3
    assert {o.modal for o in found} == {"shall"}
    assert found[0].action == "develop a widget safety plan"
    assert found[0].provision_key == "3-a-i"


def test_items_take_the_lead_ins_deadline_unless_they_set_their_own() -> None:
    found = extract(LEAD_IN)
    assert found[0].deadline == found[1].deadline == after_signing(90)
    assert found[2].deadline == Deadline("days_after_event", days=30, event="the completion of the pilot program")
    assert found[3].deadline is None


def test_the_lead_in_itself_is_not_counted() -> None:
    assert "3(a)" not in [o.section for o in extract(LEAD_IN)]


def test_a_lead_in_with_asides_before_the_colon() -> None:
    found = extract(
        "Sec. 3. Widget Supply.\n"
        "(a) The Secretary of Energy shall, as appropriate and within 60 days of the date of this order:\n"
        "(i) identify widget shortages;\n"
        "(ii) publish a report on widget prices."
    )
    assert [(o.section, actor_names(o), o.deadline) for o in found] == [
        ("3(a)(i)", ["Secretary of Energy"], after_signing(60)),
        ("3(a)(ii)", ["Secretary of Energy"], after_signing(60)),
    ]


def test_a_content_list_after_to_is_one_obligation_at_the_lead_in() -> None:
    found = one(
        "Sec. 3. Widget Purchasing.\n"
        "(a) The Director of the Office of Management and Budget shall issue guidance to agencies to:\n"
        "(i) reduce duplicative widget purchases;\n"
        "(ii) improve widget tracking."
    )
    assert (found.section, actor_names(found)) == ("3(a)", ["Director of the Office of Management and Budget"])


def test_an_item_that_is_a_clause_of_its_own_is_not_a_lead_in_item() -> None:
    found = extract(
        "Sec. 3. Widget Enforcement.\n"
        "(a) The Attorney General shall:\n"
        "(i) review the enforcement of widget laws; and\n"
        "(ii) widget risk models used by agencies are not records for purposes of this subsection."
    )
    assert [(o.section, actor_names(o)) for o in found] == [("3(a)(i)", ["Attorney General"])]


def test_capitalised_items_with_their_own_directives_are_not_lead_in_items() -> None:
    found = extract(
        "Sec. 3. Widget Research.\n"
        "(a) Widget research.\n"
        "(i) The Director of the National Science Foundation shall fund widget research.\n"
        "(ii) Within 60 days of the date of this order, the Secretary of Energy shall establish a widget laboratory "
        "and annually thereafter report on its work."
    )
    assert [(o.section, actor_names(o)) for o in found] == [
        ("3(a)(i)", ["Director of the National Science Foundation"]),
        ("3(a)(ii)", ["Secretary of Energy"]),
    ]
    assert found[1].deadline == Deadline(
        "days_after_signing", days=60, due_date=SIGNED + timedelta(days=60), recurrence="annually"
    )


# --- excluded sections and clauses -------------------------------------------------------------------------------


def test_purpose_policy_definitions_and_general_provisions_are_excluded() -> None:
    found = extract(
        "Section 1. Purpose. Agencies must protect the widget supply. The Federal Government should lead on widgets.\n"
        "Sec. 2. Policy. It is the policy of the United States that agencies shall buy domestic widgets.\n"
        'Sec. 3. Definitions. For purposes of this order, the term "widget" shall mean any small device.\n'
        "Sec. 4. Duties. (a) The Secretary of Commerce shall publish a widget registry.\n"
        "Sec. 5. General Provisions. (a) Nothing in this order shall be construed to impair the authority of any "
        "agency.\n"
        "(b) The costs for publication of this order shall be borne by the Department of Commerce."
    )
    assert [(o.section, actor_names(o)) for o in found] == [("4(a)", ["Secretary of Commerce"])]


def test_a_combined_purpose_and_policy_heading_is_excluded() -> None:
    found = extract(
        "Sec. 1. Purpose and Policy. Agencies shall buy domestic widgets.\n"
        "Sec. 2. Widget Supply. The Secretary of Commerce shall publish widget supply data."
    )
    assert [o.section for o in found] == ["2"]


def test_the_same_sentence_outside_general_provisions_counts() -> None:
    found = one(paragraph("The costs of the widget survey shall be borne by the Department of Commerce.", "Funding"))
    assert actor_names(found) == ["Department of Commerce"]


def test_a_policy_sentence_in_an_operative_section_is_excluded() -> None:
    assert extract(paragraph("It is the policy of the United States that agencies shall buy domestic widgets.")) == []


@pytest.mark.parametrize(
    "body",
    [
        "Nothing in this section shall be construed to limit the authority of the Secretary of Commerce.",
        "The Secretary of Commerce shall apply to all widget contracts the rules of subsection (b).",
        "The Widget Board shall include the Secretary of Commerce and the Secretary of Labor.",
        "The Secretary of Commerce shall serve as the chair of the Widget Board.",
        "The Widget Board shall have a staff director.",
        "This order shall apply to all widget contracts.",
    ],
)
def test_scope_construction_and_composition_are_excluded(body: str) -> None:
    assert extract(paragraph(body)) == []


def test_shall_apply_a_method_is_a_directive() -> None:
    found = one(paragraph("The Secretary of Commerce shall apply a weight-of-evidence approach to widget claims."))
    assert found.action.startswith("apply a weight-of-evidence approach")


@pytest.mark.parametrize(
    "body",
    [
        "Agencies are strongly encouraged to adopt widget standards.",
        "Agencies are expected to adopt widget standards.",
        "The Secretary of Commerce will report on widget standards.",
    ],
)
def test_non_listed_modals_are_not_obligations(body: str) -> None:
    assert extract(paragraph(body)) == []


# --- deadlines in provisions -------------------------------------------------------------------------------------


def test_immediately_after_the_modal_is_zero_days() -> None:
    found = one(paragraph("The Secretary of Labor shall immediately suspend unsafe widget purchases."))
    assert found.deadline == after_signing(0)


def test_immediately_far_from_the_modal_is_no_deadline() -> None:
    found = one(
        paragraph(
            "The Secretary of Labor shall review each widget purchase request and notify the requesting agency "
            "immediately."
        )
    )
    assert found.deadline is None


def test_days_after_an_event() -> None:
    found = one(
        "Sec. 2. Widget Supply. The Secretary of Commerce shall, within 30 days of the completion of the widget "
        "census, publish supply data."
    )
    assert found.section == "2"
    assert found.deadline == Deadline("days_after_event", days=30, event="the completion of the widget census")


def test_this_same_period_takes_the_period_set_earlier_in_the_provision() -> None:
    found = extract(
        paragraph(
            "Within 120 days of the date of this order, the Secretary of Energy shall submit a widget plan to the "
            "President. Within this same 120-day period, the Administrator of General Services shall publish a "
            "widget guide."
        )
    )
    assert [(actor_names(o), o.deadline) for o in found] == [
        (["Secretary of Energy"], after_signing(120)),
        (["Administrator of General Services"], after_signing(120)),
    ]


def test_a_later_sentence_without_a_period_has_no_deadline() -> None:
    found = extract(
        paragraph(
            "Within 120 days of the date of this order, the Secretary of Energy shall submit a widget plan to the "
            "President. The Administrator of General Services shall publish a widget guide."
        )
    )
    assert [o.deadline for o in found] == [after_signing(120), None]


# --- section labels ----------------------------------------------------------------------------------------------


def test_section_labels_down_to_the_innermost_paragraph() -> None:
    found = extract(
        "Sec. 3. Widget Programs.\n"
        "(a) Widget research.\n"
        "(b) Widget testing.\n"
        "(i) The Secretary of Energy shall test widgets.\n"
        "(ii) The Secretary of Labor shall certify widget testers.\n"
        "(A) The Secretary of Commerce shall publish test results."
    )
    assert [o.section for o in found] == ["3(b)(i)", "3(b)(ii)", "3(b)(ii)(A)"]


def test_no_obligations_in_an_order_without_modals() -> None:
    assert extract(paragraph("The Secretary of Commerce reviewed widget supplies in 2029.")) == []


def test_an_item_with_its_own_subject_is_not_a_lead_in_item() -> None:
    text = (
        "Sec. 3. Duties.\n(b) The agencies shall:\n(i) publish widget data; and\n"
        "(ii) the Secretary of Commerce shall publish widget safety data.\n"
    )
    found = sections_and_actors(text)
    assert found == [("3(b)(i)", ["agencies"]), ("3(b)(ii)", ["Secretary of Commerce"])]


def test_this_same_period_refers_to_a_period_set_in_an_earlier_paragraph() -> None:
    text = (
        "Sec. 2. Widgets.\n(a) Within 120 days of the date of this order, the Secretary of Labor shall count widgets.\n"
        "(b) Within this same 120-day period, the Secretary of Labor shall publish the count.\n"
    )
    deadlines = [o.deadline for o in extract(text)]
    assert deadlines[1] == deadlines[0] and deadlines[0] is not None and deadlines[0].days == 120


def test_a_policy_or_purpose_section_directs_with_shall_but_not_with_must_or_should() -> None:
    text = (
        "Sec. 4. Policy.\n(a) The Secretary of Commerce shall count widgets.\n(b) Agencies must value widgets.\n"
        "Sec. 5. Purpose.\n(a) It is the policy of the United States that agencies shall value widgets.\n"
        "(b) The Federal Government should lead. The Secretary of Labor shall publish widget wages.\n"
    )
    assert [(o.section, o.modal) for o in extract(text)] == [("4(a)", "shall"), ("5(b)", "shall")]


def test_a_lower_case_label_standing_for_lost_words_is_no_purpose_caption() -> None:
    text = "Section 8. purpose\nThe Secretary of the Treasury may redelegate any of these functions.\n"
    assert [(o.section, o.modal) for o in extract(text)] == [("8", "may")]


def test_offices_joined_without_an_article_are_two_actors() -> None:
    found = one(
        "Sec. 2. Widgets.\n(a) The Secretary of the Interior and Governor of the State of Widgetland shall act.\n"
    )
    assert actor_names(found) == ["Secretary of the Interior", "Governor of the State of Widgetland"]


# --- subjects found by the grammar of the sentence, not by a list of offices --------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The Office of Widget Safety within the Department of Commerce shall publish guidance.",
            ["Office of Widget Safety"],
        ),
        ("FCEB agencies shall adopt the guidance.", ["FCEB agencies"]),
        (
            "Agencies designated under section 4 of this order shall comply.",
            ["agencies designated under section 4 of this order"],
        ),
        ("The agencies represented on the Council shall report.", ["agencies represented on the Council"]),
        ("Other member departments or agencies may provide staff.", ["other member departments or agencies"]),
        ("The U.S. Coast Guard shall update the plan.", ["United States Coast Guard"]),
        (
            "The Director of the Widget Agency, as the National Manager for Widgets, shall issue standards.",
            ["Director of the Widget Agency"],
        ),
        (
            "The Secretary of Labor and the Deputy Assistant to the President and Director of Widget Affairs shall "
            "meet.",
            ["Secretary of Labor", "Deputy Assistant to the President and Director of Widget Affairs"],
        ),
        (
            "The Departments of Justice, the Interior, HHS, and Energy shall consult Tribes.",
            [
                "Department of Justice",
                "Department of the Interior",
                "Department of Health and Human Services",
                "Department of Energy",
            ],
        ),
    ],
)
def test_the_subject_of_the_modal_is_the_actor(body: str, expected: list[str]) -> None:
    assert actor_names(one(paragraph(body))) == expected


def test_acting_through_without_commas() -> None:
    found = one(paragraph("The Secretary of Commerce acting through the Director of NIST shall develop a framework."))
    assert actor_names(found) == ["Secretary of Commerce"]
    assert found.actors[0].through == "Director of the National Institute of Standards and Technology"


def test_a_pronoun_subject_stands_for_the_actor_before_it() -> None:
    found = one(paragraph("As agencies adopt the framework, they shall report their progress to the Director of OMB."))
    assert actor_names(found) == ["agencies"]


def test_the_plural_title_stands_for_the_offices_directed_together() -> None:
    text = (
        "Sec. 3. Widgets.\n(a) The Secretary of Energy and the Secretary of Labor shall review widget safety.\n"
        "(b) The Secretaries shall report to the President."
    )
    assert actor_names(extract(text)[-1]) == ["Secretary of Energy", "Secretary of Labor"]


def test_a_relative_clause_modal_is_not_the_subject_s() -> None:
    found = one(paragraph("All agencies whose actions may affect widgets shall review their programs."))
    assert (found.modal, actor_names(found)) == ("shall", ["all agencies"])


def test_terms_of_service_are_no_obligation() -> None:
    assert extract(paragraph("Members of the Council shall serve without compensation.")) == []
    assert extract(paragraph("The Center shall also have a Director, who shall be a senior official of USTR.")) == []


def test_a_passive_agent_in_a_relative_clause_acts() -> None:
    found = extract(
        paragraph("There is established a Widget Group, which shall be convened by the Secretary of Labor.")
    )
    assert [actor_names(o) for o in found] == [["Secretary of Labor"]]


def test_a_handed_over_work_product_is_its_maker_s_obligation() -> None:
    text = paragraph(
        "The Secretary of Labor shall prepare a widget plan. The plan shall be submitted to the President within 120 "
        "days of the date of this order."
    )
    submitted = extract(text)[-1]
    assert actor_names(submitted) == ["Secretary of Labor"]
    assert submitted.actors[0].as_written == ""  # implicit
    assert submitted.deadline == after_signing(120)


def test_an_adverb_between_and_and_the_second_modal_keeps_the_subject() -> None:
    found = extract(paragraph("The Board shall submit a plan and annually thereafter shall submit a status report."))
    assert [(actor_names(o), o.deadline and o.deadline.recurrence) for o in found] == [
        (["Board"], None),
        (["Board"], "annually"),
    ]


# --- enumerations -------------------------------------------------------------------------------------------------


def test_capitalised_verb_items_of_a_lead_in_are_obligations_each() -> None:
    text = (
        "Sec. 4. Review. The Secretary of Defense shall:\n(a) Establish a review process;\n"
        "(b) Coordinate the member agencies; and\n(c) In developing recommendations, consult with the States."
    )
    found = extract(text)
    assert [(o.section, o.action) for o in found] == [
        ("4(a)", "Establish a review process"),
        ("4(b)", "Coordinate the member agencies"),
        ("4(c)", "In developing recommendations, consult with the States."),
    ]


def test_capitalised_names_under_a_lead_in_are_no_items() -> None:
    text = "Sec. 4. Review. The Secretary of Defense shall consult:\n(a) Department of State;\n(b) Department of Labor."
    assert [o.section for o in extract(text)] == ["4"]


def test_an_inline_list_is_one_obligation_per_item_labelled_at_the_item() -> None:
    found = extract(
        paragraph(
            "The Attorney General shall, within 30 days, (i) designate a coordinator, (ii) report to the "
            "President, and (iii) assign staff."
        )
    )
    assert [(o.section, o.action, o.deadline) for o in found] == [
        ("3(a)(i)", "designate a coordinator", after_signing(30)),
        ("3(a)(ii)", "report to the President", after_signing(30)),
        ("3(a)(iii)", "assign staff", after_signing(30)),
    ]
    assert len({o.span for o in found}) == 1


def test_an_inline_list_of_purposes_stays_one_obligation() -> None:
    found = one(paragraph("The Secretary of Labor shall issue guidance to: (i) protect workers; and (ii) train staff."))
    assert found.section == "3(a)"


# --- spans --------------------------------------------------------------------------------------------------------


def test_each_span_cuts_its_sentence_out_of_the_provision_text() -> None:
    text = (
        "Sec. 3. Widgets. (a) The Secretary of Labor shall prepare a plan. It is the policy of the United States to "
        "build widgets. The Secretary of Energy, in consultation with the Director of OMB, shall review it."
    )
    provisions = {p.key: p for p in parse_text(text)}
    found = extract(text)
    assert len(found) == 2
    for obligation in found:
        start, end = obligation.span
        sentence = provisions[obligation.provision_key].text[start:end]
        assert sentence == obligation.text and " shall " in sentence and sentence.endswith(".")


def test_an_aside_about_the_subjects_does_not_hide_them() -> None:
    found = one(
        paragraph(
            "The Department of the Treasury and other relevant agencies, the heads of which are members of the Group, "
            "shall identify all widget rules."
        )
    )
    assert actor_names(found) == ["Department of the Treasury", "other relevant agencies"]


def test_include_in_is_an_action_while_include_is_a_list_of_contents() -> None:
    assert one(paragraph("The head of each agency shall include in its budget a request for widgets.")).modal == "shall"
    assert extract(paragraph("The Council shall include the Secretary of Labor.")) == []


def test_it_shall_is_the_body_last_directed() -> None:
    text = "Sec. 3. Widgets.\n(a) The Widget Board shall advise the President. It shall seek the views of experts."
    assert [actor_names(o) for o in extract(text)] == [["Widget Board"], ["Widget Board"]]


def test_a_numbered_item_after_a_sentence_starts_a_sentence_of_its_own() -> None:
    found = extract(paragraph("Agencies shall report. (2) These agencies shall publish the report."))
    assert [actor_names(o) for o in found] == [["agencies"], ["these agencies"]]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "DoD, HHS, and the VA shall review existing regulations.",
            ["Department of Defense", "Department of Health and Human Services", "Department of Veterans Affairs"],
        ),
        (
            "All executive departments and agencies (agencies) of the United States shall take all measures.",
            ["all executive departments and agencies of the United States"],
        ),
        ("Implementing agencies shall include in funding notices a widget clause.", ["implementing agencies"]),
        (
            "Each element of the Intelligence Community shall provide access.",
            ["each element of the Intelligence Community"],
        ),
    ],
)
def test_groups_and_acronyms_as_subjects(body: str, expected: list[str]) -> None:
    assert actor_names(one(paragraph(body))) == expected


def test_a_work_product_with_an_indefinite_article_is_its_maker_s() -> None:
    text = paragraph("The Widget Board shall study widgets. A final report shall be submitted to the President.")
    assert [actor_names(o) for o in extract(text)] == [["Widget Board"], ["Widget Board"]]


def test_a_title_defined_with_means_is_written_in_full() -> None:
    text = (
        'Sec. 1. Definitions. (a) "Administrator" means the Administrator of the Widget Safety Agency.\n'
        "Sec. 2. Duties. (a) The Administrator shall publish widget standards."
    )
    assert actor_names(one(text)) == ["Administrator of the Widget Safety Agency"]


@pytest.mark.parametrize(
    ("body", "extracted"),
    [
        ("Each agency shall include widget training in its standard courses.", True),
        ("The Secretary of Labor shall include a widget count in the report.", True),
        ("The Widget Council shall include the Secretary of Labor.", False),
        ("The Commission on Widget Safety and Widget Standards may include former officials.", False),
        ("This program shall include a uniform widget baseline.", False),
    ],
)
def test_include_is_an_act_of_offices_and_agencies_and_the_contents_of_anything_else(
    body: str, extracted: bool
) -> None:
    assert bool(extract(paragraph(body))) == extracted


def test_a_clause_is_no_actor() -> None:
    assert extract(paragraph("Members of one widget guild cannot and should not be held responsible.")) == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("That agency shall establish a widget goal.", ["that agency"]),
        ("An agency may resubmit a waiver request.", ["agency"]),
        ("The FAR Council shall amend the regulation.", ["Federal Acquisition Regulatory Council"]),
        (
            "The United States Uniformed Services shall not teach widget stereotypes.",
            ["United States Uniformed Services"],
        ),
    ],
)
def test_more_subjects_as_the_order_writes_them(body: str, expected: list[str]) -> None:
    assert actor_names(one(paragraph(body))) == expected


def test_a_lead_in_whose_items_are_no_verb_phrases_is_one_obligation() -> None:
    text = "Sec. 4. Lists. The Secretary of Labor shall consider:\n(1) widget costs;\n(2) widget risks."
    assert sections_and_actors(text) == [("4", ["Secretary of Labor"])]


@pytest.mark.parametrize(
    ("body", "modal", "expected"),
    [
        ("Each agency shall have in place widget practices.", "shall", ["each agency"]),
        (
            "The Department of Labor is directed, through the Widget Office, to establish a hotline.",
            "is directed to",
            ["Department of Labor"],
        ),
        (
            "A copy of the report shall be submitted to the Widget Executive (WE) by the Secretary of Labor.",
            "shall",
            ["Secretary of Labor"],
        ),
        (
            "All Government contracting agencies shall include in every contract a widget clause.",
            "shall",
            ["all Government contracting agencies"],
        ),
    ],
)
def test_verbs_and_agents_a_little_further_off(body: str, modal: str, expected: list[str]) -> None:
    found = one(paragraph(body))
    assert (found.modal, actor_names(found)) == (modal, expected)


def test_an_office_and_heads_of_agencies_joined_without_an_article_are_two_actors() -> None:
    found = one(paragraph("The Director of OPM and heads of executive agencies shall rescind widget rules."))
    assert actor_names(found) == ["Director of the Office of Personnel Management", "heads of executive agencies"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Task Force agencies shall monitor widget use.", [("shall", ["Task Force agencies"])]),
        (
            "Each agency shall submit a plan, which the Secretary of Labor shall review.",
            [("shall", ["each agency"]), ("shall", ["Secretary of Labor"])],
        ),
        (
            "No agency shall retain a widget rule, nor shall any agency issue one.",
            [("shall", ["agency"]), ("shall", ["any agency"])],
        ),
        (
            "The Director of OMB, or the Director's designee, may waive compliance.",
            [("may", ["Director of the Office of Management and Budget"])],
        ),
    ],
)
def test_subjects_around_relatives_prohibitions_and_designees(body: str, expected: list[tuple[str, list[str]]]) -> None:
    assert directed(body) == expected


def test_an_authorized_lead_in_gives_its_items() -> None:
    text = "Sec. 3. Initiative. The Widget Initiative shall be authorized to:\n(a) advise agencies;\n(b) publish data."
    assert [o.section for o in extract(text)] == ["3(a)", "3(b)"]


def test_may_in_a_purpose_section_describes() -> None:
    assert extract("Sec. 1. Purpose. Agencies may clarify existing widget rules through guidance.") == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The Widget Council, in cooperation with State and local agencies, industry, the scientific community and "
            "commercial interests, shall develop widget measures.",
            [("shall", ["Widget Council"])],
        ),
        (
            "The Widget Council shall develop guidance and member agencies shall facilitate its use.",
            [("shall", ["Widget Council"]), ("shall", ["member agencies"])],
        ),
        (
            "Where an agency has reduced widget use by half, then the agency may waive the goal.",
            [("may", ["agency"])],
        ),
        (
            "Each executive department, agency, or office represented on the Widget Council shall designate staff.",
            [("shall", ["each executive department, agency, or office represented on the Widget Council"])],
        ),
        (
            "Each agency or agency component, as appropriate, shall establish a widget database.",
            [("shall", ["each agency or agency component"])],
        ),
        (
            "Consistent with the order entitled, “Widgets for All,” agencies shall buy widgets.",
            [("shall", ["agencies"])],
        ),
    ],
)
def test_subjects_behind_long_consultations_coordinated_clauses_and_quotations(
    body: str, expected: list[tuple[str, list[str]]]
) -> None:
    assert directed(body) == expected


def test_a_pronoun_stands_for_a_plural_short_form_named_before_it_in_the_sentence() -> None:
    text = paragraph(
        "The Agency Widget Executive (AWE) shall review widget use. If the AWEs are unable to agree, they may ask "
        "the Secretary of Labor for help."
    )
    assert [actor_names(o) for o in extract(text)] == [["Agency Widget Executive"], ["Agency Widget Executives"]]


def test_members_of_a_defined_body_are_named_with_the_body() -> None:
    text = paragraph("The Interagency Widget Workgroup (Workgroup) shall meet. Workgroup members shall report to it.")
    assert [actor_names(o) for o in extract(text)][1] == ["members of the Interagency Widget Workgroup"]


def test_a_modal_inside_a_clause_does_not_end_the_directive_around_it() -> None:
    text = paragraph(
        "The Secretary of Labor shall examine the extent to which States may have a role in widget review, and shall "
        "devise a proposal."
    )
    assert [(o.modal, actor_names(o)) for o in extract(text)] == [("shall", ["Secretary of Labor"])] * 2


def test_whether_governs_only_its_own_clause() -> None:
    text = paragraph(
        "The Director of OMB shall issue guidance on whether widgets are significant, as appropriate, and may "
        "require their review."
    )
    assert [o.modal for o in extract(text)] == ["shall", "may"]


def test_a_deadline_belongs_to_the_clause_it_stands_in() -> None:
    text = paragraph(
        "The Secretary of State shall resume widget travel 120 days after the date of this order, and the Secretary "
        "of Labor shall resume widget review."
    )
    first, second = extract(text)
    assert (first.deadline, second.deadline) == (after_signing(120), None)


def test_items_of_ensure_that_its_facilities_are_the_actors_obligations() -> None:
    text = paragraph(
        "Each agency shall ensure that its facilities: (1) maximize the use of safe widgets; (2) evaluate "
        "widget needs; and (3) disseminate widget practices."
    )
    found = extract(text)
    assert [(o.section, actor_names(o)) for o in found] == [(f"3(a)({n})", ["each agency"]) for n in (1, 2, 3)]


def test_items_that_open_with_their_own_modal_take_the_subject_the_lead_in_ends_on() -> None:
    text = (
        "Sec. 3. Widgets.\n(a) The Widget Executive Agent:\n(i) shall direct widget reviews;\n(ii) may issue guidance."
    )
    assert [(o.section, o.modal, actor_names(o)) for o in extract(text)] == [
        ("3(a)(i)", "shall", ["Widget Executive Agent"]),
        ("3(a)(ii)", "may", ["Widget Executive Agent"]),
    ]


def test_a_second_modal_inside_a_lead_in_item_directs_the_lead_ins_actor() -> None:
    text = (
        "Sec. 3. Widgets.\n(a) Heads of agencies shall:\n(i) review widgets, and shall assist the Council;\n(ii) act."
    )
    assert sections_and_actors(text) == [
        ("3(a)(i)", ["heads of agencies"]),
        ("3(a)(i)", ["heads of agencies"]),
        ("3(a)(ii)", ["heads of agencies"]),
    ]


def test_an_item_opening_with_a_verb_no_noun_shares_is_a_verb_phrase() -> None:
    text = "Sec. 3. Widgets.\n(a) The Widget Council shall:\n(i) determine what widget issues are raised;\n(ii) report."
    assert [o.section for o in extract(text)] == ["3(a)(i)", "3(a)(ii)"]


def test_a_capitalised_work_product_is_no_actor() -> None:
    assert extract(paragraph("The Agency Widget Plans shall meet the requirements of the Widget Act.")) == []


def test_a_bare_chair_is_not_the_vice_chair_named_after_it() -> None:
    text = paragraph(
        "The Chair of the Widget Council shall select a Vice Chair. The Chair shall convene the Widget Council."
    )
    assert [actor_names(o) for o in extract(text)] == [["Chair of the Widget Council"]] * 2


def test_the_president_directing_himself_is_an_obligation_but_appointing_by_passive_is_not() -> None:
    text = paragraph(
        "The President shall designate one member of the Widget Board to serve as its Chair. Members of the Widget "
        "Board shall be appointed by the President."
    )
    assert [(o.modal, actor_names(o)) for o in extract(text)] == [("shall", ["President"])]


def test_sentences_printed_after_a_list_of_names_belong_to_the_paragraph() -> None:
    text = (
        "Sec. 3. Widget Council.\n(a) The Widget Council shall consist of:\n(i) the Secretary of Labor; and\n"
        "(ii) such other agencies as the Chair may designate. Each member agency shall designate a widget officer.\n"
        "(b) The Widget Council shall:\n(i) review widgets; and\n(ii) publish a report. The Chair of the Widget "
        "Council shall post it."
    )
    assert [(o.section, o.action) for o in extract(text)] == [
        ("3(a)", "designate a widget officer."),
        ("3(b)(i)", "review widgets"),
        ("3(b)(ii)", "publish a report."),
        ("3(b)(ii)", "post it."),
    ]


def test_a_relative_clause_right_after_an_established_office_directs_it() -> None:
    text = paragraph(
        "There is established the White House Widget Office (Widget Office) within the Executive Office of the "
        "President, which shall coordinate widget policy."
    )
    assert [actor_names(o) for o in extract(text)] == [["White House Widget Office"]]


def test_a_deadline_after_the_modal_stays_with_it_when_a_relative_clause_follows() -> None:
    text = paragraph(
        "The Secretary of Labor shall, in consultation with the Chair of the Widget Council, within existing "
        "appropriations, and within 100 days of the date of this order, publish a widget report, which shall be "
        "made public."
    )
    assert [o.deadline for o in extract(text)] == [after_signing(100)]


def test_a_hand_over_of_what_the_actor_was_told_to_submit_only_adds_its_schedule() -> None:
    text = paragraph(
        "The Secretary of Labor shall submit to the President periodic widget reports. The initial report shall be "
        "submitted within 100 days of the date of this order."
    )
    found = one(text)
    assert (found.action, found.deadline) == ("submit to the President periodic widget reports.", after_signing(100))


def test_a_hand_over_of_something_else_is_an_obligation_of_its_own() -> None:
    text = paragraph(
        "The Secretary of Labor shall develop a widget plan. The plan shall be submitted to the President within "
        "100 days of the date of this order."
    )
    assert [(actor_names(o), o.deadline) for o in extract(text)] == [
        (["Secretary of Labor"], None),
        (["Secretary of Labor"], after_signing(100)),
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Within 9 months of the date of this order the Secretary of Labor, in coordination with the Widget "
            "Council, shall develop a widget list.",
            [["Secretary of Labor"]],
        ),
        ("Subject to the determination of the agency, in most cases a widget may not be sold.", []),
        ("The Widget Council shall comprise four members appointed by the President.", []),
    ],
)
def test_an_opening_adverbial_without_a_comma_and_compositions(body: str, expected: list[list[str]]) -> None:
    assert [actor_names(o) for o in extract(paragraph(body))] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The Widget Office shall establish a Widget Working Group, which shall be convened by the Chair of the "
            "Widget Council and shall support the Widget Office.",
            [["Widget Office"], ["Chair of the Widget Council"], ["Widget Working Group"]],
        ),
        ("Widget Subsidies The heads of agencies shall identify widget subsidies.", [["heads of agencies"]]),
        (
            "DoD and GSA shall review their widget clauses.",
            [["Department of Defense", "General Services Administration"]],
        ),
    ],
)
def test_passive_agents_captions_and_joined_acronyms(body: str, expected: list[list[str]]) -> None:
    assert [actor_names(o) for o in extract(paragraph(body))] == expected


def test_this_body_is_the_body_named_before() -> None:
    text = paragraph("There is established the National Widget Task Force. This Task Force shall meet monthly.")
    assert [actor_names(o) for o in extract(text)] == [["National Widget Task Force"]]


def test_text_an_amendment_inserts_without_quotation_marks_directs_no_one() -> None:
    text = (
        "Sec. 2. Executive Order 12345 is amended by striking Part 1 and inserting in lieu thereof the following new "
        "part: PART 1 Widgets. The Secretary of Labor shall count widgets.\n(a) The Widget Council shall meet.\n"
        "Sec. 3. Reports. The Secretary of Labor shall report on widgets."
    )
    assert [o.section for o in extract(text)] == ["3"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The Secretary of Labor is directed and authorized to take all necessary widget actions.",
            [("is directed to", ["Secretary of Labor"])],
        ),
        (
            "All executive branch departments and agencies shall promptly comply with widget requests.",
            [("shall", ["all executive branch departments and agencies"])],
        ),
        (
            "Each transportation carrier shall apply the same widget method.",
            [("shall", ["each transportation carrier"])],
        ),
        (
            "The appropriate authorities shall promptly implement such dispositions.",
            [("shall", ["appropriate authorities"])],
        ),
        ("The Librarian of Congress shall be invited to serve on the Widget Council.", []),
        ("Each agency shall be required to report widget use.", [("shall", ["each agency"])]),
        ("Widget guidelines shall be consistent with guidelines issued by the Secretary of Labor.", []),
        ("Widget reports shall be mutually and reciprocally accepted by all agencies.", [("shall", ["all agencies"])]),
    ],
)
def test_directives_to_private_parties_and_passives_that_direct_no_subject(
    body: str, expected: list[tuple[str, list[str]]]
) -> None:
    assert directed(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The heads of executive departments and agencies, or their designees, who must be senior officials, "
            "shall advise the Widget Council.",
            [("shall", ["heads of executive departments and agencies"])],
        ),
        (
            "Each widget carrier shall apply one method but may change it once a month.",
            [("shall", ["each widget carrier"]), ("may", ["each widget carrier"])],
        ),
        (
            "The Widget Committee shall be solely advisory and shall provide recommendations to the President.",
            [("shall", ["Widget Committee"])],
        ),
    ],
)
def test_relative_asides_but_clauses_and_advisory_bodies(body: str, expected: list[tuple[str, list[str]]]) -> None:
    assert directed(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Widget waivers may be granted only by the agency head or the senior agency official designated under "
            "section 6.",
            [("may", ["agency head", "senior agency official designated"], None)],
        ),
        ("Widget data that may be requested by the Secretary of Labor shall be kept.", []),
        ("Widget prices may be affected by the Secretary of Labor's rules.", []),
        (
            "Not later than 180 days after the date of this order, the Widget Board shall develop procedures, and "
            "agency heads shall identify widget officers.",
            [("shall", ["Widget Board"], 180), ("shall", ["agency heads"], 180)],
        ),
    ],
)
def test_permissions_by_agents_and_opening_deadlines(
    body: str, expected: list[tuple[str, list[str], int | None]]
) -> None:
    found = [(o.modal, actor_names(o), o.deadline.days if o.deadline else None) for o in extract(paragraph(body))]
    assert found == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "A contracting officer shall require that if a widget violation is found, the contractor shall report it.",
            [("shall", ["contracting officer"])],
        ),
        (
            "Employees shall be reinvestigated if there is reason to believe that they may no longer meet the rules.",
            [],
        ),
        ("Widget contractors shall apply if the contracting officer so requires.", []),
    ],
)
def test_modals_inside_a_required_content_a_belief_or_a_scope_are_not_directives(
    body: str, expected: list[tuple[str, list[str]]]
) -> None:
    assert directed(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The Attorney General, using the reports of the agencies and the information they submit, shall report "
            "to the President.",
            [("shall", ["Attorney General"])],
        ),
        (
            "The Chief Widget Officer of each agency shall review widget use.",
            [("shall", ["Chief Widget Officer of each agency"])],
        ),
        (
            "Each agency's Chief Widget Officer shall review widget use.",
            [("shall", ["Chief Widget Officer of each agency"])],
        ),
        ("Widget Public Liaisons shall assist requesters.", [("shall", ["Widget Public Liaisons"])]),
        ("The Widget Council also may invite experts.", [("may", ["Widget Council"])]),
        (
            "Each agency shall review widgets, but they should do so sparingly.",
            [("shall", ["each agency"]), ("should", ["each agency"])],
        ),
        (
            "Each agency covered by section 2 must have a widget plan in place within 150 days of the date of this "
            "order.",
            [("must", ["each agency covered by section 2"])],
        ),
        ("Widget questions should be used by all agencies by May 1, 2031.", [("should", ["all agencies"])]),
    ],
)
def test_participle_asides_titles_of_each_agency_adverbs_and_pronouns(
    body: str, expected: list[tuple[str, list[str]]]
) -> None:
    assert directed(body) == expected


def test_the_heads_of_several_named_agencies_are_one_actor_each() -> None:
    text = paragraph(
        "The National Widget Endowment (NWE) and the Widget Services Institute (WSI) are established. The heads of "
        "the NWE and the WSI shall meet quarterly."
    )
    assert [actor_names(o) for o in extract(text)] == [
        ["head of the National Widget Endowment", "head of the Widget Services Institute"]
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The Secretary of Labor shall determine whether widget changes are needed and may make such changes.",
            [("shall", ["Secretary of Labor"]), ("may", ["Secretary of Labor"])],
        ),
        (
            "The Secretary of Labor shall determine whether agencies may sell widgets.",
            [("shall", ["Secretary of Labor"])],
        ),
        (
            "The Chair or Co-Chairs of the Widget Committee shall report to the President.",
            [("shall", ["Chair of the Widget Committee", "Co-Chairs of the Widget Committee"])],
        ),
    ],
)
def test_whether_clauses_joined_verbs_and_chairs_joined_by_or(body: str, expected: list[tuple[str, list[str]]]) -> None:
    assert directed(body) == expected


def test_sections_under_a_general_provisions_part_and_a_general_heading_direct_no_one() -> None:
    text = (
        "Sec. 6.1. Widget Duties. The Secretary of Labor shall count widgets.\n"
        "PART 7--GENERAL PROVISIONS\n"
        "Sec. 7.1. Widget Procedures Act. The Attorney General shall render widget interpretations.\n"
        "Sec. 8. General. The Attorney General shall advise on widgets."
    )
    assert [o.section for o in extract(text)] == ["6.1"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The Widget Council shall not be responsible for the approval of widget projects.", []),
        (
            "Each agency shall report widget use. Copies of each report shall be provided to the Widget Board.",
            [["each agency"], ["each agency"]],
        ),
    ],
)
def test_negated_responsibility_and_copies_handed_over(body: str, expected: list[list[str]]) -> None:
    assert [actor_names(o) for o in extract(paragraph(body))] == expected


def test_items_of_take_the_following_actions_and_items_with_their_own_subject() -> None:
    text = (
        "Sec. 4. Widgets.\n(a) When the Secretary of State has determined that a widget is unsafe, the Secretary of "
        "Labor shall take the following actions where necessary to implement the sanctions selected by the "
        "President, the Secretary of State, or the Secretary of the Treasury:\n(i) prohibit widget imports; and\n"
        "(ii) block widget exports.\n"
        "(b) The heads of relevant agencies shall take the following actions:\n(i) agencies shall not buy widgets;\n"
        "(ii) the Secretary of State shall deny widget visas."
    )
    assert sections_and_actors(text) == [
        ("4(a)(i)", ["Secretary of Labor"]),
        ("4(a)(ii)", ["Secretary of Labor"]),
        ("4(b)", ["heads of relevant agencies"]),
        ("4(b)(i)", ["agencies"]),
        ("4(b)(ii)", ["Secretary of State"]),
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Agencies shall be guided by the following widget principles.", [["agencies"]]),
        ("Members may continue to serve after their terms until a successor is appointed.", []),
        (
            "All executive departments and agencies and all entities within the Executive Office of the President "
            "shall assist the Widget Council.",
            [["all executive departments and agencies", "all entities within the Executive Office of the President"]],
        ),
        (
            "Agencies shall examine the statutory authority supporting any widget action and shall assess it.",
            [["agencies"], ["agencies"]],
        ),
    ],
)
def test_guided_agencies_terms_of_service_entities_and_authority(body: str, expected: list[list[str]]) -> None:
    assert [actor_names(o) for o in extract(paragraph(body))] == expected


def test_a_deadline_after_a_later_effective_date_runs_from_it() -> None:
    text = (
        "Sec. 6. Widgets. Within 90 days after the effective date of this order, the Secretary of Labor shall "
        "designate a widget official.\nSec. 7. Effective Date. This order shall be effective 90 days after the date "
        "of this order."
    )
    found = one(text)
    assert found.deadline is not None
    assert (found.deadline.kind, found.deadline.days, found.deadline.due_date) == (
        "days_after_event",
        90,
        SIGNED + timedelta(days=180),
    )


def test_during_the_n_day_period_refers_to_the_period_already_set() -> None:
    text = paragraph(
        "Within 60 days of the date of this order, the Secretary of Labor shall review widgets. During the 60-day "
        "period, the Director of OMB shall consult the Widget Council."
    )
    assert [o.deadline for o in extract(text)] == [after_signing(60), after_signing(60)]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The Chair of the Widget Council, after consultation with the Secretary of Labor, shall act.",
            ["Chair of the Widget Council"],
        ),
        (
            "All widget training programs shall, before being used, be reviewed by the Director of OPM.",
            ["Director of the Office of Personnel Management"],
        ),
    ],
)
def test_after_consultation_and_an_aside_before_a_passive(body: str, expected: list[str]) -> None:
    assert actor_names(one(paragraph(body))) == expected


def test_an_umbrella_lead_in_counts_when_its_items_direct_others_or_open_a_sub_list() -> None:
    text = (
        "Sec. 4. Widgets.\n(a) When the Secretary of State, in consultation with the Secretary of Labor, has "
        "determined that a widget is unsafe, the heads of relevant agencies, in consultation with the Secretary of "
        "State, as appropriate, shall take the following actions:\n(i) agencies shall not buy widgets;\n"
        "(ii) with respect to a widget maker:\n(A) the Secretary of Labor shall deny widget permits.\n"
        "(b) The Secretary of Labor shall take the following actions:\n(i) with respect to section 2, prohibit widget "
        "sales; and\n(ii) block widget exports."
    )
    assert sections_and_actors(text) == [
        ("4(a)", ["heads of relevant agencies"]),
        ("4(a)(i)", ["agencies"]),
        ("4(a)(ii)(A)", ["Secretary of Labor"]),
        ("4(b)(i)", ["Secretary of Labor"]),
        ("4(b)(ii)", ["Secretary of Labor"]),
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The Widget Board shall be appointed by the President.", [("shall", ["President"], None)]),
        (
            "The Attorney General shall consider widget findings and, no later than 30 days after any widget agreement "
            "is reached, shall publish them.",
            [("shall", ["Attorney General"], None), ("shall", ["Attorney General"], 30)],
        ),
        (
            "The Secretary of Labor shall work with the Director of OPM to develop a widget agreement. Each agreement "
            "shall be completed within 180 days of the date of this order.",
            [("shall", ["Secretary of Labor"], 180)],
        ),
        (
            "Each agency with representation on the WHCNA Widget Committee shall report.",
            [
                (
                    "shall",
                    ["each agency with representation on the White House Council on Native Affairs Widget Committee"],
                    None,
                )
            ],
        ),
    ],
)
def test_appointments_by_the_president_long_asides_schedules_and_acronyms_in_groups(
    body: str, expected: list[tuple[str, list[str], int | None]]
) -> None:
    text = paragraph("The White House Council on Native Affairs (WHCNA) is established. " + body)
    found = [(o.modal, actor_names(o), o.deadline.days if o.deadline else None) for o in extract(text)]
    assert found == expected


def test_an_annual_plan_recurs_and_a_rate_per_year_does_not() -> None:
    found = extract(
        paragraph(
            "Each agency shall establish an annual plan for widgets. A contractor may not limit widget leave per "
            "year to less than 56 hours."
        )
    )
    assert [o.deadline.recurrence if o.deadline else None for o in found] == ["annually", None]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The widget report shall propose guidelines, and it also shall establish widget measures. The Secretary "
            "of Labor shall subsequently submit annual reports to the President.",
            [(["Secretary of Labor"], "annually")],
        ),
        (
            "The heads of agencies should require recipients of widget R&D agreements to report annually to them.",
            [(["heads of agencies"], None)],
        ),
        (
            "Each agency shall submit to the White House Widget Initiative Office an Annual Widget Report.",
            [(["each agency"], "annually")],
        ),
    ],
)
def test_it_after_a_thing_annual_reports_and_recurrences_required_of_others(
    body: str, expected: list[tuple[list[str], str | None]]
) -> None:
    found = [(actor_names(o), o.deadline.recurrence if o.deadline else None) for o in extract(paragraph(body))]
    assert found == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "With respect to matters referred to an agency, the head of that agency shall report to the Council.",
            [("shall", ["head of that agency"])],
        ),
        (
            "The staff of the Widget Initiative shall gather widget data.",
            [("shall", ["staff of the Widget Initiative"])],
        ),
        (
            "The Director of the FBI is authorized and directed to investigate widget allegations.",
            [("is directed to", ["Director of the Federal Bureau of Investigation"])],
        ),
        (
            "Every appointee appointed on or after January 20, 2009, shall sign the widget pledge.",
            [("shall", ["every appointee appointed on or after January 20, 2009"])],
        ),
        (
            "The Director of OMB, or his or her designee, may grant widget waivers.",
            [("may", ["Director of the Office of Management and Budget"])],
        ),
        (
            "Within 120 days following completion of the following reports—the Widget Assessment; and the Widget "
            "Strategy—the Secretary of the Treasury shall notify the relevant agencies.",
            [("shall", ["Secretary of the Treasury"])],
        ),
        ("The Department of Labor's report also shall describe widget sales.", []),
    ],
)
def test_demonstrative_that_staff_authorized_and_directed_dates_designees_and_dashes(
    body: str, expected: list[tuple[str, list[str]]]
) -> None:
    assert directed(body) == expected


def test_an_item_may_open_with_several_asides_and_hold_a_whether_clause() -> None:
    text = (
        "Sec. 4. Widgets.\n(a) The Director of OGE shall:\n(i) in consultation with the Attorney General, when "
        "appropriate, assist widget officers; and\n(ii) report to the President on whether full compliance is being "
        "achieved."
    )
    assert [o.section for o in extract(text)] == ["4(a)(i)", "4(a)(ii)"]


def test_a_qualifier_item_passes_the_lead_in_to_its_own_items() -> None:
    text = (
        "Sec. 7. Widget Oversight. The Director of Widget Intelligence shall:\n"
        "(a) with respect to guidelines on widget reporting:\n"
        "(i) review the guidelines; and\n"
        "(ii) issue instructions on the format of such reporting;\n"
        "(b) submit a widget report to the Board."
    )
    found = extract(text)
    assert [(o.section, o.action) for o in found] == [
        ("7(a)(i)", "review the guidelines"),
        ("7(a)(ii)", "issue instructions on the format of such reporting"),
        ("7(b)", "submit a widget report to the Board."),
    ]
    assert {actor for o in found for actor in actor_names(o)} == {"Director of Widget Intelligence"}


def test_a_qualifier_item_under_no_lead_in_directs_no_one() -> None:
    text = "Sec. 7. Widgets. Widgets are useful:\n(a) with respect to gadgets:\n(i) review the guidelines."
    assert extract(text) == []


def test_a_capitalised_item_may_open_with_an_adverb() -> None:
    text = (
        "Sec. 4. Review. The Secretary of Defense shall:\n(a) Proactively recruit widget experts;\n"
        "(b) Report to the Board."
    )
    assert [(o.section, o.action) for o in extract(text)] == [
        ("4(a)", "Proactively recruit widget experts"),
        ("4(b)", "Report to the Board."),
    ]


def test_an_including_aside_names_no_actor() -> None:
    found = one(paragraph("A special team of widget assistance providers, including Federal staff, shall help."))
    assert actor_names(found) == ["special team of widget assistance providers"]


def test_a_body_named_by_its_noun_is_the_body_named_in_full_before() -> None:
    found = extract(
        paragraph("A special team of widget assistance providers shall help schools. The team shall report yearly.")
    )
    assert [actor_names(o) for o in found] == [["special team of widget assistance providers"]] * 2


def test_a_duty_that_is_the_responsibility_of_an_office_directs_it() -> None:
    found = one(
        paragraph("The duties set forth in subsection (b) shall be the responsibility of the Counsel to the President.")
    )
    assert actor_names(found) == ["Counsel to the President"]
    assert extract(paragraph("The widget shall be the property of the United States.")) == []


@pytest.mark.parametrize("noun", ["functions", "mission", "purpose", "duties"])
def test_the_functions_of_a_body_direct_the_body(noun: str) -> None:
    found = one(paragraph(f"The {noun} of the Widget Council shall be to advise the President on widgets."))
    assert actor_names(found) == ["Widget Council"]
    assert extract(paragraph("The purpose of this order shall be to promote widgets.")) == []


def test_the_functions_of_a_body_as_a_lead_in_direct_it_in_each_item() -> None:
    found = extract(
        "Sec. 3. Functions.\n(a) The functions of the Widget Council shall be to:\n(i) advise the President;\n"
        "(ii) monitor widget supply."
    )
    assert [(o.section, actor_names(o)) for o in found] == [
        ("3(a)(i)", ["Widget Council"]),
        ("3(a)(ii)", ["Widget Council"]),
    ]


def test_a_pronoun_after_a_whenever_clause_is_the_office_it_names() -> None:
    found = one(
        paragraph("Whenever an executive department or agency proposes a widget rule, it shall repeal two others.")
    )
    assert actor_names(found) == ["executive department or agency"]


def test_an_office_or_a_designee_is_the_office() -> None:
    assert actor_names(one(paragraph("The Chair or a designee shall convene meetings of the Widget Council."))) == [
        "Chair"
    ]


def test_what_shall_occur_directs_no_one() -> None:
    assert extract(paragraph("Presentation of the Widget Medal for Public Safety Officers shall occur in May.")) == []


@pytest.mark.parametrize(
    ("body", "actors"),
    [
        (
            "The head of each agency is authorized to and shall take all measures to sell widgets.",
            ["head of each agency"],
        ),
        ("If the head of the agency so objects, he or she shall set forth the reasons.", ["head of the agency"]),
        ("The Secretary of Commerce promptly shall issue widget rules.", ["Secretary of Commerce"]),
        ("No less than annually the Secretary of Commerce shall review the widget rules.", ["Secretary of Commerce"]),
        (
            "The Secretary of Commerce and agency heads shall protect widgets.",
            ["Secretary of Commerce", "agency heads"],
        ),
        (
            "Consistent with the authorities assigned to the Attorney General, the Widget Task Force shall meet.",
            ["Widget Task Force"],
        ),
    ],
)
def test_the_subject_past_asides_adverbs_and_pronouns(body: str, actors: list[str]) -> None:
    assert actor_names(one(paragraph(body))) == actors


def test_a_body_named_by_its_kind_is_the_body_named_in_full_before() -> None:
    found = extract(
        "Sec. 3. The Steering Committee of the Widget Commission. The Steering Committee shall oversee the work.\n"
        "Sec. 4. Director. The Initiative shall be led by an Executive Director, who shall report to the Secretary of "
        "Commerce.\n"
    )
    assert [actor_names(o) for o in found][0] == ["Steering Committee of the Widget Commission"]


def test_an_officer_named_after_the_modal_belongs_to_the_body_defined_before() -> None:
    found = one(
        paragraph(
            "There is established the White House Widget Initiative (Initiative). The Initiative shall be led by "
            "an Executive Director, designated by the Secretary of Commerce."
        )
    )
    assert actor_names(found) == ["Executive Director of the White House Widget Initiative"]


@pytest.mark.parametrize(("between", "section"), [("\n", "3(a)"), (" ", "3(a)(ii)")])
def test_a_paragraph_of_its_own_after_a_list_is_the_parents(between: str, section: str) -> None:
    found = extract(
        "Sec. 3. Widgets.\n(a) The Secretary of Commerce shall:\n(i) count widgets; and\n(ii) publish the count."
        f"{between}The Secretary of Labor shall publish widget wages.\n"
    )
    assert [(o.section, actor_names(o)) for o in found] == [
        ("3(a)(i)", ["Secretary of Commerce"]),
        ("3(a)(ii)", ["Secretary of Commerce"]),
        (section, ["Secretary of Labor"]),
    ]


def test_a_paragraph_after_a_list_of_capitalised_names_is_the_parents() -> None:
    found = extract(
        "Sec. 3. Widgets.\n(a) The head of each of the following agencies shall nominate a widget officer:\n"
        "(i) Department of Labor;\n(ii) National Widget Agency.\nEach nominee must be approved by the Widget Board.\n"
    )
    assert [(o.section, o.modal) for o in found] == [("3(a)", "shall"), ("3(a)", "must")]


def test_a_paragraph_after_nested_last_items_belongs_to_the_outermost_lead_in() -> None:
    found = extract(
        "Sec. 3. Widgets.\n(a) Each agency shall develop a widget plan. The plans shall address:\n"
        "(1) barriers to widgets; and\n(2) a goal for awards in:\n(A) grants; and\n(B) contracts.\n"
        "In developing the plans, agencies shall consult widget makers.\n"
        "(b) The Secretary of Labor shall count widgets."
    )
    assert [(o.section, actor_names(o)) for o in found] == [
        ("3(a)", ["each agency"]),
        ("3(a)", ["agencies"]),
        ("3(b)", ["Secretary of Labor"]),
    ]


def test_a_last_item_opening_with_an_adverbial_before_its_verb_keeps_its_sentences() -> None:
    found = extract(
        "Sec. 3. Widgets.\n(a) Each agency shall:\n(i) count widgets; and\n(ii) as required by law, establish "
        "widget goals. Each agency shall also establish a goal for gadgets.\n"
    )
    assert [o.section for o in found] == ["3(a)(i)", "3(a)(ii)", "3(a)(ii)"]


def test_offices_that_serve_as_co_chairs_are_the_co_chairs() -> None:
    found = extract(
        paragraph(
            "The Secretary of Commerce and the Secretary of Labor shall serve as the Co-Chairs of the Widget "
            "Initiative. The Co-Chairs shall convene meetings of the Initiative."
        )
    )
    assert [actor_names(o) for o in found] == [["Secretary of Commerce", "Secretary of Labor"]]


@pytest.mark.parametrize(
    ("body", "actors"),
    [
        (
            "The Widget Officer shall act independently, nor shall the Attorney General remove the Widget Officer.",
            [
                ["Widget Officer"],
                ["Attorney General"],
            ],
        ),
        (
            "U.S. Customs and Border Protection may take any measure to collect the widget duty.",
            [["United States Customs and Border Protection"]],
        ),
        ("The Widget Review Court shall inform the complainant.", [["Widget Review Court"]]),
        ("A member appointed to fill a vacancy shall serve only for the unexpired term.", []),
        ("Agencies shall provide such information as the Council, through the Chair, may request.", [["agencies"]]),
    ],
)
def test_more_subjects_by_their_grammar(body: str, actors: list[list[str]]) -> None:
    assert [actor_names(o) for o in extract(paragraph(body))] == actors


def test_a_lead_in_inside_a_required_clause_directs_its_own_subject_in_each_item() -> None:
    found = extract(
        "Sec. 3. Review.\n(a) This process shall ensure, at a minimum, that for each complaint the Widget Officer "
        "shall:\n(i) review the complaint; and\n(ii) after the review is completed, inform the complainant.\n"
    )
    assert [(o.section, actor_names(o)) for o in found] == [
        ("3(a)(i)", ["Widget Officer"]),
        ("3(a)(ii)", ["Widget Officer"]),
    ]


@pytest.mark.parametrize(
    ("body", "actors", "through"),
    [
        (
            "The Secretary of Commerce, through the Director of Widgets and the Director of Gadgets, shall publish "
            "a list.",
            ["Secretary of Commerce"],
            ["Director of Widgets and the Director of Gadgets"],
        ),
        ("The Commission shall function as follows:", [], []),
        ("Members of the Commission shall serve one term ending on July 4, 2031.", [], []),
    ],
)
def test_structure_and_terms_direct_no_one_and_offices_acted_through_stay_together(
    body: str, actors: list[str], through: list[str]
) -> None:
    found = extract(paragraph(body))
    assert [actor.name for o in found for actor in o.actors] == actors
    assert [actor.through for o in found for actor in o.actors] == through


def test_co_chairs_named_with_a_qualified_office_are_the_co_chairs_of_the_body() -> None:
    found = extract(
        paragraph(
            "There is established the Widget Council (Council), co-chaired by the Secretary of Commerce and the "
            "Advisor to the President overseeing the Office of Widgets (Co-Chairs). The Co-Chairs shall convene "
            "meetings of the Council."
        )
    )
    assert [actor_names(o) for o in found] == [["Co-Chairs of the Widget Council"]]


@pytest.mark.parametrize(
    ("body", "actor"),
    [
        ("The working group's recommendations shall be prepared and submitted within 180 days.", "working group"),
        ("Each agency's plan shall be submitted to the Secretary of Commerce.", "each agency"),
    ],
)
def test_a_work_product_named_by_its_maker_directs_the_maker(body: str, actor: str) -> None:
    assert actor_names(one(paragraph(body))) == [actor]


@pytest.mark.parametrize(
    ("body", "actor"),
    [
        (
            "The duties in section 2 shall be the responsibility of the Counsel to the President or such other "
            "official as the President designates.",
            ["Counsel to the President"],
        ),
        (
            "Consistent with Executive Order 15001 of May 1, 2030 (Reorganizing the Executive Branch), the head of "
            "each agency shall count widgets.",
            ["head of each agency"],
        ),
    ],
)
def test_dates_and_titles_inside_the_subject_and_other_officials_after_it(body: str, actor: list[str]) -> None:
    assert actor_names(one(paragraph(body))) == actor


def test_items_of_a_body_that_shall_work_across_agencies_to_are_its_duties() -> None:
    found = extract(
        "Sec. 3. Functions. The Widget Council shall, to the extent permitted by law, work across agencies, giving "
        "consideration to existing initiatives, to:\n(a) assess widget programs; and\n(b) recommend widget policy.\n"
    )
    assert [(o.section, actor_names(o)) for o in found] == [("3(a)", ["Widget Council"]), ("3(b)", ["Widget Council"])]


def test_dated_deliverables_listed_after_a_verb_are_one_obligation_each() -> None:
    found = extract(
        "Sec. 4. Reports. The Secretary of Commerce shall submit to the President:\n(a) Within 90 days of the date "
        "of this order, a work plan;\n(b) Within 1 year of the date of this order, a list of widget rules; and\n"
        "(c) any further reports the President requests.\n"
    )
    assert [(o.section, o.deadline.days if o.deadline else None) for o in found] == [
        ("4(a)", 90),
        ("4(b)", 365),
        ("4(c)", None),
    ]


def test_undated_contents_listed_after_a_verb_stay_one_obligation() -> None:
    found = extract(
        "Sec. 4. Reports. The Secretary of Commerce shall submit to the President a report that covers:\n"
        "(a) widget supply; and\n(b) widget prices.\n"
    )
    assert [o.section for o in found] == ["4"]


@pytest.mark.parametrize(
    ("body", "directed"),
    [
        (
            "Agency heads are directed during this period to inform employees of the widget policy.",
            [("is directed to", ["agency heads"])],
        ),
        (
            "Federal law enforcement should coordinate with State and local law enforcement.",
            [("should", ["Federal law enforcement"])],
        ),
    ],
)
def test_a_period_between_directed_and_to_and_federal_law_enforcement(body: str, directed: list) -> None:
    assert [(o.modal, actor_names(o)) for o in extract(paragraph(body))] == directed


def test_an_item_opening_with_a_consultation_that_names_examples_is_a_verb_phrase() -> None:
    found = extract(
        "Sec. 3. Widgets. The Administrator of General Services shall:\n(a) in consultation with councils, such as "
        "the Widget Council, provide guidance on widgets; and\n(b) publish the guidance.\n"
    )
    assert [o.section for o in found] == ["3(a)", "3(b)"]


def test_an_aside_with_its_own_may_leaves_the_subject_before_it() -> None:
    found = one(
        paragraph(
            "The Attorney General or the head of any other agency that originated the information, as the case may "
            "be, shall review the widget records."
        )
    )
    assert actor_names(found) == ["Attorney General", "head of any other agency"]


def test_a_task_force_and_its_chair_are_named_in_full() -> None:
    found = extract(
        "Sec. 1. (a) The Interagency Task Force on Widget Safety is established. The Secretary of Commerce shall "
        "select a Chair for the Task Force.\n(b) The Chair shall convene the Task Force. The Task Force shall report "
        "to the President.\n"
    )
    assert [actor_names(o) for o in found][1:] == [
        ["Chair of the Interagency Task Force on Widget Safety"],
        ["Interagency Task Force on Widget Safety"],
    ]


@pytest.mark.parametrize(
    ("body", "directed"),
    [
        (
            "The Widget Council shall be informed by, and shall strive to avoid duplicating, the work of others.",
            [("shall", ["Widget Council"])],
        ),
        ("Participants in the program shall be referred to as Interns and shall be students.", []),
        (
            "Agencies are hereby directed, consistent with their authorities, budgets, and missions, to count widgets.",
            [("is directed to", ["agencies"])],
        ),
    ],
)
def test_a_passive_subject_carries_to_the_next_verb_but_not_to_a_status(body: str, directed: list) -> None:
    assert [(o.modal, actor_names(o)) for o in extract(paragraph(body))] == directed


@pytest.mark.parametrize(
    ("text", "found_at"),
    [
        (
            "Sec. 2. Chair. The Chair of the Widget Council shall convene it. The Chair's duties shall also include:\n"
            "(i) communicating with States; and\n(ii) coordinating agencies.\n",
            ["2", "2(i)", "2(ii)"],
        ),
        (
            "Sec. 3. Officer. The Widget Officer shall be responsible for:\n(a) working with each agency; and\n"
            "(b) advising agencies.\n",
            ["3(a)", "3(b)"],
        ),
        (
            "Sec. 4. Policies. To that end, the Secretary of Commerce shall, to the extent permitted by law,\n"
            "(i) amend widget policies; and\n(ii) implement new ones.\n",
            ["4(i)", "4(ii)"],
        ),
    ],
)
def test_lead_ins_of_duties_responsibilities_and_a_closing_comma(text: str, found_at: list[str]) -> None:
    assert [o.section for o in extract(text)] == found_at


@pytest.mark.parametrize(
    ("body", "actor"),
    [
        (
            "Agencies listed in section 901 of title 31, United States Code, shall report.",
            ["agencies listed in section 901 of title 31, United States Code"],
        ),
        ("Agencies with at least 1,000 employees shall report.", ["agencies with at least 1,000 employees"]),
    ],
)
def test_commas_inside_a_citation_or_a_number_stay_inside_the_subject(body: str, actor: list[str]) -> None:
    assert actor_names(one(paragraph(body))) == actor


def test_offices_joined_inside_an_aside_are_no_actors_and_an_office_defined_as_chair_is_the_chair() -> None:
    found = extract(
        paragraph(
            "Each agency managing widget lands (as determined by the Secretary of Commerce and the Secretary of "
            "Labor) shall report. There is established the Widget Task Force, which shall be chaired by the "
            "Secretary of Energy (Chair). The Chair shall convene the Task Force."
        )
    )
    assert [actor_names(o) for o in found] == [["each agency managing widget lands"], ["Secretary of Energy"]]


def test_and_or_joins_actors_and_a_long_aside_may_stand_between_directed_and_to() -> None:
    assert [actor_names(o) for o in extract(paragraph("The Widget Council and/or the Council staff may travel."))] == [
        ["Widget Council", "Council staff"]
    ]
    found = one(
        paragraph(
            "Agencies are hereby directed, consistent with their authorities, budget priorities, and mission "
            "constraints, and to the extent permitted by law and consistent with the need to protect sources, "
            "methods, and operations, to provide widgets to the Council."
        )
    )
    assert (found.modal, actor_names(found)) == ("is directed to", ["agencies"])


def test_serving_as_a_liaison_is_a_duty_and_seek_to_opens_a_list_of_them() -> None:
    assert [actor_names(o) for o in extract(paragraph("The Widget Council shall serve as a liaison to States."))] == [
        ["Widget Council"]
    ]
    assert extract(paragraph("The Secretary of Commerce shall serve as Chair of the Widget Council.")) == []
    found = extract(
        "Sec. 1. Program. The Secretary of Commerce shall seek to:\n(a) expand widgets; and\n(b) count them.\n"
    )
    assert [o.section for o in found] == ["1(a)", "1(b)"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            paragraph(
                "The Secretary of Commerce, in coordination with the Secretaries of Defense and Energy, and in "
                "consultation with the Director of OMB, shall develop a widget plan."
            ),
            [["Secretary of Commerce"]],
        ),
        (
            paragraph("Agency heads and employees shall comply with the widget guidance."),
            [["agency heads", "employees"]],
        ),
        (paragraph("Widget-Producing Agencies shall report annually."), [["Widget-Producing Agencies"]]),
        (
            "Sec. 4. Widgets.\n(a) The Widget Task Force agencies shall count widgets.\n(b) These agencies shall "
            "report the count.\n",
            [["Widget Task Force agencies"], ["Widget Task Force agencies"]],
        ),
        (
            paragraph("The Chairpersons of the Widget Council and the Gadget Council shall consult."),
            [["Chairperson of the Widget Council", "Chairperson of the Gadget Council"]],
        ),
    ],
)
def test_consulted_lists_agencies_pointing_back_and_plural_chairs(text: str, expected: list[list[str]]) -> None:
    assert [actor_names(o) for o in extract(text)] == expected


def test_a_report_due_prior_to_a_date_restates_its_deadline() -> None:
    found = one(
        paragraph(
            "The Widget Council shall submit a report to the President. The report shall be submitted prior to "
            "September 30, 2031."
        )
    )
    assert found.deadline is not None and found.deadline.due_date == date(2031, 9, 30)


def test_a_name_holding_in_before_a_capital_and_an_element_that_shall_include() -> None:
    found = extract(
        paragraph(
            "There is established the Commission on Widget Opportunity in Communities Dependent on Gadgets. The "
            "Commission shall advise the President. Each element of the Widget Community shall include such "
            "records in its reports."
        )
    )
    assert [actor_names(o) for o in found] == [
        ["Commission on Widget Opportunity in Communities Dependent on Gadgets"],
        ["each element of the Widget Community"],
    ]


@pytest.mark.parametrize(
    "lead_in",
    [
        "The Secretary of Commerce shall immediately take the following steps to secure widgets:",
        "The Secretary of Commerce, in conjunction with the Secretary of Labor, shall take all appropriate action to:",
    ],
)
def test_steps_and_actions_to_take_open_a_list_of_duties(lead_in: str) -> None:
    found = extract(f"Sec. 4. Widgets. {lead_in}\n(a) count widgets; and\n(b) publish the count.\n")
    assert [(o.section, actor_names(o)) for o in found] == [
        ("4(a)", ["Secretary of Commerce"]),
        ("4(b)", ["Secretary of Commerce"]),
    ]


def test_immediately_after_a_longer_verb_phrase_is_due_at_signing() -> None:
    found = one(paragraph("The Secretary of Commerce shall take all appropriate action to immediately count widgets."))
    assert found.deadline == after_signing(0)


def test_the_president_as_subject_of_an_object_relative_clause() -> None:
    found = extract(paragraph("The Board shall have an Executive Director, whom the President may designate."))
    assert [(o.modal, actor_names(o)) for o in found] == [("may", ["President"])]


@pytest.mark.parametrize(
    ("body", "actor"),
    [
        ("Meetings shall be convened by the Assistant to the President for Widget Policy.",
         "Assistant to the President for Widget Policy"),
        ("The agreement shall be approved by the Counsel to the President or his or her designee prior to signing.",
         "Counsel to the President"),
        ("The plan shall be approved by the Director of Widgets prior to its publication.", "Director of Widgets"),
    ],
)  # fmt: skip
def test_a_passive_agent_is_read_to_the_end_of_its_name(body: str, actor: str) -> None:
    assert actor_names(one(paragraph(body))) == [actor]


def test_a_lowercase_chair_is_the_chair_of_the_body_named_before() -> None:
    found = extract(
        paragraph(
            "There is established the Federal Widget Commission (Commission). The President shall designate a "
            "chairperson of the Commission. The chairperson may prescribe rules of procedure."
        )
    )
    assert actor_names(found[-1]) == ["Chairperson of the Federal Widget Commission"]


def test_a_deadline_that_ends_one_clause_does_not_carry_to_the_next() -> None:
    found = extract(paragraph("The Board shall respond to each request within 90 days and may grant a waiver."))
    assert [(o.modal, o.deadline is not None) for o in found] == [("shall", True), ("may", False)]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Each agency head or principal deputy shall review widget programs.", ["each agency head"]),
        ("The agency head or the senior agency official shall review widget programs.",
         ["agency head", "senior agency official"]),
        ("Executive agencies and departments shall provide widget support.", ["executive agencies and departments"]),
        ("Each of the Federal departments and agencies, as appropriate, shall designate a widget official.",
         ["Federal departments and agencies"]),
        ("The parties to the widget dispute shall submit final offers.", ["parties to the widget dispute"]),
        ("The Wildland Widget Subcabinet shall meet quarterly.", ["Wildland Widget Subcabinet"]),
        ("The Federal Widget Executive shall issue guidance.", ["Federal Widget Executive"]),
        ("The United States executive director of each widget bank shall oppose loans.",
         ["United States executive director of each widget bank"]),
        ("Persons authorized to disseminate widget data shall protect it.",
         ["Persons authorized to disseminate widget data"]),
        ("The lead agency and all cooperating and participating agencies shall record decisions in one widget record.",
         ["lead agency", "all cooperating and participating agencies"]),
        ("Each agency designated by the co-chairs as a member of the Widget Group shall develop a plan.",
         ["each agency designated by the co-chairs as a member of the Widget Group"]),
        ("The Director of Widgets, or such other official as the President may designate, shall obtain data.",
         ["Director of Widgets"]),
        ("The Chair or the Chair's designee, in implementing subsection (b), shall convene the Board.", ["Chair"]),
        ("NOAA is designated as the lead agency for widget projects and shall navigate each project.",
         ["National Oceanic and Atmospheric Administration"]),
    ],
)  # fmt: skip
def test_subjects_named_by_alternatives_groups_and_designations(body: str, expected: list[str]) -> None:
    assert actor_names(one(paragraph(body))) == expected


def test_an_agentless_update_of_a_work_product_directs_its_maker() -> None:
    found = extract(
        paragraph(
            "Within 1 year of the date of this order, the Secretary of Commerce shall submit a widget report to the "
            "President. This report shall be updated annually for the following 2 years.\n(b) Any new National "
            "Widget Plan shall be completed within 180 days of the date of this order."
        )
    )
    assert [(actor_names(o), o.deadline) for o in found] == [
        (["Secretary of Commerce"], after_signing(365)),
        (["Secretary of Commerce"], Deadline("recurring", recurrence="annually")),
        (["Secretary of Commerce"], after_signing(180)),
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The Secretaries of Health and Human Services, the Treasury, and Labor shall issue widget guidance.",
         ["Secretary of Health and Human Services", "Secretary of the Treasury", "Secretary of Labor"]),
        ("The Federal banking regulators shall review widget rules.", ["Federal banking regulators"]),
        ("The investigative agencies shall share widget data.", ["investigative agencies"]),
        ("Before filing a widget motion, litigation counsel shall submit it for review.", ["litigation counsel"]),
        ("Independent regulatory agency chairmen shall submit widget plans.",
         ["Independent regulatory agency chairmen"]),
        ("The Widget Forum shall present a report.", ["Widget Forum"]),
        ("Within 30 days of the date of this order, the Secretary of Labor or his designee shall review widgets.",
         ["Secretary of Labor"]),
        ("The Chair shall terminate the Widget Task Force upon the completion of its duties.", ["Chair"]),
    ],
)  # fmt: skip
def test_more_ways_of_naming_who_acts(body: str, expected: list[str]) -> None:
    assert actor_names(one(paragraph(body))) == expected


def test_a_body_that_terminates_is_directed_to_nothing() -> None:
    assert extract(paragraph("The Widget Task Force shall terminate upon the completion of its duties.")) == []


def test_a_purpose_item_passes_the_lead_in_to_its_items_unless_a_verb_follows_it() -> None:
    text = (
        "Sec. 5. Widget Markets. The Secretary of Transportation shall:\n"
        "(a) to better protect widget buyers, and as appropriate:\n"
        "(i) publish a widget rule; and\n"
        "(ii) convene a widget working group;\n"
        "(b) to ensure buyers have accurate, clear labels, consider a labelling rule;"
    )
    assert [o.section for o in extract(text)] == ["5(a)(i)", "5(a)(ii)", "5(b)"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("After receiving the widget records, the former President shall review them.", ["former President"]),
        ("The incumbent President may concur in the decision.", ["incumbent President"]),
        ("The family of the former President may designate a representative.", ["family of the former President"]),
    ],
)
def test_a_former_or_incumbent_president_acts(body: str, expected: list[str]) -> None:
    assert actor_names(one(paragraph(body))) == expected


def test_jointly_named_co_chairs_are_the_offices_named() -> None:
    found = extract(
        "Sec. 3. Task Force. (a) There is established the Widget Task Force, co-chaired by the Secretary of Labor and "
        "the Assistant to the President for Domestic Policy (Co-Chairs).\n(b) The Co-Chairs shall convene the Task "
        "Force."
    )
    assert actor_names(found[-1]) == ["Secretary of Labor", "Assistant to the President for Domestic Policy"]


def test_a_short_form_means_its_office_only_from_where_the_order_defines_it() -> None:
    found = extract(
        "Sec. 4. Council. (a) There is established the White House Widget Council (Council), led by the Chair of the "
        "Council.\n(b) The Chair shall convene the Council.\n(c) The Chair of the Widget Transport Board (Chair) "
        "shall report to the Chair of the Council. The Chair shall publish a widget list."
    )
    assert [actor_names(o) for o in found] == [
        ["Chair of the White House Widget Council"],
        ["Chair of the Widget Transport Board"],
        ["Chair of the Widget Transport Board"],
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The Director of Widgets, in consultation with the Secretary of Energy and the heads of other relevant "
         "agencies as the Director of Widgets may deem appropriate, shall establish a widget board.",
         ["Director of Widgets"]),
        ("The Secretary of State or designee shall issue widget guidance.", ["Secretary of State"]),
        ("The privacy and civil liberties officials for agencies engaged in widget work shall conduct reviews.",
         ["privacy and civil liberties officials for agencies engaged in widget work"]),
    ],
)  # fmt: skip
def test_subjects_past_a_discretion_clause_a_designee_and_a_qualifier(body: str, expected: list[str]) -> None:
    assert actor_names(one(paragraph(body))) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("There shall be established a Special Widget Task Force (Special Task Force). The Attorney General shall "
         "serve as Chair. The Chair shall convene the Special Task Force.",
         ["Chair of the Special Widget Task Force"]),
        ("The amount shall be published by the Secretary of Labor at least 90 days before it takes effect.",
         ["Secretary of Labor"]),
        ("Those periods may be extended by the former President or the incumbent President for burdensome requests.",
         ["former President", "incumbent President"]),
    ],
)  # fmt: skip
def test_a_special_body_s_chair_and_passive_agents_before_at_or_for(body: str, expected: list[str]) -> None:
    assert actor_names(extract(paragraph(body))[-1]) == expected


def test_what_a_statute_provides_directs_no_one() -> None:
    assert extract(paragraph("Section 2204 of title 44 provides that the Archivist may release widget records.")) == []


def test_an_agentless_publication_of_a_report_directs_its_maker() -> None:
    found = extract(paragraph("The Widget Council shall prepare a report. This report shall be published online."))
    assert [actor_names(o) for o in found] == [["Widget Council"], ["Widget Council"]]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("There is established the Federal Widget Task Force (Task Force). The Task Force established in this "
         "section shall monitor widgets.", ["Federal Widget Task Force"]),
        ("In so doing, the Chief Widget Officer in each department and agency shall coordinate with buyers.",
         ["Chief Widget Officer in each department and agency"]),
        ("To the extent permitted by law, the agencies below shall adopt the following widget roles.",
         ["agencies below"]),
        ("The Assistant to the President for Widget Policy shall include a cover memorandum.",
         ["Assistant to the President for Widget Policy"]),
    ],
)  # fmt: skip
def test_bodies_pointed_back_to_officers_of_each_agency_and_assistants_who_include(
    body: str, expected: list[str]
) -> None:
    assert actor_names(extract(paragraph(body))[-1]) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("In order to ensure that widget risks are addressed, the Widget Board shall monitor developments.",
         [("shall", ["Widget Board"])]),
        ("Each agency head shall ensure that such terms are included in all widget grants and likewise shall "
         "revise its regulations.", [("shall", ["each agency head"]), ("shall", ["each agency head"])]),
        ("Senior appointees and their designees shall use their independent judgment.",
         [("shall", ["Senior appointees"])]),
        ("Each agency head shall designate a senior appointee who shall be responsible for widget reviews.",
         [("shall", ["each agency head"]), ("shall", ["senior appointee"])]),
        ("The Intelligence Community shall monitor widget developments.", [("shall", ["Intelligence Community"])]),
    ],
)  # fmt: skip
def test_purposes_that_ensure_continued_directives_designees_and_whom_a_who_clause_directs(
    body: str, expected: list[tuple[str, list[str]]]
) -> None:
    assert directed(body) == expected


def test_a_recurrence_of_what_designees_or_lead_in_items_require_of_others_is_not_the_directive_s() -> None:
    found = extract(
        paragraph(
            "Each agency head shall designate senior officials to review widget awards on an annual basis. The "
            "Secretary of Labor shall:\n(i) Require supervisors of widget staff to hold one widget review annually;\n"
            "(ii) Publish widget statistics annually."
        )
    )
    assert [o.deadline for o in found] == [None, None, Deadline("recurring", recurrence="annually")]


def test_a_policy_of_the_executive_branch_directs_no_one() -> None:
    body = "It is the policy of the executive branch that, to ensure quality, agencies shall not buy bad widgets."
    assert extract(paragraph(body)) == []


def test_a_by_phrase_of_a_later_participle_is_no_agent() -> None:
    found = extract(
        paragraph(
            "The Secretary of Labor may investigate widget contractors. Such investigation shall be conducted in "
            "accordance with procedures established by the Attorney General."
        )
    )
    assert [actor_names(o) for o in found] == [["Secretary of Labor"]]


def test_a_directive_with_its_own_subject_after_required_content_is_a_directive() -> None:
    body = (
        "The Widget Council shall ensure that buyers can find all widget programs in one place, and all agencies "
        "that fund widget programs shall coordinate with the Secretary of the Interior."
    )
    assert directed(body) == [("shall", ["Widget Council"]), ("shall", ["all agencies"])]


def test_a_modal_in_a_relative_clause_about_a_thing_does_not_break_the_subject_s_directives() -> None:
    body = "The heads of all agencies shall identify widget rules that may slow growth and shall consider repeal."
    assert directed(body) == [("shall", ["heads of all agencies"]), ("shall", ["heads of all agencies"])]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Widget procedures shall be set forth in an implementing directive to be issued by the Secretary of Labor "
         "within 180 days of the date of this order.", ["Secretary of Labor"]),
        ("Widget facilities shall be inspected, accredited, and monitored for compliance with established "
         "standards, in accordance with the implementing directive, by the Department of Labor.",
         ["Department of Labor"]),
    ],
)  # fmt: skip
def test_a_passive_agent_after_a_long_verb_phrase_or_a_to_be_participle(body: str, expected: list[str]) -> None:
    assert actor_names(one(paragraph(body))) == expected


def test_a_by_phrase_inside_a_because_clause_is_no_agent() -> None:
    body = "No widget shall be blocked solely because it is owned, directly or indirectly, by sanctioned persons."
    assert extract(paragraph(body)) == []


def test_passive_agents_joined_by_or_another_are_each_an_actor() -> None:
    body = "Widget sites shall be inspected by the Department of Labor or another agency that has agreed to do so."
    assert actor_names(one(paragraph(body))) == ["Department of Labor", "another agency"]


def test_items_after_work_with_others_to_are_the_worker_s_obligations() -> None:
    text = (
        "Sec. 3. Widget Office. The Widget Office shall work with Federal, State, and local agencies, as "
        "appropriate, to:\n(i) coordinate widget exercises;\n(ii) review widget response plans."
    )
    found = extract(text)
    assert [(o.section, actor_names(o)) for o in found] == [("3(i)", ["Widget Office"]), ("3(ii)", ["Widget Office"])]


def test_an_item_that_qualifies_an_inline_list_gives_one_obligation_per_inline_item() -> None:
    text = (
        "Sec. 6. Widget Labor. The Secretary of Labor shall:\n(a) collect widget data;\n(b) upon request from the "
        "head of an agency: (i) formulate widget plans; and (ii) estimate widget training needs."
    )
    assert [o.section for o in extract(text)] == ["6(a)", "6(b)(i)", "6(b)(ii)"]


def test_agencies_responsible_for_plans_are_a_group_not_a_document() -> None:
    body = (
        "Executive departments and agencies (agencies) responsible for widget plans and programs (as defined in "
        "section 8(j) of this order) shall identify widget requirements."
    )
    assert actor_names(one(paragraph(body))) == [
        "executive departments and agencies responsible for widget plans and programs"
    ]


def test_a_body_and_its_members_are_each_directed() -> None:
    body = "The Widget Task Force and its member agencies also shall examine widget fraud."
    assert actor_names(one(paragraph(body))) == ["Widget Task Force", "member agencies"]


def test_clauses_numbered_inline_are_labelled_at_their_item() -> None:
    found = extract(
        "Sec. 1. Widgets.\n(b) Except as provided in subsection (a) of this section, (i) the Secretary of Commerce "
        "shall not permit widget exports; and (ii) with the exception of food, the Secretary of Commerce shall not "
        "permit gadget exports.\n"
    )
    assert [(o.section, actor_names(o)) for o in found] == [
        ("1(b)(i)", ["Secretary of Commerce"]),
        ("1(b)(ii)", ["Secretary of Commerce"]),
    ]


def test_a_lead_in_may_close_on_a_list_of_those_consulted() -> None:
    found = extract(
        "Sec. 4. Widgets.\n(b) The Secretary of Defense shall, in consultation with the Secretary of State, the "
        "Secretary of Energy, and the Administrator of the National Aeronautics and Space Administration (NASA "
        "Administrator):\n(i) determine widget needs; and\n(ii) pilot a widget prototype.\n"
    )
    assert [(o.section, actor_names(o)) for o in found] == [
        ("4(b)(i)", ["Secretary of Defense"]),
        ("4(b)(ii)", ["Secretary of Defense"]),
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Members shall (1) be chosen from the private sector; and (2) have widget experience.", []),
        ("The Widget Council shall be co-chaired by the Secretary of Labor and the Secretary of Energy.", []),
        (
            "The Secretary of State shall have the responsibility for implementing this section.",
            [["Secretary of State"]],
        ),
        (
            "There is established an Interagency Widget Group (Widget Group) to address widget shortages, which shall "
            "coordinate widget policy.",
            [["Interagency Widget Group"]],
        ),
        (
            "The Widget Council shall be composed of the Assistant to the President for Science and Technology (the "
            "“Science Advisor”) and others. The Science Advisor may designate a Vice Chair.",
            [["Assistant to the President for Science and Technology"]],
        ),
        (
            "The Widget Oversight Committee (WOC) shall be chaired by a senior official from the National Security "
            "Council (NSC). The Chair shall coordinate widget policy.",
            [["Chair of the Widget Oversight Committee"]],
        ),
    ],
)
def test_compositions_responsibilities_bodies_established_and_offices_named_by_a_quoted_name(
    body: str, expected: list[list[str]]
) -> None:
    assert [actor_names(o) for o in extract(paragraph(body))] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The U.S. Government shall support widget programs; shall consider expanding them; and shall assess "
            "their cost.",
            [["United States Government"]] * 3,
        ),
        ("The United States shall conduct widget collection only as authorized.", [["United States"]]),
        ("The Federal Government shall lead the world in widgets.", []),
        (
            "If it misses the targets, that agency's accountable official shall submit a widget plan.",
            [["that agency's accountable official"]],
        ),
        (
            "The Secretary of Labor and the Secretary of Energy (Secretaries)—the Government's widget keepers—shall "
            "count widgets.",
            [["Secretary of Labor", "Secretary of Energy"]],
        ),
        (
            "The Trade Representative shall submit to the Committee on Finance of the Senate and the Committee on "
            "Ways and Means of the House of Representatives, and shall publish, a widget report.",
            [["Trade Representative"], ["Trade Representative"]],
        ),
    ],
)
def test_the_nation_verb_series_possessives_alternatives_and_appositives(body: str, expected: list[list[str]]) -> None:
    assert [actor_names(o) for o in extract(paragraph(body))] == expected


def test_the_nation_in_a_policy_section_states_the_policy() -> None:
    assert extract(paragraph("The United States shall seek to end widget trafficking.", heading="Policy")) == []


@pytest.mark.parametrize(("heading", "found"), [("General", 1), ("General Provisions", 0)])
def test_a_section_headed_general_may_direct_while_general_provisions_do_not(heading: str, found: int) -> None:
    assert len(extract(paragraph("Each member of the Board shall sign a secrecy agreement.", heading=heading))) == found


def test_deliverables_named_then_dated_are_one_obligation_each_and_sentences_after_stay_with_the_last() -> None:
    found = extract(
        "Sec. 4. Reports.\n(b) The Widget Council shall develop and present to the President, through the Secretary "
        "of Labor:\n(i) an initial report, submitted within 90 days of the date of this order; and\n(ii) a full "
        "report, submitted within 1 year of the date of this order. The Widget Council shall update its "
        "recommendations periodically.\n"
    )
    assert [(o.section, o.deadline.days if o.deadline else None) for o in found] == [
        ("4(b)(i)", 90),
        ("4(b)(ii)", 365),
        ("4(b)(ii)", None),
    ]


def test_co_chairs_named_without_a_parenthesis_are_their_offices_only_as_the_subject() -> None:
    found = extract(
        "Sec. 3. Council.\n(a) There is established the Widget Council (Council), co-chaired by the Attorney General, "
        "the Secretary of Labor, and the Senior Advisor to the President in charge of the White House Office of "
        "Widgets, or their respective designees.\n(b) As appropriate, the Co-Chairs may invite other agencies.\n"
        "(c) At the direction of the Co-Chairs, the Council may establish subgroups.\n"
    )
    assert [actor_names(o) for o in found] == [
        [
            "Attorney General",
            "Secretary of Labor",
            "Senior Advisor to the President in charge of the White House Office of Widgets",
        ],
        ["Widget Council"],
    ]


def test_what_members_represent_is_who_they_are() -> None:
    assert extract(paragraph("The private sector members shall represent entities interested in widgets.")) == []


@pytest.mark.parametrize(
    ("text", "found_at"),
    [
        (
            "Sec. 3. Widgets.\n(a) The Secretary of Labor, in coordination with the Widget Coordinator, shall "
            "promptly, and as appropriate and consistent with applicable law:\n(i) count widgets; and\n(ii) assist "
            "States in counting them. This may include technical assistance.\n",
            ["3(a)(i)", "3(a)(ii)"],
        ),
        (
            "Sec. 4. Functions. The Widget Task Force shall, consistent with applicable law, perform the following "
            "functions:\n(a) Identifying all widgets; and\n(b) To the greatest extent possible, facilitating their "
            "return by:\n(i) providing advice; and\n(ii) providing funds.\n",
            ["4(a)", "4(b)"],
        ),
        (
            "Sec. 4. Functions. The Widget Agent shall perform the following responsibilities:\n(1) overall program "
            "management; and\n(2) inspection of widget facilities.\n",
            ["4"],
        ),
    ],
)
def test_lead_ins_closing_on_asides_and_lists_of_functions(text: str, found_at: list[str]) -> None:
    assert [o.section for o in extract(text)] == found_at


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The head of an executive agency, in his or her sole discretion, may terminate a widget contract.",
            [["head of an executive agency"]],
        ),
        ("The Widget Council shall terminate 2 years after the date of this order.", []),
        (
            "The Chair of each Widget Committee, in consultation with the Council, may establish subcommittees.",
            [["Chair of each Widget Committee"]],
        ),
        (
            "The Secretary of Labor and the Secretary of Energy shall each count widgets.",
            [["Secretary of Labor", "Secretary of Energy"]],
        ),
    ],
)
def test_terminating_a_contract_and_officers_of_each_body(body: str, expected: list[list[str]]) -> None:
    assert [actor_names(o) for o in extract(paragraph(body))] == expected


def test_a_duty_restated_to_open_a_list_of_its_details_is_counted_once() -> None:
    found = extract(
        paragraph(
            "The Widget Board shall advise the President on widgets. In particular, the Widget Board shall advise "
            "the President in the following areas:\n(i) widget supply; and\n(ii) widget prices."
        )
    )
    assert [(o.section, o.action) for o in found] == [("3(a)", "advise the President on widgets.")]


@pytest.mark.parametrize(
    "body",
    [
        "Under the Widget Act, agencies may waive the widget requirement.",
        "Under section 102 of the Widget Act of 1947, as amended, the Director must set widget priorities.",
        "As the Congress identified in section 5 of the Widget Act, the Committee may consider widget prices.",
    ],
)
def test_what_a_statute_already_allows_or_requires_is_no_directive(body: str) -> None:
    assert extract(paragraph(body)) == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The Widget Council is led by the Secretary of Labor and the Secretary of Energy, who serve as Co-Chairs "
            "of the Council. The Co-Chairs shall convene the Council.",
            [["Secretary of Labor", "Secretary of Energy"]],
        ),
        (
            "The Widget Commission shall consist of nine members appointed by the President, two of whom the President "
            "shall designate as Co-Chairs.",
            [["President"]],
        ),
        (
            "The Widget Council shall consist of the Secretary of Labor and the head of any other agency that the "
            "Chair may, from time to time, determine is appropriate.",
            [],
        ),
        ("Such staff must be officers or full-time employees of the United States.", []),
        ("Assigned staff shall possess a broad base of widget experience.", []),
    ],
)
def test_co_chairs_who_serve_presidential_designations_and_who_serves(body: str, expected: list[list[str]]) -> None:
    assert [actor_names(o) for o in extract(paragraph(body))] == expected


def test_an_umbrella_lead_in_dates_the_directives_of_its_items() -> None:
    found = extract(
        "Sec. 2. Committees.\n(f) Within 14 days of the date of this order, the following heads of agencies shall take "
        "the following actions:\n(i) The Secretary of Labor shall terminate the Widget Committee; and\n(ii) The "
        "Secretary of Energy shall terminate the Gadget Committee by March 1, 2030.\n"
    )
    assert [(o.section, o.deadline.due_date if o.deadline else None) for o in found] == [
        ("2(f)", date(2030, 2, 3)),
        ("2(f)(i)", date(2030, 2, 3)),
        ("2(f)(ii)", date(2030, 3, 1)),
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The Secretary of State shall issue the permit unless, within 15 days after notice, an official of another "
            "agency shall notify the Secretary of State of a disagreement.",
            [("shall", None)],
        ),
        (
            "The Widget Commission shall issue its report by June 30, 2030, unless the Chair gives notice of an "
            "extension, in which case the Commission shall issue it by July 31, 2030.",
            [("shall", date(2030, 6, 30)), ("shall", date(2030, 7, 31))],
        ),
        ("The Widget Council shall be broadly representative of the widget industries.", []),
        ("The Widget Council shall function for such period as may be necessary.", []),
    ],
)
def test_conditions_and_what_a_body_is(body: str, expected: list[tuple[str, date | None]]) -> None:
    found = extract(paragraph(body))
    assert [(o.modal, o.deadline.due_date if o.deadline else None) for o in found] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The Secretary of State is further directed to explore widget sanctions relief.",
            [("is directed to", ["Secretary of State"])],
        ),
        (
            "Agencies with at least 1,000 employees represented by a collective bargaining representative pursuant to "
            "chapter 71 of title 5, United States Code, shall report widget time.",
            [
                (
                    "shall",
                    [
                        "agencies with at least 1,000 employees represented by a collective bargaining representative "
                        "pursuant to chapter 71 of title 5, United States Code"
                    ],
                )
            ],
        ),
    ],
)
def test_directed_further_and_groups_with_a_long_qualifier(body: str, expected: list) -> None:
    assert [(o.modal, actor_names(o)) for o in extract(paragraph(body))] == expected


def test_an_aside_of_what_may_be_necessary_leaves_the_subject_and_its_lead_in() -> None:
    found = extract(
        "Sec. 4. Functions. The Widget Group, as may be necessary and appropriate to carry out this order, shall:\n"
        "(a) Ensure widget coordination.\n(b) Identify widget obstacles.\n"
    )
    assert [(o.section, actor_names(o)) for o in found] == [("4(a)", ["Widget Group"]), ("4(b)", ["Widget Group"])]


def test_a_qualifier_naming_an_act_as_amended_passes_the_lead_in_to_its_items() -> None:
    found = extract(
        "Sec. 5. Rules. The Secretary of Labor shall:\n(a) with respect to the rulemaking required by section 9 of "
        "the Widget Safety, and Security Act of 2030, as amended:\n(i) submit a proposed rule; and\n(ii) promulgate "
        "a final rule.\n(b) with respect to gadgets, review the gadget rules.\n"
    )
    assert [o.section for o in found] == ["5(a)(i)", "5(a)(ii)", "5(b)"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Each agency shall have an accountable process to ensure timely input by State officials.", [["each agency"]]),
        ("The Widget Council shall have a staff headed by an Executive Director.", []),
    ],
)
def test_having_a_process_is_a_duty_while_having_staff_is_composition(body: str, expected: list[list[str]]) -> None:
    assert [actor_names(o) for o in extract(paragraph(body))] == expected
