"""Actors: one ``Actor`` per real-world actor of an article, with all its mentions.

Candidates come from three places: the gazetteer (phrase matches on names and
aliases), spaCy's named entities, and descriptions headed by an actor noun
("armed rebels", "the Kazakh foreign ministry", "a source close to the
government"). They are then clustered: same gazetteer key, surname of a named
person, acronym of a named organisation, a bare "the government" to the
government named elsewhere. Titles, countries and affiliations come from
appositions and compounds ("UN envoy X", "X, the Russian foreign minister").
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from typing import Any

from . import gazetteer as gaz
from . import nlp
from .lexicon import load as load_lexicon
from .model import Actor, Article
from .names import acronym, name_key, surname_of

ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP"}
_DETS = {"the", "a", "an", "this", "that", "these", "those"}
_POSS_PRONOUNS = {"his", "her", "its", "their", "our"}
_APOS = re.compile(r"[’']s$")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    actor: str
    text: str


@dataclass
class _Candidate:
    start: int  # token indices
    end: int
    name: str
    type: str
    key: str | None = None
    country: str | None = None
    cameo: str | None = None
    title: str | None = None
    affiliation_span: tuple[int, int] | None = None
    bare: bool = False  # "the government": a reference, not a name


class ActorIndex:
    """The actors of one document and where each is mentioned."""

    def __init__(self, body: str) -> None:
        self.body = body
        self.actors: list[Actor] = []
        self._by_id: dict[str, Actor] = {}
        self._by_key: dict[str, Actor] = {}
        self._mentions: list[Mention] = []

    # -- building ---------------------------------------------------------
    def add(self, name: str, type: str, start: int, end: int, **fields: Any) -> Actor:
        """Create an actor for the span, or merge into the one with the same key or name."""
        key = fields.pop("key", None) or _local_key(name, type)
        actor = self._by_key.get(key)
        if actor is None:
            actor = Actor(id=f"a{len(self.actors) + 1}", name=name, type=type,
                          key=key if not key.startswith("~") else None)
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
            bisect.insort(self._mentions, Mention(start, end, actor.id, text),
                          key=lambda m: (m.start, m.end))
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
        i = bisect.bisect_left([m.start for m in self._mentions], start)
        return [m for m in self._mentions[i:] if m.start < end and m.end <= end]

    def at(self, start: int, end: int) -> Actor | None:
        """The actor of the longest mention overlapping ``[start, end)``."""
        hits = [m for m in self._mentions if m.start < end and start < m.end]
        if not hits:
            return None
        best = max(hits, key=lambda m: (min(m.end, end) - max(m.start, start), m.end - m.start))
        return self._by_id[best.actor]

    def last_before(self, pos: int, types: set[str] | None = None) -> Mention | None:
        """The most recent mention ending before ``pos`` (optionally of given actor types)."""
        for m in reversed(self._mentions):
            if m.end <= pos and (types is None or self._by_id[m.actor].type in types):
                return m
        return None

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
    skip = _dateline_end(doc)
    candidates = _select(_gazetteer_spans(doc) + _entity_spans(doc) + _acronym_spans(doc),
                         _description_spans(doc))
    candidates = [c for c in candidates if c.start >= skip]
    named = [c for c in candidates if not c.bare]
    for cand in sorted(named, key=lambda c: (c.type != "person", c.start)):
        _place(index, doc, cand)
    for cand in (c for c in candidates if c.bare):
        _place_reference(index, doc, cand)
    _affiliations(index, doc, named)
    return index


# -- candidates -----------------------------------------------------------

def _gazetteer_spans(doc: Any) -> list[_Candidate]:
    out = []
    g = gaz.load()
    for start, end in _gazetteer_matches(doc):
        entry = g.lookup(doc[start:end].text)
        if entry is None or entry.type == "state" and _is_place_use(doc, start, end):
            continue
        out.append(_from_entry(entry, start, end))
    return out


@functools.cache
def _matchers(vocab: Any) -> tuple[Any, Any]:
    """Phrase matchers over gazetteer names: exact case for short ones ("US"), else lower case."""
    from spacy.matcher import PhraseMatcher

    exact, lower = PhraseMatcher(vocab, attr="ORTH"), PhraseMatcher(vocab, attr="LOWER")
    tokenizer = nlp.load().tokenizer
    for entry in gaz.load().entries:
        for name in {entry.name, *entry.aliases}:
            target = lower if len(name) > 4 and " " in name else exact
            target.add("G", [tokenizer(name)])
    return exact, lower


def _gazetteer_matches(doc: Any) -> list[tuple[int, int]]:
    exact, lower = _matchers(doc.vocab)
    spans = [(s, e) for _, s, e in exact(doc)] + [(s, e) for _, s, e in lower(doc)]
    return sorted(set(spans))


def _from_entry(entry: Any, start: int, end: int) -> _Candidate:
    return _Candidate(start, end, entry.name, entry.type, key=entry.key, country=entry.country,
                      cameo=entry.cameo, title=entry.title)


def _entity_spans(doc: Any) -> list[_Candidate]:
    g = gaz.load()
    stop = set(load_lexicon("actors")["not_actors"])
    out = []
    people = [e.text for e in doc.ents if e.label_ == "PERSON"]
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS or ent.root.lower_ in stop:
            continue
        start, end = _trim(doc, ent.start, ent.end)
        if start >= end or _title_part(doc[start:end]):
            continue
        text = _APOS.sub("", doc[start:end].text)
        entry = g.lookup(text)
        if entry is not None:
            if entry.type != "state" or not _is_place_use(doc, start, end):
                out.append(_from_entry(entry, start, end))
        elif ent.label_ == "PERSON" or any(surname_of(p, text) for p in people):
            out.append(_Candidate(start, end, text, "person"))
        elif ent.label_ == "ORG":
            out.append(_org_candidate(doc, start, end))
    return out


def _acronym_spans(doc: Any) -> list[_Candidate]:
    """Unknown all-capital names acting as subjects or objects ('the ELN said') are organisations."""
    g = gaz.load()
    out = []
    for tok in doc:
        if (tok.pos_ == "PROPN" and tok.is_upper and 2 <= len(tok.text) <= 6 and tok.is_alpha
                and not tok.ent_type_ and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "poss")
                and not _dateline(tok) and g.place(tok.text.title()) is None):
            out.append(_Candidate(tok.i, tok.i + 1, tok.text, "organization"))
    return out


def _dateline_end(doc: Any) -> int:
    """Token index after a wire dateline ('GENEVA/DOHA, Nov 20 (Reuters) -'), else 0."""
    for tok in doc[:12]:
        if tok.text in ("-", "—", "–") and tok.i > 0:
            head = doc[:tok.i]
            letters = [t for t in head if t.is_alpha and t.ent_type_ != "DATE" and t.text != "Reuters"]
            caps = [t for t in letters if t.is_upper]
            return tok.i + 1 if caps and len(caps) >= len(letters) - 2 else 0
    return 0


def _dateline(tok: Any) -> bool:
    """'GENEVA (Reuters) -': the capitalised place that opens a wire report."""
    return tok.i < 4 and tok.sent.start == 0 and any(t.text in ("(", "-", "—") for t in tok.doc[tok.i + 1:tok.i + 4])


def _org_candidate(doc: Any, start: int, end: int) -> _Candidate:
    """An organisation entity: leading common words retype it ('key opposition X')."""
    mods = load_lexicon("actors")["modifier_types"]
    typ = _org_type(doc[start:end])
    while start < end - 1 and doc[start].is_lower:
        start += 1
    root = doc[start:end].root
    for left in doc[max(0, start - 3):start]:  # "the key opposition X"
        if left.lower_ in mods and left.head.i == root.i:
            typ = mods[left.lower_][0]
    country = _country_in(doc, start, end)
    cand = _Candidate(start, end, _APOS.sub("", doc[start:end].text), typ, country=country)
    if country:
        cand.key = _institution_key(doc, start, end, country)
    return cand


def _institution_key(doc: Any, start: int, end: int, country: str) -> str:
    """'Kazakh foreign ministry' and "Kazakhstan's foreign ministry" share KAZ:foreign ministry."""
    g = gaz.load()
    words = [t.lower_ for t in doc[start:end]
             if t.tag_ != "POS" and not t.is_punct and g.demonym(t.text) is None
             and g.lookup(_APOS.sub("", t.text)) is None and t.lower_ not in _DETS]
    return f"{country}:{' '.join(words)}"


def _title_part(span: Any) -> bool:
    """'State' in 'Secretary of State': part of a title, not an organisation."""
    root = span.root
    titles = load_lexicon("actors")["titles"]
    return (len(span) == 1 and root.dep_ == "pobj" and root.head.lower_ == "of"
            and root.head.head.lower_ in titles)


def _org_type(span: Any) -> str:
    heads = load_lexicon("actors")["collective_heads"]
    typ = heads.get(span.root.lower_, ["organization"])[0]
    return "organization" if typ in ("person", "group") else typ


def _description_spans(doc: Any) -> list[_Candidate]:
    lex = load_lexicon("actors")
    heads, mods = lex["collective_heads"], lex["modifier_types"]
    generic = set(lex["generic_heads"])
    out = []
    for tok in doc:
        if tok.pos_ not in ("NOUN", "PROPN") or tok.lower_ not in heads:
            continue
        if tok.dep_ == "compound" or tok.ent_type_ in ("PERSON", "GPE", "DATE", "ORG", "NORP", "FAC"):
            continue
        typ, sector = heads[tok.lower_]
        left = [c for c in tok.lefts if c.dep_ in ("det", "amod", "compound", "nummod", "poss",
                                                     "quantmod", "advmod", "nmod", "npadvmod")]
        start = min([tok.i] + [c.left_edge.i for c in left])
        end = tok.i + 1
        for c in tok.rights:  # "a source close to the government"
            if c.dep_ == "amod" and c.i == end:
                end = c.right_edge.i + 1
        words = {t.lower_ for t in doc[start:tok.i]}
        for word in words:
            if word in mods and typ in ("group", "person", "organization"):
                typ, sector = mods[word]
        country = _country_in(doc, start, tok.i)
        specific = bool(words - _DETS) or country is not None
        if tok.lower_ in generic and not (words & set(mods)) and country is None and not _poss(doc, start, tok.i):
            continue
        if words & _POSS_PRONOUNS and tok.lower_ in generic:
            continue  # "its delegation": an attribute of another actor, not an actor
        split = _coordinated_demonyms(doc, tok, start)
        if split:
            out += [_Candidate(d.i, d.i + 1, f"{d.text} {tok.text}", typ, country=c,
                               cameo=c + sector if sector else None) for d, c in split]
            continue
        start, end = _trim(doc, start, end)
        name = _APOS.sub("", doc[start:end].text)
        bare = not specific or words <= _DETS | _POSS_PRONOUNS
        cand = _Candidate(start, end, name, typ, country=country)
        if country and sector:
            cand.cameo = country + sector
        if country and typ == "government" and tok.lower_ in ("government", "regime", "administration", "authorities"):
            cand.key = f"{country}_GOV"
        elif country and not bare:
            cand.key = _institution_key(doc, start, end, country)
        cand.bare = bare
        out.append(cand)
    return out


def _coordinated_demonyms(doc: Any, head: Any, start: int) -> list[tuple[Any, str]]:
    """'Egyptian and Qatari mediators': one actor per country."""
    g = gaz.load()
    found = []
    for tok in doc[start:head.i]:
        entry = g.demonym(tok.text)
        if entry is not None and entry.type == "state":
            found.append((tok, entry.country))
    linked = any(t.dep_ == "conj" for t, _ in found)
    return found if len(found) > 1 and linked else []


def _poss(doc: Any, start: int, head: int) -> bool:
    return any(t.dep_ == "poss" for t in doc[start:head])


def _country_in(doc: Any, start: int, end: int) -> str | None:
    g = gaz.load()
    for tok in doc[start:end]:
        entry = g.demonym(tok.text) or g.lookup(_APOS.sub("", tok.text))
        if entry is not None and entry.type == "state":
            return entry.country
    return None


def _is_place_use(doc: Any, start: int, end: int) -> bool:
    """'talks in Syria', 'arrived in Kazakhstan': a location, not an actor."""
    head = doc[start:end].root
    return head.dep_ == "pobj" and head.head.lower_ in ("in", "to", "into", "from", "at", "near", "across", "inside")


def _trim(doc: Any, start: int, end: int) -> tuple[int, int]:
    while start < end and (doc[start].lower_ in _DETS or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].tag_ == "POS"):
        end -= 1
    return start, end


def _select(cands: list[_Candidate], described: list[_Candidate]) -> list[_Candidate]:
    """Non-overlapping names (the longest wins), plus descriptions that wholly contain names.

    "UN envoy De Mistura's office" is an actor and so is "De Mistura" inside it.
    """
    cands.sort(key=lambda c: (-(c.end - c.start), c.start))
    taken: list[_Candidate] = []
    for c in cands:
        if not any(c.start < t.end and t.start < c.end for t in taken):
            taken.append(c)
    names = list(taken)
    for d in sorted(described, key=lambda c: (-(c.end - c.start), c.start)):
        clash = any(d.start < t.end and t.start < d.end and not (d.start <= t.start and t.end <= d.end)
                    for t in taken)
        same = any(d.start == t.start and d.end == t.end for t in names)
        if not clash and not same:
            taken.append(d)
    return sorted(taken, key=lambda c: c.start)


# -- clustering -----------------------------------------------------------

def _place(index: ActorIndex, doc: Any, cand: _Candidate) -> None:
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
    actor = index.add(cand.name, cand.type, start, end, key=cand.key, country=country,
                      cameo=cand.cameo, title=title)
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


def _same_as(index: ActorIndex, cand: _Candidate) -> Actor | None:
    key = name_key(cand.name)
    for actor in index.actors:
        if name_key(actor.name) == key or any(name_key(a) == key for a in actor.aliases):
            return actor
        if actor.type == "person" and surname_of(actor.name, cand.name):
            return actor
        if actor.type != "person" and acronym(actor.name) == cand.name:
            return actor
    return None


def _place_reference(index: ActorIndex, doc: Any, cand: _Candidate) -> None:
    """'the government': the named actor of that kind, else a new descriptive actor."""
    start, end = doc[cand.start].idx, doc[cand.end - 1].idx + len(doc[cand.end - 1])
    head = doc[cand.end - 1].lower_
    same = [a for a in index.actors if a.type == cand.type and name_key(a.name).endswith(head)]
    if not same and cand.type in ("government", "opposition"):
        same = [a for a in index.actors if a.type == cand.type]
    if same:
        named = [a for a in same if a.name[:1].isupper() and a.key is not None or a.type == "opposition" and a.name[:1].isupper()]
        index.attach(_nearest(named or same, start), start, end)
    elif head not in load_lexicon("actors")["generic_heads"]:
        index.add(cand.name, cand.type, start, end, cameo=cand.cameo)


def _nearest(actors: list[Actor], pos: int) -> Actor:
    return min(actors, key=lambda a: min(abs(s - pos) for s, _ in a.mentions))


def _person_details(doc: Any, cand: _Candidate) -> tuple[str | None, str | None, str | None]:
    """Title, country and type (person or expert) from compounds and appositions."""
    lex = load_lexicon("actors")
    span = doc[cand.start:cand.end]
    head = span.root
    mods = [t for t in doc[max(0, cand.start - 5):cand.start]
            if t.head.i in range(cand.start, cand.end) and t.dep_ in ("compound", "amod", "nmod")]
    title = None
    if mods:
        first = min(t.left_edge.i for t in mods)
        while first < cand.start and (doc[first].tag_ in ("DT", "PRP$", "POS") or doc[first].is_punct):
            first += 1
        title = doc[first:cand.start].text or None
    appos = next((c for c in head.children if c.dep_ == "appos"), None)
    if appos is None and head.dep_ == "appos":
        appos = head.head
    if appos is not None and appos.pos_ == "NOUN":
        lefts = [t for t in appos.lefts if t.dep_ not in ("det", "punct", "poss", "case")]
        first = min([t.left_edge.i for t in lefts] + [appos.i])
        while first < appos.i and (doc[first].tag_ in ("DT", "PRP$", "POS") or doc[first].is_punct
                                   or doc[first].dep_ == "poss" or doc[first].head.dep_ == "poss"):
            first += 1
        title = doc[first:appos.i + 1].text
    country = cand.country or _country_in(doc, max(0, cand.start - 4), cand.start)
    if appos is not None:
        country = country or _country_in(doc, appos.left_edge.i, appos.i + 1)
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


def _affiliations(index: ActorIndex, doc: Any, cands: list[_Candidate]) -> None:
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
    text = _APOS.sub("", text.strip())
    words = text.split()
    if words and words[0].lower() in _DETS:
        words = words[1:]
    return " ".join(words)
