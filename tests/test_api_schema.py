"""Issue 8: schemathesis fuzzes every operation of the app's own OpenAPI spec, in process (ASGI, no
socket), with a bounded budget: no answer is a server error, and every answer conforms to the
spec (status code, content type, headers, body schema).

Runs against a SQLite and a PostgreSQL store holding a few events, hostile text included, so the
generated requests hit real rows, not only empty answers.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import schemathesis
from schemathesis.checks import not_a_server_error, positive_data_acceptance
from schemathesis.core.failures import FailureGroup
from hypothesis import HealthCheck, given, settings
from storekit import izium_report, make_article, make_event, make_processed, pg_cluster, store, store_url  # noqa: F401

from sitrep.api import create_app
from sitrep.config import Settings
from sitrep.store import Store

EXAMPLES = 25  # per operation: about ten operations, a few seconds each on two cores
TOKEN = "schema-fuzz-token"


def _fill(store: Store) -> None:
    store.save(izium_report("a1", story_id="s1"))
    store.save(izium_report("a2", story_id="s1"), relation="copy", similarity=0.95)
    hostile = '<img src=x onerror="alert(1)"> Izium was shelled'
    article = make_article("h1", f"{hostile} at dawn. =cmd|' /C calc'!A0", story_id="s9")
    store.save(make_processed(article, make_event(article, hostile, event_type="Explosions/Remote violence",
                                                  sub_event_type="Air/drone strike")))


@pytest.fixture
def app_schema(store: Store) -> Iterator[schemathesis.BaseSchema]:
    """The spec as the app serves it, loaded through the ASGI app itself (loopback, no socket).
    Writes are on (a token is set) so the write endpoint is fuzzed too; it must refuse without it."""
    _fill(store)
    app = create_app(store, Settings(api_token=TOKEN), process=None)
    yield schemathesis.openapi.from_asgi("/openapi.json", app)


def fuzz(app_schema: schemathesis.BaseSchema, checks: list | None, excluded: list | None = None) -> list[str]:
    """Every operation, each with its own Hypothesis budget; the failures, one entry per operation.
    (Not ``schemathesis.pytest.from_fixture``: on pytest 9 it fails setting a private node id.)"""
    operations = [result.ok() for result in app_schema.get_all_operations()]
    assert len(operations) >= 8, [op.label for op in operations]
    failures: list[str] = []
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True,
                  suppress_health_check=list(HealthCheck))
        def check(case: schemathesis.Case) -> None:
            case.call_and_validate(checks=checks, excluded_checks=excluded)

        try:
            check()
        except (Exception, FailureGroup) as exc:  # noqa: BLE001  (collected: one report of every failing operation)
            failures.append(f"{operation.label}: {exc}")
    return failures


def test_no_request_gets_a_server_error(app_schema: schemathesis.BaseSchema) -> None:
    failures = fuzz(app_schema, [not_a_server_error])
    assert not failures, "\n\n".join(failures)


def test_every_answer_conforms_to_the_spec(app_schema: schemathesis.BaseSchema) -> None:
    """Status codes, content types, headers and bodies as documented, and 4xx for invalid input.

    Not checked: that every schema-valid request is accepted (positive_data_acceptance). A bbox
    is four comma-separated numbers *within the globe, west before east*, a date window has
    since <= until: the API rightly answers 422 to values that OpenAPI cannot rule out."""
    failures = fuzz(app_schema, None, excluded=[positive_data_acceptance])
    assert not failures, "\n\n".join(failures)
