"""A general sentence coder: clause -> CAMEO code, PLOVER mode, source and target.

Dependency based, in the tradition of verb-dictionary event coders: the
predicate (verb, or light verb + event noun) selects an event class from
``data/rules/en/events.yaml``; a governing frame verb ("agreed to", "urged
... to", "refused to", "threatened to") or a modality cue (negation, will,
may, if) shifts the code within the class's family (intent 03x, appeal 02x,
demand 10x, refusal 12x, threat 13x) and sets the mode; the subject gives the
source, the object or a prepositional object the target. Reporting verbs
("X said that ...") are looked through: the speaker is the source when the
reported clause has no actor subject of its own, and "X said Y must ..." is a
demand by X on Y.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from .. import gazetteer as gaz
from . import codes
from .lexicon import Lexicon, load

SUBJ = {"nsubj", "nsubjpass", "csubj", "expl"}
OBJ = {"dobj", "obj", "dative", "attr", "oprd"}
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
CLAUSE_DEPS = {"ccomp", "xcomp", "conj", "advcl", "parataxis", "csubj", "pcomp", "acl", "relcl"}
PRUNE = {"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis", "appos", "punct", "cc"}
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
OBLIGATION_VERBS = {"has", "have", "had", "need", "needs", "needed"}


@dataclass(frozen=True)
class Party:
    """One side of an event: an actor of the index (id) and/or a CAMEO actor code."""

    actor: str | None
    code: str | None
    text: str


@dataclass
class Coded:
    """A coded clause, before it becomes one or more ``model.Event``."""

    code: str
    mode: str  # "", negated, future, hypothetical
    family: str
    sources: list[Party] = field(default_factory=list)
    targets: list[Party] = field(default_factory=list)
    verb: int = 0  # token index of the predicate
    start: int = 0  # char span of the clause's sentence
    end: int = 0
    location: str | None = None
    score: int = 2  # 3 verb+object class or frame, 2 verb class, 1 light verb + noun

    @property
    def plover(self) -> str | None:
        return codes.plover_type(self.code)


@dataclass
class _Scope:
    """What the clause's governors tell about it."""

    speaker: list[Party] | None = None  # the reporting verb's subject
    modality: str = ""
    inherited_subject: Any = None  # token: subject of the governing verb


def _verb_index(lex: Lexicon) -> dict[str, list[tuple[int, Any]]]:
    """Verb lemma -> (class position, entry): a predicate looks up its own verbs only."""
    index: dict[str, list[tuple[int, Any]]] = {}
    for i, cls in enumerate(lex.classes):
        if not cls.light:
            for entry in cls.verbs:
                index.setdefault(entry.lemma, []).append((i, entry))
    return index


