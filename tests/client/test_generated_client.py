"""A typed Python client generated from the committed spec (openapi-python-client), installed in a temporary venv
and used against a running server, as an integrator would in their first five minutes."""

import asyncio
import json
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import httpx
import pytest

from tests.paging import walk
from tests.serving import eokb_serve

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "openapi" / "v1.json"
BIN = Path(sys.executable).parent
GENERATOR = BIN / "openapi-python-client"


@pytest.fixture(scope="module")
def client_python(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A venv's python with the generated client installed by pip, offline: the venv sees this one's packages (the
    client's dependencies, pip and setuptools) through a .pth file, and has none of its own."""
    if not GENERATOR.is_file():
        pytest.skip("openapi-python-client is not installed (the dev extra has it)")
    work = tmp_path_factory.mktemp("generated")
    generated = subprocess.run(
        [GENERATOR, "generate", "--path", SPEC, "--output-path", work / "eokb-client", "--meta", "setup"],
        env={**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"},  # its ruff post-hook
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert generated.returncode == 0, generated.stdout + generated.stderr
    assert "Warning" not in generated.stdout + generated.stderr, generated.stdout + generated.stderr

    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", venv], check=True, timeout=120)
    python = venv / "bin" / "python"
    site = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    (Path(site) / "dependencies_from_the_project.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    installed = subprocess.run(
        [
            python,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            work / "eokb-client",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert installed.returncode == 0, installed.stdout + installed.stderr
    return python


def run_client(python: Path, base_url: str, eo_number: int, q: str, limit: int) -> dict:
    """The script's report; run outside the project, so `eokb_client` can only be the installed one."""
    ran = subprocess.run(
        [python, ROOT / "tests" / "client" / "use_client.py", base_url, str(eo_number), q, str(limit)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=python.parent,
    )
    assert ran.returncode == 0, ran.stderr
    return json.loads(ran.stdout)


async def expected(base_url: str, eo_number: int, q: str) -> dict:
    """What the API itself says, asked over plain HTTP."""
    async with httpx.AsyncClient(base_url=base_url) as http:
        order = (await http.get(f"/v1/orders/{eo_number}?include=obligations")).json()
        found = (await http.get("/v1/provisions", params={"q": q})).json()
        walked = await walk(http, "/v1/orders?sort=-signing_date&limit=1000")
    return {
        "walked": [o["eo_number"] for o in walked],
        "title": order["title"],
        "obligations": [o["id"] for o in order["obligations"]],
        "due_dates": {
            o["id"]: o["deadline"]["due_date"] for o in order["obligations"] if (o["deadline"] or {}).get("due_date")
        },
        "found": [p["id"] for p in found["data"]],
        "found_total": found["meta"]["total"],
        "highlights": [p["highlight"] for p in found["data"]],
    }


@pytest.mark.parametrize(
    ("database", "eo_number", "q", "limit"),
    [
        ("fixture_db", 15003, "treasury", 1),
        pytest.param("corpus_db", 14409, "frontier model", 200, marks=pytest.mark.corpus),
    ],
)
def test_the_generated_client_pages_fetches_and_searches_with_typed_models(
    client_python: Path,
    request: pytest.FixtureRequest,
    tmp_path: Path,
    database: str,
    eo_number: int,
    q: str,
    limit: int,
) -> None:
    url = request.getfixturevalue(database)
    with eokb_serve({"EOKB_DATABASE_URL": url}, tmp_path / "serve.log") as base_url:
        got = run_client(client_python, base_url, eo_number, q, limit)
        want = asyncio.run(expected(base_url, eo_number, q))
    assert {key: got[key] for key in want} == want
    assert got["pages"] == -(-len(want["walked"]) // limit) > 1, "walked by cursor, page after page"
    assert got["obligations"] and got["found"], "the order has obligations and the search finds provisions"
    assert (got["signing_date_type"], got["status_type"], got["modal_types"]) == ("date", "OrderStatus", ["Modal"])
    assert got["missing"] == {"status": 404, "type": "urn:eokb:problem:not-found"}
