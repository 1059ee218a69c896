"""Actors: one ``Actor`` per real-world actor of an article, with all its mentions.

Candidates come from three places: the gazetteer (phrase matches on names and
aliases), spaCy's named entities, and descriptions headed by an actor noun
("armed rebels", "the Qatari foreign ministry", "a source close to the
government"). They are then clustered: same gazetteer key, surname of a named
person, acronym of a named organisation, a bare "the government" to the
government named elsewhere. Titles, countries and affiliations come from
appositions and compounds ("UN envoy X", "X, the Russian foreign minister").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..lexicon import load as load_lexicon
from ..model import Actor, Article
from . import gazetteer as gaz
from .candidates import APOS, DETS, Candidate, country_in, find
from .names import acronym, name_key, short_form_of, surname_of


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    actor: str
    text: str


def _start(m: Mention) -> int:
    return m.start


class ActorIndex:
    """The actors of one document and where each is mentioned."""

    def __init__(self, body: str) -> None:
        self.body = body
        self.actors: list[Actor] = []
        self._by_id: dict[str, Actor] = {}
        self._by_key: dict[str, Actor] = {}
        self._mentions: list[Mention] = []  # sorted by (start, end)
        self._longest = 0  # characters of the longest mention: bounds the search for overlaps

    # -- building ---------------------------------------------------------
    def add(self, name: str, type: str, start: int, end: int, **fields: Any) -> Actor:
        """Create an actor for the span, or merge into the one with the same key or name."""
        key = fields.pop("key", None) or _local_key(name, type)
        actor = self._by_key.get(key)
        if actor is None:
            actor = Actor(
                id=f"a{len(self.actors) + 1}",
                name=name,
                type=type,
                key=key if not key.startswith("~") else None,
            )
            self.actors.append(actor)
            self._by_id[actor.id] = actor
            self._by_key[key] = actor
        self.attach(actor, start, end)
        for field_name, value in fields.items():
            if value is not None and getattr(actor, field_name, None) in (None, []):
                setattr(actor, field_name, value)
        return actor

    def attach(self, actor: Actor, start: int, end: int) -> None:
        """Record one more mention of an actor (chars)."""
        text = self.body[start:end]
        if (start, end) not in actor.mentions:
            actor.mentions.append((start, end))
            bisect.insort(self._mentions, Mention(start, end, actor.id, text), key=lambda m: (m.start, m.end))
            self._longest = max(self._longest, end - start)
        alias = _clean_alias(text)
        if alias and alias != actor.name and alias not in actor.aliases:
            actor.aliases.append(alias)

    def alias_key(self, key: str, actor: Actor) -> None:
        self._by_key.setdefault(key, actor)

    # -- queries ----------------------------------------------------------
    def get(self, actor_id: str) -> Actor:
        return self._by_id[actor_id]

    @property
    def mentions(self) -> list[Mention]:
        return list(self._mentions)

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """Mentions lying inside ``[start, end)``, in text order."""
        return [m for m in self._starting_in(start, end) if m.end <= end]

    def at(self, start: int, end: int) -> Actor | None:
        """The actor of the longest mention overlapping ``[start, end)``."""
        hits = [m for m in self._starting_in(start - self._longest, end) if start < m.end]
        if not hits:
            return None
        best = max(hits, key=lambda m: (min(m.end, end) - max(m.start, start), m.end - m.start))
        return self._by_id[best.actor]

    def last_before(self, pos: int, types: set[str] | None = None) -> Mention | None:
        """The most recent mention ending before ``pos`` (optionally of given actor types)."""
        for i in range(bisect.bisect_right(self._mentions, pos, key=_start) - 1, -1, -1):
            m = self._mentions[i]
            if m.end <= pos and (types is None or self._by_id[m.actor].type in types):
                return m
        return None

    def _starting_in(self, start: int, end: int) -> Iterator[Mention]:
        """Mentions whose start lies in ``[start, end)``, in order: a bisection, not a scan of the body's
        mentions (asked once per phrase, a scan made long articles quadratic)."""
        i = bisect.bisect_left(self._mentions, start, key=_start)
        while i < len(self._mentions) and self._mentions[i].start < end:
            yield self._mentions[i]
            i += 1

    def lookup(self, text: str) -> Actor | None:
        """An actor of this document by name, alias or title."""
        want = name_key(text)
        for actor in self.actors:
            names = [actor.name, *actor.aliases, actor.title or ""]
            if any(name_key(n) == want for n in names if n):
                return actor
        return None


def resolve(doc: Any, article: Article | None = None) -> ActorIndex:
    """Find and cluster every actor mentioned in a parsed article body."""
    index = ActorIndex(doc.text)
    candidates = find(doc)
    named = [c for c in candidates if not c.bare]
    for cand in sorted(named, key=lambda c: (c.type != "person", _shortens(c, named), c.start)):
        _place(index, doc, cand)
        acronym = _spelled_out(doc, cand)
        actor = index.at(*_chars(doc, cand)) if acronym is not None else None
        if actor is not None and acronym is not None:
            index.attach(actor, acronym.idx, acronym.idx + len(acronym))  # later mentions of GAM join it
    for cand in (c for c in candidates if c.bare):
        _place_reference(index, doc, cand)
    _affiliations(index, doc, named)
    return index


# -- candidates -----------------------------------------------------------


# -- clustering -----------------------------------------------------------


def _spelled_out(doc: Any, cand: Candidate) -> Any | None:
    """The acronym in parentheses right after a name: 'the Free Aceh Movement (GAM)'.
    Its letters need not match the name (it may come from another language)."""
    if cand.type == "person" or cand.end - cand.start < 2 or cand.end + 2 >= len(doc):
        return None
    opening, acronym, closing = doc[cand.end : cand.end + 3]
    letters = acronym.text.replace("/", "").replace("-", "")
    if opening.text != "(" or closing.text != ")" or not (letters.isalpha() and letters.isupper()):
        return None
    return acronym if 2 <= len(letters) <= 8 else None


def _chars(doc: Any, cand: Candidate) -> tuple[int, int]:
    return doc[cand.start].idx, doc[cand.end - 1].idx + len(doc[cand.end - 1])


def _place(index: ActorIndex, doc: Any, cand: Candidate) -> None:
    start, end = doc[cand.start].idx, doc[cand.end - 1].idx + len(doc[cand.end - 1])
    if cand.key is None:
        existing = _same_as(index, cand)
        if existing is not None:
            index.attach(existing, start, end)
            return
    title, country = (cand.title, cand.country)
    if cand.type == "person":
        title, country, typ = _person_details(doc, cand)
        cand.type = typ or cand.type
    actor = index.add(
        cand.name, cand.type, start, end, key=cand.key, country=country, cameo=cand.cameo, title=title
    )
    if actor.cameo is None:
        actor.cameo = _cameo(actor)
    _state_alias(actor, doc[cand.end - 1].lower_)


def _state_alias(actor: Actor, head: str) -> None:
    """'US officials', 'the Russian delegation' speak for their state: its name is an alias."""
    if actor.type == "state" or not actor.country or actor.type == "person":
        return
    if head in load_lexicon("actors")["representative_heads"]:
        state = gaz.load().by_key(actor.country)
        if state is not None and state.name not in actor.aliases:
            actor.aliases.append(state.name)


def _same_as(index: ActorIndex, cand: Candidate) -> Actor | None:
    key = name_key(cand.name)
    for actor in index.actors:
        if name_key(actor.name) == key or any(name_key(a) == key for a in actor.aliases):
            return actor
        if actor.type == "person" and surname_of(actor.name, cand.name):
            return actor
        if actor.type != "person" and acronym(actor.name) == cand.name:
            return actor
    if cand.type in _UNSHORTENED:
        return None
    longer = [a for a in index.actors if a.type not in _UNSHORTENED and _short_for(cand.name, _forms(a))]
    return longer[0] if len(longer) == 1 else None


_UNSHORTENED = ("person", "expert", "state")  # "X" is not "the supporters of X"; a state has one name


def _forms(actor: Actor) -> list[str]:
    """Every name an actor goes by here, with its gazetteer entry's."""
    entry = gaz.load().by_key(actor.key) if actor.key else None
    return [actor.name, *actor.aliases, *(entry.forms() if entry else ())]


