"""The process a merged meeting belongs to, named from its reports' words or the gazetteer.

Reports rarely fill a meeting's ``process``, but they name it in passing: the
extractor keeps names such as "the Astana process", "intra-Afghan
negotiations" or "Arusha talks" among a meeting's aliases. A name is proper
modifiers before a process head (``data/rules/en/processes.yaml``); one
article suffices for a process head ("process", "track"), two for "talks" or
"negotiations". The record's process of a meeting is then, in order: what its
reports state as the process; a process head they use; the gazetteer's
process of its participants ("Syria talks", ``cells.process_of``); a name of
talks not built on the venue ("intra-Afghan negotiations") before it, one
built on it ("Arusha talks") after it.
"""

from __future__ import annotations

import functools
import json
import re
from collections import Counter
from typing import Any

from .. import lexicon


@functools.cache
def _lexicon() -> dict[str, Any]:
    raw = lexicon.load("processes")
    return {"heads": frozenset(raw["heads"]), "strong": frozenset(raw["strong_heads"]),
            "common": frozenset(raw["common_modifiers"]), "agents": tuple(raw["agent_suffixes"])}


def _proper(token: str) -> bool:
    """A capitalized word, a hyphenated one with a capitalized part ("intra-Afghan"), not a
    common word that opens a sentence ("Peace talks") nor a mediator ("UN-backed")."""
    lex = _lexicon()
    low = token.lower().strip("'’")
    if low in lex["common"] or low.endswith(lex["agents"]) or low.endswith(("'s", "’s")):
        return False
    return any(part[:1].isupper() for part in token.split("-"))


def candidate(name: str) -> tuple[str, str] | None:
    """(the name, its head) when ``name`` names a process, else None."""
    lex = _lexicon()
    words = re.sub(r"^(?:the|a|an)\s+", "", name.strip(), flags=re.I).split()
    if len(words) < 2 or len(words) > 6 or words[-1].lower() not in lex["heads"]:
        return None
    mods = words[:-1]
    if not _proper(mods[0]):
        return None
    for w in mods[1:]:
        low = w.lower()
        if not (_proper(w) or low in lex["common"] or re.fullmatch(r"[IVX]+|\d{1,2}", w)):
            return None
        if low.endswith(lex["agents"]):
            return None
    return " ".join(words), words[-1].lower()


def from_reports(reports: list[dict[str, Any]]) -> tuple[str | None, str | None]:
    """The best name the reports use: (a process head's, talks' not built on the venue),
    and separately the best one built on the venue, as (strong or named, venue-like)."""
    by_key: dict[str, Counter[str]] = {}
    docs: dict[str, set[str]] = {}
    heads: dict[str, str] = {}
    venues = {w.lower() for r in reports for v in (r.get("city"), r.get("country")) if v
              for w in str(v).split()}
    for r in reports:
        names = {r.get("name") or ""} | set(json.loads(r.get("aliases") or "[]"))
        for n in sorted(names):
            found = candidate(n)
            if found is None:
                continue
            key = found[0].lower()
            by_key.setdefault(key, Counter())[found[0]] += 1
            docs.setdefault(key, set()).add(r["doc_id"])
            heads[key] = found[1]
    strong = _best([k for k in by_key if heads[k] in _lexicon()["strong"]], docs, heads)
    named = _best([k for k in by_key if len(docs[k]) >= 2 and heads[k] not in _lexicon()["strong"]
                   and not set(k.split()[:-1]) & venues], docs, heads)
    venue = _best([k for k in by_key if len(docs[k]) >= 2 and set(k.split()[:-1]) & venues],
                  docs, heads)
    spelled = {k: min(c, key=lambda s: (-c[s], s)) for k, c in by_key.items()}
    return (spelled[strong or named] if strong or named else None,
            spelled[venue] if venue else None)


def _best(keys: list[str], docs: dict[str, set[str]], heads: dict[str, str]) -> str | None:
    return min(keys, key=lambda k: (-len(docs[k]), -len(k), k)) if keys else None


def name(backend: Any, meeting_id: str, stated: str | None, gazetteer: str | None) -> str | None:
    """The process of a meeting for the record (see the module's order)."""
    if stated:
        return stated
    reports = backend.query("SELECT doc_id, name, aliases, city, country FROM meeting_reports"
                            " WHERE meeting_id = ? ORDER BY id", (meeting_id,))
    own, venue = from_reports(reports)
    return own or gazetteer or venue
