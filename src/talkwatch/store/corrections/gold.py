"""Corrections become gold: each corrected article as a gold file the evaluator reads.

For every article with an applied correction, ``write`` puts the article's
text (``<id>.txt``, with its title and date as front matter) beside its
gold (``<id>.yaml``, in the gold format of the spec) built from the article's
facts as corrected. ``talkwatch evaluate DIR`` then scores the extractor of
the day against the analysts' own corrections. An article's facts that no
one corrected count as right: the gold is the record as the analysts left it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from ...errors import NotFound
from ..exports import record as export


class _Plain(yaml.SafeDumper):
    """YAML without anchors: a gold file is read by people, each list written out."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


STARTS_WITH = 6  # words of a quote's text that identify it in the gold


def gold_of(digest: dict[str, Any]) -> dict[str, Any]:
    """A digest's facts in the gold format (``../shared/spec/gold-format.md``)."""
    names = {a["id"]: _names(a) for a in digest.get("actors") or []}
    return {
        "published": (digest["document"].get("published") or None),
        "meetings": [_meeting(m) for m in digest.get("meetings") or []],
        "participations": [
            {"meeting": p.get("meeting"), "actor": names.get(p.get("actor"), []),
             "status": p.get("status"), "role": p.get("role")}
            for p in digest.get("participations") or []],
        "quotes": [
            {"speaker": names.get(q.get("speaker")) or [q.get("speaker_text") or ""],
             "starts_with": " ".join((q.get("text") or "").split()[:STARTS_WITH])}
            for q in digest.get("quotes") or []],
        "positions": [
            {"actor": names.get(p.get("actor"), []), "issue": [p.get("issue") or ""],
             "stance": p.get("stance")}
            for p in digest.get("positions") or []],
        "agreements": [
            {"kind": a.get("kind"), "start": a.get("start"),
             "brokers": [names.get(b, [b]) for b in a.get("brokers") or []]}
            for a in digest.get("agreements") or []],
    }


def _names(actor: dict[str, Any]) -> list[str]:
    return [n for n in [actor.get("name"), *(actor.get("aliases") or []), actor.get("title")] if n]


def _meeting(m: dict[str, Any]) -> dict[str, Any]:
    return {"key": m.get("id"), "names": [n for n in [m.get("name"), *(m.get("aliases") or [])] if n],
            "venue_city": (m.get("venue") or {}).get("city"), "start": m.get("start"),
            "status": m.get("status")}


def corrected_documents(backend: Any) -> list[str]:
    """Articles with at least one applied correction, in id order."""
    found = backend.query("SELECT DISTINCT doc_id FROM corrections WHERE doc_id IS NOT NULL"
                          " AND state = 'applied' ORDER BY doc_id")
    return [r["doc_id"] for r in found]


def write(backend: Any, out: str | Path) -> list[Path]:
    """Write article text and gold for every corrected article; return the gold files."""
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for doc_id in corrected_documents(backend):
        digest = export.digest(backend, doc_id)
        (doc,) = backend.query("SELECT title, published, body FROM documents WHERE id = ?", (doc_id,))
        if not doc["body"]:
            raise NotFound(f"article {doc_id[:12]} was stored without its text; its gold needs the text")
        stem = folder / doc_id[:16]
        meta = {k: doc[k] for k in ("title", "published") if doc[k]}
        front = f"---\n{yaml.safe_dump(meta, allow_unicode=True, sort_keys=True)}---\n" if meta else ""
        stem.with_suffix(".txt").write_text(front + doc["body"], encoding="utf-8")
        gold = stem.with_suffix(".yaml")
        gold.write_text(yaml.dump(gold_of(digest), Dumper=_Plain, allow_unicode=True, sort_keys=False),
                        encoding="utf-8")
        written.append(gold)
    return written
