"""How far two annotators agree: the second's labels scored against the first's with the rules of SCORING.md.

    python tests/gold/agreement.py tests/gold/annotations/A tests/gold/annotations/B [--detail]

Prints, per order, the scores of B read as if it were an extractor against A as gold, and with --detail every
obligation one has and the other lacks, and every deadline or actor they read differently: the list the
adjudication settles.
"""

import json
import sys
from pathlib import Path
from typing import Any

from app.evaluation import OrderScore, score_order


def as_extracted(label: dict[str, Any]) -> dict[str, Any]:
    """A gold label in the API's obligation shape, so the scorer can read it as extracted."""
    deadline = label.get("deadline")
    shaped = None
    if deadline:
        kind = next(k for k in ("days_after_event", "days_after_signing", "date", "recurring") if k in deadline)
        shaped = {
            "kind": kind,
            "days": deadline.get("days_after_event", deadline.get("days_after_signing")),
            "due_date": deadline.get("date"),
            "recurrence": deadline.get("recurring"),
        }
    return {
        "section": label["section"],
        "modal": label["modal"],
        "actors": [{"name": name} for name in label["actors"]],
        "deadline": shaped,
        "text": label["quote"],
    }


def main() -> None:
    first, second = Path(sys.argv[1]), Path(sys.argv[2])
    detail = "--detail" in sys.argv
    total = OrderScore(0)
    print(f"{'EO':>6} {'A':>4} {'B':>4} {'agreed':>6} {'P':>6} {'R':>6} {'F1':>6} {'dl':>6} {'actors':>6}")
    for path in sorted(first.glob("EO_*.json")):
        other = second / path.name
        if not other.is_file():
            continue
        a, b = json.loads(path.read_text()), json.loads(other.read_text())
        score = score_order(a["executive_order_number"], a["obligations"], map(as_extracted, b["obligations"]))
        total.add(score)
        print(
            f"{score.eo_number:>6} {score.gold:>4} {score.extracted:>4} {score.matched:>6} {score.precision:>6.3f} "
            f"{score.recall:>6.3f} {score.f1:>6.3f} {score.deadline_accuracy:>6.3f} {score.actor_accuracy:>6.3f}"
        )
        if detail:
            for miss in score.misses:
                print(f"    only A {miss['section']} {miss['modal']} {miss['actors']}: {miss['quote'][:100]}")
            for extra in score.extras:
                print(f"    only B {extra['section']} {extra['modal']}: {extra['text'][:100]}")
            for gold, got in score.wrong_deadlines:
                print(f"    deadline {gold['section']}: A {gold.get('deadline')}, B {got['deadline']}")
            for gold, got in score.wrong_actors:
                print(f"    actors {gold['section']}: A {gold['actors']}, B {[a['name'] for a in got['actors']]}")
    print(
        f"{'all':>6} {total.gold:>4} {total.extracted:>4} {total.matched:>6} {total.precision:>6.3f} "
        f"{total.recall:>6.3f} {total.f1:>6.3f} {total.deadline_accuracy:>6.3f} {total.actor_accuracy:>6.3f}"
    )


if __name__ == "__main__":
    main()
