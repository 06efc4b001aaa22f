"""Directives in an order's provisions -> obligations: who shall/must/may do what, by when (pure).

The rules follow the labelling conventions in the gold set: one obligation per modal occurrence whose subject
is an office or body (or whose passive names one after "by"); the items of a "X shall:" lead-in are obligations
of X, one per item; purpose, policy, definitions and general-provisions sections, construction and scope clauses
("shall be construed", "shall apply", "shall include"), and epistemic "may" are not obligations.
"""

import itertools
import re
import string
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from lemminflect import getAllLemmas

from app.ingest import actors as names
from app.ingest.deadlines import Deadline, OrderDates, deadline_in, effective_date, recurrence_in
from app.ingest.parse import ParsedProvision, to_roman

MODALS = re.compile(
    r"\b(?:shall|should|must|may)\b|\b(?:is|are)\s+(?:hereby\s+)?(?:further\s+|also\s+)?(?:authorized\s+and\s+)?directed"
    r"(?:\s+and\s+(?:authorized|empowered))?"
    r"(?:,[^;:.]{1,320}?,|\s+(?:during|within|in|for)\s+(?:this|that|the)\s+(?:\w+\s+){0,2}?period)?\s+to\b"
)  # "is directed, through the OFCCP, to establish", "is directed and authorized to take", "are directed during this
# period to inform"
# Sections whose modals are rhetoric or boilerplate, by heading; in a purpose or policy section only "must" and
# "should" are rhetoric.
_EXCLUDED_HEADING = re.compile(
    r"^(?:(?:statement\s+of\s+)?(?:purposes?|polic(?:y|ies)|findings|background|definitions?|general\s+provisions?)"
    r"(?:\s*(?:,|and|&)\s*)?)+$",
    re.IGNORECASE,
)
_PART_HEADING = re.compile(r"^PART\s+[\dIVX]+\s*(?:--|—|-|\.)\s*(?P<title>.+)$", re.IGNORECASE)
_RHETORICAL_HEADING = re.compile(r"^(?:statement\s+of\s+)?(?:polic(?:y|ies)|purposes?)$", re.IGNORECASE)
# What follows a modal in clauses that state scope, meaning or construction rather than direct anyone.
_NOT_A_DIRECTIVE = re.compile(
    r"^\s*(?:not\s+be\s+responsible\b|(?:not\s+|also\s+)?(?:be\s+(?:construed|interpreted|read|deemed|considered\s+to|effective|in\s+addition|subject\s+to|"
    r"without\s+prejudice|implemented\s+consistent|governed)|(?:continue\s+to\s+)?apply\s+(?:only\s+)?(?:to|in|if|when|where|unless|with\s+respect)\b|take\s+effect|"
    r"be\s+(?:a\s+|\w+\s+)?members?\b|be\s+(?:[A-Z]\w*\s+){0,2}(?:Chair\w*|Co-Chairs?|Secretary|Director)\b|have\b(?![^.;]{0,80}\bin\s+place|\s+(?:the\s+)?(?:\w+\s+)?responsibilit(?:y|ies)\b|\s+(?:an?\s+)?(?:\w+\s+)?(?:process|procedures?|system|mechanism)\s+(?:to|for|that|by)\b)|become\s+effective|remain\s+in\s+(?:effect|force)|consist|mean|have\s+the\s+(?:meaning|same)|"
    r"terminate(?!,?\s+(?:the|an?|this|that|these|those|such|any|all|each|its|their|effective)\b)|expire|supersede|prevail|(?:continue\s+to\s+)?serve\s+(?:only\s+)?(?:as(?!\s+(?:a|an|the)\s+(?:[\w-]+\s+)?(?:liaison|channel|focal\s+point|point\s+of\s+contact|conduit|clearinghouse|ombudsman)\b)|on|without|for|until|after|a\s+term|terms)|be\s+composed|comprise|be\s+(?:solely\s+|purely\s+)?advisory|be\s+(?:co-)?chaired|be\s+headed|refer\s+to|"
    r"be\s+(?:a|an|the)\s(?!(?:\w+\s+)?responsibility\s+of\b)|(?:function|operate)\s+as\s+follows|"
    r"serve\s+(?:one|two|three|four|five|\d+)\s+(?:[\w-]+\s+)?terms?|be\s+(?:broadly\s+)?representative\b|function\s+for\b|be\s+(?:allowed|entitled|eligible)|receive\s+(?:no\s+)?(?:travel|compensation|pay)|rotate|occur)\b)",
    re.IGNORECASE,
)
_POLICY = re.compile(
    r"\bpolicy\s+of\s+(?:the\s+United\s+States|my\s+Administration|this\s+Administration|the\s+executive\s+branch|"
    r"the\s+Federal\s+Government)\b",
    re.I,
)
# "as the Secretary shall determine", "as may be necessary": discretion, not a directive.
# "as the Secretary shall determine", not a role in the subject ("each agency designated as a member of X shall").
_DISCRETION = re.compile(r"(?:^|[\s,])as\s+(?!an?\s)(?:[\w'’()-]+\s+){0,8}$")
_CONSULT = re.compile(
    r"\b(?:(?:in|after|upon|following)\s+(?:consultation|coordination|conjunction|collaboration|cooperation|partnership)"
    r"|working|together|jointly)\s+with\b|\bwith\s+the\s+(?:advice|concurrence|assistance)\s+of\b",
    re.IGNORECASE,
)
_THROUGH = re.compile(r"^(?:and\s+)?(?:acting\s+)?through\s+(?P<agent>.+)$", re.IGNORECASE)
# The verbs of a work product handed over ("be submitted", "be provided to").
_HANDED_OVER = (
    r"submitted|delivered|transmitted|sent|presented|provided(?=\s+to)|completed|updated|revised|published|"
    r"shared|posted"
)
# An agentless passive that hands over a work product: its maker is the actor.
_DELIVERED = re.compile(rf"^\s*(?:(?:also|subsequently|thereafter|then)\s+)?be\s+(?P<verb>{_HANDED_OVER})\b", re.I)
# "The working group's recommendations", "Each agency's plan": a work product its maker's name opens.
_OWNED_PRODUCT = re.compile(
    r"(?:^|[,;]\s*)(?:(?:the|an?)\s+)?(?P<owner>(?:(?:each|every)\s+)?[\w\s-]{1,80}?)['’]s\s+(?:[a-z][\w-]*\s+){0,3}$",
    re.I,
)
_MADE = re.compile(
    rf"^\s*(?:(?:also|subsequently|thereafter|then|promptly)\s+)?be\s+(?:{_HANDED_OVER}|prepared|developed|issued|finalized)\b",
    re.I,
)
# "The report", "such plans", "Any new National Widget Plan": a work product whose maker the section has named.
_WORK_PRODUCT = re.compile(
    r"(?:^|[,;]\s*)(?:copies\s+of\s+)?(?:the|this|that|these|those|such|each|any|all|an?)\s+"
    r"(?:(?:[a-z][\w'’-]*\s+){0,3}|(?:[\w-]+\s+){0,6}?(?:Plans?|Reports?|Strateg(?:y|ies)|Assessments?)\s+)$",
    re.I,
)
_INLINE_THROUGH = re.compile(r"^(?P<actor>.+?)\s+(?:acting\s+)?through\s+(?P<agent>.+)$", re.IGNORECASE)
_INCLUDES = re.compile(r"^\s*(?:also\s+)?include(?!,?\s+in\s)\b", re.IGNORECASE)
_INCLUDES_AS_AN_ACT = re.compile(
    r"\bagenc(?:y|ies)\b|\belements?\s+of\b|^(?:heads?|Secretary|Director|Administrator|Attorney\s+General|Chair\w*|Commissioner|Assistant|Counsel|"
    r"United\s+States\s+Trade\s+Representative)\b"
)
_MEMBERS = re.compile(r"\bmembers\b", re.IGNORECASE)
_WHO_SERVE = re.compile(r"\b(?:[Mm]embers|MEMBERS|staff)\b")  # "Such staff must be officers of the United States"
# "The private sector members shall represent entities interested in X": who the members are, not a duty.
_MEMBERS_ARE = re.compile(r"^\s*(?:also\s+)?(?:represent|reflect|include|possess|come\s+from)\b")
# The token of an inline marker: "(ii)", "(b)", "(B)", "(2)".
_MARKER_TOKEN = r"[ivx]{1,4}|[a-zA-Z]|\d{1,2}"
_COPULA = re.compile(rf"^\s*(?:\((?:{_MARKER_TOKEN})\)\s*)?(?:\w+\s+)?be\b")  # "shall (1) be chosen"
_GLUED_SENTENCE = re.compile(r"^.*\s(?=(?:The|Each|All|Any|Every)\s)")
# ", or his or her designee,", ", or such other official as the President may designate,": an alternative, no actor.
_DESIGNEE = re.compile(
    r"^(?:(?:or|and)\s+(?:(?:the\s+|his\s+or\s+her\s+|his\s+|her\s+|its\s+|their\s+)?(?:[\w’']+\s+)?designees?|such\s+other)|"
    r"(?:the\s+)?[\w ]{1,40}['’]s\s+(?:designees?|authorized\s+representatives?)$)\b",
    re.I,
)
_OBJECT_RELATIVE = re.compile(  # "a report, which the Secretary shall review", "two of whom the President shall name"
    r"^(?:(?:(?:\w+\s+)?of\s+)?(?:which|whom)|that)\s+(?P<subject>(?:the|each|all)\s+.+)$", re.IGNORECASE
)
_POINTING_BACK = re.compile(r"(?:these|those)\s+(?P<noun>agencies|departments|offices|officials|entities)")
_LOWERCASE_BODY = re.compile(r"team|working group|workgroup|(?:sub)?committee|panel|board|council|task force")
_THING_RELATIVE = re.compile(r"\b[a-z]+s?\s+(?:that|which)\s+$")  # "regulatory standards that may": about a thing
_JOINED_SUBJECT = re.compile(r"[,;]\s+(?:and|but)\s+(?P<subject>[^,;]+?)\s*$")
_ANTECEDENT = re.compile(r"(?:^|\s)(?P<phrase>(?:an?|the|each|such)\s+(?:[\w-]+\s+){0,4}?[\w-]+),?\s+who\s+$")
_DESIGNATED_AND = re.compile(
    r"^\W*(?P<subject>[^,;:]+?)\s+(?:is|are)\s+(?:hereby\s+)?(?:designated|named|appointed|assigned)\b[^;:]*\band\s+$"
)
_OR_DESIGNEE = re.compile(r"\s+(?:or|and)\s+(?:(?:his|her|its|their|an?|any)(?:\s+or\s+her)?\s+)?designees?\b(?!\s*,)")
# "the heads of other agencies as the Director may deem appropriate": whom a consultation list takes in, no directive.
# "The head of each agency is authorized to and shall take": the permission and the duty share their subject.
_AUTHORIZED_AND = re.compile(r"\s+(?:is|are)\s+(?:hereby\s+)?(?:authorized|empowered)\s+to\s+and\s*$")
_DEEMED = re.compile(
    r"\s+as\s+(?:the\s+)?[A-Z][^,;]*?\s+(?:may|shall)\s+(?:deem|determine|consider|find|designate|invite|require)\b[^,;]*"
)
# "The Co-Chairs shall", "the Co-Chairs and Steering Committee may": the subject, not "At the direction of the
# Co-Chairs, the Council may" nor "Committee Co-Chairs"
_JOINT_TITLE = re.compile(
    rf"(?:^|\b[Tt]he\s+)(?P<title>{names.JOINT_TITLE})\b(?!\s+of\b)(?=(?:\s+and\s+[^,;]+)?(?:,[^,;]{{1,80}},)?\s*\w*\s*$)"
)
_PURPOSE = re.compile(r"(?:in\s+order\s+)?to\s", re.IGNORECASE)
_SEGMENT_MARK = re.compile(r"[(),;—]")
_NOR = re.compile(r"\bnor\s*$", re.IGNORECASE)
_INVERTED_SUBJECT = re.compile(  # "nor shall any agency issue", "nor shall the Attorney General remove"
    r"^\s*(?P<subject>(?:any|an?|the|each)\s+(?:[a-z][\w-]*|[A-Z][\w-]*(?:\s+(?:(?:of|for)\s+(?:the\s+)?)?[A-Z][\w-]*)*))\b"
)
_PRONOUN = re.compile(r"^(?:they|it|he\s+or\s+she|she\s+or\s+he|he|she)$", re.IGNORECASE)
# A conjunction before a subject and an adverb after it: "but they", "NBAC also".
_LINKED = re.compile(
    r"^(?:and|or|but|then)\s+|\s+(?:also|further|additionally|thereafter|likewise|promptly|immediately|accordingly)$",
    re.IGNORECASE,
)
_DISCRETION_THROUGH = re.compile(
    r"(?:^|[\s,])as\s+(?:the|its|their)\s+[\w\s'’()-]{1,60},\s+(?:acting\s+)?through\s+[^,;]+,\s*$"
)
_THAT = re.compile(r"that\s")
_OR_SUCH_OTHER = re.compile(r"\s+or\s+such\s+other\s.*$", re.IGNORECASE)
_CODE_COMMA = re.compile(r"\btitle\s+\d+(?P<comma>,)\s+United\s+States\s+Code\b")
_NUMBER_COMMA = re.compile(r"\d(?P<comma>,)\d{3}\b")
_DATE_COMMA = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\s\d{1,2}(?P<comma>,)"
    r"(?=\s+\d{4}\b)"
)
# Commas that do not end a part of the subject: "appointed on or after January 20, 2017", "section 901 of title 31,
# United States Code", "at least 1,000 employees".
_COMMAS_INSIDE = (_DATE_COMMA, _CODE_COMMA, _NUMBER_COMMA)
_DUE_OPENING = re.compile(  # "Within 90 days of ...", "not later than September 11, 2021", "By June 30, 2012"
    r"(?:within|not\s+later\s+than|no\s+later\s+than|by)\s+(?:\d|(?:one|two|three|six|thirty|sixty|ninety)\b|"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d)",
    re.IGNORECASE,
)
# "as the case may be", "as the Chair may direct", "as may be necessary to carry out this order"
_MAY_ASIDE = re.compile(
    r"as\s+(?:the\s+case\s+may\s+be|[\w\s'’]{1,60}?\s+(?:may|shall)\s+\w+(?:\s+\w+)?|(?:may|shall)\s+be\s+[\w\s'’]{1,80})$",
    re.I,
)
_CLOSES_LIST = re.compile(r"[;,]\s+(?:and|or)\s*$")  # "(v) foster research; and": the next item is the last
_NAME_GOES_ON = re.compile(r"(?:of|for|on|to|and|or|the|[A-Z(])")  # a word that continues a name before it
_OPEN_ENDED = re.compile(r"\s(?:of|for|on|to|and|or|the|an?|each|such)$")  # "the head of the": a name not yet ended
_PRONOUN_BEFORE = re.compile(r"(?:^|[,;:]\s*)(?:(?:and|but)\s+)?(?:they|it)\s+(?:also\s+)?$", re.IGNORECASE)
# Asides about the subject: ", the heads of which", ", including Federal staff,".
_NONRESTRICTIVE = re.compile(
    r"^(?:(?:(?:the\s+)?\w+\s+of\s+)?(?:which|whom|whose)|including|such\s+as|especially|particularly|excluding)\b",
    re.IGNORECASE,
)
_RELATIVE_CLAUSE = re.compile(r"\s(?:whose|that|which|who)\s")
# What stands between two modals when the second has the first one's subject: "and, as appropriate, shall",
# "and annually thereafter shall".
_CARRIES_SUBJECT = re.compile(
    r"\b(?:and|or|but)\b[\s,]*(?:[\w\s'’-]{0,100},\s*|(?:[a-z]+ly|thereafter|then|also|likewise)(?:\s+\w+)?\s*)?$|;\s*$"
)  # ... "; shall consider X; and shall assess Y": a series of verb phrases each with its modal
# A clause joined to an earlier one that names its own subject: "... shall develop guidance and member agencies".
_THE_PRESIDENT = re.compile(r"(?:[Tt]he\s+)?President")
_COORDINATED_SUBJECT = re.compile(r"\b(?:shall|should|must|may)\b.*\s(?:and|but|or|while)\s+(?P<subject>[^\s].*)$")
_INSERTS_THE_FOLLOWING = re.compile(
    r"\b(?:insert(?:ing)?|add(?:ing)?)\b[^.:;]{0,120}?\bthe\s+following\b[^.:;]{0,40}:|\bto\s+read\s+as\s+follows\s*:",
    re.IGNORECASE,
)
_OPENING_QUOTE = re.compile(r"\s*(?:[“\"‘]|``|'')")
_PARTICIPLE = re.compile(
    r"^\s*(?:,[^,;:]{1,60},\s*)?(?:(?:also|not|only|jointly|\w+ly)\s+)*be\s+(?:\w+ly\s+(?:and\s+\w+ly\s+)?)?"
    r"(?P<word>\w+)\b",
    re.IGNORECASE,
)  # "be mutually and reciprocally accepted"
_DIRECTING = {
    "required", "authorized", "permitted", "empowered", "directed", "expected", "prepared", "responsible", "guided",
}  # fmt: skip
_AGENTS_JOINED = re.compile(r"\s+(?:and|or)\s+(?=the\s|each\s|any\s|another\s|other\s)")
# "shall require that if ..., the contractor shall consider": what the directive requires, not a directive of its own.
# ... and what a statute says ("Section 2204 of title 44 provides that X may"): no directive of this order.
_REQUIRED_CONTENT = re.compile(
    r"\b(?:(?P<directed>require|requires|ensure|ensures)|provides|stipulates|specifies)\s+that\b[^.;:]*$", re.IGNORECASE
)
_PARTICIPLE_ASIDE = re.compile(r",\s+(?=(?:[a-z]+ing|having|acting)\s)")
_PREPOSITION_START = re.compile(
    r"^(?:with|for|in|on|under|of|by|at|from|upon|regarding|concerning|where|when|if|unless|except)\b", re.IGNORECASE
)
_CLAUSE_VERB = re.compile(r"\b(?:has|have|had|is|are|was|were)\s+(?:\w+ed|been|made|taken|found)\b")
# "require recipients to report annually", "designate officials to review awards on an annual basis": what others
# are to do, whose recurrence is not the directive's.
_REQUIRES_OTHERS = re.compile(
    r"\b(?:require|direct|designate|appoint|instruct)\s+(?:that\b|(?:[^\s,;:.]+\s+){1,8}?to\s)", re.IGNORECASE
)
_OPENING_DEADLINE = re.compile(r"(?:Within|Not\s+later\s+than|No\s+later\s+than|By)\s", re.IGNORECASE)
_RELATIVE_ASIDE = re.compile(r"^(?:who|which|whose)\b")
_RELATIVE_OPENING = re.compile(r",?\s*\b(?:which|who)\s*$")
_PREPOSITION_BEFORE = re.compile(r"\b(?:of|by|to|with|from|for|on|in|under|than)\s+$", re.IGNORECASE)
_DETERMINER_START = re.compile(r"\b(?:the|each|all|every|any)\s", re.IGNORECASE)
_CLAUSES_JOINED = re.compile(r"[,;]\s+(?:and|or|but|while)\s|;\s")
_RELATIVE = re.compile(r"^(?:who|which|whose\s+[\w\s]{1,40})$", re.IGNORECASE)
# "agencies whose actions may": a relative clause's own subject, which is no office.
_RELATIVE_SUBJECT = re.compile(r"\bwhose\s+(?:[a-z][\w-]*\s+){1,3}$")
_DETERMINED_SUBJECT = re.compile(r"^(?:the|this|that|these|those|such|any|no|its|their|his|her|our|an?)\s", re.I)
# "The functions of the Commission shall be to: (i) ...": the body whose functions they are is directed.
_DUTIES_OF = re.compile(
    r"\b(?:functions?|duties|responsibilities|missions?|purposes?|role)\s+of\s+(?P<body>(?:the|this|each)\s+[^,;]+?)\s*$|"
    r"(?:^|[,;]\s*)(?P<owner>(?:the\s+)?[A-Z][^,;]*?)['’]s\s+(?:functions?|duties|responsibilities)\s+$",
    re.IGNORECASE,
)
# "The mission of X shall be to ...", "The Chair's duties shall also include:"
_BE_TO = re.compile(r"^\s*(?:also\s+)?(?:be\s+to\b|include(?:\s+the\s+following)?\s*:)")
_RESPONSIBILITY_OF = re.compile(
    r"^\s*(?:also\s+)?be\s+the\s+(?:\w+\s+)?responsibility\s+of\s+(?P<agent>[^,;:.]+)", re.IGNORECASE
)
# Where a passive agent's name ends; "the Assistant (or Counsel) to the President for X" is one office.
_AGENT_ENDS = re.compile(
    r"(?<!Assistant)(?<!Counsel)(?<!Adviser)(?<!Advisor)\s+to\s|(?<!to the President)\s+for\s|"
    r"\s+(?:within|when|where|in|on|under|pursuant|as|through|before|after|by|prior|during|until|upon|unless|if|at|"
    r"following|no\s+later|not\s+later)\s|\s+or\s+(?:his|her|its|their)\s|\s+(?:and\s+|or\s+)?"
    r"(?:shall|should|must|may|that|which|who)\b"
)
# A "by" that belongs to a participle after the passive's own: "be conducted in accordance with procedures
# established by the Secretary".
_LATER_PARTICIPLE = re.compile(
    r"\b(?:with|under|in|to|from|of)\s+(?:[\w-]+\s+){0,4}?(?<!\bto\sbe\s)[a-z]+(?:ed|en)\s+by\s+$"
)  # but "set forth in a directive to be issued by X": X is to act
_AGENT = re.compile(
    r"^\s*(?:,[^,;:]{1,60},\s*)?(?:also\s+|not\s+|only\s+|jointly\s+)*be\s+"
    r"(?:(?:[^\s,;:.]+\s+){0,10}?|(?:(?!\b(?:is|are|was|were|has|have|because|when|if|that|which|who)\b)[^;:.]){0,250}?,\s+)"
    r"by\s+(?P<agent>[^,;:.]+)",
    re.IGNORECASE,
)  # "shall, before being used, be reviewed by OPM"; "be inspected ..., in accordance with X, by the Department"
# "shall ensure that its facilities: (1) maximize ...", "shall take the following actions: (i) prohibit ...": the
# items are the verbs of the facilities, or of the actions, and so the actor's.
_ENSURE_THAT = (
    r"(?:ensure\s+that\s+(?:its|their|the|each|all)\s[^:,()]{1,80}|"
    r"take\s+the\s+following\s+(?:actions|steps|measures)[^:()]*)"
)
# "X shall:" or "X shall, within 90 days of the date of this order:" -- the items that follow are X's verbs.
_LEAD_IN_TAIL = re.compile(
    rf"^(?:\s*(?:each|jointly|also|immediately|promptly|further)\b)?(?:\s*be\s+authorized\s+to\b|\s*{_ENSURE_THAT}|"
    r"\s*take\s+all\s+(?:appropriate|necessary)\s+(?:action|actions|steps|measures)\s+to(?=\s*:)|"
    r"(?:\s*,[^,:]{1,80},)?\s*(?:work|coordinate|consult|cooperate|collaborate|partner)\b[^:]*?\bto(?=\s*:)|"
    r"\s*be\s+to(?=\s*:)|\s*(?:also\s+)?include(?:\s+the\s+following)?(?=\s*:)|\s*(?:seek|endeavor|strive)\s+to(?=\s*:)|"
    r"\s*(?:also\s+)?be\s+responsible\s+for(?=\s*:)|"
    r"(?:\s*,[^,:]{1,80},)?\s*(?:perform|carry\s+out|undertake|have)\s+the\s+following\s+(?:functions|duties|responsibilities|tasks)(?=\s*:))?"
    r"(?P<asides>[^:]*?)(?::|(?<=\S),)\s*$"
)  # "X shall:", "X shall, within 90 days,:", "X shall be authorized to:", "X shall ensure that its facilities:",
# "X shall work with Federal, State, and local agencies, as appropriate, to:" (whom X works with are not actors)
_ASIDE = re.compile(
    r"^(?:as|where|when|within|by|not\s+later|no\s+later|not\s+less|no\s+less|at\s+least|in|consistent|to\s+the\s+extent|"
    r"subject|pursuant|with|through|"
    r"after|upon|before|on|at|for|acting|both|immediately|promptly)\b",
    re.IGNORECASE,
)
# An item that opens with a subject and its verb: "risk models used to guide enforcement are not information ...".
# "shall: (i)" or "shall, within 30 days, (i)": a verb phrase that is an inline list.
_INLINE_LIST = re.compile(rf"^\s*(?:,[^()]{{0,80}},|{_ENSURE_THAT}|be\s+to)?\s*:?\s*\((?P<marker>i|a|A|1)\)\s")
_INLINE_MARKER = re.compile(rf"\((?P<marker>{_MARKER_TOKEN})\)\s")
_OPENING_MARKER = re.compile(rf"(?:^|(?<=[\s,;:]))\((?:{_MARKER_TOKEN})\)\s+(?=(?:[\w,]+\s+){{1,12}}$)")
_THE_NATION = re.compile(
    r"(?:^|[,;:]\s+|\.\s+)(?:(?:and|but)\s+)?[Tt]he\s+(?P<nation>United\s+States(?:\s+Government)?|U\.S\.\s+Government)"
    r"\s+(?:(?:also|further|thereafter)\s+)?$"
)  # not "the Federal Government shall", which frames the directives after it
_NATION_NAMES = {
    "united states": "United States",
    "united states government": "United States Government",
    "us government": "United States Government",
}
# "There is established an Interagency Working Group (Working Group) to address X, which shall": the body set up.
_ESTABLISHED_WHICH = re.compile(
    r"\bestablished\s+(?:within\s+[^,;]+?\s+)?(?P<body>(?:an?|the)\s+[A-Z][^,;()]*?)(?:\s*\([^()]*\))?"
    r"(?:\s+(?:to|within|in|for)\s[^;]*?)?,\s+which\s+$"
)
_AND_THEN_MODAL = re.compile(r",\s+(?:and|or|but)\s+(?:(?:also|then|thereafter|[a-z]+ly)\s+)?$")
# "(i) an initial report, submitted within 90 days of the date of this order": a deliverable named, then its due date.
_DUE_AFTER_NAME = re.compile(
    r"(?:an?|the)\s[^.;:]{1,200}?,?\s+(?:to\s+be\s+)?(?:submitted|delivered|completed|provided|issued|presented|due)\s+"
    r"(?:within|not\s+later\s+than|no\s+later\s+than|by)\s",
    re.IGNORECASE,
)
_DASHED_APPOSITIVE = re.compile(r"\s*—[^—]{1,100}—\s*$")
# "Under section 102A of the National Security Act of 1947, the Director must", "As the Congress identified in X,
# the Committee may": the law as it stands, which this order does not direct.
_STATUTE_SAYS = re.compile(
    r"(?:Under\s+(?:section\s+\S+\s+of\s+)?the\s+[A-Z][^,;]*?\bAct\b[^;]*?,|As\s+(?:the\s+)?Congress\b)"
)
# "the head of any other agency that the Chair may, from time to time, determine is appropriate": whom a list takes
# in, at someone's discretion (not "an Executive Director, whom the President may designate").
_WHOM_THEY_CHOOSE = re.compile(
    r"\b(?:any|such)\s+other\b[^;]{0,120}?\b(?:that|whom|which)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,6}\s*$"
)
_CHOOSES = re.compile(
    r"^\s*(?:,[^,;]{1,40},\s*)?(?:from\s+time\s+to\s+time\s+)?(?:determine|deem|designate(?!\s+(?:[\w-]+\s+){0,3}(?:to\s+serve|as)\b)|invite|select|choose|consider)\b"
)
_UNLESS = re.compile(r",?\s+unless\b", re.IGNORECASE)
_CONDITION_OPENS = re.compile(  # not "unless X, in which case the Commission shall", nor "unless X, and shall"
    r"\b(?:unless|provided\s+that)\b(?:(?!\bin\s+which\s+case\b|,\s+and\b)[^;.])*$", re.IGNORECASE
)
_LEADING_CONJUNCTION = re.compile(r"^(?:and|or)\s+")
_IN_PARTICULAR = re.compile(r"(?:In\s+particular|Specifically|More\s+specifically),\s", re.IGNORECASE)
_GREATEST_EXTENT = re.compile(r"^To\s+the\s+\w+\s+extent\s+(?:possible|practicable|permitted\s+by\s+law),\s*")
_FOLLOWING_DUTIES = re.compile(r"\bthe\s+following\s+(?:functions|duties|responsibilities|tasks)\s*:\s*$")
_NAME_IN_LIST = re.compile(r"^(?:(?:and|or)\s+)?(?:the\s+|other\s+|[A-Z])")
# "subsection (a) of", "paragraphs (1) and": a marker that cites a provision rather than opening an inline item.
_CITED_MARKER = re.compile(r"\b(?:(?:sub)?sections?|(?:sub)?paragraphs?|clauses?|items?)\s+$", re.IGNORECASE)
_MARKER_SEQUENCES = {
    "i": [to_roman(n) for n in range(1, 30)],
    "a": list(string.ascii_lowercase),
    "A": list(string.ascii_uppercase),
    "1": [str(n) for n in range(1, 30)],
}
# "In developing the plan, " or "As appropriate, " before an item's verb.
_OPENING_ADVERBIAL = re.compile(  # "by June 30, 2012, submit ...": a date's comma stays inside the adverbial
    r"^(?:In|As|At|Where|When|Whenever|If|Unless|Once|After|Before|To\s+the\s+extent|Consistent|Subject|Within|Upon|"
    r"With\s+respect\s+to|For|Regarding|Under|By|No\s+later\s+than|Not\s+later\s+than)\b"
    r"(?:[^,;:]|,(?=\s+\d{4}\b)){0,120}(?:,\s+(?:such\s+as|including)\s[^,;:]{1,80})?,\s*",
    re.IGNORECASE,
)
_ITEM_CLAUSE = re.compile(r"^(?:(?!\b(?:that|which|who|whose|whether)\b)[^,;:])*?\b(?:are|is|was|were|has|have)\b")
_LABEL = re.compile(r"^\s*(?:(?:Section|Sec\.?|SEC\.?)\s+[\w.-]+\.?\s*|(?:\(\s*[\w.]+\s*\)\s*)+)")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“(]?[A-Z]|\(\w{1,4}\)\s)")
_ABBREVIATION = re.compile(
    r"(?:\b(?:U\.S\.C|U\.S|Sec|Secs|No|Nos|e\.g|i\.e|etc|Inc|Co|Corp|Mr|Mrs|Ms|Dr|St|Jr|Sr|Pub|Stat|Fed|Reg|"
    r"v|vs|et\s+seq|et\s+al|Art|para|cf|Dept|Gen|Gov|Ltd|approx|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)"
    r"|\b[A-Z])\.$"
)
# "X and the Y": two actors; "Secretary of Health and Human Services" and "Assistant to the President and Director of
# X" (one person's two titles): one.
_JOINED_ACTORS = re.compile(
    r"\s+or\s+(?=(?:the\s+)?(?:Vice\s+)?(?:Chair\w*|Co-Chairs?)\b)|"  # "the Chair or Co-Chairs of the Committee"
    r"\s+(?:or|and/or)\s+(?=(?:the|an?|each|its|their|senior|principal|deputy|chief)\s)|"  # "the head or a deputy"
    r"(?<!Assistant to the President)\s+and\s+(?=(?:the|each|all|every|any|other|such|its)\s+|heads?\s+of\s|"
    r"(?<![Dd]epartment)(?<![Dd]epartments)agency\s+heads\b|(?<=heads\sand\s)employees\b|"
    r"(?:Secretary|Director|Administrator|Attorney\s+General|Chair\w*|Governor|Commissioner)\b|[A-Z]{2,}\b)"
)
# "within this same 120-day time period": a period the order has already set.
_SAME_PERIOD = re.compile(
    r"\b(?:this|that|the)\s+same\s+(?:(?P<days>\d+)[\s-]day\s+)?(?:time\s+)?period\b"
    r"|\b(?:during|within)\s+(?:the|this|that)\s+(?P<counted>\d+)[\s-]day\s+period\b",  # "During the 120-day period"
    re.IGNORECASE,
)
_SINGULAR = {
    "Secretaries": "Secretary",
    "Departments": "Department",
    "Directors": "Director",
    "Administrators": "Administrator",
    "Chairpersons": "Chairperson",
    "Chairmen": "Chairman",
    "heads": "head",
    "Heads": "head",
}
# One office of a list; the two departments whose names hold "and" are read whole.
_OFFICE_IN_LIST = (
    r"(?:the\s+)?(?:Health\s+and\s+Human\s+Services|Housing\s+and\s+Urban\s+Development|[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)"
)
# "the Secretaries of State and Defense", "the Departments of Justice, the Interior, HHS, and Energy", "the heads of
# the NEA, NEH, and IMLS"
_PLURAL_OFFICES = re.compile(
    rf"\b(?:[Tt]he\s+)?(?P<title>Secretaries|Departments|Directors|Chairpersons|Chairmen|[Hh]eads)\s+of\s+"
    rf"(?P<offices>{_OFFICE_IN_LIST}(?:,\s+{_OFFICE_IN_LIST})*,?\s+and\s+{_OFFICE_IN_LIST})"
)
# The comma in "each executive department, agency, or office": one group named by its kinds.
_GROUP_NOUN_COMMA = re.compile(
    r"\b(?:department|agency|office|component)s?,(?=\s+(?:(?:and|or)\s+)?(?:agenc(?:y|ies)|offices?|components?)\b)"
)
_CHAIRS_OF = re.compile(r"\b(?P<one>Chair\w*)\s+or\s+(?P<other>Co-Chairs?)\s+(?P<body>of\s+[^,;]+)")
# "the Secretaries shall": the offices of one title that the order last directed together.
_PLURAL_TITLE = re.compile(r"^(?P<title>Secretaries|Directors|Administrators)$")
_ACTION_WORDS = 12
# ", in consultation with X," or ", by May 5, 2030," between the modal and its verb.
_ASIDE_AFTER_MODAL = re.compile(r"^\s*,(?:[^,]|,\s*\d{4})*,\s*")
_MAX_TEXT = 1000


