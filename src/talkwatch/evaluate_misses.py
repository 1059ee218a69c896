"""Error analysis in one command: every missed and extra fact with the sentence it comes from.

Gold facts carry no offsets, so a missed fact is shown with the digest's nearest candidate
(same actor, speaker, quote opening or agreement kind) and that candidate's evidence; when
there is none, with the first sentence of the article that names it. Extra facts carry
evidence offsets in the digest, so their sentence is printed. Article text is data: it is
printed as ``rich.text.Text``, never parsed as markup.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from rich.console import Console
from rich.text import Text

from .evaluate import KINDS, ArticleResult, Finding, actor_names, names_match, norm

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)]*\s+|\n+")
_OUTCOME_STYLE = {"missed": "bold red", "extra": "bold yellow", "wrong": "bold magenta"}


def sentence_at(body: str, offset: int) -> str:
    """The sentence of ``body`` that contains ``offset`` (cut at . ! ? and line breaks)."""
    start = 0
    for m in _SENTENCE_END.finditer(body):
        if m.end() > offset:
            return body[start : m.start()].strip()
        start = m.end()
    return body[start:].strip()


def first_sentence_naming(body: str, names: Iterable[str]) -> str | None:
    """The first sentence naming any of ``names`` (whole words, case-insensitive)."""
    hits = []
    for name in names:
        name = str(name or "").strip()
        if len(name) > 1:
            m = re.search(rf"(?<!\w){re.escape(name)}(?!\w)", body, re.IGNORECASE)
            if m:
                hits.append(m.start())
    return sentence_at(body, min(hits)) if hits else None


def _evidence(fact: dict[str, Any], body: str) -> str | None:
    """The sentence a predicted fact cites: its evidence span, re-read from the body."""
    ev = fact.get("evidence")
    if isinstance(ev, list):
        ev = ev[0] if ev else None
    if not isinstance(ev, dict):
        return None
    start, end = ev.get("start"), ev.get("end")
    if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(body):
        return body[start:end].strip()
    return (ev.get("text") or "").strip() or None


def _meeting_label(digest: dict[str, Any], meeting_id: Any, keys: dict[str, str]) -> str:
    """The predicted meeting's name and the gold meeting it was matched to, if any."""
    name = next((m.get("name") for m in digest.get("meetings") or [] if m.get("id") == meeting_id), None)
    return f"{name or meeting_id} [gold: {keys.get(meeting_id, 'unmatched')}]"


def describe_pred(
    kind: str, p: dict[str, Any], digest: dict[str, Any], keys: dict[str, str] | None = None
) -> str:
    """A predicted fact in one line, with names instead of ids and the gold meeting it matched."""
    if kind == "meetings":
        return (
            f"{_meeting_label(digest, p.get('id'), keys or {})} (city={(p.get('venue') or {}).get('city')}, "
            f"start={p.get('start')}, status={p.get('status')})"
        )
    who = (actor_names(digest, p.get("actor") or p.get("speaker")) or [""])[0]
    if kind == "participations":
        label = _meeting_label(digest, p.get("meeting"), keys or {})
        return f"{label} | {who} | {p.get('status')} (role={p.get('role')})"
    if kind == "quotes":
        return f"{who or p.get('speaker_text') or '?'}: {(p.get('text') or '')[:60]}"
    if kind == "positions":
        return f"{who} | {p.get('stance')} | {p.get('issue')}"
    return f"{p.get('kind')} start={p.get('start')}"


def describe_gold(kind: str, g: dict[str, Any], gold: dict[str, Any]) -> str:
    """A gold fact in one line, with the meeting's first name instead of its key."""
    if kind == "meetings":
        names = ", ".join(map(str, g.get("names") or []))
        where = f"city={g.get('venue_city')}, start={g.get('start')}, status={g.get('status')}"
        return f"{g.get('key')}: [{names}] ({where})"
    if kind == "participations":
        meeting = next((m for m in gold.get("meetings") or [] if m.get("key") == g.get("meeting")), {})
        label = (meeting.get("names") or [g.get("meeting")])[0]
        who = ", ".join(g["actor"])
        return f"{label} [gold: {g.get('meeting')}] | {who} | {g.get('status')} (role={g.get('role')})"
    if kind == "quotes":
        return f"{', '.join(g['speaker'])}: {g.get('starts_with')}"
    if kind == "positions":
        return f"{', '.join(g['actor'])} | {g.get('stance')} | {', '.join(map(str, g.get('issue') or []))}"
    return f"{g.get('kind')} start={g.get('start')}"


