"""Who an order directs: recognising office and body names and writing them out in full (pure).

An order defines its own short forms ("the Office of Management and Budget (OMB)", "the Assistant to the
President for Science and Technology (APST)", "the AI Litigation Task Force (Task Force)"); those definitions,
then a few acronyms every order assumes, turn "the Director of OMB" into "Director of the Office of Management
and Budget".
"""

import re
from collections.abc import Iterable, Mapping

# Words that make a capitalised phrase an office or a body that can be directed to act.
_HEADS = (
    r"Secretary|Attorney\s+General|Director|Administrator|Chair(?:man|person|woman|s)?|Commissioner|Assistant|"
    r"Advis[eo]r|Representative|Counsel|Chief|Officer|Committee|Council|Board|Commission|Task\s+Force|Office|"
    r"Department|Agenc(?:y|ie)|Administration|Bureau|Service|Institute|Corps|Group|Team|[Pp]rogram|Center|Foundation|"
    r"Cabinet|Coordinator|Archivist|Librarian|Comptroller|General|Postmaster|Ambassador|Envoy|Heads?|Panel|"
    r"Vice\s+President|Staff|Czar|Tsar|Commandant|Registrar|Inspector|Surgeon|Solicitor|Treasurer|Mayor|Agent|"
    r"Authority|Secretariat|Steering|Governors?|Initiative|Guard|Institution|Library|Academy|Survey|Command|"
    r"Co-Chairs?|Partnership|Network|Consortium|Division|Branch|Unit|Bank|Corporation|Workgroup|Services|Forces|"
    r"Liaisons?|Endowment|Subcabinet|Forum|Community|University|College|Laborator(?:y|ies)|Cell|Organization|Police|Attorney|Subcommittee|Subgroup|Court|Executive(?=\s*$)"
)
_HEAD = re.compile(rf"\b(?:{_HEADS})s?\b")  # "the Federal Executive Boards"
_CONNECTOR = r"(?:of|the|for|and|on|to|in|&|at|de|through)"
_CAPITALISED = r"[A-Z][\w.'’&-]*"
_NAME_WORD = r"[A-Z][\w'’&-]*"  # a capitalised word without trailing punctuation
# The rest of an office's name: "of the Treasury", "of Health and Human Services" (but not "and the Secretary of X").
_NAME_TAIL = (
    r"(?:\s+(?:of|the|for|on|in(?=\s+[A-Z])|and(?=\s+(?!(?:the\s+)?(?:Secretary|Director|Administrator|Attorney|Chair))[A-Z]))"
    r"|\s+(?!(?:Secretary|Director|Administrator|Attorney|Chair)\b)[A-Z][\w'’&-]*)*(?<!\sof)(?<!\sthe)(?<!\sand)(?<!\son)(?<!\sfor)"
)
# Capitalised words before a body's name ("Federal Real Property" before "Council"), not a determiner, nor the
# rank that makes another office of the title ("Vice Chair" is not the Chair).
_QUALIFIERS = (
    r"(?:(?!(?:The|This|That|Such|Each|Any|No|An?|Its|Their|Vice|Deputy|Associate|Assistant)\b)[A-Z][\w'’&-]*\s+){1,6}"
)
# A word that can qualify "agencies" ("property" in "Federal property managing agencies"): not a function word, nor
# a verb that would make the phrase a clause.
_NOUN_MODIFIER = (
    r"(?!(?:with|to|by|for|from|in|on|of|and|or|that|which|than|as|at|into|among|between|shall|may|must|should|will|"
    r"is|are|be|the|consult|notify|assist|require|direct|inform|help|support|advise|encourage|include|when|whenever|"
    r"where|though|although|if|unless|while|once|because|since|until|upon|after|before|during|under|over|through|"
    r"including|except|consistent|following|pursuant|within|without|against|about)\b)[a-z][a-z-]{2,}(?<![^s]s)\b"
)  # a singular word: "reviews" or "notifies" would make a clause of the phrase
# A collective actor written in lower case: "agencies", "each agency", "the heads of executive departments".
_COLLECTIVE = re.compile(
    r"^(?:(?:all|each|every|any|the|these|those|that|an?|such|relevant|other|covered|appropriate|participating|executive|branch|Federal|federal|lead|major|"
    r"[a-z]+(?:ive|ory)|"  # "investigative agencies", "regulatory agencies"
    r"[a-z]+(?:ing|ed)\s+(?:and|or)|"  # "cooperating and participating agencies"
    r"member|[Gg]overnment|[a-z]+ing|[a-z]+ed|[A-Za-z][A-Z]+|[A-Z][a-z]+|"  # "Task Force agencies"
    rf"{_NOUN_MODIFIER})\s+)*"  # "Federal property managing agencies"
    r"(?:(?:(?:departments?|offices?),?\s+(?:(?:and|or)\s+)?(?:[a-z]+(?:ed|ing)\s+)?)?[Aa]genc(?:y|ies)(?:,?\s+(?:and|or)\s+(?:offices?|departments?|(?:agency\s+)?components?))?(?:\s+(?:of|represented|designated|identified|participating|listed|named|responsible|covered|"
    r"subject|with|in|on|under|that|which)\s.+|\s+(?:listed\s+)?(?:below|above))?|(?:executive\s+)?departments?(?:\s+and\s+agencies)?|heads?\s+of\s+.+|"
    r"(?:agency|department|bureau|office|component)(?:\s+or\s+(?:agency|department|bureau|office|component))*\s+heads?|"
    r"(?:(?!(?:of|as|by|to|with)\s)[\w'’-]+\s+){0,4}(?:officials?|official\(s\)|officers?|agents|appointees?|employees|personnel|supervisors|managers|"
    r"members?|staff|participants|authorities|(?:co-)?chair(?:s|persons)|chairmen|counsel|entit(?:y|ies)|carriers?|contractors?|subcontractors?|grantees?|recipients?|"
    r"importers?|exporters?|part(?:y|ies)(?:\s+to\s.+)?|providers?|operators?|persons|executive\s+directors?|"
    r"employers?|representatives?|coordinators?|liaisons?|judges?|regulators?|classifiers?|developers?|"
    r"advocates?|designee(?=\s+of\s)|occupants?|holders?|inspectors?|auditors?|investigators?|reviewers?|"
    r"(?<=[Ff]ederal\s)law\s+enforcement)|"
    r"(?:(?!of\b)[a-z-]+\s+){0,2}(?:classification|approval|convening|appointing|contracting|issuing|licensing|reviewing|"
    r"investigative|adjudicative)\s+authorit(?:y|ies)|"  # "the original classification authority", not a power
    r"(?:(?!of\b)[a-z][\w-]*\s+){0,2}(?:teams?|working\s+groups?|workgroups?|(?:sub)?committees?|panels?|boards?|"
    r"councils?|task\s+forces?)|members?\s+of\s+.+|elements?\s+of\s+.+)"
    # "heads conducting reviews", "agencies of X", "officials for agencies engaged in Y"
    r"(?:\s+(?:(?:of|in|within|for|from|responsible)\s.+|(?:[a-z]+ing|[a-z]+ed)(?:\s.+)?))?"
    r"(?:\s+and\s+(?:agency\s+)?(?:heads?|employees|personnel|officers|officials))?$"
)
# "the chairperson", "the then-current chair": the chair of a body the order names elsewhere.
LOWERCASE_CHAIR = re.compile(r"(?:then-current\s+)?(?P<title>(?:co-)?chair(?:person|man|woman)?)")
_NUMBERED_BODY = re.compile(rf"\d{{1,4}}\s+(?:{_NAME_WORD}\s+)?(?:{_HEADS})")  # "the 1776 Commission"
_EACH_OF = re.compile(r"^(?:each|any|all|either)\s+of\s+", re.IGNORECASE)  # "each of the Covered Agencies"
JOINT_TITLE = r"Co-Chairs|Co-Chairpersons|Co-Chairmen"
_JOINTLY_CHAIRED = re.compile(
    rf"\b(?:co-)?chaired\s+(?:jointly\s+)?by\s+(?P<offices>(?:the\s+)?[A-Z][^()]{{3,200}}?\s+and\s+(?:the\s+)?[A-Z][^()]{{3,200}}?)"
    rf"\s*\(\s*(?:the\s+)?[“\"]?(?P<title>{JOINT_TITLE})[”\"]?\s*\)"
)
# "co-chaired by the Attorney General, the Assistant to the President for Domestic Policy, and the Senior Advisor
# ..., or their respective designees.": the offices "the Co-Chairs" means, named without a parenthesis
_CO_CHAIRED = re.compile(
    r"\bco-chaired\s+(?:jointly\s+)?by\s+(?P<offices>(?:the\s+)?[A-Z](?:(?!\b(?:shall|will|may|must|who|which)\b)[^().;:]){3,300}?"
    r"\s+and\s+(?:the\s+)?[A-Z][^().;:,]{3,200}?)"
    r"(?:,?\s+or\s+(?:by\s+)?their\s+(?:respective\s+)?designees)?(?=[.;])"
)
# "is led by the APNSA and the APEP, who serve as Co-Chairs of the Council"
_LED_BY_CO_CHAIRS = re.compile(
    rf"\b(?:led|chaired|headed)\s+by\s+(?P<offices>(?:the\s+)?[A-Z][^.;:()]{{3,200}}?\s+and\s+(?:the\s+)?[A-Z][^.;:(),]{{3,200}}?)"
    rf",\s+who\s+(?:shall\s+)?serve\s+as\s+(?:the\s+)?(?P<title>{JOINT_TITLE})\b"
)
# "The Secretary of Commerce and the Secretary of Education shall serve as the Co-Chairs of the Initiative"
_SERVE_AS_CO_CHAIRS = re.compile(
    r"(?:^|(?<=[.;:]\s)|(?<=\)\s))(?P<offices>(?:[Tt]he\s+)?[A-Z][^.;:()]{3,200}?\s+and\s+(?:the\s+)?[A-Z][^.;:()]{3,200}?)"
    rf"(?:,[^,.;]{{1,80}},)?\s+shall\s+(?:serve\s+as|be)\s+(?:the\s+)?(?P<title>{JOINT_TITLE})\b"
)
_PRESIDENT_IN_ROLE = re.compile(
    r"(?:family\s+of\s+(?:the\s+)?)?(?:former|incumbent|outgoing|incoming|sitting)\s+Presidents?"
    r"(?:['’]s\s+(?:designated\s+)?representatives?)?"
)
_LEADING_THE = re.compile(r"^(?:(?:the|an?|no|and|or|its|their|jointly)\s+)+", re.IGNORECASE)
_DEMONSTRATIVE = re.compile(r"^(?:[Tt]his|[Tt]hat|[Tt]hese|[Tt]hose|[Ss]uch|[Ss]aid)\s+(?=[A-Z])")
_DETERMINER = re.compile(
    r"^(?:(?:each|any|all|either)\s+of\s+|(?:the|an?|another|no|each|every|all|any|such|its|their|and|or|both|either|"
    r"jointly)\s+)+",
    re.IGNORECASE,
)
# "(OMB)", "(the “Secretary”)", "(``Secretary'')": a short form defined in parentheses.
_DEFINITION = re.compile(  # a quoted short form may open with a number: (“1776 Commission”)
    r"\(\s*(?:the\s+)?(?:``|[“\"‘'])?([A-Za-z][\w .&’-]{0,40}?|(?<=[`“\"‘'])\d[\w .&’-]{0,40}?)(?:''|[”\"’'])?\s*\)"
)
# A name may hold commas: "the Commission on Equity, Excellence, and Economic Opportunity (Commission)".
# A number inside a name stays: "the President's Advisory 1776 Commission".
_PHRASE_BEFORE = re.compile(
    rf"((?:{_CAPITALISED}|{_CONNECTOR})(?:(?:,\s+(?=and\s|{_CAPITALISED})|\s+)(?:{_CAPITALISED}|{_CONNECTOR}|\d{{1,4}}(?=\s+[A-Z])))*)\s*$"
)
# A document an order calls for, capitalised as a name: "the Agency Plans shall meet ...".
_DOCUMENT_NAME = re.compile(r"\b(?:plans?|reports?|strateg(?:y|ies)|frameworks?|roadmaps?|agenda)$", re.IGNORECASE)
_QUOTED = re.compile(r"``|[“\"‘]")  # a short form in quotation marks: (the “Science Advisor”)
_LED_BY = re.compile(
    r"[”\"’']?\)?(?:\s*\([^()]*\))?\s+(?:shall|will)\s+be\s+(?:co-)?(?:chaired|led|headed)\b", re.IGNORECASE
)  # "the EOC shall be chaired", "Widget Committee (WOC) shall be chaired"
# Officers of a body, named bare once the body is defined: "the Chair", "the Executive Director".
_BODY_OFFICER = re.compile(
    r"(?:(?:Vice|Deputy)\s+)?(?:Chair(?:man|person|woman)?|Co-Chairs?|Executive\s+(?:Director|Secretary))"
)
_BODY = re.compile(
    r"^(?!(?:Chair\w*|Co-Chairs?|Director|Secretary|Administrator|Assistant|Deputy|Executive|Vice|Chief)\b|"
    r"Special\s+(?:Assistant|Counsel|Advis[eo]r|Envoy|Representative|Agent)\b)"
    r".*\b(?:Initiative|Board|Council|Commission|Committee|Task\s+Force|Working\s+Group|Workgroup|Panel)\b"
)  # a body, not one of its officers
# An office every agency has, named for any one of them: "the Chief FOIA Officer of each agency", "Each agency's
# Chief FOIA Officer", "The agency Chief FOIA Officer".
_OF_EACH_AGENCY = re.compile(
    r"\s+(?:of|in|at)\s+(?:each|every|the|that|such|its|an?)\s+(?:agency|department)(?:\s+(?:and|or)\s+agency)?$"
)
_EACH_AGENCYS = re.compile(r"^(?:(?i:each|every|the|an?)\s+)?agency(?:'s|’s)?\s+(?=[A-Z])")
_BODYS_OFFICE = re.compile(r"^(?P<body>[A-Z][\w ]*?)['’]s\s+(?P<office>[A-Z][\w ]*)$")
_AGENCYS_OFFICE = re.compile(r"^(?P<each>[Ee]ach|[Ee]very)\s+agency(?:'s|’s)\s+(?P<office>[A-Z].*)$")
_CONJUNCTION = re.compile(r"(?:When|Where|If|Unless|Although|While|After|Before|Once|Because|Since|Until|Upon)\b")
_SENTENCE_BREAK = re.compile(r"(?<=[a-z]{2})\.\s+")
_DESCRIBED_NAME = re.compile(
    r"(?:(?:relevant|regional|appropriate|respective|current|new|existing)\s+)+(?P<name>[A-Z].*)"
)
_EVERY_FEDERAL_AGENCY = re.compile(r"(?:all|every)\s+Federal\s+agenc(?:y|ies)", re.IGNORECASE)
# A body named by its kind alone, whose full name runs on after it: "Steering Committee", "Interagency Working Group".
_BARE_BODY = re.compile(
    r"(?:[A-Z][\w-]*\s+){1,3}(?:Committee|Subcommittee|Council|Commission|Task\s+Force|Group|Board|Panel|Team|Office)"
    r"|Task\s+Force"
)
_OF_BARE_BODY = re.compile(rf"(?P<title>.+?)\s+(?:of|for)\s+the\s+(?P<body>{_BARE_BODY.pattern})")
_NUMBER_WORD = re.compile(r"\d+(?:st|nd|rd|th)?")
_FINITE_VERB = re.compile(r"\b(?:cannot|can|could|will|would|is|are|was|were|does|do|did)\b")
# Lower-case words inside a name: "Office of the 21st Century Workforce", "Senior Advisor to the President in charge
# of X"; and "Chair of each SAC", but not "the Secretaries shall each"
_LOWER_WORDS = {"of", "the", "for", "and", "on", "to", "in", "&", "at", "de", "a", "an", "charge", "of each"}
_ARTICLES = {"the", "a", "an"}
_MAX_ACTOR_WORDS = 16
# "each agency responsible for the design and construction of a new building or an alteration to an existing
# building": a group whose qualifier says which agencies, however long
_QUALIFIED_GROUP = re.compile(
    r"(?:(?:each|every|all|any)\s+)?(?:executive\s+)?agenc(?:y|ies)\s+(?:responsible|that|which|with)\b", re.I
)
_MAX_QUALIFIED_GROUP_WORDS = 30
_BODY_REACH = 600  # characters before an officer's first mention that can hold the body it belongs to
_NAME_REACH = 200  # characters before a "(OMB)" that can hold the name it defines