@dataclass(frozen=True, slots=True)
class Actor:
    name: str  # canonical full name: "Director of the Office of Management and Budget"
    as_written: str  # "the Director of OMB"
    through: str | None = None  # "X, through Y": the office X acts through


@dataclass(frozen=True, slots=True)
class ExtractedObligation:
    provision_key: str
    section: str | None
    modal: str
    actors: tuple[Actor, ...]
    action: str
    text: str
    span: tuple[int, int]  # [start, end) of the sentence in the provision's text
    deadline: Deadline | None


@dataclass(frozen=True, slots=True)
class _Directive:
    modal: str
    actors: tuple[Actor, ...]
    deadline: Deadline | None
    delivers: str | None = None  # "The report shall be submitted": the participle of an agentless hand-over


def extract_obligations(provisions: Sequence[ParsedProvision], signing_date: date | None) -> list[ExtractedObligation]:
    """Every obligation the provisions create, in text order."""
    whole = " ".join(provision.text for provision in provisions)
    dates = OrderDates(signing_date, effective_date(whole, signing_date))
    defined_from = names.definitions_from(whole)
    by_key = {provision.key: provision for provision in provisions}
    last_child = {provision.parent_key: provision.key for provision in provisions}
    before_last = {  # the item before each list's last one: "(v) ...; and" says the next item closes the list
        parent: previous.text
        for previous, provision in itertools.pairwise(provisions)
        if (parent := provision.parent_key) and previous.parent_key == parent and last_child[parent] == provision.key
    }
    excluded, rhetorical = _excluded_sections(provisions)
    lead_ins: dict[str, _Directive] = {}
    # "X shall submit to the President:" -- its items complete it only as deliverables with dates of their own
    # ("(a) Within 90 days, a work plan"), which then stand for it; other items spell out what it covers.
    listings: dict[str, tuple[_Directive, list[ExtractedObligation]]] = {}
    items: dict[str, list[ParsedProvision]] = {}
    for provision in provisions:
        items.setdefault(provision.parent_key or "", []).append(provision)
    ended_on: dict[str | None, tuple[Actor, ...]] = {}  # the subject a parent's lead-in without a modal ends on
    owners: dict[str, str] = {}  # a qualifier item -> the provision whose lead-in its own items complete
    # A lead-in whose items turn out to be no verb phrases ("shall consider: (1) costs; (2) risks") is one
    # obligation itself, placed where it stands.
    unanswered: dict[str, tuple[int, list[ExtractedObligation]]] = {}
    periods: list[Deadline] = []  # deadlines set so far, for "within this same period"
    found: list[ExtractedObligation] = []
    # Where each provision starts in `whole`: the order's words before a modal, to read "the Secretary" as the
    # Secretary last named in full before it, and the short forms defined by the end of the provision.
    starts = list(itertools.accumulate((len(provision.text) + 1 for provision in provisions), initial=0))
    for provision, begins in zip(provisions, starts, strict=False):
        ends = begins + len(provision.text)
        defined = {short: full for short, (full, start) in defined_from.items() if start < ends}
        top = _top(provision, by_key).key
        if provision.kind not in {"section", "paragraph", "text"} or top in excluded:
            continue
        inserted = _unquoted_insertion(provision.text)
        if inserted is not None:  # "... inserting in lieu thereof the following new part: PART 1 ..."
            excluded.add(top)  # the rest of the section is the other order's new text
        offset, body = _body(provision)
        spans = [(offset + start, offset + end) for start, end in sentence_spans(body)]
        parent_lead_in = lead_ins.get(provision.parent_key or "")
        parent = by_key.get(provision.parent_key or "")
        if parent_lead_in or provision.parent_key not in ended_on:  # siblings share their lead-in's subject
            ended_on[provision.parent_key] = _item_subject(parent, parent_lead_in, defined)
        item_subject = ended_on[provision.parent_key]
        closing = parent is not None and last_child[parent.key] == provision.key
        # ... but after the last of a list of deliverables ("(ii) a full report, submitted within 1 year. The
        # Council shall update it"), sentences go on about the deliverable
        resumed = parent if closing and _resumes_parent(body) and parent.key not in listings else None
        # "(v) ...; and (vi) solicit public input." then, in a paragraph of its own, "Each agency shall ...": the
        # paragraph after a list's last item is its parent's; so is one after a list of names ("(x) National
        # Security Agency.").
        after_list = (
            provision.paragraph_starts[0]
            if closing
            and provision.paragraph_starts
            and (
                _CLOSES_LIST.search(before_last.get(provision.parent_key, ""))
                or _is_name(body[: provision.paragraph_starts[0] - offset])
            )
            else None
        )
        listing = listings.get(provision.parent_key or "")
        if parent_lead_in and _qualifies_its_items(body):  # "shall: (a) with respect to X: (i) review ..."
            lead_ins[provision.key] = parent_lead_in
            owners[provision.key] = owners.get(provision.parent_key or "", provision.parent_key or "")
        elif parent_lead_in and spans and (_is_verb_phrase(body) or _qualified_list(body) or _due_item(body)):
            found += _lead_in_items(provision, spans[0], parent_lead_in, dates)
            unanswered.pop(owners.get(provision.parent_key or "", provision.parent_key or ""), None)
        elif listing and spans:
            found = [obligation for obligation in found if obligation not in listing[1]]
            found += _lead_in_items(provision, spans[0], listing[0], dates)
        for index, span in enumerate(spans):
            if inserted is not None and span[1] > inserted:
                break
            sentence = provision.text[span[0] : span[1]]
            in_parent = (resumed and index) or (after_list is not None and span[0] >= after_list)
            section = _list_owner(parent, by_key, last_child).section if parent and in_parent else provision.section
            last = index == len(spans) - 1
            lead_in = _lead_in_modal(sentence) if last else None
            if lead_in is not None and _FOLLOWING_DUTIES.search(sentence):  # "perform the following functions:"
                lead_in = (
                    lead_in if all(_opens_with_verb(_body(item)[1]) for item in items.get(provision.key, [])) else None
                )
            lists_at = _listing_modal(sentence) if last and lead_in is None else None
            producer = next((o.actors for o in reversed(found) if f"{o.provision_key}-".startswith(f"{top}-")), ())
            for start, directive in _directives(sentence, defined, dates, producer, item_subject if index == 0 else ()):
                if top in rhetorical and (directive.modal in {"must", "should", "may"} or _the_nation(directive)):
                    continue  # "the United States shall seek to ..." in a policy section states the policy
                if index == 0 and directive.deadline is None and parent_lead_in and parent_lead_in.deadline:
                    # "Within 14 days, the following heads of agencies shall take the following actions: (i) The
                    # Secretary of Agriculture shall terminate X": the umbrella's deadline governs its items
                    directive = replace(directive, deadline=parent_lead_in.deadline)
                if _inside_quotation(provision.text[: span[0] + start]):
                    continue  # text this order writes into another order directs no one here
                same = _SAME_PERIOD.search(sentence) if directive.deadline is None else None
                if same:
                    directive = replace(directive, deadline=_earlier_period(periods, same))
                if directive.deadline:
                    periods.append(directive.deadline)
                directive = _with_full_names(
                    directive, whole[: begins + span[0] + start], whole[: begins + span[1]], defined, found
                )
                if _elaborates(sentence, sentence[start:], directive, provision.key, found):
                    continue  # "In particular, the Board shall advise ...": the duty just set, in detail
                restated = _restated(directive, provision.key, found)
                if restated is not None:  # "X shall submit reports. The initial report shall be submitted within ..."
                    if found[restated].deadline is None:
                        found[restated] = replace(found[restated], deadline=directive.deadline)
                    continue
                if start == lead_in:
                    lead_ins[provision.key] = directive
                    unanswered[provision.key] = (
                        len(found),
                        _obligations(provision, section, span, start, directive, dates),
                    )
                    continue
                own = _obligations(provision, section, span, start, directive, dates)
                if start == lists_at and _all_due(items.get(provision.key, [])):
                    listings[provision.key] = (directive, own)
                found += own
    for position, own in sorted(unanswered.values(), key=lambda entry: entry[0], reverse=True):
        found[position:position] = own
    return found


