"""Events as GDELT 2.0 event rows (tab-separated, every column in GDELT's order).

Statements whose mode is "negated" are left out of GDELT rows unless their
code is itself a refusal (12x), since GDELT has no negation field.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import IO, Any

from ...extract.events import codes
from .events import NON_STATE, event_id, merge_events, normalize_events, output

GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
)


def _parse_date(value: str | None) -> date | None:
    if not value:
        return None
    parts = str(value)[:10].split("-")
    try:
        y = int(parts[0])
        m = int(parts[1]) if len(parts) > 1 else 1
        d = int(parts[2]) if len(parts) > 2 else 1
        return date(y, m, d)
    except (ValueError, IndexError):
        return None


def _actor_columns(prefix: str, code: str | None, name: str | None) -> dict[str, Any]:
    code = (code or "").upper()
    first = code[:3]
    cols: dict[str, Any] = {f"{prefix}Code": code, f"{prefix}Name": (name or "").upper()}
    if first in NON_STATE:
        cols[f"{prefix}KnownGroupCode"] = code[3:6]
    elif first:
        cols[f"{prefix}CountryCode"] = first
    rest = code[3:] if first not in NON_STATE else code[6:]
    for i, part in enumerate(rest[j : j + 3] for j in range(0, min(len(rest), 9), 3)):
        cols[f"{prefix}Type{i + 1}Code"] = part
    return cols


def _gdelt_keep(e: dict[str, Any]) -> bool:
    return e.get("mode") != "negated" or e["cameo"][:2] == "12"


def to_gdelt_rows(
    data: Any, actors: dict[str, Any] | None = None, documents: dict[str, Any] | None = None
) -> Iterator[dict[str, Any]]:
    """GDELT 2.0 event rows (every column, in order; empty where talkwatch has no value)."""
    events = [e for e in normalize_events(data, actors, documents) if _gdelt_keep(e)]
    for m in merge_events(events):
        row = codes.lookup(m["cameo"])
        day = _parse_date(m.get("date")) or _parse_date(m.get("published"))
        added = _parse_date(m.get("published")) or day
        out: dict[str, Any] = dict.fromkeys(GDELT_COLUMNS, "")
        out.update(
            {
                "GLOBALEVENTID": event_id(m["key"]),
                "IsRootEvent": int(m["is_root"]),
                "EventCode": row.code,
                "EventBaseCode": row.base,
                "EventRootCode": row.root,
                "QuadClass": row.quad_class,
                "GoldsteinScale": m.get("goldstein") if m.get("goldstein") is not None else row.goldstein,
                "NumMentions": m["num_mentions"],
                "NumSources": m["num_sources"],
                "NumArticles": m["num_articles"],
                "SOURCEURL": m.get("url") or "",
            }
        )
        if day is not None:
            out.update(
                {
                    "SQLDATE": int(day.strftime("%Y%m%d")),
                    "MonthYear": int(day.strftime("%Y%m")),
                    "Year": day.year,
                    "FractionDate": round(day.year + (day.timetuple().tm_yday - 1) / 365.0, 4),
                }
            )
        if added is not None:
            out["DATEADDED"] = int(added.strftime("%Y%m%d") + "000000")
        out.update(_actor_columns("Actor1", m.get("source_code"), m.get("source_name")))
        out.update(_actor_columns("Actor2", m.get("target_code"), m.get("target_name")))
        if m.get("location"):
            out["ActionGeo_FullName"] = m["location"]
        yield out


def write_gdelt(
    path_or_file: str | Path | IO[str],
    data: Any,
    actors: dict[str, Any] | None = None,
    documents: dict[str, Any] | None = None,
    *,
    header: bool = True,
) -> int:
    """Write tab-separated GDELT rows (GDELT's own files have no header line); returns the count."""
    with output(path_or_file) as fh:
        writer = csv.DictWriter(fh, fieldnames=list(GDELT_COLUMNS), delimiter="\t",
                                lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        if header:
            writer.writeheader()
        n = 0
        for row in to_gdelt_rows(data, actors, documents):
            writer.writerow(row)
            n += 1
        return n