_SENTENCE_CAPITALS = {
    "Each", "Every", "All", "Any", "Agencies", "Agency", "Executive", "Heads", "Head", "Employees", "Other", "Such",
    "Member", "Relevant", "Covered", "Participating", "These", "Those", "That", "Supervisors", "Managers",
}  # fmt: skip
# A relative pronoun, not "that" pointing back after a preposition ("the head of that agency").
_NOT_AFTER_PREPOSITION = r"(?<!\bof)(?<!\bto)(?<!\bfor)(?<!\bin)(?<!\bon)(?<!\bby)(?<!\bwith)"
# "each agency for which an order of succession is required"
_PREPOSITION_RELATIVE = r"\s+(?:for|in|to|by|with|from|under)\s+(?:which|whom)\s"
_QUALIFIER = re.compile(
    rf"{_NOT_AFTER_PREPOSITION}\s+(?:that|which|who|whose|within|with\s+respect\s+to|"
    rf"in\s+(?:his|her|its|their)\s+capacity|as\s+the)\s|{_PREPOSITION_RELATIVE}"
)
_RELATIVE_PRONOUN = re.compile(rf"{_NOT_AFTER_PREPOSITION}\s+(?:that|which|who|whose)\s|{_PREPOSITION_RELATIVE}")

# Acronyms orders use without defining them.
COMMON_ACRONYMS = {
    "OMB": "Office of Management and Budget",
    "OSTP": "Office of Science and Technology Policy",
    "OPM": "Office of Personnel Management",
    "NIST": "National Institute of Standards and Technology",
    "CISA": "Cybersecurity and Infrastructure Security Agency",
    "NSA": "National Security Agency",
    "GSA": "General Services Administration",
    "DHS": "Department of Homeland Security",
    "DOD": "Department of Defense",
    "DoD": "Department of Defense",
    "DOJ": "Department of Justice",
    "HHS": "Department of Health and Human Services",
    "USDA": "Department of Agriculture",
    "EPA": "Environmental Protection Agency",
    "FCC": "Federal Communications Commission",
    "FTC": "Federal Trade Commission",
    "NASA": "National Aeronautics and Space Administration",
    "NSF": "National Science Foundation",
    "SBA": "Small Business Administration",
    "USTR": "United States Trade Representative",
    "FBI": "Federal Bureau of Investigation",
    "NSC": "National Security Council",
    "ODNI": "Office of the Director of National Intelligence",
    "DNI": "Director of National Intelligence",
    "FEMA": "Federal Emergency Management Agency",
    "FAR Council": "Federal Acquisition Regulatory Council",
    "VA": "Department of Veterans Affairs",
    "DOE": "Department of Energy",
    "DOT": "Department of Transportation",
    "DOL": "Department of Labor",
    "DOI": "Department of the Interior",
    "HUD": "Department of Housing and Urban Development",
    "USAID": "United States Agency for International Development",
    "NOAA": "National Oceanic and Atmospheric Administration",
    "NIH": "National Institutes of Health",
    "CDC": "Centers for Disease Control and Prevention",
    "FDA": "Food and Drug Administration",
    "CMS": "Centers for Medicare & Medicaid Services",
    "SEC": "Securities and Exchange Commission",
    "CEQ": "Council on Environmental Quality",
    "NEC": "National Economic Council",
    "DPC": "Domestic Policy Council",
    "ONCD": "Office of the National Cyber Director",
    "CBP": "United States Customs and Border Protection",
    "ICE": "United States Immigration and Customs Enforcement",
    "USCIS": "United States Citizenship and Immigration Services",
}