def _restated(directive: _Directive, provision_key: str, found: list[ExtractedObligation]) -> int | None:
    """Where the obligation is that an agentless hand-over only restates, adding its schedule: the provision's last
    obligation, when the same actors were told to do the same verb ("shall submit ... reports" before "The initial
    report shall be submitted within 100 days") or to make what is to be completed ("shall work with X to develop
    an MOA" before "Each MOA shall be completed within 180 days"). A hand-over of something else ("shall develop a
    plan" before "The plan shall be provided to the President") is an obligation of its own."""
    if directive.delivers is None or not found or found[-1].provision_key != provision_key:
        return None
    earlier = found[-1]
    verb = earlier.action.split(maxsplit=1)[:1]
    same_actors = _same_actors(earlier, directive)
    completed = directive.delivers.lower() == "completed"
    same_verb = completed or bool(verb and _verb_lemmas(verb[0]) & _verb_lemmas(directive.delivers))
    return len(found) - 1 if same_verb and same_actors else None


def _elaborates(
    sentence: str, from_modal: str, directive: _Directive, provision_key: str, found: list[ExtractedObligation]
) -> bool:
    """ "The Board shall advise the President on X. In particular, the Board shall advise the President in the
    following areas:": the provision's last duty, the same actors and verb, opening a list of its details, is no duty
    of its own (unlike "In particular, the Secretary shall ensure that X." after "shall ensure that Y")."""
    if not (_IN_PARTICULAR.match(sentence) and sentence.rstrip().endswith(":")):
        return False
    if not found or found[-1].provision_key != provision_key:
        return False
    earlier = found[-1]
    verb = MODALS.sub("", from_modal, count=1).split(maxsplit=1)[:1]
    earlier_verb = earlier.action.split(maxsplit=1)[:1]
    same_actors = _same_actors(earlier, directive)
    return bool(same_actors and verb and earlier_verb and _verb_lemmas(verb[0]) & _verb_lemmas(earlier_verb[0]))


