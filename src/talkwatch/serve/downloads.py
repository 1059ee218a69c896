"""Downloads: CSV of any list the API or a page shows, and the meeting page's tables.

A list is downloaded through the API with the page's own parameters plus
``format=csv`` (or ``Accept: text/csv``), so the file holds exactly the rows
the page shows. CSV cells are flattened (``venue.city``) and guarded against
formula injection: a cell from an article that starts with ``=``, ``+``,
``-`` or ``@`` gets a leading apostrophe, so a spreadsheet shows it as text.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Annotated, Any

from fastapi import APIRouter, Path, Request
from fastapi.responses import Response

from ..store.record import Record
from .deps import answer

CSV = "text/csv; charset=utf-8"
JSON = "application/json"
FORMULA = ("=", "+", "-", "@", "\t", "\r")

router = APIRouter(include_in_schema=False)


def wants_csv(request: Request, fmt: str | None) -> bool:
    """``format=csv``, or a client that asks for CSV before JSON."""
    if fmt:
        return fmt == "csv"
    accept = request.headers.get("accept", "")
    return "text/csv" in accept and "application/json" not in accept


def _flat(item: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in item.items():
        if isinstance(v, dict):
            out |= _flat(v, f"{prefix}{k}.")
        elif isinstance(v, list):
            out[prefix + k] = "; ".join(
                json.dumps(x, ensure_ascii=False) if isinstance(x, dict | list) else str(x)
                for x in v)
        else:
            out[prefix + k] = v
    return out


def _cell(value: Any) -> str:
    if value is None:
        return ""
    text = str(value)
    return "'" + text if text.startswith(FORMULA) else text


def to_csv(items: list[dict[str, Any]]) -> bytes:
    """Rows as CSV with a header of every column seen, in first-seen order."""
    rows = [_flat(i) for i in items]
    columns: dict[str, None] = {}
    for r in rows:
        columns.update(dict.fromkeys(r))
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(list(columns))
    for r in rows:
        writer.writerow([_cell(r.get(c)) for c in columns])
    return buf.getvalue().encode("utf-8")


def dump(items: list[dict[str, Any]]) -> bytes:
    return json.dumps(items, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


# --- the meeting page's tables ----------------------------------------------------------


def history_rows(m: dict[str, Any]) -> list[dict[str, Any]]:
    """The meeting's status history, one row per statement (what the page folds into runs)."""
    return [{"reported": h.get("reported"), "status": h.get("status"), "start": h.get("start"),
             "document": h.get("document"), "evidence": (h.get("evidence") or {}).get("text")}
            for h in m["history"]]


def attendance_rows(m: dict[str, Any]) -> list[dict[str, Any]]:
    """The meeting's attendance: one row per actor, latest status, role and statements."""
    out = []
    for p in sorted(m["participants"], key=lambda p: ((p.get("name") or p["actor"]).casefold(),
                                                      p["actor"])):
        last = (p.get("history") or [{}])[-1]
        out.append({"meeting": m["id"], "actor": p["actor"], "actor_name": p.get("name"),
                    "status": p.get("status"), "role": p.get("role"),
                    "statements": len(p.get("history") or []),
                    "latest_reported": last.get("reported"),
                    "latest_evidence": (last.get("evidence") or {}).get("text"),
                    "latest_document": last.get("document")})
    return out


TABLES = {"history": history_rows, "attendance": attendance_rows}


@router.get("/meetings/{meeting_id}/{table}.{fmt}")
def meeting_table(request: Request, meeting_id: Annotated[str, Path(max_length=300)],
                  table: Annotated[str, Path(pattern="^(history|attendance)$")],
                  fmt: Annotated[str, Path(pattern="^(csv|json)$")]) -> Response:
    """``/meetings/ID/history.csv``, ``attendance.json``...: a table of the meeting page."""
    def produce(rec: Record) -> bytes:
        rows = TABLES[table](rec.meeting(meeting_id))
        return to_csv(rows) if fmt == "csv" else dump(rows)

    response = answer(request, CSV if fmt == "csv" else JSON, produce)
    response.headers["content-disposition"] = f'attachment; filename="{table}.{fmt}"'
    return response