# The offices the common acronyms stand for, as orders write them out ("U.S. Customs and Border Protection").
_KNOWN_NAMES = {name for full in COMMON_ACRONYMS.values() for name in (full, full.replace("United States", "U.S."))}

# A definitions section's '"Administrator" means the Administrator of the Environmental Protection Agency'.
_MEANS = re.compile(
    rf"[“\"`']+(?P<short>[A-Z][\w -]{{0,40}}?)[”\"']+\s+means\s+(?:the\s+)?"
    rf"(?P<full>{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|{_CONNECTOR}))*)"
)


def definitions(text: str) -> dict[str, str]:
    """Short forms the order defines, mapped to the full names they stand for."""
    return {short: full for short, (full, _) in definitions_from(text).items()}


def definitions_from(text: str) -> dict[str, tuple[str, int]]:
    """Short forms the order defines -> (the full name, where in `text` the short form starts to mean it): a
    parenthetical "(Chair)" from where it stands, a definitions section's '"Administrator" means ...' throughout.
    A role an office is made to serve as ("the Security Executive Agent") keeps its own name, as readers and
    labellers write it."""
    found: dict[str, tuple[str, int]] = {}
    for match in _MEANS.finditer(text):  # '"Administrator" means the Administrator of the EPA', not '... the Board'
        if _HEAD.search(match.group("full")) and len(match.group("full").split()) > len(match.group("short").split()):
            found.setdefault(match.group("short"), (match.group("full"), 0))
    # "co-chaired by X and Y (Co-Chairs)", "X and Y shall serve as Co-Chairs"
    chairs = (_JOINTLY_CHAIRED, _SERVE_AS_CO_CHAIRS, _CO_CHAIRED, _LED_BY_CO_CHAIRS)
    for match in (found for pattern in chairs for found in pattern.finditer(text)):
        title = match.groupdict().get("title") or "Co-Chairs"
        found.setdefault(title, (_LEADING_THE.sub("", match.group("offices")), match.start()))
    for match in _DEFINITION.finditer(text):
        short = re.sub(r"^the\s+", "", match.group(1).strip(), flags=re.IGNORECASE)
        before = _PHRASE_BEFORE.search(text[max(0, match.start() - _NAME_REACH) : match.start()])
        if not before or short.lower() in {"a", "b", "c", "i", "ii", "iii", "the"}:
            continue
        phrase = _SENTENCE_BREAK.split(before.group(1))[-1]  # "... Protection. A Steering Committee": the last
        full = _abbreviated_by(short, phrase.split())
        # "chaired by the Secretary of HUD (Chair)": the office that fills the role the order names; "the Assistant
        # to the President for Science and Technology (the “Science Advisor”)": a quoted name for the office
        if full is None and (_BODY_OFFICER.fullmatch(short) or _QUOTED.search(match.group(0))):
            full = " ".join(_from_first_capital(phrase.split())).rstrip(",")
        if full and full != short and short not in found and _HEAD.search(full):
            found[short] = (full, match.start())
    return found


