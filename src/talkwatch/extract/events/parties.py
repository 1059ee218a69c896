"""Who did what to whom: the source and target actors of a coded clause.

A noun phrase names one or more parties: an actor of the article's index
(with its CAMEO code, plus a sector such as "military" from the phrase's head
noun), or only a code read from the phrase's own words (a demonym, a state or
capital, an international organisation). Coordinated phrases give several
parties ("Ethiopia and Eritrea", "US and British forces"). Pronouns are the
quote's speaker ("we"), the reporting verb's subject, or the last actor
mentioned before them. Targets are the first object-like dependent that names
a coded party.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ...actors import gazetteer as gaz
from .._clauses import meeting_nouns
from .lexicon import Lexicon
from .syntax import OBJ, SUBJ, child, conjuncts, described, owner_tokens, prep_object, pruned

TARGET_PREPS = (
    "to",
    "with",
    "against",
    "on",
    "at",
    "into",
    "toward",
    "towards",
    "for",
    "from",
    "over",
    "upon",
    "of",
    "in",
    "between",
    "among",
)
PRONOUNS = {
    "he",
    "she",
    "they",
    "it",
    "we",
    "i",
    "him",
    "her",
    "them",
    "us",
    "its",
    "their",
    "his",
    "who",
    "which",
    "that",
}
FIRST_PERSON = {"we", "i", "us", "our", "my"}


@dataclass(frozen=True)
class Party:
    """One side of an event: an actor of the index (id) and/or a CAMEO actor code."""

    actor: str | None
    code: str | None
    text: str
    span: tuple[int, int] | None = None  # characters of the phrase, for an actor made from a code
    meeting: bool = False  # the phrase names a meeting ("the talks in Quito"): coded, but no actor


@dataclass
class Scope:
    """What the clause's governors tell about it."""

    speaker: list[Party] | None = None  # the reporting verb's subject
    modality: str = ""
    inherited_subject: Any = None  # token: subject of the governing verb


class Parties:
    """Reads the parties of noun phrases against an actor index (None: codes from words only)."""

    def __init__(self, actors: Any, lex: Lexicon) -> None:
        self.actors = actors
        self.lex = lex
        # speaker of a quote being coded: "we", "I" and a missing subject are them
        self.first_person: list[Party] | None = None

    def of(self, tok: Any, scope: Scope, whole: bool = True) -> list[Party]:
        """The actors a noun phrase names (coordinated phrases give several)."""
        if tok is None:
            return []
        if _is_pronoun(tok):
            return self._pronoun(tok, scope)
        heads = [tok, *conjuncts(tok)]
        # "Turkish and Greek sides", "US and British forces": coordinated modifiers
        for mod in tok.children:
            if mod.dep_ in ("amod", "compound", "nmod") and any(c.dep_ == "conj" for c in mod.children):
                heads.extend([mod, *conjuncts(mod)])
        out: list[Party] = []
        for head in heads:
            party = self._party(head, whole=head is tok or head.dep_ == "conj" and head.pos_ != "ADJ")
            if party is not None and party not in out and party.code not in {p.code for p in out if p.code}:
                out.append(party)
        return out

    def _pronoun(self, tok: Any, scope: Scope) -> list[Party]:
        """A pronoun's parties: the quote's speaker, the reporting subject, else the last actor."""
        reporting = self.lex.lemmas(tok.head.lower_) & self.lex.reporting
        if self.first_person and (tok.lower_ in FIRST_PERSON or reporting):
            return list(self.first_person)  # "we" in a quote, "he wrote" after it
        if scope.speaker:
            return scope.speaker
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "relcl":
            return self.of(tok.head.head, scope)
        if self.actors is not None and tok.lower_ not in FIRST_PERSON:
            mention = self.actors.last_before(tok.idx)
            if mention is not None:
                actor = self.actors.get(mention.actor)
                return [Party(actor.id, self._actor_code(actor, None), mention.text)]
        return []

    def _party(self, head: Any, whole: bool = True) -> Party | None:
        """One head's party: the actor mentioned in its phrase (nearest the head) and its code."""
        span = pruned(head) if whole else [head]
        start, end = span[0].idx, span[-1].idx + len(span[-1])
        text = head.doc[span[0].i : span[-1].i + 1].text  # not doc.text: that rebuilds the whole body
        actor = None
        if self.actors is not None:
            mentions = self.actors.mentions_in(start, end)
            if mentions:
                best = min(
                    mentions,
                    key=lambda m: (not (m.start <= head.idx < m.end), abs(m.start - head.idx)),
                )
                actor = self.actors.get(best.actor)
            else:
                actor = self.actors.at(head.idx, head.idx + len(head))
        if not whole:  # a coordinated modifier ("Hungarian and Romanian officials")
            code = self._fallback_code(span)
            return Party(None, code, text, (start, end)) if code else None
        code = self._actor_code(actor, span) if actor is not None else self._fallback_code(span)
        if code is None and actor is not None:  # "Ivory Coast rebels": a state named inside the phrase
            code = self._nested_state(actor, start, end, span)
        if code is None and whole:  # "King X of Morocco", "Qatar's emir, Sheikh X"
            code = self._fallback_code(described(head))
        if actor is None and code is None:
            return None
        meeting = actor is None and head.lower_ in meeting_nouns()
        return Party(actor.id if actor is not None else None, code, text, (start, end), meeting)

    def _actor_code(self, actor: Any, span: list[Any] | None) -> str | None:
        """An indexed actor's CAMEO code, with the phrase's sector for a bare country code."""
        code = actor.cameo or actor.country
        if code is None and self.lex.igo.search(actor.name.lower()):
            code = "IGO"
        if code and len(code) == 3 and span is not None and actor.type != "igo":
            sector = self._sector(span)
            if sector:
                code += sector
        return code

    def _nested_state(self, actor: Any, start: int, end: int, span: list[Any]) -> str | None:
        """The code of a state mentioned inside an uncoded actor's phrase, with the phrase's sector."""
        for mention in self.actors.mentions_in(start, end):
            inner = self.actors.get(mention.actor)
            if inner.id != actor.id and inner.type == "state" and inner.country:
                return str(inner.country) + (self._sector(span) or "")
        return None

    def _fallback_code(self, span: list[Any]) -> str | None:
        """A code from the phrase's own words: a demonym or state name, an IGO word."""
        text = " ".join(t.lower_ for t in span)
        if self.lex.igo.search(text):
            return "IGO"
        try:
            g = gaz.load()
        except Exception:  # gazetteer data missing: code from the index only
            return None
        for word in _capitalized_names(span):
            entry = g.demonym(word) or g.lookup(word) or g.capital_of(word)
            if entry is not None and entry.country:
                sector = self._sector(span)
                return (entry.cameo or entry.country)[:3] + (sector or "")
            place = g.place(word)
            if place is not None:
                return place[1][:3]
        return None

    def _sector(self, span: list[Any]) -> str | None:
        """The sector code of the phrase's head noun ("Sudanese army" -> MIL)."""
        head = span[-1] if span else None
        for tok in reversed(span):
            if tok.pos_ in ("NOUN", "PROPN"):
                head = tok
                break
        if head is None:
            return None
        return self.lex.sectors.get(head.lower_)

    # -- targets -----------------------------------------------------------
    def targets(self, v: Any, scope: Scope, sources: list[Party]) -> list[Party]:
        """The target: the first object-like dependent naming a coded party that is not a source.

        Without a coded one, the first that names any party (an uncoded actor).
        """
        src_ids = {(p.actor, p.code) for p in sources}
        uncoded: list[Party] = []
        for tok in _target_tokens(v):
            parties = [p for p in self.of(tok, scope) if (p.actor, p.code) not in src_ids]
            if any(p.code for p in parties):
                return parties
            uncoded = uncoded or parties
        return uncoded

    def noun_owner(self, obj: Any, scope: Scope) -> list[Party]:
        """Whose a frame's noun is ("rejected Iran's offer" -> Iran), else the noun itself."""
        for tok in [*owner_tokens(obj), obj]:
            parties = self.of(tok, scope, whole=tok is not obj)
            if parties:
                return parties
        return []


