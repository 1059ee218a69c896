"""The readable terminal report of one digest: meetings, attendance, quotes, positions, agreements.

Every string that comes from an article (titles, names, quotes) goes through
``sanitize.for_terminal``: it is printed as text, never read as rich markup
or as terminal escape sequences.
"""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

from .model import Article
from .sanitize import for_terminal as t

#: characters of a title shown in the rule above the report
TITLE_SHOWN = 200


def _names(digest: dict[str, Any]) -> dict[str, str]:
    """Actor id -> name, ready to print."""
    return {a["id"]: t(a["name"]) for a in digest.get("actors", [])}


def _title(digest: dict[str, Any], article: Article | None) -> str:
    doc = digest["document"]
    title = doc.get("title") or (article.path if article else None) or doc["id"][:12]
    title = str(title)
    return t(title if len(title) <= TITLE_SHOWN else title[: TITLE_SHOWN - 1] + "\u2026")


def render(digest: dict[str, Any], article: Article | None = None, console: Console | None = None) -> None:
    """Print a compact report of a digest to the terminal."""
    console = console or Console()
    names = _names(digest)
    doc = digest["document"]
    console.rule(f"[bold]{_title(digest, article)}")
    console.print(f"published {t(doc.get('published') or 'unknown')}", highlight=False)
    meetings = {m["id"]: m for m in digest["meetings"]}
    if meetings:
        table = Table(title="Meetings", title_justify="left")
        for col in ("meeting", "venue", "start", "end", "status", "history"):
            table.add_column(col, overflow="fold")
        for m in meetings.values():
            history = " -> ".join(f"{h['status']} {h['start'] or ''}".strip() for h in m["history"])
            cells = (m["name"], m["venue"]["city"], m["start"], m["end"], m["status"], history)
            table.add_row(*map(t, cells))
        console.print(table)
    if digest["participations"]:
        table = Table(title="Attendance", title_justify="left")
        for col in ("actor", "meeting", "status", "role", "hedged"):
            table.add_column(col, overflow="fold")
        for p in digest["participations"]:
            table.add_row(
                names.get(p["actor"], t(p["actor"])),
                t(meetings[p["meeting"]]["name"]),
                t(p["status"]),
                t(p["role"]),
                "yes" if p["hedged"] else "",
            )
        console.print(table)
    for q in digest["quotes"]:
        who = names.get(q["speaker"] or "", t(q.get("speaker_text") or "?"))
        console.print(f"[bold]{who}[/bold]: \u201c{t(q['text'])}\u201d", highlight=False)
    for p in digest["positions"]:
        who = names.get(p["actor"], t(p["actor"]))
        console.print(f"position: [bold]{who}[/bold] {t(p['stance'])} {t(p['issue'])}", highlight=False)
    for a in digest["agreements"]:
        brokers = ", ".join(names.get(b, t(b)) for b in a["brokers"])
        console.print(
            f"agreement: {t(a['kind'])} since {t(a['start'] or '?')}"
            + (f", brokered by {brokers}" if brokers else ""),
            highlight=False,
        )