def _same_actors(earlier: ExtractedObligation, directive: _Directive) -> bool:
    return [actor.name for actor in earlier.actors] == [actor.name for actor in directive.actors]


def _the_nation(directive: _Directive) -> bool:
    return any(actor.name in _NATION_NAMES.values() for actor in directive.actors)


def _verb_lemmas(word: str) -> set[str]:
    """ "submitted" -> {"submit"}; every reading, so that the comparison does not hang on which one comes first."""
    return set(getAllLemmas(word.lower(), upos="VERB").get("VERB", ())) or {word.lower()}


def _unquoted_insertion(text: str) -> int | None:
    """Where text that an amendment writes into another order starts when the source prints it without quotation
    marks ("is amended by striking Part 1 and inserting in lieu thereof the following new part: PART 1 ..."): like
    quoted amendments, it directs no one in this order."""
    for instruction in _INSERTS_THE_FOLLOWING.finditer(text):
        if not _OPENING_QUOTE.match(text, instruction.end()):
            return instruction.end()
    return None


def _resumes_parent(last_item: str) -> bool:
    """Whether sentences after a list's last item are its parent's: "(xii) such other agencies as the Co-Chairs may
    designate. Each agency represented on the Task Force shall ...", where the source prints the paragraph's closing
    sentences inside an item that is a name, not a verb phrase ("as required by law, establish goals") that later
    sentences could go on describing."""
    first = _without_openings(last_item).split(maxsplit=1)[:1]
    return bool(first) and last_item[:1].islower() and not _is_base_verb(first[0].strip(",;:"))