def _abbreviated_by(short: str, words: list[str]) -> str | None:
    """What `short` stands for in the capitalised `words` before it.

    By its own words, the whole name that holds them, from the article that opens it ("Task Force" after "the AI
    Litigation Task Force", "Bering Task Force" after "the Task Force on the Northern Bering Sea ...", "Director"
    after "the Director of OMB"); else by initials, the shortest tail it abbreviates ("CISA" after "Director of the
    Cybersecurity and Infrastructure Security Agency" is the agency).
    """
    tokens = [token.lower() for token in short.split()]
    bare = [word.rstrip(",") for word in words]
    lowered = [word.lower() for word in bare]
    if all(token in lowered for token in tokens) and any(token not in _LOWER_WORDS for token in tokens):
        first = min(lowered.index(token) for token in tokens)
        opening = max((i + 1 for i in range(first) if lowered[i] in _ARTICLES), default=0)
        return " ".join(_from_first_capital(words[opening:])).rstrip(",")
    for start in range(len(bare) - 1, -1, -1):
        tail = bare[start:]
        if tail[0].lower() in _LOWER_WORDS:
            continue
        if _matches(short.split(), [word for word in tail if word.lower() not in _LOWER_WORDS]):
            return " ".join(words[start:]).rstrip(",")
    if not short.isupper() or len(short) < 3:
        return None
    for start in range(len(bare) - 1, -1, -1):  # "Maritime Administration (MARAD)": letters taken from its words
        if bare[start].lower() not in _LOWER_WORDS and _spells(short, bare[start:]):
            return " ".join(words[start:]).rstrip(",")
    return None


