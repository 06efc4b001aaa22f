"""Actor names (app.ingest.actors): short forms an order defines, what counts as an actor, canonical names.

The rules are those of ../shared/gold/CONVENTIONS.md ("actors"); all texts are invented.
"""

import pytest

from app.ingest.actors import canonical, definitions, full_name_before, is_actor, strip_definitions

ORDER = (
    "The Director of the Office of Widget Standards (OWS) shall coordinate. "
    "There is hereby established the Federal Widget Coordination Task Force (Task Force). "
    "The Director of the Office of Widget Policy (Director) shall chair the Task Force."
)
DEFINED = definitions(ORDER)


# --- definitions -------------------------------------------------------------------------------------------------


def test_definition_by_initials() -> None:
    text = "The Director of the Office of Management and Budget (OMB) shall issue guidance on widgets."
    assert definitions(text) == {"OMB": "Office of Management and Budget"}


def test_initials_define_the_shortest_name_they_abbreviate() -> None:
    text = "the Assistant to the President for Widget Policy (APWP) shall coordinate"
    assert definitions(text) == {"APWP": "Assistant to the President for Widget Policy"}


def test_definition_in_quotation_marks() -> None:
    assert definitions("the Office of Widget Standards (“OWS”)") == {"OWS": "Office of Widget Standards"}


def test_definition_by_a_shortened_name() -> None:
    text = "There is hereby established the Federal Widget Coordination Task Force (the Task Force)."
    assert definitions(text) == {"Task Force": "Federal Widget Coordination Task Force"}


def test_an_acronym_taking_letters_from_its_words_defines_the_name() -> None:
    text = "the Administrator of the Maritime Widget Administration (MAWAD) shall act"
    assert definitions(text) == {"MAWAD": "Maritime Widget Administration"}


def test_a_name_with_an_ordinal_is_an_actor() -> None:
    assert is_actor("The Office of the 21st Century Widget Workforce", {})


def test_an_adjective_before_a_plural_name_is_an_actor() -> None:
    assert is_actor("The regional Federal Widget Boards", {})


def test_a_relative_clause_after_a_preposition_is_dropped_from_the_name() -> None:
    assert canonical("Each agency for which an order of succession is required", {}) == "each agency"


def test_definition_by_the_leading_title() -> None:
    text = "the Director of the Office of Widget Policy (Director) shall chair the board"
    assert definitions(text) == {"Director": "Director of the Office of Widget Policy"}


def test_mixed_definition() -> None:
    text = "the Federal Acquisition Widget Council (FAW Council) shall meet"
    assert definitions(text) == {"FAW Council": "Federal Acquisition Widget Council"}


@pytest.mark.parametrize(
    "text",
    [
        "the National Widget Strategy (Strategy)",  # a thing, not an office
        "the Widget Reform Act of 2029 (WRA)",
        "as described in subsection (a) and clause (ii) (the Act)",
        "the widget officer (see below)",
    ],
)
def test_not_a_definition_of_an_actor(text: str) -> None:
    assert definitions(text) == {}


def test_strip_definitions_keeps_a_plural_marker() -> None:
    assert strip_definitions("the Office of Widget Standards (OWS)") == "the Office of Widget Standards"
    assert strip_definitions("designated widget official(s)") == "designated widget official(s)"


# --- is_actor ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "phrase",
    [
        "the Secretary of Commerce",
        "The Attorney General",
        "the Director of OMB",
        "The OMB Director",
        "the Administrator of General Services",
        "the National Security Council",
        "the Chair of the Council of Economic Advisers",
        "Special Advisor for AI and Crypto",
        "NASA",
    ],
)
def test_offices_and_bodies_are_actors(phrase: str) -> None:
    assert is_actor(phrase, {})