def _is_name(item: str) -> bool:
    """ "National Security Agency.": an item that names a member, neither a verb phrase nor a clause with a modal."""
    return not MODALS.search(item) and not _is_verb_phrase(item) and not _ITEM_CLAUSE.match(item)


def _list_owner(
    parent: ParsedProvision, by_key: dict[str, ParsedProvision], last_child: dict[str | None, str]
) -> ParsedProvision:
    """Whose words resume after a list's last item: its parent's, or, when that parent is itself the last item of
    an enclosing lead-in ("(a) The plans shall address: ... (3) a goal in: (A) ...; (C) transfers. Agencies shall
    ..."), the outermost such lead-in's."""
    while (
        (outer := by_key.get(parent.parent_key or ""))
        and last_child.get(outer.key) == parent.key
        and outer.text.rstrip().endswith(":")
    ):
        parent = outer
    return parent


def _item_subject(
    parent: ParsedProvision | None, lead_in: _Directive | None, defined: dict[str, str]
) -> tuple[Actor, ...]:
    """Who an item's own modal directs when the item names no one: the lead-in's actors ("Heads of agencies shall:
    (i) carry out X, and shall assist Y"), or the subject a lead-in without a modal ends on ("The Security
    Executive Agent: (i) shall direct ...")."""
    if lead_in:
        return lead_in.actors
    if parent is None or not parent.text.rstrip().endswith(":"):
        return ()
    _, body = _body(parent)
    spans = sentence_spans(body)
    last = body[spans[-1][0] : spans[-1][1]] if spans else ""
    return _subject(last[:-1], defined) if last.endswith(":") and not MODALS.search(last) else ()


def _inside_quotation(text: str) -> bool:
    """Whether the end of `text` lies inside quoted words: an amendment's new text ('is amended to read: "(a) The
    Secretary shall ...'), whose paragraphs each open a quotation that only the last one closes."""
    curly = text.count("“") - text.count("”") + text.count("``") - text.count("''")
    return curly > 0 or text.count('"') % 2 == 1


def _with_full_names(
    directive: _Directive, context: str, sentence: str, defined: dict[str, str], found: list[ExtractedObligation]
) -> _Directive:
    actors: tuple[Actor, ...] = ()
    for actor in directive.actors:
        if _PLURAL_TITLE.match(actor.name):
            actors += _offices_directed_together(_SINGULAR[actor.name], found) or (actor,)
        elif _LOWERCASE_BODY.fullmatch(actor.name):
            actors += (replace(actor, name=_body_named_before(actor.name, found)),)
        elif pointing := _POINTING_BACK.fullmatch(actor.name):  # "these agencies": the agencies named just before
            actors += (replace(actor, name=_body_named_before(pointing.group("noun"), found, actor.name)),)
        elif chair := names.LOWERCASE_CHAIR.fullmatch(actor.name):  # "The chairperson", "the then-current chair"
            title = chair.group("title").capitalize()
            actors += (replace(actor, name=names.full_name_before(title, context, defined)),)
        else:
            actors += (replace(actor, name=names.full_name_before(actor.name, context, defined, sentence)),)
    return replace(directive, actors=actors) if actors != directive.actors else directive


def _body_named_before(noun: str, found: list[ExtractedObligation], otherwise: str = "") -> str:
    """ "The team" after "A special team of technical assistance providers ... shall": the body last directed under
    a longer name holding the same noun."""
    for obligation in reversed(found):
        for actor in obligation.actors:
            if actor.name != noun and re.search(rf"\b{re.escape(noun)}\b", actor.name):
                return actor.name
    return otherwise or noun


def _offices_directed_together(title: str, found: list[ExtractedObligation]) -> tuple[Actor, ...]:
    """ "the Secretaries": the offices of that title an earlier obligation directed together, latest first."""
    for obligation in reversed(found):
        offices = [actor for actor in obligation.actors if actor.name.startswith(f"{title} ")]
        if len(offices) >= 2:
            return tuple(offices)
    return ()


def _earlier_period(periods: list[Deadline], same: re.Match[str]) -> Deadline | None:
    """The period "this same (N-day) period" refers back to: the latest one, of N days when it says so."""
    written = same.group("days") or same.group("counted")
    days = int(written) if written else None
    return next((period for period in reversed(periods) if days is None or period.days == days), None)


def _lead_in_modal(sentence: str) -> int | None:
    """Where the modal of a "X shall:" lead-in sits, if the sentence is one; asides may stand before the colon."""
    modals = list(MODALS.finditer(sentence))
    if not modals:
        return None
    tail = _LEAD_IN_TAIL.match(sentence[modals[-1].end() :])
    if not tail:
        return None
    asides = [_LEADING_CONJUNCTION.sub("", aside.strip()) for aside in tail.group("asides").split(",") if aside.strip()]
    return modals[-1].start() if _all_asides(asides) else None


def _all_asides(parts: list[str]) -> bool:
    """ "within 90 days", "in consultation with the Secretary of State", "the Secretary of Commerce", "and the
    Administrator of NASA": asides, the names after a consultation being the rest of its list."""
    consulting = False
    for part in parts:
        if consulting and _NAME_IN_LIST.match(part):
            continue
        if not _ASIDE.match(part):
            return False
        consulting = bool(_CONSULT.search(part))
    return True


def _listing_modal(sentence: str) -> int | None:
    """Where the modal of a sentence that ends on a colon after its verb phrase sits ("X shall complete reviews:")."""
    modals = list(MODALS.finditer(sentence))
    return modals[-1].start() if modals and sentence.rstrip().endswith(":") else None


def _qualifies_its_items(item: str) -> bool:
    """ "(a) with respect to guidelines on reporting:", "(i) to better protect consumers:": a qualifier or a purpose
    whose own items complete the lead-in above it (no item after "shall:" can open with "to" and be its verb)."""
    if not item.rstrip().endswith(":") or MODALS.search(item):
        return False
    item = _GREATEST_EXTENT.sub("", item)  # "To the greatest extent possible, facilitating X by:" is no purpose
    if _PURPOSE.match(item):  # a purpose, unless a verb of its own follows it
        return not _verb_after_purpose(item)
    # "with respect to the rulemaking required by the X Act, as amended:", not "with respect to X, review Y:"
    return bool(_PREPOSITION_START.match(item) and not _verb_after_purpose(item))


def _verb_after_purpose(item: str) -> bool:
    """ "to ensure X has Y, consider Z": a purpose clause that opens onto a verb of its own after a comma."""
    later = (_LEADING_CONJUNCTION.sub("", part).split(maxsplit=1)[:1] for part in re.split(r",\s+", item)[1:])
    return any(first and _is_base_verb(first[0].strip(",;:")) for first in later)


def _is_verb_phrase(item: str) -> bool:
    """A lead-in's item completes it ("develop a plan ...", "Establish a process ...", "In doing so, consult ...");
    a clause of its own ("models ... are not") or a name ("Department of State") does not."""
    if item[:1].isupper():
        opening = _OPENING_ADVERBIAL.match(item) or _GREATEST_EXTENT.match(item)
        words = (item[opening.end() :] if opening else item).split(maxsplit=2)
        if len(words) > 1 and words[0].endswith("ly") and not _is_base_verb(words[0]):
            words = words[1:]  # "Proactively recruit individuals ..."
        first = words[0].strip(",;:") if words else ""
        # "Providing regular reports", but not "Recognizing X as a priority, the IC shall allocate"
        return bool(first) and (_is_base_verb(first) or (_is_gerund(first) and not MODALS.search(item)))
    item = _without_openings(item)  # "where national standards are required, consult with ..."
    if _PURPOSE.match(item) and _verb_after_purpose(item):  # "to ensure accurate labels, consider a rulemaking"
        return True
    own = MODALS.search(item)
    if own:  # "assist X. This may include Y": a later sentence's modal is no subject's
        spans = sentence_spans(item)
        first = item[: spans[0][1]] if spans else item
        own = MODALS.search(first)
    if own and names.is_actor(first[: own.start()], {}):  # "agencies shall not issue licenses": a directive of its own
        return False
    if _PREPOSITION_START.match(item):  # "with respect to a sanctioned person that is a financial institution:"
        return False
    if _is_only_a_verb(item.split(maxsplit=1)[0] if item else ""):  # "determine what issues are raised"
        return True
    return not _DETERMINED_SUBJECT.match(item) and not _ITEM_CLAUSE.match(item)


def _is_base_verb(word: str) -> bool:
    """ "Establish", "Review": a verb's base form, as a capitalised item opens with one."""
    lowered = word.lower()
    return lowered in getAllLemmas(lowered, upos="VERB").get("VERB", ())


def _without_openings(item: str) -> str:
    """The item past its opening adverbials ("In developing the plan, ", "To the greatest extent possible, ")."""
    while opening := _OPENING_ADVERBIAL.match(item) or _GREATEST_EXTENT.match(item):
        item = item[opening.end() :]
    return item


def _opens_with_verb(item: str) -> bool:
    """ "review cases", "Identifying children", "To the extent possible, facilitating": a duty, where "overall program
    management" names one."""
    item = _without_openings(item)
    first = item.split(maxsplit=1)[0].strip(",;:") if item.strip() else ""
    return _is_base_verb(first) or _is_gerund(first)