def _spells(short: str, words: list[str]) -> bool:
    """Whether an acronym opens with the first word's initial and takes every letter, in order, from the words."""
    if not words or words[0][:1].upper() != short[0]:
        return False
    letters = iter("".join(words).upper())
    return all(letter in letters for letter in short)


def _from_first_capital(words: list[str]) -> list[str]:
    """The name without the article or connectors the capitalised run started with."""
    for index, word in enumerate(words):
        if word.lower() not in _LOWER_WORDS:
            return words[index:]
    return words


def _matches(tokens: list[str], words: list[str]) -> bool:
    """Tokens cover the significant words in order: a token is a word itself or the initials of a run of words."""
    if not tokens:
        return not words
    if not words:
        return False
    token, rest = tokens[0], tokens[1:]
    if token.lower() == words[0].lower() and _matches(rest, words[1:]):
        return True
    if token.isupper() or (len(token) > 1 and token[0].isupper() and token[1:].islower() is False):
        letters = [c for c in token if c.isalpha()]
        for length in range(1, len(words) + 1):
            initials = [word[0] for word in words[:length]]
            if [c.upper() for c in initials] == [c.upper() for c in letters] and _matches(rest, words[length:]):
                return True
    return False


def is_actor(phrase: str, defined: Mapping[str, str]) -> bool:
    """Whether a noun phrase names an office, a body or agencies, rather than a thing ("The report")."""
    bare = _without_relative_clause(strip_definitions(_DETERMINER.sub("", phrase.strip())).strip(" ,"))
    titled = _EACH_AGENCYS.sub("", _OF_EACH_AGENCY.sub("", bare))  # "Each agency's Chief FOIA Officer"
    bare = (
        titled if titled[:1].isupper() else bare
    )  # "the Chief FOIA Officer of each agency", not "head of each agency"
    if _PRESIDENT_IN_ROLE.fullmatch(bare):  # "the former President", "the incumbent President or his designee"
        return True
    longest = _MAX_QUALIFIED_GROUP_WORDS if _QUALIFIED_GROUP.match(bare) else _MAX_ACTOR_WORDS
    if not bare or len(bare.split()) > longest or bare in {"President", "United States"}:
        return False
    document = _DOCUMENT_NAME.search(bare) and not _COLLECTIVE.match(bare)  # not "agencies responsible for plans"
    if _FINITE_VERB.search(bare) or document or _CONJUNCTION.match(bare):  # "When the Secretary"
        return False
    if bare in defined or bare in COMMON_ACRONYMS or _plural_acronym(bare, defined) or bare in _KNOWN_NAMES:
        return True
    if _COLLECTIVE.match(bare) or _COLLECTIVE.match(bare[0].lower() + bare[1:]) or LOWERCASE_CHAIR.fullmatch(bare):
        return True
    words = bare.split()
    described = _DESCRIBED_NAME.fullmatch(bare)  # "regional Federal Executive Boards": an adjective before a name
    if described and len(words) > 1:
        words = described.group("name").split()
        bare = " ".join(words)
    if not re.match(r"[A-Z]", words[0]) and not _NUMBERED_BODY.fullmatch(bare):
        return False
    proper = all(
        re.match(_CAPITALISED, w)
        or w.lower() in _LOWER_WORDS
        or f"{before} {w}".lower() in _LOWER_WORDS
        or w.startswith("(")
        or _NUMBER_WORD.fullmatch(w)
        for before, w in zip(["", *words], words, strict=False)
    )  # "the Office of the 21st Century Workforce"
    title = proper or bool(re.match(rf"^{_CAPITALISED}(?:\s+{_CAPITALISED})*\s+(?:program|staff)\b", bare))
    return title and bool(_HEAD.search(bare)) or (proper and _expands(words, defined))


