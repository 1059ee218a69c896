"""Facts as small frozen records that point into the article body.

Every fact kind of the ``talkwatch.digest/1`` contract is one dataclass here,
with one ``to_dict()`` giving the digest shape. The closed vocabularies are
defined once, as ``Literal`` types plus tuples that data files and tests check
against.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, get_args

from .errors import InputError

SCHEMA = "talkwatch.digest/1"

ActorType = Literal[
    "person",
    "state",
    "government",
    "armed_group",
    "opposition",
    "igo",
    "ngo",
    "organization",
    "media",
    "expert",
    "group",
]
MeetingStatus = Literal["scheduled", "postponed", "ongoing", "suspended", "held", "concluded", "cancelled"]
ParticipationStatus = Literal[
    "invited", "not_invited", "will_attend", "arrived", "attended", "undecided", "declined"
]
Role = Literal[
    "party",
    "mediator",
    "host",
    "sponsor",
    "guarantor",
    "observer",
    "adviser",
    "head_of_delegation",
]
Stance = Literal["demand", "support", "oppose", "reject", "non_negotiable", "open"]
AgreementKind = Literal["ceasefire", "truce", "accord", "deal", "memorandum", "roadmap"]
Granularity = Literal["day", "month", "year"]

ACTOR_TYPES: tuple[str, ...] = get_args(ActorType)
MEETING_STATUSES: tuple[str, ...] = get_args(MeetingStatus)
PARTICIPATION_STATUSES: tuple[str, ...] = get_args(ParticipationStatus)
ROLES: tuple[str, ...] = get_args(Role)
STANCES: tuple[str, ...] = get_args(Stance)
AGREEMENT_KINDS: tuple[str, ...] = get_args(AgreementKind)
# The fact kinds of a digest, in the order the extractors produce them; every other list derives from this.
FACT_KINDS: tuple[str, ...] = (
    "meetings", "participations", "delegations", "quotes", "positions", "agreements", "events",
)
# The kinds the gold format scores (delegations and events have no gold).
SCORED_KINDS: tuple[str, ...] = ("meetings", "participations", "quotes", "positions", "agreements")
# Every list of a digest, in contract order: the article's actors, its facts, its resolved dates.
DIGEST_LISTS: tuple[str, ...] = ("actors", *FACT_KINDS, "dates")


def singular(kind: str) -> str:
    """The name of one fact of a kind (``participations`` -> ``participation``), as the record uses it."""
    return kind.removesuffix("s")


@dataclass(frozen=True)
class Evidence:
    """A span of the body that states a fact; ``body[start:end] == text``."""

    start: int
    end: int
    text: str

    @classmethod
    def from_offsets(cls, body: str, start: int, end: int) -> Evidence:
        """Build evidence from character offsets, trimming surrounding white space."""
        if not 0 <= start <= end <= len(body):
            raise InputError(f"evidence offsets {start}:{end} outside a body of {len(body)}")
        while start < end and body[start].isspace():
            start += 1
        while end > start and body[end - 1].isspace():
            end -= 1
        return cls(start, end, body[start:end])

    @classmethod
    def from_span(cls, span: Any) -> Evidence:
        """Build evidence from a spaCy ``Span`` (a sentence, usually), trimmed of white space.

        Uses the span's own text: ``doc.text`` would rebuild the whole body on every call.
        """
        text = span.text
        stripped = text.lstrip()
        start = span.start_char + len(text) - len(stripped)
        stripped = stripped.rstrip()
        return cls(start, start + len(stripped), stripped)

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


def _evidence_dict(ev: Evidence | None) -> dict[str, Any]:
    return ev.to_dict() if ev is not None else {}


@dataclass(frozen=True)
class Article:
    """One input document: the body and what its header said about it."""

    body: str
    id: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None
    language: str = "en"
    path: str | None = None

    def document_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "source": self.source,
            "url": self.url,
            "published": self.published,
            "language": self.language,
        }


@dataclass
class Actor:
    """A real-world actor with every mention of it in the body.

    Mutable while the document is being resolved (mentions and aliases are
    gathered); frozen in spirit once the digest is built.
    """

    id: str
    name: str
    type: str
    country: str | None = None
    affiliation: str | None = None
    title: str | None = None
    aliases: list[str] = field(default_factory=list)
    cameo: str | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)
    key: str | None = None  # gazetteer key when the actor is known

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "country": self.country,
            "affiliation": self.affiliation,
            "title": self.title,
            "aliases": [a for a in self.aliases if a != self.name],
            "cameo": self.cameo,
            "mentions": [list(m) for m in sorted(set(self.mentions))],
            "key": self.key,
        }


@dataclass(frozen=True)
class DateExpr:
    """A temporal expression of the body and the value it resolves to."""

    text: str
    start: int
    end: int
    value: str | None
    granularity: Granularity | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "value": self.value,
            "granularity": self.granularity,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True)
class StatusChange:
    status: str
    start: str | None
    evidence: Evidence | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"status": self.status, "start": self.start, "evidence": _evidence_dict(self.evidence)}


@dataclass
class Meeting:
    """A meeting, round, summit or set of talks; its status history grows as the text goes."""

    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    city: str | None = None
    country: str | None = None
    start: str | None = None
    end: str | None = None
    status: str | None = None
    round: int | None = None
    hosts: list[str] = field(default_factory=list)
    sponsors: list[str] = field(default_factory=list)
    process: str | None = None
    history: list[StatusChange] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    past: bool = False  # "the last meeting in X": a distinct, earlier meeting
    later: bool = False  # "the next round": a distinct, later meeting
    duration_days: int | None = None  # "expected to last two days"
    cue_tokens: set[int] = field(default_factory=set)  # status cues already applied
    background: list[StatusChange] = field(default_factory=list)  # earlier states, told in passing

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "aliases": [a for a in dict.fromkeys(self.aliases) if a != self.name],
            "venue": {"city": self.city, "country": self.country},
            "start": self.start,
            "end": self.end,
            "status": self.status,
            "round": self.round,
            "hosts": list(dict.fromkeys(self.hosts)),
            "sponsors": list(dict.fromkeys(self.sponsors)),
            "process": self.process,
            "history": [h.to_dict() for h in self.history],
            "evidence": [e.to_dict() for e in dict.fromkeys(self.evidence)],
        }


@dataclass(frozen=True)
class Participation:
    meeting: str
    actor: str
    status: ParticipationStatus
    evidence: Evidence
    role: Role | None = None
    hedged: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "meeting": self.meeting,
            "actor": self.actor,
            "status": self.status,
            "role": self.role,
            "hedged": self.hedged,
            "evidence": self.evidence.to_dict(),
        }


@dataclass(frozen=True)
class Delegation:
    meeting: str | None
    actor: str | None
    evidence: Evidence
    size: int | None = None
    head: str | None = None
    members: tuple[str, ...] = ()
    replaces: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "meeting": self.meeting,
            "actor": self.actor,
            "size": self.size,
            "head": self.head,
            "members": list(self.members),
            "replaces": self.replaces,
            "evidence": self.evidence.to_dict(),
        }


@dataclass(frozen=True)
class Quote:
    text: str
    start: int
    end: int
    evidence: Evidence
    speaker: str | None = None
    speaker_text: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    # (start, end) of each quoted stretch of the passage, in order (start/end span them all)
    parts: tuple[tuple[int, int], ...] = ()

    def stretches(self) -> tuple[tuple[int, int], ...]:
        """The quoted words' offsets: the parts, never the attribution between them."""
        return self.parts or ((self.start, self.end),)

    def covers(self, start: int, end: int) -> bool:
        """Do the quoted words (not the attribution between parts) overlap ``[start, end)``?"""
        return any(a < end and start < b for a, b in self.stretches())

    def to_dict(self) -> dict[str, Any]:
        return {
            "speaker": self.speaker,
            "speaker_text": self.speaker_text,
            "speaker_start": self.speaker_start,
            "speaker_end": self.speaker_end,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "parts": [list(p) for p in self.stretches()],
            "evidence": self.evidence.to_dict(),
        }


