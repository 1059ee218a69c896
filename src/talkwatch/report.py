"""The readable terminal report of one digest: meetings, attendance, quotes, positions, agreements.

Every string that comes from an article (titles, names, quotes) is printed as
text, never read as rich markup or as terminal escape sequences: table cells
are ``sanitize.as_text`` (a rich Text, not parsed), text inside a markup line
goes through ``sanitize.for_terminal``.
"""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

from .model import Article
from .sanitize import as_text
from .sanitize import for_terminal as t

#: characters of a title shown in the rule above the report
TITLE_SHOWN = 200


def _names(digest: dict[str, Any]) -> dict[str, str]:
    """Actor id -> name (as found in the article: not yet safe to print)."""
    return {a["id"]: a["name"] for a in digest.get("actors", [])}


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
            table.add_row(*map(as_text, cells))
        console.print(table)
    if digest["participations"]:
        table = Table(title="Attendance", title_justify="left")
        for col in ("actor", "meeting", "status", "role", "hedged"):
            table.add_column(col, overflow="fold")
        for p in digest["participations"]:
            who, meeting = names.get(p["actor"], p["actor"]), meetings[p["meeting"]]["name"]
            cells = (who, meeting, p["status"], p["role"], "yes" if p["hedged"] else "")
            table.add_row(*map(as_text, cells))
        console.print(table)
    for q in digest["quotes"]:
        who = t(names.get(q["speaker"] or "", q.get("speaker_text") or "?"))
        console.print(f"[bold]{who}[/bold]: \u201c{t(q['text'])}\u201d", highlight=False)
    for p in digest["positions"]:
        who = t(names.get(p["actor"], p["actor"]))
        console.print(f"position: [bold]{who}[/bold] {t(p['stance'])} {t(p['issue'])}", highlight=False)
    for a in digest["agreements"]:
        brokers = t(", ".join(names.get(b, b) for b in a["brokers"]))
        console.print(
            f"agreement: {t(a['kind'])} since {t(a['start'] or '?')}"
            + (f", brokered by {brokers}" if brokers else ""),
            highlight=False,
        )
