"""Actor candidates: the spans of an article that may name an actor.

Three sources, merged by ``find``: gazetteer phrase matches on names and aliases, spaCy's named
entities (typed and coded through the gazetteer), and descriptions headed by an actor noun ("armed rebels",
"the Qatari foreign ministry", "a source close to the government"). A dateline names no actor.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from .. import nlp
from ..lexicon import load as load_lexicon
from . import gazetteer as gaz
from .capitals import capital_names
from .datelines import datelines
from .described import described_bodies
from .names import surname_of
from .people import followers, joined_people, role_people
from .tails import person_tail

ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP"}
DETS = {"the", "a", "an", "this", "that", "these", "those"}
POSS_PRONOUNS = {"his", "her", "its", "their", "our", "whose"}
APOS = re.compile(r"[’']s$")


def find(doc: Any) -> list[Candidate]:
    """Every candidate after the dateline: names first, then descriptions around them."""
    skips = datelines(doc)
    candidates = _select(
        _agent_demonyms(doc) + _gazetteer_spans(doc) + _bodies(doc) + _entity_spans(doc) + _names(doc),
        _description_spans(doc),
    )
    return [c for c in candidates if not any(a <= c.start < b for a, b in skips)]


@dataclass
class Candidate:
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


def _gazetteer_spans(doc: Any) -> list[Candidate]:
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


def _from_entry(entry: Any, start: int, end: int) -> Candidate:
    return Candidate(
        start,
        end,
        entry.name,
        entry.type,
        key=entry.key,
        country=entry.country,
        cameo=entry.cameo,
        title=entry.title,
    )


def _entity_spans(doc: Any) -> list[Candidate]:
    g = gaz.load()
    stop = set(load_lexicon("actors")["not_actors"])
    out = []
    ents = joined_people(doc)
    people = [e.text for e in ents if e.label_ == "PERSON"]
    for ent in ents:
        if ent.label_ not in ENTITY_LABELS or ent.root.lower_ in stop:
            continue
        start, end = _trim(doc, ent.start, ent.end)
        if start >= end or _title_part(doc[start:end]):
            continue
        text = APOS.sub("", doc[start:end].text)
        entry = g.lookup(text)
        if entry is not None:
            if entry.type != "state" or not _is_place_use(doc, start, end):
                out.append(_from_entry(entry, start, end))
        elif ent.label_ == "PERSON" or any(surname_of(p, text) for p in people):
            out.append(Candidate(start, end, text, "person"))
        elif ent.label_ == "ORG" and g.place(text) is None:  # "Montreux" tagged ORG: a place
            cut = person_tail(doc, start, end)  # "the National Assembly Jorge Rodriguez": body, officer
            out.append(_org_candidate(doc, start, cut))
            out += [_officer(doc, cut, end)] if cut < end else []
        elif ent.label_ == "NORP" and followers(doc[start:end]):
            typ = load_lexicon("actors")["collective_heads"].get(ent.root.lower_, ["group"])[0]
            out.append(Candidate(start, end, text, typ))
    return out


def _officer(doc: Any, start: int, end: int) -> Candidate:
    """The person named after a body's head word, as the gazetteer knows them if it does."""
    known = gaz.load().lookup(doc[start:end].text)
    return _from_entry(known, start, end) if known else Candidate(start, end, doc[start:end].text, "person")


def _agent_demonyms(doc: Any) -> list[Candidate]:
    """'Ugandan-hosted talks', 'Qatari-brokered deal': the demonym before a hyphenated participle
    names the state that acts (spaCy often tags it a person)."""
    g = gaz.load()
    out = []
    for tok in doc[:-2]:
        head = tok.head
        if head.tag_ != "VBN" or head.i != tok.i + 2 or doc[tok.i + 1].text != "-":
            continue
        entry = g.demonym(tok.text)
        if entry is not None and entry.type == "state":
            out.append(_from_entry(entry, tok.i, tok.i + 1))
    return out


def _names(doc: Any) -> list[Candidate]:
    """Names no entity gives: persons by the role around them, organisations written in capitals."""
    people = [Candidate(s, e, doc[s:e].text, "person") for s, e in role_people(doc)]
    return people + [Candidate(s, e, doc[s:e].text, "organization") for s, e in capital_names(doc)]


def _bodies(doc: Any) -> list[Candidate]:
    """'X Y, a coalition of ...' (before the entities: a name tagged as a person is the body)."""
    return [Candidate(s, e, doc[s:e].text, typ) for s, e, typ in described_bodies(doc)]


def _org_candidate(doc: Any, start: int, end: int) -> Candidate:
    """An organisation entity: leading common words retype it ('key opposition X')."""
    mods = load_lexicon("actors")["modifier_types"]
    typ = _org_type(doc[start:end])
    while start < end - 1 and doc[start].is_lower:
        start += 1
    root = doc[start:end].root
    for left in doc[max(0, start - 3) : start]:  # "the key opposition X"
        if left.lower_ in mods and left.head.i == root.i:
            typ = mods[left.lower_][0]
    country = country_in(doc, start, end)
    cand = Candidate(start, end, APOS.sub("", doc[start:end].text), typ, country=country)
    if country:
        cand.key = _institution_key(doc, start, end, country)
    return cand