def _is_pronoun(tok: Any) -> bool:
    """A personal pronoun, tagged so or standing as a subject; "US" in capitals is the country."""
    if tok.lower_ not in PRONOUNS or (len(tok.text) > 1 and tok.text.isupper()):
        return False
    return tok.pos_ == "PRON" or tok.dep_ in SUBJ


def _target_tokens(v: Any) -> list[Any]:
    """Where a target may be named, most direct first: passive subject, object, dative,
    prepositional objects, the object's owner, the object of an infinitive."""
    cands: list[Any] = []
    obj = child(v, OBJ)
    passive_subj = next((c for c in v.children if c.dep_ == "nsubjpass"), None)
    if passive_subj is not None:
        cands.append(passive_subj)
    if obj is not None:
        cands.append(obj)
    dative = next((c for c in v.children if c.dep_ == "dative"), None)
    if dative is not None:
        cands.append(next((c for c in dative.children if c.dep_ == "pobj"), dative))
    for prep in TARGET_PREPS:
        pobj = prep_object(v, (prep,))
        if pobj is not None:
            cands.append(pobj)
    if obj is not None:
        cands.extend(owner_tokens(obj))
    for xc in (c for c in v.children if c.dep_ == "xcomp"):
        o = child(xc, OBJ)
        if o is not None:
            cands.append(o)
    return cands


def _stance_prefixed(tok: Any) -> bool:
    """ "pro-Iranian", "anti-Syrian": a stance toward the country, not its nationality."""
    doc = tok.doc
    return tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ in ("pro", "anti")


def _capitalized_names(span: list[Any]) -> list[str]:
    """Each capitalized word of a phrase, preceded by the run of capitalized words it ends
    ("Ivory Coast" before "Coast"), possessive endings dropped."""
    out: list[str] = []
    run: list[str] = []
    for tok in span:
        if not tok.text[:1].isupper() or _stance_prefixed(tok):
            run = []
            continue
        word = tok.text[:-2] if tok.text.endswith(("'s", "’s")) else tok.text
        run.append(word)
        if len(run) > 1:
            out.append(" ".join(run))
        out.append(word)
    return out
