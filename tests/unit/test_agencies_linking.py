"""Actor names linked to Federal Register agencies (pure): each rule with a match and a non-match."""

import json
import os
from pathlib import Path

import pytest

from app.ingest.agencies import AgencyIndex

CORPUS = Path(os.environ.get("EOKB_CORPUS_DIR") or Path(__file__).resolve().parents[2].parent / "shared" / "corpus")


def fr(id: int, name: str, slug: str, short_name: str | None = None, parent_id: int | None = None) -> dict:
    return {"id": id, "name": name, "short_name": short_name, "slug": slug, "parent_id": parent_id}


AGENCIES = [
    fr(54, "Commerce Department", "commerce-department", "DOC"),
    fr(352, "National Institute of Standards and Technology", "nist", "NIST", parent_id=54),
    fr(241, "Industry and Security Bureau", "bis", "BIS", parent_id=54),
    fr(42, "Census Bureau", "census-bureau", "USBC", parent_id=54),
    fr(369, "National Shipping Authority", "national-shipping-authority", "NSA", parent_id=54),
    fr(497, "Treasury Department", "treasury-department", "TREAS"),
    fr(80, "Comptroller of the Currency", "comptroller-of-the-currency", "OCC", parent_id=497),
    fr(103, "Defense Department", "defense-department", "DOD"),
    fr(367, "National Security Agency/Central Security Service", "nsa-css", "NSA/CSS", parent_id=103),
    fr(32, "Army Department", "army-department", "USA", parent_id=103),
    fr(268, "Justice Department", "justice-department", "DOJ"),
    fr(271, "Labor Department", "labor-department", "DOL"),
    fr(134, "Employment Standards Administration", "esa", "DOL", parent_id=271),
    fr(386, "Occupational Safety and Health Administration", "osha", "OSHA", parent_id=271),
    fr(227, "Homeland Security Department", "homeland-security-department", "DHS"),
    fr(501, "U.S. Customs and Border Protection", "cbp", "USCBP", parent_id=227),
    fr(280, "Management and Budget Office", "management-and-budget-office", "OMB"),
    fr(406, "Personnel Management Office", "personnel-management-office", "OPM"),
    fr(491, "Trade Representative, Office of United States", "ustr", "USTR"),
    fr(547, "Procurement and Property Management, Office of", "oppm", "OPPM", parent_id=12),
    fr(6, "Agency for International Development", "usaid", "USAID"),
    fr(210, "General Services Administration", "general-services-administration", "GSA"),
    fr(470, "Social Security Administration", "social-security-administration", "SSA"),
    fr(161, "Federal Communications Commission", "federal-communications-commission", "FCC"),
    fr(188, "Federal Reserve System", "federal-reserve-system", "FRS"),
    fr(566, "Administrative Conference of the United States", "acus", "ACUS"),
    fr(410, "Postal Service", "postal-service", "USPS"),
    fr(304, "National Archives and Records Administration", "nara", "NARA"),
    fr(502, "U.S. House of Representatives", "house", "HOUSE"),
]


@pytest.fixture(scope="module")
def index() -> AgencyIndex:
    return AgencyIndex.from_fr_agencies(AGENCIES)


def check(index: AgencyIndex, cases: list[tuple[str, str | None]]) -> None:
    assert [(name, index.slug_for(name)) for name, _ in cases] == cases


def test_exact_names_ignore_case_the_and_punctuation(index: AgencyIndex) -> None:
    check(
        index,
        [
            ("Federal Communications Commission", "federal-communications-commission"),
            ("the federal communications commission.", "federal-communications-commission"),
            ("Federal Communication Commission", None),
        ],
    )


def test_department_and_office_are_read_either_way_round(index: AgencyIndex) -> None:
    check(
        index,
        [
            ("Department of Commerce", "commerce-department"),
            ("Office of Management and Budget", "management-and-budget-office"),
            ("Bureau of Industry and Security", "bis"),
            ("Department of Management and Budget", None),
        ],
    )


def test_fr_names_inverted_after_a_comma(index: AgencyIndex) -> None:
    check(
        index,
        [
            ("Office of Procurement and Property Management", "oppm"),
            ("Office of the United States Trade Representative", "ustr"),
            ("Procurement and Property Management", None),
        ],
    )


def test_united_states_around_a_name_is_optional(index: AgencyIndex) -> None:
    check(
        index,
        [
            ("United States Agency for International Development", "usaid"),
            ("Customs and Border Protection", "cbp"),
            ("Administrative Conference", "acus"),
            ("United States", None),
        ],
    )


def test_each_part_of_a_slashed_name(index: AgencyIndex) -> None:
    check(
        index,
        [
            ("Director of the National Security Agency", "nsa-css"),
            ("Central Security Service", "nsa-css"),
            ("National Security Service", None),
        ],
    )


def test_a_title_stands_for_its_agency(index: AgencyIndex) -> None:
    check(
        index,
        [
            ("Director of the Office of Management and Budget", "management-and-budget-office"),
            ("Chairman of the Federal Communications Commission", "federal-communications-commission"),
            ("Director of the National Institute of Standards and Technology", "nist"),
            ("Commissioner of U.S. Customs and Border Protection", "cbp"),
            ("Chairman of the Board of Governors of the Federal Reserve System", "federal-reserve-system"),
            ("Office of the Comptroller of the Currency", "comptroller-of-the-currency"),
            ("Director of the Council of Economic Advisers", None),
        ],
    )


def test_a_title_may_leave_out_the_kind_of_its_agency(index: AgencyIndex) -> None:
    check(
        index,
        [
            ("Secretary of Commerce", "commerce-department"),
            ("Secretary of the Treasury", "treasury-department"),
            ("Secretary of the Army", "army-department"),
            ("Director of the Census", "census-bureau"),
            ("Administrator of General Services", "general-services-administration"),
            ("Commissioner of Social Security", "social-security-administration"),
            ("Director of Personnel Management", "personnel-management-office"),
            ("Commerce", None),
            ("Secretary of Energy", None),
        ],
    )