def _expands(words: list[str], defined: Mapping[str, str]) -> bool:
    """A capitalised phrase built on a defined short form: "the OMB Director", "the APST"."""
    return any(word in defined or word in COMMON_ACRONYMS for word in words)


# "the Task Force established in section 3": a named body, however the order points back to it (a group keeps its
# qualifier: "each agency described in subsection (a)").
_POINTED_BACK = re.compile(
    r"(?P<name>.*\b[A-Z][\w'’-]*)\s+(?:established|created|described|referenced|referred\s+to)\s+"
    r"(?:in|by|under|pursuant\s+to)\s"
)


def _without_relative_clause(phrase: str) -> str:
    """ "each agency that originates or handles CUI" -> "each agency"; "X with respect to Y" -> "X"; "the Office of X
    within the Department of Y" -> "Office of X", but a group keeps its place ("all entities within the EOP")."""
    qualifier = _RELATIVE_PRONOUN if phrase[:1].islower() else _QUALIFIER
    head = qualifier.split(phrase, maxsplit=1)[0]
    pointed_back = _POINTED_BACK.match(head)
    return pointed_back.group("name") if pointed_back else head


def strip_definitions(phrase: str) -> str:
    """Drop parenthetical definitions ("(OMB)"), keeping a plural marker such as "official(s)"."""
    while (stripped := re.sub(r"\s*\((?!s\))[^()]*\)", "", phrase)) != phrase:  # "(as defined in section 801(j))"
        phrase = stripped
    return phrase.strip()