def _is_gerund(word: str) -> bool:
    """ "Identifying", "Providing": a duty listed under "shall perform the following functions:"."""
    lowered = word.lower()
    return lowered.endswith("ing") and bool(set(getAllLemmas(lowered, upos="VERB").get("VERB", ())) - {lowered})


def _is_only_a_verb(word: str) -> bool:
    """ "determine", "establish": a verb's base form that no noun shares, so it cannot open a clause's subject."""
    return _is_base_verb(word) and not getAllLemmas(word.lower(), upos="NOUN")


def _top(provision: ParsedProvision, by_key: dict[str, ParsedProvision]) -> ParsedProvision:
    while provision.parent_key and provision.parent_key in by_key:
        provision = by_key[provision.parent_key]
    return provision


def _excluded_sections(provisions: Sequence[ParsedProvision]) -> tuple[set[str], set[str]]:
    """Keys of the findings, background, definitions and general-provisions sections, which direct no one; and of
    the purpose and policy sections, where "must" and "should" are rhetoric but an office that "shall" act is
    directed (a purpose section's later paragraphs often task offices)."""
    excluded, rhetorical = set(), set()
    part_excluded = False  # "PART 7--GENERAL PROVISIONS" heads the sections that follow it, up to the next part
    for provision in provisions:
        if provision.parent_key:
            continue
        heading = (provision.heading or "").strip(" .")
        if not heading[:1].isupper():  # "Section 8. purpose": a transcription's label standing for lost words
            heading = ""
        part = _PART_HEADING.match(heading)
        if part:
            part_excluded = bool(_EXCLUDED_HEADING.match(part.group("title").strip()))
            continue
        if part_excluded or _EXCLUDED_HEADING.match(heading):
            (rhetorical if _RHETORICAL_HEADING.match(heading) else excluded).add(provision.key)
    return excluded, rhetorical


def _body(provision: ParsedProvision) -> tuple[int, str]:
    """The provision's words without label and heading ("Sec. 4. Heading. The Attorney ..." -> "The Attorney ..."),
    and where they start in its text, so that spans point into the stored provision."""
    text = provision.text
    label = _LABEL.match(text)
    start = label.end() if label else 0
    if provision.heading:
        start = _after_caption(text, start, provision.heading)
    body = text[start:]
    start += len(body) - len(body.lstrip())
    return start, body.strip()


def _after_caption(text: str, start: int, heading: str) -> int:
    """Where the words after a caption begin ("Sec. 4. Heading. The Attorney" -> "The"), or `start` when the text
    does not open with the heading; word by word, as the source may space the caption differently."""
    position = start
    for word in heading.split():
        while position < len(text) and text[position].isspace():
            position += 1
        if not text.startswith(word, position):
            return start
        position += len(word)
    while position < len(text) and text[position].isspace():
        position += 1
    return position + 1 if text[position : position + 1] in {".", ":", "—", "-"} else position


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of each sentence, not split after abbreviations such as "U.S.C." or "Sec."."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if _ABBREVIATION.search(text[start : match.start()]):
            continue
        spans.append(_stripped(text, start, match.start()))
        start = match.end()
    if text[start:].strip():
        spans.append(_stripped(text, start, len(text)))
    return [span for span in spans if span[1] > span[0]]


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    piece = text[start:end]
    return start + len(piece) - len(piece.lstrip()), end - len(piece) + len(piece.rstrip())


def _directives(
    sentence: str,
    defined: dict[str, str],
    dates: OrderDates,
    producer: tuple[Actor, ...] = (),
    item_subject: tuple[Actor, ...] = (),
) -> list[tuple[int, _Directive]]:
    """The directives in one sentence, each with the position of its modal.

    `producer` is who was last directed in the section: "The plan shall be submitted to the President" directs
    whoever was told to make the plan. `item_subject` is who a list item's lead-in names, for an item whose first
    modal has no subject of its own."""
    modals = list(MODALS.finditer(sentence))
    out: list[tuple[int, _Directive]] = []
    previous: _Directive | None = None
    after_passive = False  # `previous` is the subject of an agentless passive
    passive_subject: tuple[Actor, ...] | None = None
    thing_before = False  # a modal earlier in the sentence had a thing for its subject, which "it" may stand for
    boundaries: dict[int, int] = {}  # where the clause of modal i begins, each worked out once

    def boundary(index: int) -> int:
        if index not in boundaries:
            boundaries[index] = _clause_boundary(sentence, modals[index - 1], modals[index], defined)
        return boundaries[index]

    for index, modal in enumerate(modals):
        before, after = sentence[: modal.start()], sentence[modal.end() :]
        if _excluded(modal.group(0), before, after):
            if not _subordinate(modal.group(0), before, after):  # "The Committee shall be advisory and shall provide"
                previous, passive_subject = _Directive(modal.group(0), _subject(before, defined), None), None
            continue
        # "Members shall be appointed by the President": composition, whoever appoints them
        agent = () if _MEMBERS.search(before[-80:]) else _passive_agent(after, defined)
        undergoes = _undergoes(after)
        actors = agent or (() if undergoes else _subject(before, defined))
        duties = _DUTIES_OF.search(before) if not actors and _BE_TO.match(after) else None
        if duties:  # "The mission of the Task Force shall be to identify ..."
            actors = _subject(duties.group("body") or duties.group("owner"), defined)
        between = sentence[modals[index - 1].end() : modal.start()] if index else ""
        if previous is not None and _CONDITION_OPENS.search(between):
            continue  # "shall issue the permit unless, within 15 days, an official shall notify": a condition
        continues = previous is not None and _continues(between)
        # "shall submit to A and B, and shall publish": no subject between "and" and the modal, so B is no actor
        if continues and not agent and _AND_THEN_MODAL.search(between):
            actors = ()
        if not actors and continues and not undergoes and not (after_passive and _COPULA.match(after)):
            actors = passive_subject if passive_subject is not None else previous.actors
        if not actors and index == 0 and (not before.strip() or _continues(before)):
            actors = item_subject
        antecedent = _ANTECEDENT.search(before) if not actors else None  # "designate a senior official who shall"
        if antecedent and names.is_actor(antecedent.group("phrase"), defined):
            actors = (Actor(names.canonical(antecedent.group("phrase"), defined), antecedent.group("phrase")),)
        nation = _THE_NATION.search(before) if not actors and modal.group(0) == "shall" else None
        if nation:  # "The United States shall conduct ...": a directive, where "must" would be rhetoric
            actors = (Actor(_NATION_NAMES[nation.group("nation").replace(".", "").lower()], nation.group(0).strip()),)
        established = _ESTABLISHED_WHICH.search(before) if not actors else None
        if established and names.is_actor(established.group("body"), defined):
            actors = (Actor(names.canonical(established.group("body"), defined), established.group("body")),)
        designated = _DESIGNATED_AND.match(before) if not actors else None  # "NOAA is designated as X and shall"
        if designated and names.is_actor(designated.group("subject"), defined):
            actors = (Actor(names.canonical(designated.group("subject"), defined), designated.group("subject")),)
        inverted = _INVERTED_SUBJECT.match(after) if _NOR.search(before) else None  # "nor shall any agency issue"
        if not actors and inverted and names.is_actor(inverted.group("subject"), defined):
            actors = (Actor(names.canonical(inverted.group("subject"), defined), inverted.group("subject")),)
        # "It shall seek the views of experts", but not "The report shall propose X, and it also shall establish Y"
        if not actors and _PRONOUN_BEFORE.search(before) and not thing_before:
            actors = producer
        owned = _OWNED_PRODUCT.search(before) if not actors and _MADE.match(after) else None
        if owned and names.is_actor(owned.group("owner"), defined):  # "The working group's report shall be made"
            actors = (Actor(names.canonical(owned.group("owner"), defined), ""),)
        delivered = _DELIVERED.match(after) if not actors and _WORK_PRODUCT.search(before) else None
        if delivered:
            actors = tuple(Actor(actor.name, "", actor.through) for actor in producer)
        if (
            not actors
            or (_WHO_SERVE.search(actors[-1].name) and (_COPULA.match(after) or _MEMBERS_ARE.match(after)))
            or _lists_members(actors, after)
        ):
            if actors or not _THING_RELATIVE.search(before):  # "identify standards that may inhibit X and shall"
                previous = None  # "Members shall be appointed ...", "Its other members shall be representatives ...":
            undergone = _subject(before, defined) if undergoes and not actors else ()
            if undergone:  # "the Task Force shall be informed by, and shall strive to avoid duplicating, X"
                previous = _Directive(modal.group(0), undergone, None)
            after_passive = bool(undergone)  # but not "Participants shall be referred to as X and shall be students"
            thing_before = thing_before or not actors
            continue  # composition, not a directive
        clause_start = boundary(index) if index else 0
        clause_end = boundary(index + 1) if index + 1 < len(modals) else len(sentence)
        deadline = _directive_deadline(sentence[clause_start:clause_end], dates, after[:60])
        if deadline is None and out and _OPENING_DEADLINE.match(sentence):  # "Within 180 days, X shall A, and Y ..."
            deadline = out[0][1].deadline
        delivers = delivered.group("verb") if delivered else None
        previous, after_passive = _Directive(_modal_name(modal.group(0)), actors, deadline, delivers), False
        # "which shall be convened by X and shall support Y": the next verb is the subject's, not the agent's
        passive_subject = _subject(before, defined) if agent else None
        out.append((modal.start(), previous))
    return out


def _directive_deadline(clause: str, dates: OrderDates, after_modal: str) -> Deadline | None:
    """The clause's deadline, less a recurrence of what it requires of others: "shall require recipients to report
    annually" is required once, of a recurring report."""
    clause = _UNLESS.split(clause, maxsplit=1)[0]  # "shall issue the permit unless, within 15 days, X objects"
    deadline = deadline_in(clause, dates, after_modal=after_modal)
    required = _REQUIRES_OTHERS.search(clause)
    if deadline and deadline.kind == "recurring" and required and not recurrence_in(clause[: required.start()]):
        return None
    return deadline


def _lists_members(actors: tuple[Actor, ...], after: str) -> bool:
    """ "The Council shall include the Secretary of State", "The plan shall include": a composition or contents.
    An office or agencies that "shall include" something act ("each agency shall include training in ...")."""
    return bool(_INCLUDES.match(after) and not _INCLUDES_AS_AN_ACT.search(actors[-1].name))


def _clause_boundary(sentence: str, first: re.Match[str], second: re.Match[str], defined: dict[str, str]) -> int:
    """Where the second of two modals' clauses begins, so that each keeps the deadline written in it: at the "and
    annually thereafter" that carries the first one's subject to it, at the ", and" that joins a clause with its own
    subject, at the ", which" of a relative clause; else at the second modal's subject."""
    between = sentence[first.end() : second.start()]
    carried = _CARRIES_SUBJECT.search(between)
    if carried:
        return first.end() + carried.start()
    for joint in reversed(list(_CLAUSES_JOINED.finditer(between))):  # "X shall A by May 1, and Y shall B"
        if _subject(between[joint.end() :], defined):
            return first.end() + joint.start()
    relative = _RELATIVE_OPENING.search(between)
    if relative:
        return first.end() + relative.start()
    subject = _subject(between, defined)
    written = between.rfind(subject[0].as_written) if subject and subject[0].as_written else -1
    return first.end() + (written if written >= 0 else len(between))


