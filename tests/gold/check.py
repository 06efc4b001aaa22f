"""Check gold label files against their order's text: quotes verbatim and short, every modal accounted for.

    python tests/gold/check.py ../shared/corpus tests/gold/EO_13089.json [...]

Prints each problem and exits 1 when there is any. The rules are those of CONVENTIONS.md's completeness check:
every match of shall/should/must/may/is directed/encouraged/expected to lies inside the quote (or lead-in quote)
of a labelled obligation or of a listed exclusion, and every quote is a verbatim substring of the text after
whitespace is collapsed, at most 300 characters long.
"""

import json
import re
import sys
from pathlib import Path

MODAL = re.compile(
    r"\b(?:shall|should|must|may)\b|\b(?:is|are)\s+(?:hereby\s+)?(?:further\s+|also\s+)?(?:directed|encouraged|expected)\s+to\b",
    re.IGNORECASE,
)
MAX_QUOTE = 300


def collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def quotes_of(labels: dict) -> list[tuple[str, str]]:
    """(where, quote) for every quote a label file holds."""
    found = []
    for item in labels.get("obligations", []):
        for key in ("quote", "lead_in_quote"):
            if item.get(key):
                found.append((f"{item.get('id')} {key}", item[key]))
        found += [(f"{item.get('id')} alt_quotes", quote) for quote in item.get("alt_quotes") or []]
    found += [(f"exclusion {item.get('section')}", item["quote"]) for item in labels.get("exclusions", [])]
    return found


def problems(labels: dict, text: str) -> list[str]:
    text = collapse(text)
    out: list[str] = []
    covered = [False] * len(text)
    for where, quote in quotes_of(labels):
        quote = collapse(quote)
        if len(quote) > MAX_QUOTE:
            out.append(f"{where}: quote of {len(quote)} characters (at most {MAX_QUOTE})")
        start = text.find(quote)
        if start < 0:
            out.append(f"{where}: not verbatim: {quote[:80]!r}")
        while start >= 0:
            covered[start : start + len(quote)] = [True] * len(quote)
            start = text.find(quote, start + 1)
    for match in MODAL.finditer(text):
        if not all(covered[match.start() : match.end()]):
            context = text[max(0, match.start() - 80) : match.end() + 60]
            out.append(f"modal {match.group(0)!r} at {match.start()} in no quote: ...{context}...")
    return out


def main() -> None:
    corpus, files = Path(sys.argv[1]), [Path(arg) for arg in sys.argv[2:]]
    documents = {
        doc["executive_order_number"]: doc
        for doc in map(json.loads, (corpus / "documents.jsonl").read_text().splitlines())
    }
    failed = False
    for path in files:
        labels = json.loads(path.read_text())
        doc = documents[labels["executive_order_number"]]
        found = problems(labels, (corpus / doc["corpus"]["text"]).read_text())
        print(f"{path}: {'ok' if not found else f'{len(found)} problems'}")
        for problem in found:
            print(f"  {problem}")
        failed |= bool(found)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
