"""The corrections of some articles as a page shows them beside their facts (the audit trail).

Apart from the package's ``__init__`` (which flushes the stored pages after
applying a correction) so that ``store.pages`` can read a meeting's trail, and
its attendance statements' (``annotate``), when it renders the meeting's stored
page parts.
"""

from __future__ import annotations

import json
from typing import Any

from .. import merge
from . import apply


def shape(c: dict[str, Any]) -> dict[str, Any]:
    """One logged correction as the CLI, API and files show it."""
    out = apply.to_correction(c).to_dict()
    if c["ev_start"] is not None:
        out["evidence"] = {"start": c["ev_start"], "end": c["ev_end"], "text": c["ev_text"]}
    return out | {"before": json.loads(c["before"] or "null"), "state": c["state"]}


def for_facts(backend: Any, doc_ids: list[str]) -> dict[tuple[str, str, int, int], list[dict[str, Any]]]:
    """Corrections of these articles by (document, kind, evidence start, end): the audit trail
    a page shows beside each fact."""
    out: dict[tuple[str, str, int, int], list[dict[str, Any]]] = {}
    if not doc_ids:
        return out
    found = merge._in(backend, "SELECT * FROM corrections WHERE doc_id IN ({ids})"
                            " ORDER BY created, id", sorted(set(doc_ids)))
    for c in sorted(found, key=lambda c: (c["created"], c["id"])):
        out.setdefault((c["doc_id"], c["kind"], c["ev_start"], c["ev_end"]), []).append(shape(c))
    return out


def of_documents(backend: Any, doc_ids: list[str]) -> list[dict[str, Any]]:
    """The corrections of these articles, oldest first (a meeting page's log)."""
    found = for_facts(backend, doc_ids).values()
    return sorted((c for group in found for c in group), key=lambda c: (c["created"], c["id"]))


def annotate(backend: Any, grid: dict[str, Any]) -> None:
    """Put each attendance statement's corrections (``trail``) beside it, for the cell panel."""
    docs = [h["document"] for row in grid["rows"] for c in row["cells"] if c for h in c["evidence"]]
    found = for_facts(backend, sorted({d for d in docs if d}))
    for row in grid["rows"]:
        for cell in row["cells"]:
            for h in cell["evidence"] if cell else ():
                ev = h.get("evidence") or {}
                key = (h.get("document"), "participations", ev.get("start"), ev.get("end"))
                h["trail"] = [c for c in found.get(key, []) if _about(c, row["actor"], h)]


def _about(fix: dict[str, Any], actor: str, statement: dict[str, Any]) -> bool:
    """Whether a correction of a statement's sentence is about this actor (or the generic
    description, "the government", that the record files under it)."""
    target = fix.get("target") or {}
    if target.get("actor_id") in (actor, None):
        return True
    described = statement.get("described_as")
    return bool(described) and target.get("actor_name") == described
