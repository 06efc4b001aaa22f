"""Draw the orders of the project's own gold set: a seeded random draw, stratified by president.

    python tests/gold/draw.py ../shared/corpus [--seed 14] [--per-president 3] [--modals 10-45] [--exclude tests/gold]

The population is every order with a complete text (the corpus README lists the texts it knows to be incomplete)
whose number of modal verbs lies in the range, so that each order is long enough to test the rules and short enough
for two annotators to label; the dev orders of ../shared/gold, and those already in the --exclude folders, are left
out. Prints one line per order drawn.
"""

import argparse
import json
import random
import re
from pathlib import Path

DEV_ORDERS = {13960, 14179, 14365, 14409}
MODAL = re.compile(r"\b(?:shall|should|must|may)\b|\b(?:is|are)\s+directed\s+to\b")


def incomplete_orders(corpus: Path) -> set[int]:
    """EO numbers the corpus README names as texts with signs of lost text."""
    readme = (corpus / "README.md").read_text()
    listed = re.search(r"treat these \d+ texts as incomplete:(?P<numbers>[^\n]+)", readme)
    return {int(n) for n in re.findall(r"\d{5}", listed.group("numbers"))} if listed else set()


def labelled(folders: list[Path]) -> set[int]:
    return {int(path.stem.removeprefix("EO_")) for folder in folders for path in folder.glob("EO_*.json")}


def population(corpus: Path, modals: range, skip: set[int]) -> dict[str, list[dict]]:
    skip = skip | DEV_ORDERS | incomplete_orders(corpus)
    by_president: dict[str, list[dict]] = {}
    for line in (corpus / "documents.jsonl").read_text().splitlines():
        doc = json.loads(line)
        path = doc["corpus"]["text"]
        if not path or doc["executive_order_number"] in skip:
            continue
        if len(MODAL.findall((corpus / path).read_text())) in modals:
            by_president.setdefault(doc["president"]["identifier"], []).append(doc)
    return by_president


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--per-president", type=int, default=3)
    parser.add_argument("--modals", default="10-45", help="how many modal verbs an order may have: LOW-HIGH")
    parser.add_argument("--exclude", type=Path, action="append", default=[], help="a folder of labels to leave out")
    args = parser.parse_args()
    low, high = (int(bound) for bound in args.modals.split("-"))
    rng = random.Random(args.seed)
    for president, docs in sorted(population(args.corpus, range(low, high + 1), labelled(args.exclude)).items()):
        docs.sort(key=lambda doc: doc["executive_order_number"])
        for doc in sorted(rng.sample(docs, args.per_president), key=lambda doc: doc["executive_order_number"]):
            print(
                f"{doc['executive_order_number']}\t{president}\t{doc['signing_date']}\t{doc['corpus']['text']}\t"
                f"{doc['title']}"
            )


if __name__ == "__main__":
    main()