class Coder:
    """Codes clauses of a parsed document against an actor index."""

    def __init__(self, actors: Any = None, lex: Lexicon | None = None) -> None:
        self.actors = actors
        self.lex = lex or load()
        self._by_lemma = _verb_index(self.lex)
        mod = self.lex.raw["modality"]
        self.negation = set(mod["negation"])
        self.future_aux = set(mod["future_aux"])
        self.hyp_aux = set(mod["hypothetical_aux"])
        self.obligation = set(mod["obligation"])
        self.future_verbs = set(mod["future_verbs"])
        self.hyp_cues = set(mod["hypothetical_cues"])
        self._consumed: set[int] = set()
        # speaker of a quote being coded: "we", "I" and a missing subject are them
        self.first_person: list[Party] | None = None

    # -- entry points ------------------------------------------------------
    def code_sentence(self, sent: Any) -> list[Coded]:
        """Every event coded in one sentence, the main clause's first."""
        self._consumed = set()
        out: list[Coded] = []
        for tok in self._predicates(sent):
            if tok.i in self._consumed:
                continue
            coded = self.code_clause(tok, _Scope())
            if coded is not None:
                coded.start, coded.end = sent.start_char, sent.end_char
                if not coded.sources and self.first_person:
                    coded.sources = list(self.first_person)
                out.append(coded)
        return out

    def code_text(self, doc: Any) -> list[Coded]:
        out: list[Coded] = []
        for sent in doc.sents:
            out.extend(self.code_sentence(sent))
        return out

    # -- clause coding -----------------------------------------------------
    def code_clause(self, v: Any, scope: _Scope) -> Coded | None:
        self._consumed.add(v.i)
        lemmas = self._lemmas(v)
        comp = self._complement(v)
        # 1. reporting verbs: look into the reported clause
        if lemmas & self.lex.reporting and comp is not None:
            speaker = self._parties(self._subject(v, scope), scope)
            inner = self.code_clause(comp, _Scope(speaker=speaker or scope.speaker))
            if inner is not None:
                return self._reported(inner, comp, speaker)
            demanded = self._obliged_parties(comp, scope)
            if demanded and speaker and demanded != speaker:
                # "X said Y must <do something>": a demand, whatever the verb
                return Coded("100", "", "generic", speaker, demanded, v.i, score=2)
        # 2. "has to", "needs to": obligation, coded on the complement
        if comp is not None and comp.dep_ == "xcomp" and v.lower_ in OBLIGATION_VERBS:
            return self.code_clause(comp, _Scope(scope.speaker, scope.modality, self._subject(v, scope)))
        # 3. a phrasal verb with its own class wins over a frame ("forced out")
        phrasal = self._class_for(v, phrasal_only=True)
        kind = None if phrasal else self._frame_kind(v, lemmas)
        # 4. frame verbs with a clause: agree to / urge / refuse / threaten
        if kind is not None and comp is not None:
            framed = self._code_frame(v, kind, comp, scope)
            if framed is not None:
                return framed
        # 5. a noun with a clause of its own: "its demand that X ...", "an offer to mediate"
        noun_frame = self._noun_frame(v) if kind is None else None
        if noun_frame is not None:
            framed = self._code_frame(v, noun_frame[0], noun_frame[1], scope)
            if framed is not None:
                return framed
        # 6. future verbs ("plans to attend", "is expected to sign")
        if comp is not None and comp.dep_ == "xcomp" and lemmas & self.future_verbs:
            inner = self.code_clause(comp, _Scope(scope.speaker, "future", self._subject(v, scope)))
            if inner is not None:
                return inner
        match = phrasal or self._class_for(v, specific_only=True)
        if match is None and kind is not None:
            framed = self._code_frame(v, kind, None, scope)
            if framed is not None:
                return framed
        # 7. the predicate itself
        match = match or self._class_for(v)
        if match is None:
            return None
        cls_code, family, score = match
        modality, shifts = self._modality(v)
        if not modality:
            modality, shifts = scope.modality, bool(scope.modality)
        code, mode = self._shift(cls_code, family, modality if shifts else "", v, scope)
        mode = mode or modality
        sources = self._parties(self._subject(v, scope), scope)
        targets = self._targets(v, scope, sources)
        if modality == "future" and not sources and scope.speaker:
            sources = scope.speaker
        return Coded(code, mode, family, sources, targets, v.i, location=self._location(v), score=score)

    def _obliged_parties(self, comp: Any, scope: _Scope) -> list[Party]:
        obliged = _has_aux(comp, self.obligation) or (
            comp.lower_ in OBLIGATION_VERBS and any(c.dep_ == "xcomp" for c in comp.children)
        )
        if not obliged:
            return []
        return [p for p in self._parties(self._subject_token(comp), scope) if p.code]

    def _noun_frame(self, v: Any) -> tuple[str, Any] | None:
        for noun in [v, *(c for c in v.children if c.dep_ in OBJ | {"nsubj", "nsubjpass"})]:
            if noun.pos_ not in ("NOUN", "PROPN"):
                continue
            kind = self.lex.frame_heads.get(noun.lower_)
            if kind is None:
                continue
            clause = next(
                (
                    c
                    for c in noun.children
                    if c.dep_ in ("acl", "ccomp", "relcl") and c.pos_ in ("VERB", "AUX") and c.dep_ != "relcl"
                ),
                None,
            )
            if clause is not None:
                return kind, clause
        return None

    def _reported(self, inner: Coded, comp: Any, speaker: list[Party]) -> Coded:
        """Attach a reported clause to its speaker (source, or demander)."""
        subj = self._subject_token(comp)
        own = [p for p in inner.sources if p.code or p.actor]
        obliged = _has_aux(comp, self.obligation) or (
            comp.lower_ in OBLIGATION_VERBS and any(c.dep_ == "xcomp" for c in comp.children)
        )
        if obliged and own and speaker and own != speaker and inner.code[:2] not in ("10", "02"):
            fam = self.lex.family(inner.family)
            demand = fam[2] or "100"
            return replace(inner, code=demand, mode="", sources=speaker, targets=own)
        if not own or (subj is not None and subj.lower_ in PRONOUNS):
            return replace(inner, sources=speaker or inner.sources)
        return inner

    def _code_frame(self, v: Any, kind: str, comp: Any, scope: _Scope) -> Coded | None:
        sources = self._parties(self._subject(v, scope), scope)
        negated = self._negated(v)
        if kind == "intent" and negated:
            kind = "refuse"
        column = ("intent", "appeal", "demand", "refuse", "threat").index(kind)
        mode = "negated" if kind == "refuse" else self._modality(v)[0] or scope.modality
        if comp is not None:
            inner_subject = self._subject_token(v) if comp.dep_ == "xcomp" else None
            inner = self.code_clause(comp, _Scope(scope.speaker, "", inner_subject))
            if inner is not None:
                fam = self.lex.family(inner.family)
                code = fam[column] or self._frame_fallback(kind, inner.code)
                if kind == "intent" and fam[0] is None and fam[4]:
                    code = fam[4]  # "vowed to fight": a threat
                targets = inner.targets
                if kind in ("appeal", "demand"):
                    addressee = self._parties(_child(v, OBJ), scope)
                    own = [p for p in inner.sources if p.code or p.actor]
                    targets = addressee or (own if comp.dep_ == "ccomp" else []) or targets
                if kind == "intent" and inner.code[:2] in ("03",):
                    code = inner.code
                return Coded(
                    code,
                    mode,
                    inner.family,
                    sources or inner.sources,
                    targets,
                    v.i,
                    location=inner.location or self._location(v),
                    score=3,
                )
        if comp is not None and comp.pos_ in ("VERB", "AUX"):
            # "demanded that the US match ...": the frame alone, aimed at the clause's subject
            generic = self.lex.family("generic")[column]
            assert generic is not None
            if kind in ("appeal", "demand"):
                targets = self._parties(_child(v, OBJ), scope) or self._parties(
                    self._subject_token(comp), scope
                )
            else:
                targets = self._targets(comp, scope, sources)
            targets = [p for p in targets if p not in sources]
            return Coded(generic, mode, "generic", sources, targets, v.i, location=self._location(v), score=2)
        # no clause: a noun object ("rejected the plan", "called for talks")
        obj = _child(v, OBJ) or self._prep_object(v, ("for", "to", "on", "of", "against"))
        family = self._frame_noun_family(obj) if obj is not None else None
        if family is None and kind in ("intent", "refuse") and obj is None:
            return None  # bare "agreed", "refused": let the class table decide
        fam = self.lex.family(family or "generic")
        code = fam[column] or self.lex.family("generic")[column]
        assert code is not None
        targets = self._noun_owner(obj, scope) if obj is not None else []
        targets = [p for p in targets if p not in sources]
        if not targets:
            targets = [p for p in self._targets(v, scope, sources) if p not in sources]
        return Coded(
            code,
            mode,
            family or "generic",
            sources,
            targets,
            v.i,
            location=self._location(v),
            score=3 if family else 2,
        )

    def _frame_fallback(self, kind: str, inner_code: str) -> str:
        if kind == "threat":
            return "130"
        if kind == "intent":
            return inner_code if inner_code[:2] in ("03", "04", "05", "06", "07", "08") else "030"
        return {"appeal": "020", "demand": "100", "refuse": "120"}[kind]

    def _shift(self, code: str, family: str, modality: str, v: Any, scope: _Scope) -> tuple[str, str]:
        """Apply negation / future / hypothetical to a class code."""
        fam = self.lex.family(family)
        if modality == "negated":
            refusal = fam[3]
            if refusal and self._refusal_tense(v):
                return refusal, "negated"
            return code, "negated"
        if modality in ("future", "hypothetical"):
            if fam[0]:
                return fam[0], modality
            if fam[4] and self._self_announced(v, scope):
                return fam[4], modality
        return code, modality

    def _self_announced(self, v: Any, scope: _Scope) -> bool:
        """A future conflict action announced by its own actor is a threat."""
        subj = self._subject_token(v)
        if scope.speaker is None:
            return True
        return subj is None or subj.lower_ in PRONOUNS

    def _refusal_tense(self, v: Any) -> bool:
        """'will not attend', 'does not accept' refuse; 'did not attend' only denies."""
        aux = {c.lower_ for c in v.children if c.dep_ in ("aux", "auxpass")}
        if aux & (self.future_aux | self.hyp_aux):
            return True
        return v.tag_ in ("VBZ", "VBP") or bool(aux & {"does", "do", "is", "are", "has", "have"})

    # -- modality ----------------------------------------------------------
    def _negated(self, v: Any) -> bool:
        return any(
            c.dep_ == "neg" or c.lower_ in self.negation and c.dep_ in ("advmod", "det") for c in v.children
        )

    def _modality(self, v: Any) -> tuple[str, bool]:
        """The clause's mode and whether it moves the code (to intent/threat/refusal).

        Hedges ("reportedly conceded") only mark the mode: the event happened.
        """
        if self._negated(v):
            return "negated", True
        aux = {c.lower_ for c in v.children if c.dep_ in ("aux", "auxpass")}
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in v.children):
            return "hypothetical", True
        if aux & {"would"}:
            sent = v.sent
            return ("hypothetical" if any(t.lower_ in ("if", "unless") for t in sent) else "future"), True
        if aux & self.hyp_aux:
            return "hypothetical", True
        if aux & self.future_aux or "going" in aux:
            return "future", True
        head = v.head
        if (
            v.dep_ == "xcomp"
            and head.i != v.i
            and (self._lemmas(head) & self.future_verbs or head.lower_ in ("due", "set", "poised", "ready"))
        ):
            return "future", True
        cues = {c.lower_ for c in v.children if c.dep_ == "advmod"}
        if cues & self.hyp_cues:
            return "hypothetical", False
        return "", False

    # -- class matching ----------------------------------------------------
    def _class_for(
        self, v: Any, *, phrasal_only: bool = False, specific_only: bool = False
    ) -> tuple[str, str, int] | None:
        """The best event class of a predicate and how sure the match is.

        Verb + object noun first (the object's head words before the whole
        object phrase), then the verb alone, then a light verb + event noun.
        """
        lemmas = self._lemmas(v)
        heads, region = self._heads(v), self._region(v)
        hits = sorted({pair for lemma in lemmas for pair in self._by_lemma.get(lemma, ())}, key=lambda p: p[0])
        candidates = list(dict.fromkeys(
            self.lex.classes[i] for i, e in hits
            if self._rest_ok(v, e.rest) and (e.rest or not phrasal_only)
        ))
        for text in (heads, region):
            for cls in candidates:
                if cls.nouns is not None and cls.nouns.search(text):
                    return cls.code, cls.family, 3
        if specific_only:
            return None
        verb_only = next((cls for cls in candidates if cls.nouns is None), None)
        if phrasal_only:
            return (verb_only.code, verb_only.family, 3) if verb_only is not None else None
        if verb_only is not None:
            return verb_only.code, verb_only.family, 2
        if v.pos_ in ("NOUN", "PROPN") or self._is_light(v, lemmas):
            for text in (heads, region):
                for cls in self.lex.classes:
                    if cls.nouns is not None and (cls.light or v.pos_ == "NOUN") and cls.nouns.search(text):
                        return cls.code, cls.family, 1
            # "continued military aid", "resumed the shelling": another class's event noun
            for cls in self.lex.classes:
                if cls.nouns is not None and cls.code[:2] not in ("03", "05") and cls.nouns.search(heads):
                    return cls.code, cls.family, 1
        return None

    def _heads(self, v: Any) -> str:
        """The head words (with compounds) of the predicate's object-like dependents."""
        out = []
        for c in v.children:
            if c.dep_ in OBJ | {"nsubjpass"} or c.dep_ == "nsubj" and not _child(v, OBJ):
                out.append(c)
            elif c.dep_ in ("prep", "agent"):
                out.extend(g for g in c.children if g.dep_ == "pobj")
        if v.pos_ in ("NOUN", "PROPN"):
            out.append(v)
        words = []
        for h in out:
            words.extend(
                t.lower_
                for t in sorted(
                    [*(c for c in h.children if c.dep_ in ("compound", "amod")), h],
                    key=lambda t: t.i,
                )
            )
            words.append("|")
        return " ".join(words)

    def _is_light(self, v: Any, lemmas: frozenset[str]) -> bool:
        return any(e.lemma in lemmas and self._rest_ok(v, e.rest) for e in self.lex.light)

    def _rest_ok(self, v: Any, rest: tuple[str, ...]) -> bool:
        if not rest:
            return True
        doc = v.doc
        window = [t.lower_ for t in doc[v.i + 1 : min(len(doc), v.i + len(rest) + 3)]]
        n = len(rest)
        return any(tuple(window[i : i + n]) == rest for i in range(len(window) - n + 1)) or (
            n == 1 and any(c.lower_ == rest[0] for c in v.children)
        )

    def _region(self, v: Any) -> str:
        """Text of the predicate's object, prepositional objects and passive subject."""
        parts: list[Any] = [v]
        for c in v.children:
            if (
                c.dep_
                in OBJ | {"nsubjpass", "prep", "agent", "prt", "acomp", "npadvmod", "advmod", "compound"}
                or c.dep_ in ("nsubj",)
                and not _child(v, OBJ)
                or c.dep_ == "xcomp"
                and c.pos_ in ("NOUN", "ADJ")
            ):
                parts.extend(_pruned(c))
        if v.pos_ in ("NOUN", "PROPN"):
            parts.extend(_pruned(v))
        parts = sorted(set(parts), key=lambda t: t.i)
        return " ".join(t.lower_ for t in parts)

    def _frame_kind(self, v: Any, lemmas: frozenset[str]) -> str | None:
        if v.pos_ == "ADJ" or v.dep_ == "acomp":
            kind = self.lex.frame_adjectives.get(v.lower_)
            if kind is not None:
                return kind
        for kind, verbs in self.lex.frames.items():
            if any(e.lemma in lemmas and self._rest_ok(v, e.rest) for e in verbs):
                return kind
        # "is ready to X": the adjective is the head of the complement
        acomp = next((c for c in v.children if c.dep_ == "acomp"), None)
        if (
            acomp is not None
            and acomp.lower_ in self.lex.frame_adjectives
            and self._complement(acomp) is not None
        ):
            return self.lex.frame_adjectives[acomp.lower_]
        return None

    def _frame_noun_family(self, obj: Any) -> str | None:
        text = " ".join(t.lower_ for t in _pruned(obj, keep_of=True))
        for family, pattern in self.lex.frame_nouns:
            if pattern.search(text):
                return family
        return None

    # -- syntax helpers ----------------------------------------------------
    def _lemmas(self, tok: Any) -> frozenset[str]:
        return self.lex.lemmas(tok.lower_)

    def _predicates(self, sent: Any) -> Iterable[Any]:
        """Clause heads of a sentence, breadth first from the root."""
        queue = [sent.root]
        seen = set()
        while queue:
            tok = queue.pop(0)
            if tok.i in seen:
                continue
            seen.add(tok.i)
            if tok.pos_ in ("VERB", "AUX", "ADJ", "NOUN") or tok.dep_ == "ROOT":
                yield tok
            queue.extend(c for c in tok.children if c.dep_ in CLAUSE_DEPS)
            queue.extend(c for c in tok.children if c.dep_ == "acomp")
            for prep in (c for c in tok.children if c.dep_ == "prep"):
                queue.extend(g for g in prep.children if g.dep_ == "pcomp" and g.pos_ == "VERB")

    def _complement(self, v: Any) -> Any:
        for dep in ("xcomp", "ccomp"):
            comp = next((c for c in v.children if c.dep_ == dep), None)
            if comp is not None:
                return comp
        acomp = next((c for c in v.children if c.dep_ == "acomp"), None)
        if acomp is not None:
            return next((c for c in acomp.children if c.dep_ in ("xcomp", "ccomp")), None)
        # "reports that X ...", "said on Tuesday X ..." parsed as parataxis
        return next((c for c in v.children if c.dep_ == "parataxis" and c.i > v.i), None)

    def _subject_token(self, v: Any) -> Any:
        subj = next((c for c in v.children if c.dep_ in ("nsubj", "csubj")), None)
        if subj is not None:
            return subj
        agent = next((c for c in v.children if c.dep_ == "agent"), None)
        if agent is not None:
            return next((c for c in agent.children if c.dep_ == "pobj"), None)
        return None

    def _subject(self, v: Any, scope: _Scope) -> Any:
        """The clause's subject: own, passive agent, or the governing verb's (xcomp, conj)."""
        subj = self._subject_token(v)
        if subj is not None:
            return subj
        if scope.inherited_subject is not None:
            return scope.inherited_subject
        head = v
        while head.dep_ in ("xcomp", "conj", "advcl", "acomp") and head.head.i != head.i:
            head = head.head
            subj = self._subject_token(head)
            if subj is not None:
                return subj
        if v.dep_ in ("relcl", "acl") and v.head.i != v.i:
            return v.head
        return None

    def _targets(self, v: Any, scope: _Scope, sources: list[Party]) -> list[Party]:
        cands: list[Any] = []
        obj = _child(v, OBJ)
        passive_subj = next((c for c in v.children if c.dep_ == "nsubjpass"), None)
        if passive_subj is not None:
            cands.append(passive_subj)
        if obj is not None:
            cands.append(obj)
        dative = next((c for c in v.children if c.dep_ == "dative"), None)
        if dative is not None:
            cands.append(next((c for c in dative.children if c.dep_ == "pobj"), dative))
        for prep in TARGET_PREPS:
            pobj = self._prep_object(v, (prep,))
            if pobj is not None:
                cands.append(pobj)
        if obj is not None:
            cands.extend(self._owner_tokens(obj))
        for xc in (c for c in v.children if c.dep_ == "xcomp"):
            o = _child(xc, OBJ)
            if o is not None:
                cands.append(o)
        src_ids = {(p.actor, p.code) for p in sources}
        uncoded: list[Party] = []
        for tok in cands:
            parties = [p for p in self._parties(tok, scope) if (p.actor, p.code) not in src_ids]
            if any(p.code for p in parties):
                return parties
            uncoded = uncoded or parties
        return uncoded

    def _owner_tokens(self, noun: Any) -> list[Any]:
        out = [c for c in noun.children if c.dep_ in ("poss", "compound", "amod", "nmod")]
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ in (
                "of",
                "on",
                "against",
                "by",
                "to",
                "with",
                "for",
                "between",
            ):
                out.extend(c for c in prep.children if c.dep_ == "pobj")
        return out

    def _noun_owner(self, obj: Any, scope: _Scope) -> list[Party]:
        for tok in [*self._owner_tokens(obj), obj]:
            parties = self._parties(tok, scope, whole=tok is not obj)
            if parties:
                return parties
        return []

    def _prep_object(self, v: Any, preps: tuple[str, ...]) -> Any:
        for c in v.children:
            if c.dep_ in ("prep", "agent") and c.lower_ in preps:
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
        return None

    def _location(self, v: Any) -> str | None:
        for c in v.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "at"):
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if pobj is not None and pobj.ent_type_ in ("GPE", "LOC", "FAC"):
                    return " ".join(t.text for t in _pruned(pobj) if t.ent_type_)
        return None

    # -- actors ------------------------------------------------------------
    def _parties(self, tok: Any, scope: _Scope, whole: bool = True) -> list[Party]:
        """The actors a noun phrase names (coordinated phrases give several)."""
        if tok is None:
            return []
        if tok.lower_ in PRONOUNS and tok.pos_ == "PRON" or tok.lower_ in PRONOUNS and tok.dep_ in SUBJ:
            return self._pronoun(tok, scope)
        heads = [tok, *_conjuncts(tok)]
        # "Turkish and Greek sides", "US and British forces": coordinated modifiers
        for mod in tok.children:
            if mod.dep_ in ("amod", "compound", "nmod") and any(c.dep_ == "conj" for c in mod.children):
                heads.extend([mod, *_conjuncts(mod)])
        out: list[Party] = []
        for head in heads:
            party = self._party(head, whole=head is tok or head.dep_ == "conj" and head.pos_ != "ADJ")
            if party is not None and party not in out and party.code not in {p.code for p in out if p.code}:
                out.append(party)
        return out

    def _pronoun(self, tok: Any, scope: _Scope) -> list[Party]:
        if self.first_person and (tok.lower_ in FIRST_PERSON or self._lemmas(tok.head) & self.lex.reporting):
            return list(self.first_person)  # "we" in a quote, "he wrote" after it
        if scope.speaker:
            return scope.speaker
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "relcl":
            return self._parties(tok.head.head, scope)
        if self.actors is not None and tok.lower_ not in FIRST_PERSON:
            mention = self.actors.last_before(tok.idx)
            if mention is not None:
                actor = self.actors.get(mention.actor)
                return [Party(actor.id, self._actor_code(actor, None), mention.text)]
        return []

    def _party(self, head: Any, whole: bool = True) -> Party | None:
        span = _pruned(head) if whole else [head]
        start, end = span[0].idx, span[-1].idx + len(span[-1])
        text = head.doc.text[start:end]
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
            return Party(None, code, text) if code else None
        code = self._actor_code(actor, span) if actor is not None else self._fallback_code(span)
        if code is None and whole:  # "King X of Morocco", "Qatar's emir, Sheikh X"
            code = self._fallback_code(_described(head))
        if actor is None and code is None:
            return None
        return Party(actor.id if actor is not None else None, code, text)

    def _actor_code(self, actor: Any, span: list[Any] | None) -> str | None:
        code = actor.cameo or actor.country
        if code is None and self.lex.igo.search(actor.name.lower()):
            code = "IGO"
        if code and len(code) == 3 and span is not None and actor.type != "igo":
            sector = self._sector(span)
            if sector:
                code += sector
        return code

    def _fallback_code(self, span: list[Any]) -> str | None:
        """A code from the phrase's own words: a demonym or state name, an IGO word."""
        text = " ".join(t.lower_ for t in span)
        if self.lex.igo.search(text):
            return "IGO"
        try:
            g = gaz.load()
        except Exception:  # gazetteer data missing: code from the index only
            return None
        for tok in span:
            if not tok.text[:1].isupper():
                continue
            word = tok.text[:-2] if tok.text.endswith(("'s", "’s")) else tok.text
            entry = g.demonym(word) or g.lookup(word) or g.capital_of(word)
            if entry is not None and entry.country:
                sector = self._sector(span)
                return (entry.cameo or entry.country)[:3] + (sector or "")
            place = g.place(word)
            if place is not None:
                return place[1][:3]
        return None

    def _sector(self, span: list[Any]) -> str | None:
        head = span[-1] if span else None
        for tok in reversed(span):
            if tok.pos_ in ("NOUN", "PROPN"):
                head = tok
                break
        if head is None:
            return None
        return self.lex.sectors.get(head.lower_)


