"""A local folder in the corpus format: documents.jsonl, xml/, text/, agencies.json.

Each documents.jsonl line is an FR API document; its optional `corpus` object names the text and XML files.
Without it, `xml/{document_number}.xml` and `text/{document_number}.txt` are used when present.
"""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
from pydantic import ValidationError

from app.ingest.document import FRDocument, RejectedDocument, SourceDocument


class DumpError(Exception):
    """The folder as a whole cannot be read (as opposed to one bad document in it)."""


def documents_path(folder: Path) -> Path:
    path = folder / "documents.jsonl"
    if not path.is_file():
        raise DumpError(f"{folder} has no documents.jsonl")
    return path


def count_documents(folder: Path) -> int:
    with documents_path(folder).open("rb") as lines:
        return sum(1 for line in lines if line.strip())


def read_agencies(folder: Path) -> list[dict[str, Any]]:
    """The FR /agencies dump, or nothing when the folder has none."""
    path = folder / "agencies.json"
    if not path.is_file():
        return []
    try:
        agencies = orjson.loads(path.read_bytes())
    except orjson.JSONDecodeError as error:
        raise DumpError(f"{path}: not JSON ({error})") from error
    if not isinstance(agencies, list):
        raise DumpError(f"{path}: expected a JSON array of agencies")
    return agencies


def read_documents(folder: Path) -> Iterator[SourceDocument | RejectedDocument]:
    """Every line of documents.jsonl as a source document, or as a rejection naming the line and why."""
    with documents_path(folder).open("rb") as lines:
        for number, line in enumerate(lines, start=1):
            if line.strip():
                yield _read_line(folder, line, f"documents.jsonl line {number}")


def _read_line(folder: Path, line: bytes, where: str) -> SourceDocument | RejectedDocument:
    try:
        raw = orjson.loads(line)
    except orjson.JSONDecodeError as error:
        return RejectedDocument(name=where, reason=f"not JSON: {error}")
    if not isinstance(raw, dict):
        return RejectedDocument(name=where, reason="not a JSON object")
    number = raw.get("executive_order_number")
    name = f"EO {number} ({where})" if number is not None else where
    try:
        document = FRDocument.model_validate(raw)
    except ValidationError as error:
        return RejectedDocument(name=name, reason=_describe(error))
    try:
        xml, text = _read_body(folder, raw, document)
    except (OSError, UnicodeDecodeError) as error:
        return RejectedDocument(name=name, reason=f"cannot read text: {error}")
    corpus = raw.get("corpus") if isinstance(raw.get("corpus"), dict) else {}
    return SourceDocument(document=document, xml=xml, text=text, text_source=corpus.get("text_source"))


def _read_body(folder: Path, raw: dict[str, Any], document: FRDocument) -> tuple[bytes | None, str | None]:
    corpus = raw.get("corpus")
    if isinstance(corpus, dict):
        xml_path, text_path = corpus.get("xml"), corpus.get("text")
        xml = (folder / xml_path).read_bytes() if xml_path else None
        text = (folder / text_path).read_text(encoding="utf-8") if text_path else None
        return xml, text
    stem = document.document_number or f"EO-{document.executive_order_number}"
    xml_file, text_file = folder / "xml" / f"{stem}.xml", folder / "text" / f"{stem}.txt"
    return (
        xml_file.read_bytes() if xml_file.is_file() else None,
        text_file.read_text(encoding="utf-8") if text_file.is_file() else None,
    )


def _describe(error: ValidationError) -> str:
    return "; ".join(
        f"{'.'.join(str(part) for part in item['loc']) or 'document'}: {item['msg']}" for item in error.errors()
    )
