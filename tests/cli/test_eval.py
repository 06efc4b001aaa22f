"""`eokb eval`: the scores of what the database holds against gold labels, with the misses and extras named."""

import json
import os
import subprocess
from pathlib import Path

from tests.cli.test_import import EOKB

GOLD = {
    "executive_order_number": 15003,
    "obligations": [
        {  # matched, right deadline and actor
            "section": "2(a)",
            "modal": "shall",
            "actors": ["Secretary of the Treasury"],
            "deadline": {"days_after_signing": 30},
            "quote": "the Secretary of the Treasury shall report on outstanding deadlines.",
        },
        {  # matched, wrong deadline (the order says no date), wrong actor
            "section": "2(c)",
            "modal": "may",
            "actors": ["Secretary of State"],
            "deadline": {"days_after_signing": 10},
            "quote": "The Secretary of the Treasury may designate a liaison for each agency.",
        },
        {  # not extracted: a miss
            "section": "2(b)",
            "modal": "shall",
            "actors": ["Secretary of the Treasury"],
            "deadline": None,
            "quote": "The report described in section 2(a) of this order shall be made public.",
        },
        {  # borderline and not extracted: no miss
            "section": "3(a)",
            "modal": "shall",
            "actors": [],
            "deadline": None,
            "borderline": True,
            "quote": "This order shall be implemented consistent with applicable law.",
        },
    ],
}


def test_eval_scores_and_names_misses_and_extras(fixture_db: str, tmp_path: Path) -> None:
    (tmp_path / "EO_15003.json").write_text(json.dumps(GOLD))
    env = {**os.environ, "EOKB_DATABASE_URL": fixture_db, "COLUMNS": "200"}
    result = subprocess.run([EOKB, "eval", str(tmp_path)], env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    row = next(line for line in result.stdout.splitlines() if "15003" in line and "│" in line)
    cells = [cell.strip() for cell in row.strip("│ ").split("│")]
    # 3 extracted (2(a), 2(c), 2(d)), 3 real gold, 2 matched: P 2/3, R 2/3; deadlines 1/2; actors 1/2
    assert cells == ["15003", "3", "3", "2", "0.667", "0.667", "0.667", "0.500", "0.500"]
    assert "missed 2(b) shall" in result.stdout
    assert "extra 2(d) shall" in result.stdout
    assert "deadline 2(c)" in result.stdout and "actors 2(c)" in result.stdout


def test_eval_without_gold_files_is_an_error(fixture_db: str, tmp_path: Path) -> None:
    env = {**os.environ, "EOKB_DATABASE_URL": fixture_db}
    result = subprocess.run([EOKB, "eval", str(tmp_path)], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "EO_*.json" in result.stderr
