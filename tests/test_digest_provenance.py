"""Every fact of a digest names the rule set that produced it (``extractor``), set in one place."""

from __future__ import annotations

import pytest

from talkwatch import digests
from talkwatch.extract import EXTRACTORS
from talkwatch.model import FACT_KINDS

ARTICLE = (
    "GENEVA, March 5 - Talks between the government of Kaweri and the Northern Front opened in "
    "Geneva on Monday, hosted by Switzerland. The Northern Front sent a delegation of ten, "
    'led by Amos Leta. "We want a ceasefire first," Leta told reporters. The government '
    "rejected any amnesty. Both sides agreed a truce on Tuesday."
)


@pytest.mark.slow
def test_each_fact_records_its_extractor_name_and_the_schema_accepts_it(run):
    digest = run(ARTICLE)
    found = {kind for kind in FACT_KINDS if digest[kind]}
    assert {"meetings", "participations", "quotes"} <= found, found
    for kind in FACT_KINDS:
        assert {fact["extractor"] for fact in digest[kind]} <= {EXTRACTORS[kind].NAME}
    assert all("extractor" not in d for d in digest["dates"])  # dates come from no extractor
    digests.validate(digest)


def test_the_schema_leaves_the_field_optional():
    """Digests written before provenance (no ``extractor``) still validate."""
    schema_kinds = digests._validator().schema["properties"]
    for kind in FACT_KINDS:
        item = schema_kinds[kind]["items"]
        assert "extractor" in item["properties"] and "extractor" not in item["required"]
