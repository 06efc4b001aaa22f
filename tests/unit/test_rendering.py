"""How the explorer writes the API's fields as HTML."""

from app.formats.highlight import highlight, query_stems
from app.web.rendering import anchor, deadline_words, marked


def test_a_highlight_keeps_its_marks_and_escapes_its_text() -> None:
    text = "Sec. 2. Where x < y & <b>bold</b>, the Secretary of the Treasury shall report."
    shown = str(marked(highlight(text, query_stems("'treasuri'"))))
    assert "<mark>Treasury</mark>" in shown
    assert "x &lt; y &amp; &lt;b&gt;bold&lt;/b&gt;" in shown
    assert "<b>" not in shown


def test_a_provision_anchor_is_its_place_in_the_order() -> None:
    assert anchor("eo-14409-2-d") == "2-d"
    assert anchor("eo-14409-3-b-ii") == "3-b-ii"
    assert anchor("eo-14409-preamble") == "preamble"


def test_deadlines_in_words() -> None:
    assert deadline_words(None) == "none set"
    assert deadline_words({"kind": "days_after_signing", "days": 30}) == "30 days after signing"
    assert deadline_words({"kind": "days_after_event", "days": 60, "event": "the report"}) == "60 days after the report"
    assert deadline_words({"kind": "days_after_event", "days": None, "event": "enactment"}) == "enactment"
    assert deadline_words({"kind": "recurring", "recurrence": "annually"}) == "annually"
    assert deadline_words({"kind": "date", "due_date": "2030-01-01"}) == "by a set date"