def _institution_key(doc: Any, start: int, end: int, country: str) -> str:
    """'Qatari foreign ministry' and "Qatar's foreign ministry" share QAT:foreign ministry."""
    g = gaz.load()
    words = [
        t.lower_
        for t in doc[start:end]
        if t.tag_ != "POS"
        and not t.is_punct
        and g.demonym(t.text) is None
        and g.lookup(APOS.sub("", t.text)) is None
        and t.lower_ not in DETS
    ]
    return f"{country}:{' '.join(words)}"


def _title_part(span: Any) -> bool:
    """'State' in 'Secretary of State': part of a title, not an organisation."""
    root = span.root
    titles = load_lexicon("actors")["titles"]
    return (
        len(span) == 1
        and root.dep_ == "pobj"
        and root.head.lower_ == "of"
        and root.head.head.lower_ in titles
    )


def _org_type(span: Any) -> str:
    heads = load_lexicon("actors")["collective_heads"]
    typ = heads.get(span.root.lower_, ["organization"])[0]
    return "organization" if typ in ("person", "group") else typ


def _description_spans(doc: Any) -> list[Candidate]:
    lex = load_lexicon("actors")
    heads, mods = lex["collective_heads"], lex["modifier_types"]
    generic = set(lex["generic_heads"])
    out = []
    for tok in doc:
        if tok.pos_ not in ("NOUN", "PROPN") or tok.lower_ not in heads:
            continue
        if tok.dep_ == "compound" or tok.ent_type_ in ("PERSON", "GPE", "DATE", "ORG", "NORP", "FAC"):
            continue
        if tok.dep_ == "conj" and tok.head.dep_ in ("amod", "compound") and tok.i < tok.head.head.i:
            continue  # "Congolese and rebel negotiators": a modifier of the team noun, no actor of its own
        typ, sector = heads[tok.lower_]
        left = [
            c
            for c in tok.lefts
            if c.dep_
            in ("det", "amod", "compound", "nummod", "poss", "quantmod", "advmod", "nmod", "npadvmod")
        ]
        start = _prefixed(doc, min([tok.i] + [c.left_edge.i for c in left]))
        end = tok.i + 1
        for c in tok.rights:  # "a source close to the government"
            if c.dep_ == "amod" and c.i == end:
                end = c.right_edge.i + 1
        words = {t.lower_ for t in doc[start : tok.i]}
        typ, sector = _modified_type(doc[start : tok.i], mods, typ, sector)
        country = country_in(doc, start, tok.i) or _official_owner(doc, start, tok.i)
        specific = bool(words - DETS) or country is not None
        named = _coordinated_names(doc, tok)
        if named:
            out += [Candidate(n.i, n.i + 1, f"{n.text} {tok.lemma_}", typ) for n in named]
            continue
        if (
            tok.lower_ in generic
            and not (words & set(mods))
            and country is None
            and not any(t.dep_ == "poss" for t in doc[start : tok.i])
        ):
            continue
        if words & POSS_PRONOUNS and tok.lower_ in generic:
            continue  # "its delegation": an attribute of another actor, not an actor
        split = _coordinated_demonyms(doc, tok, start)
        if split:
            noun = tok.lemma_ if tok.lower_ in lex["one_per_side"] else tok.text  # "A and B delegations"
            for d, c, label in split:
                cameo = c + sector if sector else None
                out.append(Candidate(d.i, d.i + 1, f"{label} {noun}", typ, country=c, cameo=cameo))
            continue
        start, end = _trim(doc, start, end)
        name = APOS.sub("", doc[start:end].text)
        bare = not specific or words <= DETS | POSS_PRONOUNS
        cand = Candidate(start, end, name, typ, country=country)
        if country and sector:
            cand.cameo = country + sector
        if (
            country
            and typ == "government"
            and tok.lower_ in ("government", "regime", "administration", "authorities")
        ):
            cand.key = f"{country}_GOV"
        elif country and not bare:
            cand.key = _institution_key(doc, start, end, country)
        cand.bare = bare
        out.append(cand)
    return out


def _prefixed(doc: Any, start: int) -> int:
    """'the Chadian co-mediators': a hyphenated prefix and its modifiers belong to the head."""
    while start > 1 and doc[start - 1].text == "-" and doc[start - 2].text_with_ws.isalpha():
        start = min(doc[start - 2].left_edge.i, start - 2)
    return start


def _modified_type(
    modifiers: Any, mods: dict[str, Any], typ: str, sector: str | None
) -> tuple[str, str | None]:
    """The type a generic head takes from its modifiers: the one nearest the head decides.

    In "pro-government armed groups" both "government" and "armed" are typed modifiers; "armed" is the
    one that says what the groups are. Reading in text order (not set order) keeps this deterministic.
    """
    if typ not in ("group", "person", "organization"):
        return typ, sector
    for word in modifiers:
        if word.lower_ in mods:
            typ, sector = mods[word.lower_]
    return typ, sector