def _short_for(name: str, forms: list[str]) -> bool:
    """A proper name shortening another ('armed groups' is a description, not a short name)."""
    return _proper(name) and any(_proper(f) and short_form_of(name, f) for f in forms)


def _proper(name: str) -> bool:
    return all(w[:1].isupper() for w in name.split() if w.lower() not in ("of", "and", "for", "the", "in"))


def _shortens(cand: Candidate, named: list[Candidate]) -> bool:
    """An unkeyed organisation named by part of another candidate's name ('the National Coalition'):
    placed after the names, so that it joins the actor they make whichever comes first in the text."""
    if cand.key is not None or cand.type in _UNSHORTENED:
        return False
    g = gaz.load()
    for other in named:
        if other is cand or other.type in _UNSHORTENED:
            continue
        entry = g.by_key(other.key) if other.key else None
        if _short_for(cand.name, [other.name, *(entry.forms() if entry else ())]):
            return True
    return False


def _place_reference(index: ActorIndex, doc: Any, cand: Candidate) -> None:
    """'the government': the named actor of that kind, else a new descriptive actor."""
    start, end = doc[cand.start].idx, doc[cand.end - 1].idx + len(doc[cand.end - 1])
    head = doc[cand.end - 1].lower_
    same = [a for a in index.actors if a.type == cand.type and name_key(a.name).endswith(head)]
    if not same and cand.type in ("government", "opposition"):  # a named one: "officials" is no government
        heads = load_lexicon("actors")["collective_heads"]
        same = [a for a in index.actors if a.type == cand.type and (a.key or _named(a.name, heads))]
    if same:
        named = [
            a
            for a in same
            if a.name[:1].isupper() and a.key is not None or a.type == "opposition" and a.name[:1].isupper()
        ]
        index.attach(_nearest(named or same, start), start, end)
    elif head not in load_lexicon("actors")["generic_heads"]:
        index.add(cand.name, cand.type, start, end, cameo=cand.cameo)