def _excluded(modal: str, before: str, after: str) -> bool:
    if modal in {"may", "must"} and _STATUTE_SAYS.match(before):  # what a statute already allows or requires
        return True
    return bool(_POLICY.search(before) or _NOT_A_DIRECTIVE.match(after) or _subordinate(modal, before, after))


def _subordinate(modal: str, before: str, after: str) -> bool:
    """A modal inside a clause of the directive ("the extent to which States may", "as the Secretary shall
    determine", "agencies whose actions may", "shall require that ... the contractor shall"): no directive itself,
    and no end to the one around it."""
    required = _REQUIRED_CONTENT.search(before)  # but "In order to ensure that X, the Board shall" is the Board's
    if required and (not required.group("directed") or MODALS.search(before[: required.start()])):
        # "shall ensure that such terms are included and likewise shall take steps", "shall ensure that X can find Y,
        # and all agencies that fund Y shall coordinate": the required content has no modal; a directive follows it
        joined = _JOINED_SUBJECT.search(before)
        goes_on = _continues(before) or bool(joined and names.is_actor(joined.group("subject"), {}))
        return not (goes_on and not MODALS.search(before[required.start() :]))
    if _RELATIVE_SUBJECT.search(before):
        return True
    if modal == "may" and _possibility(before, after):
        return True
    if _DISCRETION_THROUGH.search(before[-200:]):  # "as the Council, through the Co-Chairs, may request"
        return True
    if _WHOM_THEY_CHOOSE.search(before[-100:]) and _CHOOSES.match(after):  # "any agency that the Chair may determine"
        return True
    return bool(_DISCRETION.search(before[-80:]) and not re.search(r"(?:,|\band)\s*$", before))


def _possibility(before: str, after: str) -> bool:
    """ "may be affected", "may have", "whether agencies may": what may happen. "may be granted only by the agency
    head" is a permission, unless a relative clause describes a thing ("information that may be requested by X")."""
    if re.search(r"\b(?:that|if)\s+(?:they|it)\s+$", before):  # "reason to believe that they may"
        return True
    if re.search(r"\bwhether\b[^,;]*$", before) and not _continues(before):  # not "determine whether X and may"
        return True
    if not re.match(r"\s*(?:be|have|also\s+be|well|even)\b", after):
        return False
    return not _AGENT.match(after) or bool(re.search(r"\b(?:that|which)\s*$", before))


def _modal_name(written: str) -> str:
    return "is directed to" if "directed" in written else written


def _segments(text: str) -> list[str]:
    """Comma-separated parts of the words before a modal, commas inside parentheses kept.

    "the Secretaries of State and Defense" becomes two parts, one per office; "or his designee" goes.
    """
    text = _OR_DESIGNEE.sub("", _PLURAL_OFFICES.sub(_one_office_each, text))
    text = _CHAIRS_OF.sub(r"\g<one> \g<body> or \g<other> \g<body>", text)  # "the Chair or Co-Chairs of X"
    kept = {match.end() - 1 for match in _GROUP_NOUN_COMMA.finditer(text)}  # "each department, agency, or office"
    kept |= {match.start("comma") for pattern in _COMMAS_INSIDE for match in pattern.finditer(text)}
    parts, depth, start = [], 0, 0
    for mark in _SEGMENT_MARK.finditer(text):
        char = mark.group(0)
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char in ",;—" and depth <= 0 and mark.start() not in kept:  # an em dash sets off an aside as commas do
            parts.append(text[start : mark.start()].strip())
            start = mark.end()
    parts.append(text[start:].strip())
    split: list[str] = []
    for part in parts:  # the offices an actor acts through or consults stay together
        whole = _THROUGH.match(part) or _CONSULT.match(_LINKED.sub("", part))  # "in coordination with X and the Y"
        split += [part] if whole else _joined_parts(part)
    return split


def _inside_parentheses(text: str) -> bool:
    """Whether the end of `text` is inside an aside in parentheses; a parenthesis opening the text holds a sentence
    ("(The Secretary of X and the Secretary of Y shall ...)"), not an aside."""
    depth = 0
    for position, char in enumerate(text):
        if char == "(" and position:
            depth += 1
        elif char == ")" and depth:
            depth -= 1
    return depth > 0


def _joined_parts(part: str) -> list[str]:
    """The offices an "and" or "or" joins, outside parentheses: "(as determined by X and the Y)" stays whole."""
    pieces, start = [], 0
    for joint in _JOINED_ACTORS.finditer(part):
        if not _inside_parentheses(part[: joint.start()]):
            pieces.append(part[start : joint.start()])
            start = joint.end()
    pieces.append(part[start:])
    return [piece.strip() for piece in pieces if piece.strip()]


def _one_office_each(match: re.Match[str]) -> str:
    title = _SINGULAR[match.group("title")]
    offices = []
    for office in re.findall(_OFFICE_IN_LIST, match.group("offices")):
        expansion = names.COMMON_ACRONYMS.get(office, "")
        offices.append(expansion if expansion.startswith(title) else f"{title} of {office}")
    return " and ".join(f"the {office}" for office in offices)  # no comma: a consulted list stays one part


def _subject(before: str, defined: dict[str, str]) -> tuple[Actor, ...]:
    """The actors named right before the modal, leaving out consulted parties and leading adverbials: "the
    Co-Chairs" as the offices the order names so, or as the Co-Chairs when those names are no offices' alone."""
    before = _OPENING_MARKER.sub("", before)  # "..., (i) the Secretary shall": an inline item's own subject
    before = _DASHED_APPOSITIVE.sub(" ", before)  # "the Secretaries—the Government's land managers—shall"
    offices = _JOINT_TITLE.sub(lambda title: _offices_of(title, defined), before)
    return _subject_in(offices, defined) or (_subject_in(before, defined) if offices != before else ())


def _subject_in(before: str, defined: dict[str, str]) -> tuple[Actor, ...]:
    """Read right to left: "X, through Y, in consultation with Z, shall" directs X (through Y), not Z; but in
    "In coordination with Z, X shall" the consultation opens the sentence and X, on its right, acts."""
    right: list[Actor] = []  # actors between the modal and the nearest consultation phrase
    left: list[Actor] = []  # actors further left: once there are any, `right` were consulted parties
    consulted = False
    through: str | None = None
    before = _AUTHORIZED_AND.sub(" ", before)
    segments = _segments(_DEEMED.sub("", before))
    for position, segment in enumerate(reversed(segments)):
        if _RELATIVE_ASIDE.match(segment) and MODALS.search(segment):  # "X, who must be senior officials, shall"
            continue
        if _DESIGNEE.match(segment) and MODALS.search(segment):  # "or such other official as the President may name"
            continue
        if _MAY_ASIDE.match(segment):  # "X, as the case may be, shall", "X, as the Chair may direct, shall"
            continue
        if MODALS.search(_RELATIVE_CLAUSE.split(segment, maxsplit=1)[0]):  # "agencies whose actions may affect X"
            coordinated = _COORDINATED_SUBJECT.search(segment) if position == 0 else None
            if coordinated and names.is_actor(coordinated.group("subject"), defined):
                subject = coordinated.group("subject")  # "The Workgroup shall develop X and member agencies shall"
                return (Actor(names.canonical(subject, defined), subject),)
            break
        consult = _CONSULT.search(segment)
        if consult:
            consulted, through = True, None
            segment = segment[: consult.start()].strip()
            if not segment:
                continue
        via = _THROUGH.match(segment)
        if via:
            through = names.canonical(via.group("agent"), defined)
            continue
        inline_via = _INLINE_THROUGH.match(segment)  # "the Secretary acting through the Director" without commas
        if inline_via and names.is_actor(inline_via.group("actor"), defined):
            segment, through = inline_via.group("actor"), names.canonical(inline_via.group("agent"), defined)
        object_relative = _OBJECT_RELATIVE.match(segment)  # "a report, which the Secretary shall review"
        if position == 0 and object_relative and _THE_PRESIDENT.fullmatch(object_relative.group("subject")):
            return (Actor("President", object_relative.group("subject")),)  # "a Chair, whom the President may"
        if position == 0 and object_relative and names.is_actor(object_relative.group("subject"), defined):
            subject = object_relative.group("subject")
            return (Actor(names.canonical(subject, defined), subject, through),)
        if position == 0 and _RELATIVE.match(segment) and len(segments) > 1:
            actor = _last_actor(segments[-2], defined)
            return (actor,) if actor else ()
        if _NONRESTRICTIVE.match(segment) or _DESIGNEE.match(segment):  # asides: ", the heads of which ...,"
            continue
        if position == 0 and _PRONOUN.match(_LINKED.sub("", segment)):  # "but they should", "It also may"
            actor = _antecedent(segments[:-1], defined)
            return (actor,) if actor else ()
        cleaned = _LINKED.sub("", segment.lstrip("”’\"' ")).strip()  # '..., entitled, “X,” agencies', "NBAC also"
        glued = _GLUED_SENTENCE.search(cleaned)  # "Fossil Fuel Subsidies The heads of agencies": a caption before it
        if glued and (not names.is_actor(cleaned, defined) or cleaned[glued.end() :].startswith("The ")):
            cleaned = cleaned[glued.end() :]
        # "Within 9 months of X the Administrator", "(ensure) that for each complaint the CLPO"
        if (_ASIDE.match(cleaned) or _THAT.match(cleaned)) and not names.is_actor(cleaned, defined):
            cleaned = _actor_ending(cleaned, defined) or cleaned
        plural = _PLURAL_TITLE.match(re.sub(r"^the\s+", "", cleaned, flags=re.IGNORECASE))
        if plural:  # named in full once the offices it stands for are known
            (left if consulted else right).insert(0, Actor(plural.group("title"), cleaned, through))
            through = None
            continue
        if position == 0 and _THE_PRESIDENT.fullmatch(cleaned):  # "The President shall designate a Chair"
            return (Actor("President", cleaned),)
        if cleaned and names.is_actor(cleaned, defined):
            (left if consulted else right).insert(0, Actor(names.canonical(cleaned, defined), cleaned, through))
            through = None
            continue
        if left and _CLAUSE_VERB.search(cleaned):  # "When X has determined that ..., the heads of agencies shall"
            break
        if not cleaned or cleaned[0].isdigit() or (cleaned[0].islower() and not _DETERMINED_SUBJECT.match(cleaned)):
            continue  # an aside such as "as appropriate", "consistent with applicable law" or a date's "2009"
        return tuple(left) or _subject_before_consulted(before, defined) or tuple(right)
    return tuple(left or right)


def _offices_of(title: re.Match[str], defined: dict[str, str]) -> str:
    """ "the Co-Chairs" as the offices the order named jointly chairing ("co-chaired by X and Y (Co-Chairs)")."""
    offices = defined.get(title.group("title"))
    return f"the {offices}" if offices else title.group(0)