@pytest.mark.parametrize(
    "phrase",
    [
        "agencies",
        "Agencies",
        "each agency",
        "Each Federal agency",
        "heads of executive departments and agencies",
        "The heads of all agencies",
        "agency heads",
        "employees",
        "Federal employees",
        "appropriate officials",
        "members of the Widget Board",
        "each agency that purchases widgets",
        "Federal property managing agencies",  # a noun among the modifiers
        "the relevant department or agency head",
        "the original classification authority",
        "the employer",
        "Staff from the participating agencies",
        "the board",
        "Each agency for which an order of succession is required",
        "each appropriate Federal banking regulator",
        "Each executive department and designated agency",
        "The United States Park Police",
        "the designee of the Director of OMB",
    ],
)
def test_collectives_are_actors(phrase: str) -> None:
    assert is_actor(phrase, {})


@pytest.mark.parametrize("phrase", ["the Task Force", "OWS", "The Director"])
def test_defined_short_forms_are_actors(phrase: str) -> None:
    assert is_actor(phrase, DEFINED)


def test_an_undefined_acronym_is_not_an_actor() -> None:
    assert not is_actor("WXQ", DEFINED)


@pytest.mark.parametrize(
    "phrase",
    [
        "The report",
        "This order",
        "Such standards",
        "the Policy Notice",
        "The Strategy",
        "This section",
        "The guidance",
        "the Widget Reform Act",
        "the President",
        "The United States",
        "the Federal Government",
        "the authority delegated under this section",  # a power, not an office
        "following such reviews each agency",  # a clause, not a name
        "the commission of acts of violence",
    ],
)
def test_things_are_not_actors(phrase: str) -> None:
    assert not is_actor(phrase, DEFINED)


# --- canonical ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "phrase",
    [
        "the Director of OMB",
        "the OMB Director",
        "Director of the OMB",
        "The Director of the Office of Management and Budget (OMB)",
    ],
)
def test_omb_director_written_in_full(phrase: str) -> None:
    assert canonical(phrase, {}) == "Director of the Office of Management and Budget"


@pytest.mark.parametrize("phrase", ["every Federal agency", "All Federal agencies"])
def test_every_federal_agency_is_the_agencies(phrase: str) -> None:
    assert canonical(phrase, {}) == "agencies"
    assert canonical("all agencies that purchase widgets", {}) != "agencies"


def test_common_acronyms_expand_after_of() -> None:
    assert canonical("the Director of NSA", {}) == "Director of the National Security Agency"
    assert canonical("the Chair of the FCC", {}) == "Chair of the Federal Communications Commission"


@pytest.mark.parametrize(
    ("phrase", "written"),
    [
        ("agency heads", "agency heads"),
        ("Each agency head", "each agency head"),
        ("the head of each agency", "head of each agency"),
        ("The heads of all agencies", "heads of all agencies"),
    ],
)
def test_a_group_is_named_as_written(phrase: str, written: str) -> None:
    """A group is no office: its name is the order's words, as the gold labels write it."""
    assert canonical(phrase, {}) == written


def test_heads_of_departments_and_agencies_stay_as_written() -> None:
    phrase = "the heads of executive departments and agencies"
    assert canonical(phrase, {}) == "heads of executive departments and agencies"


def test_ai_is_not_an_office() -> None:
    assert canonical("the Special Advisor for AI and Crypto", {}) == "Special Advisor for AI and Crypto"


def test_defined_short_forms_expand() -> None:
    assert canonical("the Task Force", DEFINED) == "Federal Widget Coordination Task Force"
    assert canonical("OWS", DEFINED) == "Office of Widget Standards"
    assert canonical("The Director", DEFINED) == "Director of the Office of Widget Policy"


def test_a_defined_title_that_holds_an_acronym_expands_it() -> None:
    defined = definitions("the Director of OMB (Director) shall review widget budgets")
    assert canonical("the Director", defined) == "Director of the Office of Management and Budget"


def test_a_named_role_keeps_its_name() -> None:
    defined = definitions("The Secretary of Agriculture shall serve as the Executive Agent. The Executive Agent shall")
    assert canonical("The Executive Agent", defined) == "Executive Agent"


def test_canonical_drops_definitions_and_relative_clauses() -> None:
    assert canonical("the Office of Widget Standards (OWS)", {}) == "Office of Widget Standards"
    assert canonical("each agency that purchases widgets", {}) == "each agency"