def _coordinated_names(doc: Any, head: Any) -> list[Any]:
    """'the Cairo and Moscow groups': one group per coordinated proper-noun modifier."""
    first = next((c for c in head.children if c.dep_ == "compound" and c.pos_ == "PROPN"), None)
    if first is None or head.tag_ != "NNS":
        return []
    names = [first] + [c for c in first.children if c.dep_ == "conj" and c.pos_ == "PROPN"]
    if len(names) == 1 and head.dep_ == "conj" and head.head.pos_ == "PROPN":
        names = [head.head, first]  # parsed as "the Cairo" + "and Moscow groups"
    return names if len(names) > 1 else []


def _coordinated_demonyms(doc: Any, head: Any, start: int) -> list[tuple[Any, str, str]]:
    """'Egyptian and Qatari mediators': one actor per country, with the words naming it; a
    demonym shared by the conjuncts ('the Greek and Turkish Cypriot delegations') qualifies
    each of them (Greek Cypriot, Turkish Cypriot), and its country is theirs."""
    g = gaz.load()
    found = []
    for tok in doc[start : head.i]:
        entry = g.demonym(tok.text)
        if entry is not None and entry.type == "state":
            found.append((tok, entry.country, tok.text))  # the words naming it
    if len(found) > 2 and found[-1][0].i == head.i - 1 and found[-2][0].i == head.i - 2:
        shared = found.pop()  # "Turkish Cypriot": the last demonym qualifies every conjunct
        found = [(t, shared[1], f"{t.text} {shared[0].text}") for t, _, _ in found]
    linked = any(t.dep_ == "conj" for t, _, _ in found)
    return found if len(found) > 1 and linked else []


def _official_owner(doc: Any, start: int, end: int) -> str | None:
    """"Assad's delegation": a known state official's delegation, team or envoys speak for the state."""
    owner = next((t for t in doc[start:end] if t.dep_ == "poss"), None)
    entry = gaz.load().lookup(APOS.sub("", owner.text)) if owner is not None else None
    official = entry is not None and entry.type == "person" and (entry.cameo or "").endswith("GOV")
    return entry.country if official else None


def country_in(doc: Any, start: int, end: int) -> str | None:
    g = gaz.load()
    for tok in doc[start:end]:
        entry = g.demonym(tok.text) or g.lookup(APOS.sub("", tok.text))
        if entry is not None and entry.type == "state":
            return entry.country
    return None


_ADDRESSED = {"invitation", "invite", "message", "letter", "offer", "proposal", "appeal", "call", "warning"}


def _is_place_use(doc: Any, start: int, end: int) -> bool:
    """'talks in Syria', 'arrived in Kazakhstan': a location, not an actor."""
    head = doc[start:end].root
    owner = head.head.head
    addressed = owner.lemma_ in _ADDRESSED or any(
        c.dep_ == "dobj" and c.lemma_ in _ADDRESSED for c in owner.children
    )
    if head.head.lower_ == "to" and addressed:
        return False  # "an invitation to Iran", "sent a message to Israel": the state is addressed
    if head.head.lower_ == "from" and owner.lower_ in load_lexicon("actors")["affiliation_heads"]:
        return False  # "negotiators from Colombia": the state is the side they stand for
    return head.dep_ == "pobj" and head.head.lower_ in (
        "in",
        "to",
        "into",
        "from",
        "at",
        "near",
        "across",
        "inside",
    )


def _trim(doc: Any, start: int, end: int) -> tuple[int, int]:
    while start < end and (doc[start].lower_ in DETS or doc[start].is_punct):
        start += 1
    if end - start > 2 and doc[start].lower_ in ("country", "nation") and doc[start + 1].tag_ == "POS":
        start += 2  # "the country's opposition" is the opposition
    while end > start and (doc[end - 1].is_punct or doc[end - 1].tag_ == "POS"):
        end -= 1
    return start, end


def _select(cands: list[Candidate], described: list[Candidate]) -> list[Candidate]:
    """Non-overlapping names (the longest wins), plus descriptions that wholly contain names.

    "UN envoy Grundberg's office" is an actor and so is "Grundberg" inside it.
    """
    cands.sort(key=lambda c: (-(c.end - c.start), c.start))
    taken: list[Candidate] = []
    for c in cands:
        if not any(c.start < t.end and t.start < c.end for t in taken):
            taken.append(c)
    names = list(taken)
    for d in sorted(described, key=lambda c: (-(c.end - c.start), c.start)):
        clash = any(
            d.start < t.end and t.start < d.end and not (d.start <= t.start and t.end <= d.end) for t in taken
        )
        same = any(d.start == t.start and d.end == t.end for t in names)
        if not clash and not same:
            taken.append(d)
    return sorted(taken, key=lambda c: c.start)
