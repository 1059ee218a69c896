"""One correction: what an analyst said about one fact, and how it is checked before it is kept.

A correction names its fact the way a person points at it, not by a row
number: the article, the fact kind, the evidence span, and the fact's
identity (``target``: its actor, its meeting...). Row numbers change when an
article is extracted again; the evidence and the actor do not, so the same
correction finds the same fact again (``apply``).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

from ...errors import InputError
from ...model import AGREEMENT_KINDS, MEETING_STATUSES, PARTICIPATION_STATUSES, ROLES, STANCES

FORMAT = "talkwatch.corrections/1"
# confirm / reject / set a field of / add a fact; say two actors are one / one is not an actor
ACTIONS = ("confirm", "reject", "set", "add", "same_actor", "not_actor")
ACTOR_ACTIONS = ("same_actor", "not_actor")
KINDS = ("meetings", "participations", "delegations", "quotes", "positions", "agreements", "events")
# The fields an analyst may set, per kind (evidence is the correction's own, never set).
FIELDS: dict[str, tuple[str, ...]] = {
    "meetings": ("status", "start"),  # one status statement of the meeting's timeline
    "participations": ("status", "role", "hedged", "actor", "meeting"),
    "delegations": ("actor", "size", "head", "meeting", "replaces"),
    "quotes": ("speaker", "text"),
    "positions": ("actor", "issue", "stance", "hedged"),
    "agreements": ("kind", "name", "start", "status"),
    "events": ("date", "source", "target", "cameo", "plover"),
}
VOCABULARY: dict[tuple[str, str], tuple[str, ...]] = {
    ("meetings", "status"): MEETING_STATUSES,
    ("participations", "status"): PARTICIPATION_STATUSES,
    ("participations", "role"): ROLES,
    ("positions", "stance"): STANCES,
    ("agreements", "kind"): AGREEMENT_KINDS,
}
MAX_NOTE = 2000
MAX_AUTHOR = 100


@dataclass(frozen=True)
class Correction:
    """An analyst's statement about one fact (or, for actor actions, about one actor)."""

    action: str
    kind: str
    author: str
    document: str | None = None
    evidence: tuple[int, int] | None = None
    target: dict[str, Any] = field(default_factory=dict)
    changes: dict[str, Any] = field(default_factory=dict)
    note: str = ""
    created: str = ""
    id: str = ""

    def stamped(self) -> Correction:
        """The correction with its time and its content id (same content, same id)."""
        created = self.created or datetime.now(UTC).isoformat(timespec="microseconds")
        body = json.dumps([self.action, self.kind, self.author, self.document, self.evidence,
                           self.target, self.changes, self.note, created], sort_keys=True, default=str)
        digest = hashlib.sha1(body.encode()).hexdigest()[:16]
        return replace(self, created=created, id=self.id or f"c{digest}")

    def to_dict(self) -> dict[str, Any]:
        """The file form (``talkwatch corrections export``)."""
        out: dict[str, Any] = {"id": self.id, "created": self.created, "author": self.author,
                               "action": self.action, "kind": self.kind}
        if self.document:
            out["document"] = self.document
        if self.evidence:
            out["evidence"] = {"start": self.evidence[0], "end": self.evidence[1]}
        for key in ("target", "changes"):
            if getattr(self, key):
                out[key] = getattr(self, key)
        if self.note:
            out["note"] = self.note
        return out


def from_dict(data: Any, *, where: str = "correction") -> Correction:
    """A correction from its file form, checked; a clear message names what is wrong."""
    if not isinstance(data, dict):
        raise InputError(f"{where}: a correction is a mapping, not {type(data).__name__}")
    ev = data.get("evidence")
    span = None
    if ev is not None:
        if not isinstance(ev, dict) or not all(isinstance(ev.get(k), int) for k in ("start", "end")):
            raise InputError(f"{where}: evidence needs integer start and end")
        span = (ev["start"], ev["end"])
    fix = Correction(
        action=str(data.get("action") or ""), kind=str(data.get("kind") or ""),
        author=str(data.get("author") or ""), document=data.get("document"), evidence=span,
        target=_mapping(data.get("target"), where, "target"),
        changes=_mapping(data.get("changes"), where, "changes"),
        note=str(data.get("note") or ""), created=str(data.get("created") or ""),
        id=str(data.get("id") or ""))
    check(fix, where=where)
    return fix


def _mapping(value: Any, where: str, name: str) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise InputError(f"{where}: {name} must be a mapping")
    return dict(value)


def check(fix: Correction, *, where: str = "correction") -> None:
    """Refuse a correction that could not mean anything: unknown action, kind, field or value."""
    if fix.action not in ACTIONS:
        raise InputError(f"{where}: unknown action {fix.action!r}; choose one of {', '.join(ACTIONS)}")
    if not fix.author.strip() or len(fix.author) > MAX_AUTHOR:
        raise InputError(f"{where}: every correction names its author (1-{MAX_AUTHOR} characters)")
    if len(fix.note) > MAX_NOTE:
        raise InputError(f"{where}: the note is longer than {MAX_NOTE} characters")
    if fix.action in ACTOR_ACTIONS:
        _check_actor_action(fix, where)
        return
    if fix.kind not in KINDS:
        raise InputError(f"{where}: unknown fact kind {fix.kind!r}; choose one of {', '.join(KINDS)}")
    if not fix.document or not fix.evidence:
        raise InputError(f"{where}: a {fix.action} correction points at an article and its evidence")
    start, end = fix.evidence
    if not 0 <= start < end:
        raise InputError(f"{where}: evidence start must be at least 0 and before its end")
    if fix.action == "add" and fix.kind == "meetings":
        raise InputError(f"{where}: a meeting statement cannot be added; correct one the article states")
    if fix.action in ("set", "add"):
        if fix.action == "set" and not fix.changes:
            raise InputError(f"{where}: set needs at least one field to change")
        for name, value in fix.changes.items():
            check_value(fix.kind, name, value, where=where)


def _check_actor_action(fix: Correction, where: str) -> None:
    if not fix.target.get("actor"):
        raise InputError(f"{where}: {fix.action} names the actor (target.actor)")
    if fix.action == "same_actor" and not fix.changes.get("into"):
        raise InputError(f"{where}: same_actor names the actor it is one with (changes.into)")


def check_value(kind: str, name: str, value: Any, *, where: str = "correction") -> None:
    """A field that kind has, with a value of its vocabulary."""
    if name not in FIELDS[kind]:
        raise InputError(f"{where}: {kind} have no field {name!r} to correct; "
                         f"choose one of {', '.join(FIELDS[kind])}")
    allowed = VOCABULARY.get((kind, name))
    if allowed and value is not None and value not in allowed:
        raise InputError(f"{where}: {value!r} is not a {name} of {kind}; choose one of {', '.join(allowed)}")
    if name == "hedged" and not isinstance(value, bool):
        raise InputError(f"{where}: hedged is true or false")
    if name == "size" and value is not None and not isinstance(value, int):
        raise InputError(f"{where}: size is a whole number")
    if value is not None and not isinstance(value, str | int | bool):
        raise InputError(f"{where}: {name} takes one value, not {type(value).__name__}")