@dataclass(frozen=True)
class Position:
    actor: str
    issue: str
    stance: Stance
    evidence: Evidence
    hedged: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "actor": self.actor,
            "issue": self.issue,
            "stance": self.stance,
            "hedged": self.hedged,
            "evidence": self.evidence.to_dict(),
        }


@dataclass(frozen=True)
class Agreement:
    kind: AgreementKind
    evidence: Evidence
    start: str | None = None
    parties: tuple[str, ...] = ()
    brokers: tuple[str, ...] = ()
    status: str | None = None
    name: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "name": self.name,
            "start": self.start,
            "parties": list(self.parties),
            "brokers": list(self.brokers),
            "status": self.status,
            "evidence": self.evidence.to_dict(),
        }


@dataclass(frozen=True)
class Event:
    """A political event coded in CAMEO, with its PLOVER type and mode."""

    cameo: str
    plover: str
    evidence: Evidence
    date: str | None = None
    source: str | None = None
    target: str | None = None
    mode: str | None = None
    context: str | None = None
    source_code: str | None = None
    target_code: str | None = None
    goldstein: float | None = None
    quad_class: int | None = None
    location: str | None = None
    fact: str | None = None  # which fact kind implied it, or "sentence"

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": self.date,
            "source": self.source,
            "target": self.target,
            "cameo": self.cameo,
            "plover": self.plover,
            "mode": self.mode,
            "context": self.context,
            "source_code": self.source_code,
            "target_code": self.target_code,
            "goldstein": self.goldstein,
            "quad_class": self.quad_class,
            "location": self.location,
            "fact": self.fact,
            "evidence": self.evidence.to_dict(),
        }