def test_deputies_and_acting_heads_belong_to_the_agency(index: AgencyIndex) -> None:
    check(
        index,
        [
            ("Deputy Secretary of Defense", "defense-department"),
            ("Acting Director of the Office of Personnel Management", "personnel-management-office"),
            ("Deputy Attorney General", "justice-department"),
            ("Deputy Director", None),
        ],
    )


def test_sub_office_belongs_to_the_department_unless_it_names_one_of_its_agencies(index: AgencyIndex) -> None:
    check(
        index,
        [
            ("Under Secretary of Commerce for Industry and Security", "bis"),
            ("Assistant Secretary of Labor for Occupational Safety and Health", "osha"),
            ("Under Secretary of Commerce for Standards and Technology", "commerce-department"),
            ("Assistant Secretary of Commerce for Occupational Safety and Health", "commerce-department"),
            ("Assistant Attorney General for Antitrust", "justice-department"),
            ("Assistant to the President for National Security Affairs", None),
            ("Special Advisor for AI and Crypto", None),
        ],
    )


def test_titles_that_do_not_name_their_agency(index: AgencyIndex) -> None:
    check(
        index,
        [
            ("Attorney General", "justice-department"),
            ("Solicitor General", "justice-department"),
            ("Secretary of War", "defense-department"),
            ("Department of War", "defense-department"),
            ("United States Trade Representative", "ustr"),
            ("Archivist of the United States", "nara"),
            ("Postmaster General", "postal-service"),
            # Aliases whose agency is not in the list fall through to the general rules.
            ("Surgeon General", None),
            ("Assistant Secretary of Commerce for Communications and Information", "commerce-department"),
        ],
    )


def test_short_names_match_only_as_written(index: AgencyIndex) -> None:
    check(
        index,
        [
            ("OMB", "management-and-budget-office"),
            ("Director of OMB", "management-and-budget-office"),
            ("HOUSE", "house"),
            ("House", None),
            ("Omb", None),
        ],
    )


def test_collisions_prefer_a_top_level_agency_then_the_lowest_id(index: AgencyIndex) -> None:
    assert index.slug_for("DOL") == "labor-department"
    assert index.slug_for("NSA") == "nsa-css"
    same_key = [
        fr(903, "Patent Office", "top-level-903"),
        fr(901, "Office of Patent", "child-901", parent_id=54),
        fr(902, "Office of the Patent", "top-level-902"),
    ]
    for agencies in (same_key, same_key[::-1]):
        assert AgencyIndex.from_fr_agencies(agencies).slug_for("Patent Office") == "top-level-902"


def test_groups_and_unknown_bodies_are_not_agencies(index: AgencyIndex) -> None:
    check(
        index,
        [
            ("agencies", None),
            ("each agency", None),
            ("heads of agencies", None),
            ("Head of each agency", None),
            ("executive departments and agencies", None),
            ("Secretary of State and the Secretary of Defense", None),
            ("Committee on National Security Systems", None),
            ("", None),
        ],
    )


@pytest.mark.corpus
@pytest.mark.skipif(not (CORPUS / "agencies.json").is_file(), reason="corpus not available at ../shared/corpus")
def test_real_fr_agency_list() -> None:
    index = AgencyIndex.from_fr_agencies(json.loads((CORPUS / "agencies.json").read_text()))
    check(
        index,
        [
            ("Secretary of Commerce", "commerce-department"),
            ("Secretary of the Treasury", "treasury-department"),
            ("Secretary of Homeland Security", "homeland-security-department"),
            ("Secretary of Defense", "defense-department"),
            ("Secretary of War", "defense-department"),
            ("Attorney General", "justice-department"),
            ("Director of the Office of Management and Budget", "management-and-budget-office"),
            ("Office of Management and Budget", "management-and-budget-office"),
            (
                "Director of the National Institute of Standards and Technology",
                "national-institute-of-standards-and-technology",
            ),
            ("Director of the Cybersecurity and Infrastructure Security Agency", None),  # not in the FR list
            ("Director of the Office of Personnel Management", "personnel-management-office"),
            ("Office of Personnel Management", "personnel-management-office"),
            ("Chairman of the Federal Communications Commission", "federal-communications-commission"),
            ("Chairman of the Federal Trade Commission", "federal-trade-commission"),
            ("Administrator of General Services", "general-services-administration"),
            ("Administrator of the Environmental Protection Agency", "environmental-protection-agency"),
            ("United States Trade Representative", "trade-representative-office-of-united-states"),
            ("Secretary of State", "state-department"),
            ("Secretary of Health and Human Services", "health-and-human-services-department"),
            ("Department of Energy", "energy-department"),
            (
                "Assistant Secretary of Commerce for Communications and Information",
                "national-telecommunications-and-information-administration",
            ),
            ("Director of the Office of Science and Technology Policy", "science-and-technology-policy-office"),
            ("Archivist of the United States", "national-archives-and-records-administration"),
            ("Surgeon General", "public-health-service"),
            ("Postmaster General", "postal-service"),
            ("Comptroller of the Currency", "comptroller-of-the-currency"),
            ("Solicitor General", "justice-department"),
            ("agencies", None),
            ("each agency", None),
            ("heads of agencies", None),
            ("executive departments and agencies", None),
            ("Assistant to the President for National Security Affairs", None),
            ("Special Advisor for AI and Crypto", None),
            ("Committee on National Security Systems", None),
            ("Federal Chief Information Officers Council", None),
        ],
    )