def test_an_undefined_title_stays_as_written() -> None:
    assert canonical("the Director", {}) == "Director"
    assert canonical("the Secretary of Commerce", {}) == "Secretary of Commerce"


def test_a_trailing_short_form_names_the_body_not_its_chair() -> None:
    assert definitions("the Chair of the National Widget Council (Council) shall") == {
        "Council": "National Widget Council"
    }


def test_gpo_quotes_define_a_short_form() -> None:
    assert definitions("(a) The Secretary of Labor (``Secretary'') may investigate") == {
        "Secretary": "Secretary of Labor"
    }


@pytest.mark.parametrize(
    ("name", "context", "expected"),
    [
        ("Secretary", "the Secretary of Defense and the Secretary of Energy shall", "Secretary of Energy"),
        (
            "Secretary",
            "The Secretary of Health and Human Services shall act.",
            "Secretary of Health and Human Services",
        ),
        ("Council", "A National Widget Council is established. The Council shall", "National Widget Council"),
        ("Chair", "The Board shall meet.", "Chair"),
        ("Secretary of State", "the Secretary of Energy", "Secretary of State"),
    ],
)
def test_a_bare_title_is_the_office_last_named_in_full(name: str, context: str, expected: str) -> None:
    assert full_name_before(name, context, {}) == expected


def test_a_definition_starts_after_the_sentence_before_it() -> None:
    text = "There is a Steering Committee of the Widget Commission. A Steering Committee (``Steering Committee'') shall"
    assert definitions(text) == {}


def test_a_name_may_run_through_through() -> None:
    text = "the White House Initiative on Equity through Widget Colleges (Initiative), which"
    assert definitions(text) == {"Initiative": "White House Initiative on Equity through Widget Colleges"}


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Executive Director", "Executive Director of the White House Widget Initiative"),
        ("Chair", "Chair of the White House Widget Initiative"),
        ("Secretary", "Secretary"),  # not an officer of a body: left as written
    ],
)
def test_an_officer_never_named_in_full_belongs_to_the_body_defined_before_it(name: str, expected: str) -> None:
    context = (
        "There is established the White House Widget Initiative (Initiative), led by an Executive Director and a "
        "Chair. The Secretary shall"
    )
    assert full_name_before(name, context, definitions(context)) == expected


def test_a_definition_that_means_a_bare_title_does_not_shorten_the_name() -> None:
    text = "``Security Widget Board'' means the Board established by the President to consider widgets."
    assert canonical("the Security Widget Board", definitions(text)) == "Security Widget Board"


# --- names holding numbers, roles of a body ----------------------------------------------------------------------


def test_a_name_may_hold_a_number() -> None:
    text = "The President's Advisory 1812 Widget Commission (“1812 Commission”) is hereby established."
    assert definitions(text) == {"1812 Commission": "President's Advisory 1812 Widget Commission"}
    assert is_actor("The 1812 Commission", {}) and is_actor("Task Force 250", {})
    assert not is_actor("30 widgets", {})


def test_a_bare_number_in_parentheses_defines_nothing() -> None:
    assert definitions("the Widget Board (1) and the Gadget Board (2020)") == {}


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("The Task Force co-chairs", "co-chairs of the Federal Widget Coordination Task Force"),
        ("Task Force members", "members of the Federal Widget Coordination Task Force"),
    ],
)
def test_a_role_written_after_a_defined_body_is_that_body_s(written: str, name: str) -> None:
    assert canonical(written, DEFINED) == name


def test_a_lowercase_body_is_an_actor_but_not_what_it_decides() -> None:
    assert is_actor("A special team of widget assistance providers", {})
    assert is_actor("the working group", {})
    assert not is_actor("Decisions of the panel", {})


def test_an_office_named_with_its_body_s_possessive_is_the_office_of_that_body() -> None:
    assert canonical("the Task Force's Executive Director", DEFINED) == (
        "Executive Director of the Federal Widget Coordination Task Force"
    )
    assert canonical("the President's Widget Council", DEFINED) == "President's Widget Council"
