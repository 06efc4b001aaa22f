"""A synthetic corpus N times the size of the real one, for measuring eokb at the scale it will grow to.

Each copy of the corpus keeps every order's text and XML (so an import parses and extracts as much as it would for
real orders) under a fresh EO number, document number and dates. Copy 0 is the corpus itself; copy k adds k times
the corpus's span of EO numbers to every number in that span, in the metadata, notes, title, text and XML alike,
so each copy's orders revoke and amend each other as the originals do; dates move by k times the corpus's span of
signing dates. It reads and writes one document at a time, so memory stays flat whatever the scale, and writes
documents.jsonl last, under a temporary name, so a folder holding it is complete.

    .venv/bin/python bench/synthesize.py [--scale 50] [--out /tmp/eokb-bench/corpus-x50]
"""

import re
import shutil
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Annotated, Any

import orjson
import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"
EO_NUMBER_LIMIT = 100_000  # the API takes EO numbers below this
MANIFEST = "synthesis.json"

_FIVE_DIGITS = re.compile(rb"(?<!\d)\d{5}(?!\d)")

err = Console(stderr=True)


def default_folder(scale: int) -> Path:
    return Path("/tmp/eokb-bench") / f"corpus-x{scale}"


@dataclass(frozen=True)
class Spans:
    """The corpus's EO numbers and signing dates, which each copy moves past the previous one's."""

    first_eo: int
    last_eo: int
    first_signed: date
    last_signed: date
    documents: int

    @property
    def eo_step(self) -> int:
        return self.last_eo - self.first_eo + 1

    @property
    def date_step(self) -> timedelta:
        return self.last_signed - self.first_signed + timedelta(days=1)


def measure(corpus: Path) -> Spans:
    spans = Spans(EO_NUMBER_LIMIT, 0, date.max, date.min, 0)
    with (corpus / "documents.jsonl").open("rb") as lines:
        for line in lines:
            if line.strip():
                document = orjson.loads(line)
                number, signed = document["executive_order_number"], date.fromisoformat(document["signing_date"])
                spans = Spans(
                    min(spans.first_eo, number),
                    max(spans.last_eo, number),
                    min(spans.first_signed, signed),
                    max(spans.last_signed, signed),
                    spans.documents + 1,
                )
    if not spans.documents:
        raise SystemExit(f"{corpus / 'documents.jsonl'} holds no documents")
    return spans


class Copy:
    """The k-th copy: how its EO numbers, references and dates differ from the corpus's."""

    def __init__(self, spans: Spans, k: int) -> None:
        self.spans, self.k = spans, k
        self.eo_shift, self.date_shift = k * spans.eo_step, k * spans.date_step

    def numbers(self, data: bytes) -> bytes:
        """Every five-digit number in the corpus's EO span moved to this copy's: references follow their order."""

        def move(match: re.Match[bytes]) -> bytes:
            number = int(match[0])
            in_span = self.spans.first_eo <= number <= self.spans.last_eo
            return str(number + self.eo_shift).encode() if in_span else match[0]

        return _FIVE_DIGITS.sub(move, data) if self.k else data

    def text(self, value: str | None) -> str | None:
        return None if value is None else self.numbers(value.encode()).decode()

    def date(self, value: str | None) -> str | None:
        return None if value is None else (date.fromisoformat(value) + self.date_shift).isoformat()

    def document(self, corpus: Path, out: Path, document: dict[str, Any]) -> dict[str, Any]:
        """The document under its new number, dates and file names, its text and XML written to `out`."""
        eo_number = document["executive_order_number"] + self.eo_shift
        original = document["document_number"]
        number = f"{original}-x{self.k}" if original and self.k else original
        stem = number or f"EO-{eo_number}"
        files = dict(document.get("corpus") or {})
        for kind, suffix in (("text", "txt"), ("xml", "xml")):
            if files.get(kind):
                target = f"{kind}/{stem}.{suffix}"
                (out / target).write_bytes(self.numbers((corpus / files[kind]).read_bytes()))
                files[kind] = target
        return {
            **document,
            "executive_order_number": eo_number,
            "document_number": number,
            "title": self.text(document["title"]),
            "signing_date": self.date(document["signing_date"]),
            "publication_date": self.date(document["publication_date"]),
            "executive_order_notes": self.text(document["executive_order_notes"]),
            "disposition_notes": self.text(document["disposition_notes"]),
            "corpus": files,
        }


def is_complete(out: Path, corpus: Path, scale: int) -> bool:
    """Whether `out` already holds this synthesis, finished."""
    manifest = out / MANIFEST
    if not (out / "documents.jsonl").is_file() or not manifest.is_file():
        return False
    return orjson.loads(manifest.read_bytes()) == {"source": str(corpus.resolve()), "scale": scale}


def synthesize(corpus: Path, out: Path, scale: int) -> None:
    """Write the corpus `scale` times into `out`, replacing whatever it held."""
    if out.resolve().is_relative_to(REPO):
        raise SystemExit(f"{out} is inside the repository: write synthetic corpora elsewhere (default /tmp)")
    spans = measure(corpus)
    if spans.last_eo + (scale - 1) * spans.eo_step >= EO_NUMBER_LIMIT:
        raise SystemExit(f"at scale {scale} EO numbers would reach {EO_NUMBER_LIMIT}, which the API refuses")
    shutil.rmtree(out, ignore_errors=True)
    for folder in ("text", "xml"):
        (out / folder).mkdir(parents=True)
    shutil.copyfile(corpus / "agencies.json", out / "agencies.json")
    partial = out / "documents.jsonl.partial"
    with (
        partial.open("wb") as written,
        Progress(
            TextColumn(f"synthesizing x{scale}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err,
            disable=not err.is_terminal,
        ) as progress,
    ):
        task = progress.add_task("synthesize", total=scale * spans.documents)
        for k in range(scale):
            copy = Copy(spans, k)
            with (corpus / "documents.jsonl").open("rb") as lines:
                for line in lines:
                    if line.strip():
                        written.write(orjson.dumps(copy.document(corpus, out, orjson.loads(line))) + b"\n")
                        progress.advance(task)
    (out / MANIFEST).write_bytes(orjson.dumps({"source": str(corpus.resolve()), "scale": scale}))
    partial.rename(out / "documents.jsonl")


def ensure(corpus: Path, scale: int, out: Path | None = None) -> Path:
    """The synthetic corpus at `scale`, generated only when its folder does not already hold it."""
    out = out or default_folder(scale)
    if is_complete(out, corpus, scale):
        err.print(f"using the synthetic corpus in {out}")
    else:
        synthesize(corpus, out, scale)
    return out


def main(
    scale: Annotated[int, typer.Option(min=1, help="How many copies of the corpus.")] = 50,
    corpus: Annotated[Path, typer.Option(help="The corpus to multiply.")] = DEFAULT_CORPUS,
    out: Annotated[Path | None, typer.Option(help="Where to write it (default /tmp/eokb-bench/corpus-xN).")] = None,
) -> None:
    """Write a corpus-format folder `scale` times the corpus, or reuse the one already written there."""
    print(ensure(corpus, scale, out))


if __name__ == "__main__":
    typer.run(main)