def _named(name: str, heads: Any) -> bool:
    """A proper name, not a capitalised description ("Officials said")."""
    return name[:1].isupper() and name.lower() not in heads


def _nearest(actors: list[Actor], pos: int) -> Actor:
    return min(actors, key=lambda a: min(abs(s - pos) for s, _ in a.mentions))


def _person_details(doc: Any, cand: Candidate) -> tuple[str | None, str | None, str | None]:
    """Title, country and type (person or expert) from compounds and appositions."""
    lex = load_lexicon("actors")
    span = doc[cand.start : cand.end]
    head = span.root
    mods = [
        t
        for t in doc[max(0, cand.start - 5) : cand.start]
        if t.head.i in range(cand.start, cand.end) and t.dep_ in ("compound", "amod", "nmod")
    ]
    title = None
    if mods:
        first = min(t.left_edge.i for t in mods)
        while first < cand.start and (doc[first].tag_ in ("DT", "PRP$", "POS") or doc[first].is_punct):
            first += 1
        title = doc[first : cand.start].text or None
    appos = next((c for c in head.children if c.dep_ == "appos"), None)
    if appos is None and head.dep_ == "appos":
        appos = head.head
    if appos is not None and appos.pos_ == "NOUN":
        lefts = [t for t in appos.lefts if t.dep_ not in ("det", "punct", "poss", "case")]
        first = min([t.left_edge.i for t in lefts] + [appos.i])
        while first < appos.i and (
            doc[first].tag_ in ("DT", "PRP$", "POS")
            or doc[first].is_punct
            or doc[first].dep_ == "poss"
            or doc[first].head.dep_ == "poss"
        ):
            first += 1
        title = doc[first : appos.i + 1].text
    country = cand.country or country_in(doc, max(0, cand.start - 4), cand.start)
    if appos is not None:
        country = country or country_in(doc, appos.left_edge.i, appos.i + 1)
        cand.affiliation_span = _affiliation_span(appos)
    words = set((title or "").lower().replace("-", " ").split())
    typ = "expert" if words & set(lex["expert_titles"]) else "person"
    return title or cand.title, country, typ


def _affiliation_span(appos: Any) -> tuple[int, int] | None:
    for prep in appos.children:
        if prep.dep_ == "prep" and prep.lower_ in ("at", "of", "with", "for"):
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    return obj.left_edge.i, obj.i + 1
    return None


def _affiliations(index: ActorIndex, doc: Any, cands: list[Candidate]) -> None:
    for cand in cands:
        if cand.affiliation_span is None:
            continue
        person = index.at(doc[cand.start].idx, doc[cand.end - 1].idx + 1)
        s, e = cand.affiliation_span
        org = index.at(doc[s].idx, doc[e - 1].idx + len(doc[e - 1]))
        if person is not None and org is not None and org is not person:
            person.affiliation = person.affiliation or org.id


def _cameo(actor: Actor) -> str | None:
    """A CAMEO actor code from the country and the kind of actor."""
    lex = load_lexicon("actors")
    title = (actor.title or "").lower()
    if actor.type == "person":
        if re.search(r"\bun\b|united nations", title):
            return "IGOUNO"
        if not actor.country:
            return None
        if any(t in title for t in lex["military_titles"]):
            return actor.country + "MIL"
        if any(t in title for t in lex["government_titles"]):
            return actor.country + "GOV"
        return actor.country
    sector = {"government": "GOV", "opposition": "OPP", "armed_group": "REB"}.get(actor.type)
    if actor.country:
        return actor.country + (sector or "") if actor.type != "state" else actor.country
    return None


def _local_key(name: str, type: str) -> str:
    return f"~{type}:{name_key(name)}"


def _clean_alias(text: str) -> str:
    text = APOS.sub("", text.strip())
    words = text.split()
    if words and words[0].lower() in DETS:
        words = words[1:]
    return " ".join(words)
