"""Canonical keys and stable ids: how the store recognises one thing across articles.

Ids are derived from content (hashes of canonical keys), never from insertion
order, so two runs over the same input give the same ids whatever the order
in which worker processes returned the articles.
"""

from __future__ import annotations

import calendar
import functools
import hashlib
import re
import unicodedata
from datetime import date, timedelta
from typing import Any

from ..lexicon import load_yaml
from . import identity

_NON_WORD = re.compile(r"[^\w]+")


@functools.lru_cache(maxsize=65536)
def norm(text: str | None) -> str:
    """Case-, accent- and punctuation-insensitive form of a name."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    words = _NON_WORD.sub(" ", plain).split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def short_hash(*parts: str, size: int = 12) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:size]


def actor_key(actor: dict[str, Any]) -> str:
    """Gazetteer key when the extractor knew the actor (descriptions filed under the
    actor they speak for; an unkeyed name that is an entry's own name is that entry, a state
    named by its demonym that state),
    else the name: reports that type one name differently still name one actor
    (its type is resolved in ``merge``)."""
    if actor.get("key"):
        return f"k:{identity.canonical_key(actor['key'])}"
    name = actor.get("name")
    known = identity.gazetteer_key(name) or identity.demonym_key(name, actor.get("type"))
    if known:
        return f"k:{known}"
    return f"n:{identity.name_key(norm(actor.get('name')))}"


@functools.lru_cache(maxsize=65536)
def actor_id(key: str) -> str:
    return "a" + short_hash(key)


@functools.cache
def _earlier_words() -> frozenset[str]:
    return frozenset((load_yaml("store", "meeting_words.yaml") or {}).get("earlier", ()))


def names_earlier(name: str | None) -> bool:
    """Whether a meeting's name places it before the article's own ("the previous round")."""
    return any(w in _earlier_words() for w in norm(name).split())


UNPLACED = "*"  # the group of reports that name no place (``merge`` places them near the others)


def meeting_place(meeting: dict[str, Any], doc_id: str, *, dated: bool = True) -> str:
    """The group a reported meeting is merged within: venue country, else process.

    The country rather than the city: a round whose venue is renegotiated
    (Minsk, then Gomel, then a border town) is still one meeting, and
    clustering tells towns apart by their dates (``merge``). Reports that name
    no place share one group, ``*``, where dates and round numbers decide: a
    name alone ("the UN-backed conference") is how a later report speaks of
    talks an earlier one placed, not a place of its own. Nor is a country
    told without a town or a date ("the Syria peace conference" is rarely in
    Syria): such a report is placed by its dates, its country preferred.
    """
    venue = meeting.get("venue") or {}
    country = venue.get("country") or identity.town_country(venue.get("city"))
    if country and (dated or venue.get("city")):
        return "c:" + norm(country)
    if venue.get("city"):
        return "t:" + norm(venue["city"])
    if meeting.get("process"):
        return "p:" + norm(meeting["process"])
    return UNPLACED


def meeting_id(place: str, first_report: str) -> str:
    return "m" + short_hash(place, first_report)


def date_bounds(value: str | None) -> tuple[date, date] | None:
    """``YYYY-MM-DD`` / ``YYYY-MM`` / ``YYYY`` -> first and last day; None when unparsable."""
    if not value:
        return None
    try:
        parts = [int(p) for p in value[:10].split("-")]
        if not 1000 <= parts[0] <= 8999:  # a misread year; and keeps date arithmetic in range
            return None
        if len(parts) == 3:
            d = date(*parts)
            return d, d
        if len(parts) == 2:
            last = calendar.monthrange(parts[0], parts[1])[1]
            return date(parts[0], parts[1], 1), date(parts[0], parts[1], last)
        if len(parts) == 1:
            return date(parts[0], 1, 1), date(parts[0], 12, 31)
    except ValueError:
        return None
    return None


def days(n: int) -> timedelta:
    return timedelta(days=n)