def _subject_before_consulted(before: str, defined: dict[str, str]) -> tuple[Actor, ...]:
    """ "X, in cooperation with State and local agencies, the scientific community and industry, shall", "X, using
    the reports of the agencies and the information they submit, shall": words that name no office run from a
    consultation phrase or a participle to the modal, and X, left of it, acts."""
    openings = [*_CONSULT.finditer(before), *_PARTICIPLE_ASIDE.finditer(before)]
    openings = [match for match in openings if before[: match.start()].strip(" ,")]
    return _subject(before[: max(match.start() for match in openings)], defined) if openings else ()


def _actor_ending(words: str, defined: dict[str, str]) -> str | None:
    """The actor an opening adverbial runs into without a comma: "Within 9 months of the date of this order the
    Administrator" ends on "the Administrator"; an order's title in parentheses holds none."""
    words = names.strip_definitions(words)
    for start in _DETERMINER_START.finditer(words):
        preposition = _PREPOSITION_BEFORE.search(words[: start.start()])  # "the determination of the agency"
        if not preposition and names.is_actor(words[start.start() :], defined):
            return words[start.start() :]
    return None


def _antecedent(segments: list[str], defined: dict[str, str]) -> Actor | None:
    """The office or body a pronoun subject stands for: the nearest one named before it in the sentence."""
    for segment in reversed(segments):
        words = re.sub(
            r"^(?:as|when|whenever|where|wherever|if|unless|once|while|after|before|because|since|until)\s+",
            "",
            segment,
            flags=re.I,
        )
        split = words.split()
        for length in range(1, min(len(split), 8) + 1):  # the name ends where its words do: "the head of the agency so"
            phrase, following = " ".join(split[:length]), split[length] if length < len(split) else ""
            if _NAME_GOES_ON.match(following) or _OPEN_ENDED.search(phrase) or not names.is_actor(phrase, defined):
                continue
            return Actor(names.canonical(phrase, defined), phrase)
    return None


def _last_actor(segment: str, defined: dict[str, str]) -> Actor | None:
    """The office a relative pronoun after `segment` refers to: "the Office of X (X) within the Y, which shall" is
    the Office of X."""
    segment = re.split(r"\s+within\s+", names.strip_definitions(segment))[0]
    match = re.search(r"((?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:of|the|for|and|on|to|in|[A-Z][\w'’-]*))*)\s*$", segment)
    if match and names.is_actor(match.group(1), defined):
        return Actor(names.canonical(match.group(1), defined), match.group(1))
    return None


def _passive_agent(after: str, defined: dict[str, str]) -> tuple[Actor, ...]:
    """ "shall be made by the Director of NSA": the agent after "by" acts; so does the office a duty "shall be the
    responsibility of"."""
    responsible = _RESPONSIBILITY_OF.match(after)
    if responsible:
        return _agents(responsible.group("agent"), defined)
    match = _AGENT.match(after)
    if not match or not _passive(after):  # "shall be consistent with guidelines issued by the FBI": no passive
        return ()
    if _LATER_PARTICIPLE.search(after[: match.start("agent")]):  # "conducted under procedures established by X"
        return ()
    return _agents(match.group("agent"), defined)


def _agents(words: str, defined: dict[str, str]) -> tuple[Actor, ...]:
    """The offices that open `words`, up to the first preposition or clause that is not part of their names."""
    agent = _CONSULT.split(words)[0]
    agent = _AGENT_ENDS.split(agent)[0]
    if _THE_PRESIDENT.fullmatch(agent.strip()):  # "The Board shall be appointed by the President"
        return (Actor("President", agent.strip()),)
    agent = _OR_SUCH_OTHER.sub("", agent)  # "the Counsel to the President or such other official as ..."
    agents = _AGENTS_JOINED.split(agent)  # "by the agency head or the senior agency official designated"
    if len(agents) > 1 and all(names.is_actor(one, defined) for one in agents):
        return tuple(Actor(names.canonical(one, defined), one.strip()) for one in agents)
    if names.is_actor(agent, defined):
        return (Actor(names.canonical(agent, defined), agent.strip()),)
    return ()


def _passive(after_modal: str) -> bool:
    """ "be made", "also be reviewed": the modal opens a passive (a verb's participle after "be"), not "be
    consistent with" or "be responsible for"."""
    participle = _PARTICIPLE.match(after_modal)
    word = participle.group("word").lower() if participle else ""
    return bool(getAllLemmas(word, upos="VERB")) or (word.endswith("ed") and len(word) > 4)  # "reinvestigated"


def _undergoes(after_modal: str) -> bool:
    """ "The Librarian of Congress shall be invited to serve": an agentless passive, whose subject is acted on and
    directed to do nothing; "shall be required to report" and "shall be authorized to" still direct it."""
    participle = _PARTICIPLE.match(after_modal)
    return _passive(after_modal) and participle is not None and participle.group("word").lower() not in _DIRECTING


def _continues(between: str) -> bool:
    """Words between two modals that carry the first one's subject on: "... review X and, as appropriate, shall"."""
    return bool(_CARRIES_SUBJECT.search(between))


def _obligations(
    provision: ParsedProvision,
    section: str | None,
    span: tuple[int, int],
    start: int,
    directive: _Directive,
    dates: OrderDates,
) -> list[ExtractedObligation]:
    """The directive's obligation; or, when its verb phrase is an inline list ("shall, within 30 days, (i) designate
    ..., (ii) report ..."), one per item, labelled at the item ("2(e)(ii)") as if it were a paragraph of its own."""
    sentence = provision.text[span[0] : span[1]]
    after = sentence[start:]
    modal = MODALS.match(after)
    verb_phrase = after[modal.end() :] if modal else after
    clause = _inline_clause(sentence, start)
    obligation = ExtractedObligation(
        provision_key=provision.key,
        section=f"{section or ''}({clause})" if clause else section,
        modal=directive.modal,
        actors=directive.actors,
        action=_action(verb_phrase),
        text=sentence[:_MAX_TEXT],
        span=span,
        deadline=directive.deadline,
    )
    return _one_per_item(obligation, _inline_items(verb_phrase), dates) or [obligation]


def _inline_clause(sentence: str, modal_at: int) -> str | None:
    """The marker of the inline item whose clause holds the modal: "(b) Except as provided, (i) the Secretary shall
    not permit X; and (ii) the Secretary shall not permit Y" directs at 1(b)(i) and 1(b)(ii), as the items would be
    paragraphs of their own. Markers count only as a sequence from (i), (a), (A) or (1) of two or more."""
    markers: list[re.Match[str]] = []
    for match in _INLINE_MARKER.finditer(sentence):
        if match.start() and not sentence[match.start() - 1].isspace():
            continue  # "section 1(b)(i)": a citation
        if _CITED_MARKER.search(sentence, 0, match.start()):
            continue  # "subsection (a) of this section"
        marker = match.group("marker")
        sequence = _MARKER_SEQUENCES[markers[0].group("marker")] if markers else _MARKER_SEQUENCES.get(marker, [])
        if len(markers) < len(sequence) and marker == sequence[len(markers)]:
            markers.append(match)
    if len(markers) < 2:
        return None
    opened = [marker for marker in markers if marker.start() < modal_at]
    return opened[-1].group("marker") if opened else None


def _one_per_item(
    obligation: ExtractedObligation, items: list[tuple[str, str]], dates: OrderDates
) -> list[ExtractedObligation]:
    """The obligation once per inline item, labelled at the item ("2(e)(ii)"), each with its own deadline if it
    sets one."""
    return [
        replace(
            obligation,
            section=f"{obligation.section or ''}({marker})",
            action=_action(item),
            deadline=_directive_deadline(item, dates, "") or obligation.deadline,
        )
        for marker, item in items
    ]


def _inline_items(verb_phrase: str) -> list[tuple[str, str]]:
    """The (marker, words) of an inline list that is the whole verb phrase, markers in sequence from (i), (a), (A)
    or (1); none when the phrase is not such a list or an item is not a verb phrase."""
    opening = _INLINE_LIST.match(verb_phrase)
    if not opening:
        return []
    sequence = _MARKER_SEQUENCES[opening.group("marker")]
    markers = []
    for match in _INLINE_MARKER.finditer(verb_phrase, opening.start("marker") - 1):
        if len(markers) < len(sequence) and match.group("marker") == sequence[len(markers)]:
            markers.append(match)
    if len(markers) < 2:
        return []
    ends = [marker.start() for marker in markers[1:]] + [len(verb_phrase)]
    items = [
        (m.group("marker"), verb_phrase[m.end() : end].strip(" ;,.")) for m, end in zip(markers, ends, strict=True)
    ]
    items = [(marker, re.sub(r"^(?:and|or)\s+|[;,]\s*(?:and|or)$", "", words).strip()) for marker, words in items]
    return items if all(_is_verb_phrase(words) for _, words in items) else []


def _lead_in_items(
    provision: ParsedProvision, span: tuple[int, int], lead_in: _Directive, dates: OrderDates
) -> list[ExtractedObligation]:
    """The obligation an item of a lead-in completes; one per inline item when the item only qualifies a list of
    its own ("(4) upon request from an agency head: (i) formulate plans ...; (ii) estimate needs ...")."""
    first = provision.text[span[0] : span[1]]
    obligation = ExtractedObligation(
        provision_key=provision.key,
        section=provision.section,
        modal=lead_in.modal,
        actors=lead_in.actors,
        action=_action(first),
        text=first[:_MAX_TEXT],
        span=span,
        deadline=_directive_deadline(first, dates, "") or lead_in.deadline,
    )
    return _one_per_item(obligation, _qualified_list(first), dates) or [obligation]


def _all_due(items: list[ParsedProvision]) -> bool:
    """Whether a listing's items are deliverables, most with a due date of their own, so that they stand for it."""
    due = sum(_due_item(_body(item)[1]) for item in items)
    return due > 1 and 2 * due >= len(items)


def _due_item(item: str) -> bool:
    """ "(a) Within 90 days of the date of this order, a detailed work plan": an item that is a deliverable with its
    own due date, a separate obligation of the lead-in's actor, as each verb phrase is (not a sentence with its own
    modal, "Within 7 days, each agency head shall ...")."""
    first = item[: sentence_spans(item)[0][1]] if item.strip() else ""
    return bool(_DUE_OPENING.match(first) or _DUE_AFTER_NAME.match(first)) and not MODALS.search(first)


def _qualified_list(item: str) -> list[tuple[str, str]]:
    """ "upon request from an agency head: (i) formulate plans; (ii) estimate needs": the inline items a qualifier
    opens, when the item is one; else none."""
    qualifier, colon, listed = item.partition(":")
    return _inline_items(listed) if colon and _qualifies_its_items(f"{qualifier}:") else []


def _action(after_modal: str) -> str:
    """About the first dozen words of the verb phrase, skipping an interrupting ", in consultation with X,"."""
    text = _ASIDE_AFTER_MODAL.sub(" ", after_modal, count=1)
    words = re.sub(r"^\s*(?:each|jointly|also)\s+", "", text).split()
    return re.sub(r"[,;:]?\s*(?:\b(?:and|or)\b)?[,;:]?$", "", " ".join(words[:_ACTION_WORDS]))