def canonical(phrase: str, defined: Mapping[str, str]) -> str:
    """The full name of an actor as written: a leading "the", definitions and relative clauses dropped, short forms
    expanded."""
    bare = _DEMONSTRATIVE.sub("", _LEADING_THE.sub("", _EACH_OF.sub("", phrase.strip())))  # "This Task Force"
    bare = _without_relative_clause(strip_definitions(bare).strip(" ,'`\"“”’"))
    expansions = {**COMMON_ACRONYMS, **defined}
    if _plural_acronym(bare, defined):  # "the AEEs": the Agency Environmental Executives
        return f"{_LEADING_THE.sub('', expansions[bare[:-1]])}s"
    if bare in expansions and not re.fullmatch(JOINT_TITLE, bare):  # "the Co-Chairs" stand for several offices
        bare = _LEADING_THE.sub("", expansions[bare])
        if bare in expansions:
            return bare
    possessive = _AGENCYS_OFFICE.match(bare)
    if possessive:  # "Each agency's Chief FOIA Officer": the Chief FOIA Officer of each agency
        bare = f"{possessive.group('office')} of {possessive.group('each').lower()} agency"
    body_office = _BODYS_OFFICE.match(bare)
    if body_office and body_office.group("body") in expansions:  # "the Initiative's Executive Director"
        body = _LEADING_THE.sub("", expansions[body_office.group("body")])
        return f"{body_office.group('office')} of {_with_the(body)}"
    first, _, rest = bare.partition(" ")
    sentence_initial = first in _SENTENCE_CAPITALS or re.fullmatch(r"[A-Z][a-z]+(?:ing|ed)", first)
    named = first.endswith("ed") and rest[:1].isupper()  # "United States ...", "Covered Agencies": a name's own capital
    if sentence_initial and not named and _COLLECTIVE.match(bare[0].lower() + bare[1:]):
        bare = f"{first.lower()} {rest}".strip()  # "Agencies shall" -> "agencies"; "Federal employees" stays
    if _EVERY_FEDERAL_AGENCY.fullmatch(bare):  # "every Federal agency", "All Federal agencies": the agencies
        return "agencies"
    body_members = re.fullmatch(r"(?P<body>.+?)\s+(?P<members>members|staff|(?:co-)?chair(?:s|persons?)?)", bare)
    if body_members and body_members.group("body") in expansions:  # "Workgroup members", "Task Force co-chairs"
        return f"{body_members.group('members')} of {_with_the(expansions[body_members.group('body')])}"
    for short, full in defined.items():  # "Chair of the Task Force" -> "Chair of the AI Litigation Task Force"
        if bare.endswith(f" the {short}") and not _is_acronym(short) and bare != short:
            bare = f"{bare[: -len(short)]}{_LEADING_THE.sub('', full)}"
            break
    bare = re.sub(r"\bU\.\s?S\.(?=\s)", "United States", bare)  # one spelling: "U.S. Coast Guard" is the United States'
    words = bare.split()
    # "the OMB Director" -> "Director of the Office of Management and Budget"
    if len(words) == 2 and words[0] in expansions and _is_acronym(words[0]) and _HEAD.fullmatch(words[1]):
        return f"{words[1]} of {_with_the(expansions[words[0]])}"
    out = []
    for index, word in enumerate(words):
        if word in expansions and _is_acronym(word):
            expansion = expansions[word]
            out.append(_with_the(expansion) if index and words[index - 1] == "of" else expansion)
        else:
            out.append(word)
    return " ".join(out)