def _has_aux(v: Any, words: set[str]) -> bool:
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in words for c in v.children)


def _child(v: Any, deps: set[str]) -> Any:
    return next((c for c in v.children if c.dep_ in deps), None)


def _conjuncts(tok: Any) -> list[Any]:
    out = []
    for c in tok.children:
        if c.dep_ == "conj":
            out.append(c)
            out.extend(_conjuncts(c))
    return out


def _described(tok: Any) -> list[Any]:
    """A phrase with its appositions and of-phrases (where a person's country is said)."""
    out = [tok]
    for c in tok.children:
        of_phrase = c.dep_ == "prep" and c.lower_ in ("of", "in", "from")
        if c.dep_ in ("appos", "compound", "amod", "poss", "nmod") or of_phrase:
            out.extend(_pruned(c, keep_of=True))
        if of_phrase:
            out.extend(t for g in c.children for t in _pruned(g, keep_of=True))
    if tok.dep_ == "appos":
        out.extend(_pruned(tok.head))
    return sorted(set(out), key=lambda t: t.i)


def _pruned(tok: Any, keep_of: bool = False) -> list[Any]:
    """A phrase without its clauses, appositions and conjuncts."""
    out = [tok]
    for c in tok.children:
        if c.dep_ in PRUNE or c.dep_ == "conj":
            continue
        if c.dep_ == "prep" and not keep_of and c.lower_ not in ("of",):
            continue
        out.extend(_pruned(c, keep_of))
    return sorted(out, key=lambda t: t.i)
