"""A local folder in the corpus format: documents.jsonl, xml/, text/, agencies.json.

Each documents.jsonl line is an FR API document; its optional `corpus` object names the text and XML files.
Without it, `xml/{document_number}.xml` and `text/{document_number}.txt` are used when present.
"""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
from pydantic import ValidationError

from app.ingest.document import FRAgency, FRDocument, RejectedDocument, SourceDocument


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


def read_agencies(folder: Path) -> tuple[list[FRAgency], list[RejectedDocument]]:
    """The FR /agencies dump (nothing when the folder has none), and the entries that are not agencies."""
    path = folder / "agencies.json"
    if not path.is_file():
        return [], []
    try:
        entries = orjson.loads(path.read_bytes())
    except orjson.JSONDecodeError as error:
        raise DumpError(f"{path}: not JSON ({error})") from error
    if not isinstance(entries, list):
        raise DumpError(f"{path}: expected a JSON array of agencies")
    agencies: dict[int, FRAgency] = {}
    rejected = []
    for number, entry in enumerate(entries, start=1):
        where = f"agencies.json item {number}"
        try:
            agency = FRAgency.model_validate(entry)
        except ValidationError as error:
            rejected.append(RejectedDocument(name=where, reason=_describe(error)))
            continue
        if agency.id in agencies:
            rejected.append(RejectedDocument(name=where, reason=f"agency id {agency.id} given twice"))
            continue
        agencies[agency.id] = agency
    return list(agencies.values()), rejected


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
    except (OSError, UnicodeDecodeError, ValueError) as error:
        return RejectedDocument(name=name, reason=f"cannot read text: {error}")
    corpus = raw.get("corpus") if isinstance(raw.get("corpus"), dict) else {}
    return SourceDocument(document=document, xml=xml, text=text, text_source=corpus.get("text_source"))


def _read_body(folder: Path, raw: dict[str, Any], document: FRDocument) -> tuple[bytes | None, str | None]:
    corpus = raw.get("corpus")
    if isinstance(corpus, dict):
        xml_file, text_file = _inside(folder, corpus.get("xml")), _inside(folder, corpus.get("text"))
    else:
        stem = document.document_number or f"EO-{document.executive_order_number}"
        xml_file, text_file = folder / "xml" / f"{stem}.xml", folder / "text" / f"{stem}.txt"
        xml_file = xml_file if xml_file.is_file() else None
        text_file = text_file if text_file.is_file() else None
    xml = xml_file.read_bytes() if xml_file else None
    text = text_file.read_text(encoding="utf-8") if text_file else None
    for file, body in ((xml_file, xml), (text_file, text)):
        if file and not (body or "").strip():
            raise ValueError(f"{file.relative_to(folder.resolve())} is empty")
    return xml, text


def _inside(folder: Path, relative: object) -> Path | None:
    """A file named by the document, which must be a path inside the dump folder."""
    if relative is None:
        return None
    if not isinstance(relative, str) or not relative:
        raise ValueError(f"file name {relative!r} is not a path")
    root = folder.resolve()
    path = (root / relative).resolve()
    if not path.is_relative_to(root):
        raise ValueError(f"{relative} is outside the folder")
    return path


def _describe(error: ValidationError) -> str:
    return "; ".join(
        f"{'.'.join(str(part) for part in item['loc']) or 'document'}: {item['msg']}" for item in error.errors()
    )
