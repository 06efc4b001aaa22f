"""Reading a corpus-format folder: good documents, and bad ones named with their reason."""

from pathlib import Path

import orjson
import pytest

from app.ingest.document import RejectedDocument, SourceDocument
from app.ingest.sources import dump
from tests.conftest import DUMP


def test_reads_every_line_in_order() -> None:
    items = list(dump.read_documents(DUMP))
    assert dump.count_documents(DUMP) == len(items) == 8
    good = [item for item in items if isinstance(item, SourceDocument)]
    assert [item.document.executive_order_number for item in good] == [15001, 15002, 15003, 15004, 15005]
    assert good[0].xml is not None and good[0].text is None
    assert good[2].text is not None and good[2].document.document_number is None
    assert good[3].xml is None and good[3].text is None


def test_bad_lines_are_rejected_with_a_reason() -> None:
    rejected = [item for item in dump.read_documents(DUMP) if isinstance(item, RejectedDocument)]
    reasons = {item.name: item.reason for item in rejected}
    assert reasons["documents.jsonl line 5"].startswith("not JSON")
    assert "signing_date" in reasons["EO 15006 (documents.jsonl line 6)"]
    assert "2030-00107.txt" in reasons["EO 15007 (documents.jsonl line 7)"]


def test_without_corpus_key_files_are_found_by_document_number(tmp_path: Path) -> None:
    (tmp_path / "text").mkdir()
    (tmp_path / "text" / "2029-04001.txt").write_text("Sec. 1. Text.\n")
    (tmp_path / "documents.jsonl").write_text(
        '{"executive_order_number": 15002, "document_number": "2029-04001", "title": "T",'
        ' "president": {"identifier": "donald-trump", "name": "Donald Trump"}, "signing_date": "2029-03-03"}\n'
    )
    [item] = dump.read_documents(tmp_path)
    assert isinstance(item, SourceDocument) and item.text == "Sec. 1. Text.\n"
    assert dump.read_agencies(tmp_path) == ([], [])


def test_unreadable_folder_is_a_dump_error(tmp_path: Path) -> None:
    with pytest.raises(dump.DumpError, match="documents.jsonl"):
        list(dump.read_documents(tmp_path))
    (tmp_path / "documents.jsonl").write_text("")
    (tmp_path / "agencies.json").write_text("{")
    with pytest.raises(dump.DumpError, match="agencies.json"):
        dump.read_agencies(tmp_path)


def _document(**corpus: object) -> str:
    return (
        '{"executive_order_number": 15020, "title": "T", "president": {"identifier": "donald-trump", "name": "D"},'
        f' "signing_date": "2030-01-01", "corpus": {orjson.dumps(corpus).decode()}}}\n'
    )


@pytest.mark.parametrize(
    ("corpus", "reason"),
    [
        ({"text": "../outside.txt"}, "outside the folder"),
        ({"text": 5}, "not a path"),
        ({"xml": "xml/empty.xml"}, "is empty"),
    ],
)
def test_body_files_must_be_readable_files_inside_the_folder(
    tmp_path: Path, corpus: dict[str, object], reason: str
) -> None:
    folder = tmp_path / "dump"
    (folder / "xml").mkdir(parents=True)
    (folder / "xml" / "empty.xml").write_text("")
    (tmp_path / "outside.txt").write_text("Sec. 1. Text.\n")
    (folder / "documents.jsonl").write_text(_document(**corpus))
    [item] = dump.read_documents(folder)
    assert isinstance(item, RejectedDocument) and reason in item.reason


def test_bad_agency_entries_are_named_and_the_rest_kept(tmp_path: Path) -> None:
    good = {"id": 1, "slug": "one-agency", "name": "One Agency"}
    entries = [good, {"slug": "no-id", "name": "No Id"}, "not an object", {**good, "name": "Again"}]
    (tmp_path / "agencies.json").write_bytes(orjson.dumps(entries))
    agencies, rejected = dump.read_agencies(tmp_path)
    assert [agency.slug for agency in agencies] == ["one-agency"]
    assert [item.name for item in rejected] == ["agencies.json item 2", "agencies.json item 3", "agencies.json item 4"]
    assert "given twice" in rejected[2].reason