def full_name_before(name: str, context: str, defined: Mapping[str, str], sentence: str = "") -> str:
    """A bare title read as the office last named in full before it: "the Secretary" after "the Secretary of
    Energy" is the Secretary of Energy; "the Council" after "the Federal Real Property Council" is that Council; "the
    Steering Committee" after "the Steering Committee of the Commission on X" is that Committee. `sentence` runs on
    to the end of the directive's sentence, where an officer may first be named ("shall be led by an Executive
    Director")."""
    body = _body_in_full(name, context, defined) if _BARE_BODY.fullmatch(name) else None
    if body:
        return body
    if not _HEAD.fullmatch(name):
        return _officer_of_body(name, sentence or context, defined)
    title = re.escape(name)
    matches = [
        match
        for pattern in (rf"\b{title}\s+(?:of|for|on)\s+(?:the\s+)?{_NAME_WORD}{_NAME_TAIL}", rf"{_QUALIFIERS}{title}\b")
        for match in re.finditer(pattern, context)
    ]
    # The title of a body the order itself named ("Chair of the Council") before one of another's it lists after.
    own = [match for match in matches if _of_own_body(match.group(0), defined)]
    latest = max(own or matches, key=lambda match: match.end(), default=None)
    if latest is None:
        return _officer_of_body(name, context, defined)
    office = canonical(latest.group(0), defined)
    of_body = _OF_BARE_BODY.fullmatch(office)  # "Chair for the Task Force": the Task Force named in full
    body = _body_in_full(of_body.group("body"), context, defined) if of_body else None
    return f"{of_body.group('title')} of the {body}" if of_body and body else office


def _body_in_full(name: str, context: str, defined: Mapping[str, str]) -> str | None:
    """The full name a body named by its kind last had: "Interagency Task Force on the Roles of the Coast Guard"."""
    pattern = rf"(?:{_QUALIFIERS})?\b{re.escape(name)}\s+(?:of|on|for)\s+(?:the\s+)?{_NAME_WORD}{_NAME_TAIL}"
    named = [found for found in re.findall(pattern, context) if not re.search(r"['’]s$", found)]  # not "Council's"
    return canonical(named[-1], defined) if named else None


def _of_own_body(office: str, defined: Mapping[str, str]) -> bool:
    """ "Chair of the Council" where the order defines "Council" as the short name of a body of its own."""
    body = re.sub(r"^.*?\s(?:of|for|on)\s+(?:the\s+)?", "", office)
    return body in defined and not _is_acronym(body)


def _officer_of_body(name: str, context: str, defined: Mapping[str, str]) -> str:
    """ "the Executive Director" of "the White House Initiative on X (Initiative), led by an Executive Director": an
    officer the order never names in full belongs to the body it defines just before first mentioning the officer."""
    first = re.search(rf"\b{re.escape(name)}\b", context, re.IGNORECASE) if _BODY_OFFICER.fullmatch(name) else None
    if first is None:
        return name
    before = context[max(0, first.start() - _BODY_REACH) : first.start()]
    latest: tuple[bool, int, str] | None = None
    for short, full in defined.items():
        for written in (short, full) if _BODY.search(full) else ():
            at = before.rfind(written)
            # "The EOC shall be chaired by a senior official from the NSC (NSC). The Chair": the body said to be led
            led = at >= 0 and bool(_LED_BY.match(before, at + len(written)))
            if at >= 0 and (latest is None or (led, at) > latest[:2]):
                latest = (led, at, _LEADING_THE.sub("", full))
    return f"{name} of {_with_the(latest[2])}" if latest else name


def _plural_acronym(word: str, defined: Mapping[str, str]) -> bool:
    """ "AEEs" where the order defines "AEE" (or every order knows it)."""
    return word.endswith("s") and _is_acronym(word[:-1]) and (word[:-1] in defined or word[:-1] in COMMON_ACRONYMS)


def _is_acronym(word: str) -> bool:
    return sum(c.isupper() for c in word) >= 2 and word.isalpha()


def _with_the(name: str) -> str:
    """'Office of Management and Budget' -> 'the Office of ...' after 'of'; titles of people stay bare."""
    if name.startswith("the ") or re.match(r"(?:Director|Secretary|Administrator|Chair)", name):
        return name
    return f"the {name}"


def unique(names: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for name in names:
        seen.setdefault(name, None)
    return list(seen)
