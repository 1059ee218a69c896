"""Facts of one article -> the ``talkwatch.digest/1`` dict, and its JSON Schema check.

Every fact records the rule set that produced it: ``extractor`` is the
``NAME`` of its kind's module in the registry (``meetings.v1``), added here,
once, rather than by each extractor. The field is optional in the schema, so
readers of older digests (and older readers) are unaffected.
"""

from __future__ import annotations

import functools
import json
from typing import Any

from .context import Context
from .errors import SchemaError
from .extract import EXTRACTORS
from .lexicon import data_path
from .model import DIGEST_LISTS, FACT_KINDS, SCHEMA

__all__ = ["DIGEST_LISTS", "body_checks", "build_digest", "validate"]


def build_digest(ctx: Context) -> dict[str, Any]:
    """The digest of a processed context; actors referenced by facts are all included."""
    digest: dict[str, Any] = {"schema": SCHEMA, "document": ctx.article.document_dict()}
    digest["actors"] = [a.to_dict() for a in ctx.actors.actors]
    for kind in FACT_KINDS:
        provenance = {"extractor": EXTRACTORS[kind].NAME}
        digest[kind] = [fact.to_dict() | provenance for fact in ctx.facts.get(kind, [])]
    digest["dates"] = [d.to_dict() for d in ctx.dates]
    if ctx.warnings:
        digest["warnings"] = list(ctx.warnings)
    return digest


@functools.cache
def _validator() -> Any:
    import jsonschema

    with data_path("digest.schema.json").open(encoding="utf-8") as fh:
        schema = json.load(fh)
    return jsonschema.Draft202012Validator(schema)


def validate(digest: dict[str, Any]) -> None:
    """Raise ``SchemaError`` naming the first field that breaks the contract."""
    error = next(iter(_validator().iter_errors(digest)), None)
    if error is not None:
        where = "/".join(str(p) for p in error.absolute_path) or "(root)"
        raise SchemaError(f"digest does not match {SCHEMA} at {where}: {error.message}")
    body_checks(digest)


def body_checks(digest: dict[str, Any], body: str | None = None) -> None:
    """Every evidence span must quote the body exactly (when the body is at hand)."""
    if body is None:
        return
    for kind in FACT_KINDS:
        for fact in digest.get(kind, []):
            for ev in _evidences(fact):
                if ev and body[ev["start"] : ev["end"]] != ev["text"]:
                    raise SchemaError(f"{kind}: evidence {ev['start']}:{ev['end']} does not quote the body")


def _evidences(fact: dict[str, Any]) -> list[dict[str, Any]]:
    ev = fact.get("evidence")
    return ev if isinstance(ev, list) else [ev]
