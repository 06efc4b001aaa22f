"""Draw the orders of the project's own gold set: a seeded random draw, stratified by president.

    python tests/gold/draw.py ../shared/corpus [--seed 14] [--per-president 3]

The population is every order with a complete text (the corpus README lists the texts it knows to be incomplete)
that has between 10 and 45 modal verbs, so that each order is long enough to test the rules and short enough for
two annotators to label; the dev orders of ../shared/gold are left out. Prints one line per order drawn.
"""

import argparse
import json
import random
import re
from pathlib import Path

DEV_ORDERS = {13960, 14179, 14365, 14409}
MODAL = re.compile(r"\b(?:shall|should|must|may)\b|\b(?:is|are)\s+directed\s+to\b")
MODALS_MIN, MODALS_MAX = 10, 45


def incomplete_orders(corpus: Path) -> set[int]:
    """EO numbers the corpus README names as texts with signs of lost text."""
    readme = (corpus / "README.md").read_text()
    listed = re.search(r"treat these \d+ texts as incomplete:(?P<numbers>[^\n]+)", readme)
    return {int(n) for n in re.findall(r"\d{5}", listed.group("numbers"))} if listed else set()


def population(corpus: Path) -> dict[str, list[dict]]:
    skip = DEV_ORDERS | incomplete_orders(corpus)
    by_president: dict[str, list[dict]] = {}
    for line in (corpus / "documents.jsonl").read_text().splitlines():
        doc = json.loads(line)
        path = doc["corpus"]["text"]
        if not path or doc["executive_order_number"] in skip:
            continue
        modals = len(MODAL.findall((corpus / path).read_text()))
        if MODALS_MIN <= modals <= MODALS_MAX:
            by_president.setdefault(doc["president"]["identifier"], []).append(doc)
    return by_president


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--per-president", type=int, default=3)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    for president, docs in sorted(population(args.corpus).items()):
        docs.sort(key=lambda doc: doc["executive_order_number"])
        for doc in sorted(rng.sample(docs, args.per_president), key=lambda doc: doc["executive_order_number"]):
            print(
                f"{doc['executive_order_number']}\t{president}\t{doc['signing_date']}\t{doc['corpus']['text']}\t"
                f"{doc['title']}"
            )


if __name__ == "__main__":
    main()
