"""Property-based tests of every operation in the committed spec, against the served API on real Postgres.

schemathesis generates valid and invalid requests from openapi/v1.json and runs all of its checks on each answer:
no server errors, status codes and content types the spec documents, bodies and headers that match its schemas,
invalid input refused and valid input accepted.
"""

from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from tests.serving import eokb_serve

SPEC = Path(__file__).resolve().parents[2] / "openapi" / "v1.json"
schema = schemathesis.openapi.from_path(SPEC)


@pytest.fixture(scope="module")
def served(fixture_db: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`eokb serve` over the fixture database."""
    log = tmp_path_factory.mktemp("schemathesis") / "serve.log"
    with eokb_serve({"EOKB_DATABASE_URL": fixture_db}, log) as base_url:
        yield base_url


@schemathesis.check
def refusals_name_the_parameter(ctx: object, response: schemathesis.Response, case: schemathesis.Case) -> None:
    """A 400 or 422 is problem+json naming a parameter the request gave (or a required one it left out)."""
    if response.status_code not in (400, 422):
        return
    body = response.json()
    named = {error["parameter"] for error in body.get("errors") or []}
    assert named, f"a {response.status_code} that names no parameter: {body}"
    assert all(name in body["detail"] for name in named), body


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_every_operation_holds_to_the_spec(case: schemathesis.Case, served: str) -> None:
    # Opaque cursors, unknown slugs and relevance without q are valid by the schema and refused by meaning,
    # so schema-valid requests may be refused: with a 422 that names the parameter (checked above).
    case.call_and_validate(
        base_url=served,
        excluded_checks=[schemathesis.checks.positive_data_acceptance],
        additional_checks=[refusals_name_the_parameter],
    )