def candidate(kind: str, g: dict[str, Any], digest: dict[str, Any]) -> dict[str, Any] | None:
    """The digest's nearest fact to a missed gold fact, or None: what the extractor said instead."""
    preds = digest.get(kind) or []
    if kind == "meetings":
        best = max(((_meeting_overlap(g, p), i) for i, p in enumerate(preds)), default=(0, -1))
        return preds[best[1]] if best[0] > 0 else None
    if kind == "quotes":
        opening = norm(g.get("starts_with", ""))
        same = [p for p in preds if norm(p.get("text", "")).startswith(opening)]
        if same:
            return same[0]
        return next(
            (p for p in preds if names_match(actor_names(digest, p.get("speaker")), g["speaker"])), None
        )
    if kind == "agreements":
        return next((p for p in preds if p.get("kind") == g.get("kind")), None)
    same_actor = [p for p in preds if names_match(actor_names(digest, p.get("actor")), g["actor"])]
    key = "status" if kind == "participations" else "stance"
    same_actor.sort(key=lambda p: p.get(key) != g.get(key))
    return same_actor[0] if same_actor else None


def _meeting_overlap(g: dict[str, Any], p: dict[str, Any]) -> int:
    """Shared content words of the names, plus 2 for the same city: how alike two meetings look."""
    gold_words = {w for n in g.get("names") or [] for w in norm(n).split() if len(w) > 3}
    pred_words = {w for n in [p.get("name"), *(p.get("aliases") or [])] if n for w in norm(n).split()}
    city = norm(g.get("venue_city") or "")
    return len(gold_words & pred_words) + 2 * bool(
        city and norm((p.get("venue") or {}).get("city") or "") == city
    )


def _gold_sentence(kind: str, g: dict[str, Any], body: str) -> str | None:
    if kind == "quotes":
        at = body.casefold().find(str(g.get("starts_with", "")).casefold())
        return sentence_at(body, at) if at >= 0 else None
    names = {"meetings": "names", "participations": "actor", "positions": "actor"}.get(kind)
    if names:
        return first_sentence_naming(body, g.get(names) or [])
    return first_sentence_naming(body, [g.get("kind") or ""])


def finding_lines(f: Finding, r: ArticleResult) -> Iterator[Text]:
    """The lines that show one finding: what it is, and the sentence(s) behind it."""
    kind = f.kind
    if f.outcome == "wrong":
        yield _line(
            f.outcome,
            f"{f.attribute}: gold={f.gold.get(f.attribute)} predicted={f.pred.get(f.attribute)}"
            f"  [{describe_pred(kind, f.pred, r.digest, r.score.meeting_keys)}]",
        )
        yield from _quote("evidence", _evidence(f.pred, r.body))
        return
    if f.outcome == "extra":
        yield _line(f.outcome, describe_pred(kind, f.pred, r.digest, r.score.meeting_keys))
        yield from _quote("evidence", _evidence(f.pred, r.body))
        return
    yield _line(f.outcome, describe_gold(kind, f.gold, r.gold))
    near = candidate(kind, f.gold, r.digest)
    if near is not None:
        yield Text.assemble(
            ("      nearest: ", "cyan"), describe_pred(kind, near, r.digest, r.score.meeting_keys)
        )
        yield from _quote("evidence", _evidence(near, r.body))
    else:
        yield from _quote("text", _gold_sentence(kind, f.gold, r.body))


def _line(outcome: str, what: str) -> Text:
    return Text.assemble(("    ", ""), (f"{outcome:7}", _OUTCOME_STYLE[outcome]), " ", what)


def _quote(label: str, sentence: str | None) -> Iterator[Text]:
    if sentence:
        yield Text.assemble(
            (f"      {label}: ", "dim"), ("\u00ab" + " ".join(sentence.split()) + "\u00bb", "italic")
        )


def print_misses(results: Iterable[ArticleResult], console: Console | None = None) -> None:
    """Print every finding, grouped by article, then by fact kind."""
    console = console or Console(highlight=False)
    for r in results:
        if not r.score.findings:
            continue
        console.print(Text(f"# {r.article}", style="bold"))
        for kind in KINDS:
            found = [f for f in r.score.findings if f.kind == kind]
            if found:
                console.print(Text(f"  {kind}", style="bold blue"))
                for f in found:
                    for line in finding_lines(f, r):
                        console.print(line)
