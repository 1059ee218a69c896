"""Property-based checks of the JSON API against its own OpenAPI description (schemathesis).

Every documented operation is called with generated parameters; each answer
must be documented (status code, content type, schema) and never a server
error. Examples are bounded so the whole module runs in well under a minute.
(Hypothesis is driven directly: schemathesis' pytest plugin does not support
the pytest version in use.)
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402

from talkwatch.serve import create_app  # noqa: E402
from web_fixtures import DEV, build  # noqa: E402

pytestmark = pytest.mark.slow
EXAMPLES = 30

if not DEV.is_dir():  # pragma: no cover
    pytest.skip("dev set missing", allow_module_level=True)

OPERATIONS = ["/api/meetings", "/api/meetings/{meeting_id}", "/api/processes", "/api/actors",
              "/api/actors/{actor_id}", "/api/articles", "/api/articles/{article_id}",
              "/api/facts", "/api/search", "/api/conflicts", "/api/corrections"]


@pytest.fixture(scope="module")
def api_schema(nlp: Any) -> Any:
    db: Path = build()[0]
    app = create_app(db, cache_size=0)  # every generated call really runs its queries
    return schemathesis.openapi.from_asgi("/api/openapi.json", app)


def test_every_operation_is_covered(api_schema: Any) -> None:
    paths = {r.ok().path for r in api_schema.get_all_operations()}
    assert paths == set(OPERATIONS)


@pytest.mark.parametrize("path", OPERATIONS)
def test_api_conforms(api_schema: Any, path: str) -> None:
    operation = api_schema[path]["GET"]

    @given(case=operation.as_strategy())
    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    def check(case: Any) -> None:
        case.call_and_validate()

    check()
