"""GDELT and PLOVER exports: column names, merging, schema validation."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from talkwatch.errors import SchemaError
from talkwatch.store.exports.events import merge_events
from talkwatch.store.exports.gdelt import GDELT_COLUMNS, to_gdelt_rows, write_gdelt
from talkwatch.store.exports.plover import to_plover, validate_plover, write_plover


def digest(
    doc_id: str, url: str, outlet: str, published: str, events: list[dict[str, Any]]
) -> dict[str, Any]:
    return {
        "schema": "talkwatch.digest/1",
        "document": {"id": doc_id, "url": url, "source": outlet, "published": published},
        "actors": [
            {"id": "a1", "name": "Colombian government", "cameo": "COLGOV", "country": "COL"},
            {"id": "a2", "name": "ELN", "cameo": "COLREB", "country": "COL"},
            {"id": "a3", "name": "United Nations", "cameo": "IGOUNO", "country": None},
        ],
        "events": events,
    }


def event(
    cameo: str,
    plover: str,
    source: str | None,
    target: str | None,
    *,
    mode: str | None = None,
    start: int = 0,
    date: str = "2024-05-02",
) -> dict[str, Any]:
    return {
        "date": date,
        "source": source,
        "target": target,
        "cameo": cameo,
        "plover": plover,
        "mode": mode,
        "context": None,
        "goldstein": None,
        "quad_class": None,
        "location": "Havana, CUB",
        "evidence": {"start": start, "end": start + 20, "text": "The two sides met in Havana."},
    }


@pytest.fixture
def digests() -> list[dict[str, Any]]:
    talks = event("046", "CONSULT", "a1", "a2")
    return [
        digest(
            "d1",
            "https://news.example.org/a",
            "Example News",
            "2024-05-02",
            [talks, event("045", "CONSULT", "a3", "a1", start=900)],
        ),
        digest(
            "d2",
            "https://wire.example.com/b",
            "Example Wire",
            "2024-05-03",
            [talks, event("057", "SUPPORT", "a1", "a2", mode="negated", start=40)],
        ),
        digest("d3", "https://news.example.org/c", "Example News", "2024-05-03", [talks]),
    ]


def test_gdelt_export_reads_back_with_pandas(tmp_path: Path, digests: list[dict[str, Any]]) -> None:
    pd = pytest.importorskip("pandas")
    path = tmp_path / "events.tsv"
    n = write_gdelt(path, digests)
    frame = pd.read_csv(path, sep="\t", dtype={"EventCode": str, "EventBaseCode": str, "EventRootCode": str})
    assert list(frame.columns) == list(GDELT_COLUMNS)
    assert len(frame) == n == 2  # the talks merged; the negated signing left out
    talks = frame[frame.EventCode == "046"].iloc[0]
    assert (talks.NumMentions, talks.NumArticles, talks.NumSources) == (3, 3, 2)
    assert (talks.Actor1Code, talks.Actor1CountryCode, talks.Actor1Type1Code) == (
        "COLGOV",
        "COL",
        "GOV",
    )
    assert (talks.Actor2Code, talks.Actor2Name) == ("COLREB", "ELN")
    assert (talks.SQLDATE, talks.MonthYear, talks.Year) == (20240502, 202405, 2024)
    assert (talks.EventBaseCode, talks.EventRootCode, talks.QuadClass) == ("046", "04", 1)
    assert talks.GoldsteinScale == 7.0 and talks.IsRootEvent == 1
    assert talks.SOURCEURL == "https://news.example.org/a"
    mediation = frame[frame.EventCode == "045"].iloc[0]
    assert mediation.Actor1KnownGroupCode == "UNO" and mediation.IsRootEvent == 0
    assert mediation.ActionGeo_FullName == "Havana, CUB"


def test_gdelt_rows_from_plain_event_dicts() -> None:
    rows = list(
        to_gdelt_rows(
            [
                dict(
                    event("0871", "RETREAT", "x", None),
                    document="d9",
                    url="https://e.example/x",
                    published="2024-01-02",
                    source_name="Houthis",
                    source_code="YEMREB",
                )
            ]
        )
    )
    assert rows[0]["EventCode"] == "0871" and rows[0]["EventBaseCode"] == "087"
    assert rows[0]["Actor1Name"] == "HOUTHIS" and rows[0]["DATEADDED"] == 20240102000000
    buf = io.StringIO()
    write_gdelt(buf, rows and [dict(event("0871", "RETREAT", None, None), document="d9")], header=False)
    assert buf.getvalue().count("\t") == len(GDELT_COLUMNS) - 1


def test_merge_counts_same_date_actors_and_code_only() -> None:
    base = dict(event("046", "CONSULT", "a1", "a2"), source_code="COLGOV", target_code="COLREB")
    other_day = dict(base, date="2024-05-09", document="d2")
    merged = merge_events([dict(base, document="d1"), other_day, dict(base, document="d1")])
    counts = sorted((m["num_mentions"], m["num_articles"]) for m in merged)
    assert counts == [(1, 1), (2, 1)]


def test_plover_records_validate(tmp_path: Path, digests: list[dict[str, Any]]) -> None:
    path = tmp_path / "events.jsonl"
    n = write_plover(path, digests)
    records = [json.loads(line) for line in path.read_text().splitlines()]
    assert len(records) == n == 5
    for rec in records:
        validate_plover(rec)
    neg = next(r for r in records if r["cameo"] == "057")
    assert (neg["event"], neg["mode"]) == ("SUPPORT", "negated")
    talks = next(r for r in records if r["cameo"] == "046")
    assert talks["source"][0] == {
        "actorText": "Colombian government",
        "code": "COL",
        "sector": "GOV",
        "id": "a1",
    }
    assert talks["url"].startswith("https://") and talks["date"] == "2024-05-02"
    un = next(r for r in records if r["cameo"] == "045")
    assert un["source"][0]["code"] == "IGO" and un["source"][0]["group"] == "UNO"


def test_invalid_records_and_inputs_give_one_line_errors(digests: list[dict[str, Any]]) -> None:
    rec = next(to_plover(digests))
    with pytest.raises(SchemaError, match="event"):
        validate_plover(dict(rec, event="FIGHT"))
    with pytest.raises(SchemaError):
        list(to_gdelt_rows(["not an event"]))
    with pytest.raises(SchemaError):
        list(to_gdelt_rows([{"date": "2024-01-01"}]))
