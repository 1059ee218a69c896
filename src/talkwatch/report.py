"""The readable terminal report of one digest: meetings, attendance, quotes, positions, agreements."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

from .model import Article


def _names(digest: dict[str, Any]) -> dict[str, str]:
    return {a["id"]: a["name"] for a in digest.get("actors", [])}


def render(digest: dict[str, Any], article: Article | None = None, console: Console | None = None) -> None:
    """Print a compact report of a digest to the terminal."""
    console = console or Console()
    names = _names(digest)
    doc = digest["document"]
    console.rule(f"[bold]{doc.get('title') or (article.path if article else doc['id'][:12])}")
    console.print(f"published {doc.get('published') or 'unknown'}")
    meetings = {m["id"]: m for m in digest["meetings"]}
    if meetings:
        t = Table(title="Meetings", title_justify="left")
        for col in ("meeting", "venue", "start", "end", "status", "history"):
            t.add_column(col)
        for m in meetings.values():
            history = " -> ".join(f"{h['status']} {h['start'] or ''}".strip() for h in m["history"])
            t.add_row(
                m["name"],
                m["venue"]["city"] or "",
                m["start"] or "",
                m["end"] or "",
                m["status"] or "",
                history,
            )
        console.print(t)
    if digest["participations"]:
        t = Table(title="Attendance", title_justify="left")
        for col in ("actor", "meeting", "status", "role", "hedged"):
            t.add_column(col)
        for p in digest["participations"]:
            t.add_row(
                names.get(p["actor"], p["actor"]),
                meetings[p["meeting"]]["name"],
                p["status"],
                p["role"] or "",
                "yes" if p["hedged"] else "",
            )
        console.print(t)
    for q in digest["quotes"]:
        who = names.get(q["speaker"] or "", q.get("speaker_text") or "?")
        console.print(f"[bold]{who}[/bold]: \u201c{q['text']}\u201d", highlight=False)
    for p in digest["positions"]:
        console.print(
            f"position: [bold]{names.get(p['actor'], p['actor'])}[/bold] {p['stance']} {p['issue']}",
            highlight=False,
        )
    for a in digest["agreements"]:
        brokers = ", ".join(names.get(b, b) for b in a["brokers"])
        console.print(
            f"agreement: {a['kind']} since {a['start'] or '?'}"
            + (f", brokered by {brokers}" if brokers else ""),
            highlight=False,
        )
