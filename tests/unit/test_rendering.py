"""How the explorer writes the API's fields as HTML."""

from markupsafe import Markup

from app.formats.highlight import highlight, query_stems
from app.web.rendering import anchor, deadline_words, marked, marked_sentences


def test_a_highlight_keeps_its_marks_and_escapes_its_text() -> None:
    text = "Sec. 2. Where x < y & <b>bold</b>, the Secretary of the Treasury shall report."
    shown = str(marked(highlight(text, query_stems("'treasuri'"))))
    assert "<mark>Treasury</mark>" in shown
    assert "x &lt; y &amp; &lt;b&gt;bold&lt;/b&gt;" in shown
    assert "<b>" not in shown


def test_each_sentence_is_marked_once_its_text_escaped_and_an_overlapping_one_left_in_the_earlier_mark() -> None:
    text = "Where x < y & z: the Secretary shall act & report. Agencies shall <help>."
    acts = [text.index("the Secretary"), text.index(" Agencies")]
    overlapping = [text.index("report"), text.index("help")]
    helps = [text.index("Agencies"), len(text)]
    provisions = [{"id": "eo-1-2-a", "text": text}, {"id": "eo-1-2-b", "text": "None <here> & now."}]
    obligations = [
        {"id": "eo-1-2-a-1", "provision_id": "eo-1-2-a", "span": acts},
        {"id": "eo-1-2-a-2", "provision_id": "eo-1-2-a", "span": acts},
        {"id": "eo-1-2-a-3", "provision_id": "eo-1-2-a", "span": overlapping},
        {"id": "eo-1-2-a-4", "provision_id": "eo-1-2-a", "span": helps},
    ]
    sentences = marked_sentences(provisions, obligations)
    assert sentences.texts == {
        "eo-1-2-a": Markup(
            'Where x &lt; y &amp; z: <mark class="obligation" id="ob-eo-1-2-a-1">the Secretary shall act &amp; report.'
            '</mark> <mark class="obligation" id="ob-eo-1-2-a-4">Agencies shall &lt;help&gt;.</mark>'
        ),
        "eo-1-2-b": Markup("None &lt;here&gt; &amp; now."),
    }
    assert all(isinstance(shown, Markup) for shown in sentences.texts.values())
    assert sentences.mark_ids == {
        "eo-1-2-a-1": "ob-eo-1-2-a-1",
        "eo-1-2-a-2": "ob-eo-1-2-a-1",
        "eo-1-2-a-3": "ob-eo-1-2-a-1",
        "eo-1-2-a-4": "ob-eo-1-2-a-4",
    }


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
