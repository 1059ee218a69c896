"""Hand-written digests for store tests: small, readable, no spaCy needed."""

from __future__ import annotations

import hashlib
from typing import Any

from talkwatch.digests import DIGEST_LISTS

SCHEMA = "talkwatch.digest/1"


def ev(body: str, sentence: str) -> dict[str, Any]:
    """Evidence for a sentence of ``body`` (so that body[start:end] == text)."""
    start = body.index(sentence)
    return {"start": start, "end": start + len(sentence), "text": sentence}


def actor(aid: str, name: str, type_: str = "group", **fields: Any) -> dict[str, Any]:
    return {
        "id": aid,
        "name": name,
        "type": type_,
        "country": None,
        "affiliation": None,
        "title": None,
        "aliases": [],
        "cameo": None,
        "mentions": [],
        **fields,
    }


def meeting(
    mid: str,
    name: str,
    *,
    city: str | None,
    status: str | None,
    start: str | None,
    history: list[dict[str, Any]] | None = None,
    round_: int | None = None,
    process: str | None = None,
    evidence: list[dict[str, Any]] | None = None,
    **fields: Any,
) -> dict[str, Any]:
    return {
        "id": mid,
        "name": name,
        "aliases": [],
        "venue": {"city": city, "country": None},
        "start": start,
        "end": None,
        "status": status,
        "round": round_,
        "hosts": [],
        "sponsors": [],
        "process": process,
        "history": history if history is not None else [],
        "evidence": evidence or [],
        **fields,
    }


def part(
    mid: str,
    aid: str,
    status: str,
    evidence: dict[str, Any],
    role: str | None = None,
    hedged: bool = False,
) -> dict[str, Any]:
    return {
        "meeting": mid,
        "actor": aid,
        "status": status,
        "role": role,
        "hedged": hedged,
        "evidence": evidence,
    }


def digest(body: str, published: str | None, **facts: Any) -> dict[str, Any]:
    """A digest of ``body`` with the given fact lists (others empty)."""
    out: dict[str, Any] = {
        "schema": SCHEMA,
        "document": {
            "id": hashlib.sha256(body.encode("utf-8")).hexdigest(),
            "title": None,
            "source": None,
            "url": None,
            "published": published,
            "language": "en",
        },
    }
    for kind in DIGEST_LISTS:
        out[kind] = facts.get(kind, [])
    return out


def round_report(
    body: str,
    published: str,
    status: str,
    start: str | None,
    *,
    city: str = "Lusaka",
    round_: int | None = 5,
    attendance: list[tuple[str, str, str]] = (),
    history: list[tuple[str, str | None]] | None = None,
) -> dict[str, Any]:
    """One article about a round of talks: its status sentence and who attends.

    ``attendance`` lists (actor name, type, status) each stated by its own sentence.
    """
    sentences = body.split(". ")
    first = sentences[0]
    hist = [{"status": s, "start": d, "evidence": ev(body, first)} for s, d in (history or [(status, start)])]
    actors, parts = [], []
    for n, (name, type_, pstatus) in enumerate(attendance, 1):
        sentence = next(s for s in sentences if name in s)
        actors.append(actor(f"a{n}", name, type_))
        parts.append(part("m1", f"a{n}", pstatus, ev(body, sentence)))
    m = meeting(
        "m1",
        f"{city} talks",
        city=city,
        status=status,
        start=start,
        history=hist,
        round_=round_,
        evidence=[ev(body, first)],
    )
    return digest(body, published, actors=actors, meetings=[m], participations=parts)


# Three reports on the fifth round of talks in Lusaka, a week apart.
A1 = (
    "Lusaka, 3 March - The fifth round of talks between the government and the rebels is due "
    "to open on March 12. The Northern Front has been invited to the talks. "
    "The Government of Kaweri will attend"
)
A2 = (
    "Lusaka, 9 March - The fifth round of talks has been postponed to March 16. "
    "The Northern Front is still deciding whether to attend. "
    "The Government of Kaweri sent a team"
)
A3 = (
    "Lusaka, 16 March - The fifth round of talks opened on Monday in the Zambian capital. "
    "The Northern Front delegation arrived in the city on Sunday. "
    "The Government of Kaweri took part"
)
FRONT, GOV = ("Northern Front", "armed_group"), ("Government of Kaweri", "government")


def three_reports() -> list[dict[str, Any]]:
    """Three articles on one round of talks: scheduled, postponed, then under way."""
    return [
        round_report(
            A1,
            "2024-03-03",
            "scheduled",
            "2024-03-12",
            attendance=[(*FRONT, "invited"), (*GOV, "will_attend")],
        ),
        round_report(
            A2,
            "2024-03-09",
            "postponed",
            "2024-03-16",
            history=[("scheduled", "2024-03-12"), ("postponed", "2024-03-16")],
            attendance=[(*FRONT, "undecided")],
        ),
        round_report(
            A3,
            "2024-03-16",
            "ongoing",
            "2024-03-16",
            attendance=[(*FRONT, "arrived"), (*GOV, "attended")],
        ),
    ]
