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

from dataclasses import dataclass, field, replace
from typing import Any

from . import codes
from .lexicon import FRAME_KINDS, Lexicon, load
from .parties import PRONOUNS, Parties, Party, Scope
from .predicates import Match, Predicates, frame_fallback
from .syntax import (
    OBJ,
    child,
    clause_heads,
    complement,
    content_clause,
    event_location,
    has_aux,
    infinitive,
    prep_object,
    subject_token,
)

__all__ = ["Coded", "Coder", "Party", "Scope"]

OBLIGATION_VERBS = frozenset(load().raw["modality"]["obligation_verbs"])
COMMAND_VERBS = frozenset(load().raw.get("command_verbs", []))
FAILURE_VERBS = frozenset({"fail"})
# roots of material actions (mobilize .. assault) an authority's command carries out itself
_COMMANDED_ROOTS = ("15", "16", "17", "18", "19", "20")
_VIOLENT = ("attack", "terror", "wmd", "occupy", "blockade")  # families of violent acts


@dataclass(frozen=True)
class _Frame:
    """A frame verb as read: its kind, the family column it selects, its mode and sources."""

    verb: Any
    kind: str
    column: int
    mode: str
    sources: list[Party]


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
        """The PLOVER event type of the CAMEO code."""
        return codes.plover_type(self.code)


class Coder:
    """Codes clauses of a parsed document against an actor index."""

    def __init__(self, actors: Any = None, lex: Lexicon | None = None) -> None:
        self.actors = actors
        self.lex = lex or load()
        self.pred = Predicates(self.lex)
        self.parties = Parties(actors, self.lex)
        self._consumed: set[int] = set()

    @property
    def first_person(self) -> list[Party] | None:
        """Speaker of a quote being coded: "we", "I" and a missing subject are them."""
        return self.parties.first_person

    @first_person.setter
    def first_person(self, speaker: list[Party] | None) -> None:
        self.parties.first_person = speaker

    # -- entry points ------------------------------------------------------
    def code_sentence(self, sent: Any) -> list[Coded]:
        """Every event coded in one sentence, the main clause's first."""
        self._consumed = set()
        out = self._code_heads(sent, clause_heads(sent))
        if not out:
            # a misparse can hang the main verb off a noun ("youths resorted to ..."): any verb left
            out = self._code_heads(sent, [t for t in sent if t.pos_ == "VERB" and t.dep_ != "amod"])
        return out

    def _code_heads(self, sent: Any, heads: Any) -> list[Coded]:
        out: list[Coded] = []
        for tok in heads:
            if tok.i in self._consumed:
                continue
            coded = self.code_clause(tok, Scope())
            if coded is not None:
                coded.start, coded.end = sent.start_char, sent.end_char
                if not coded.sources and self.first_person:
                    coded.sources = list(self.first_person)
                out.append(coded)
        return out

    def code_text(self, doc: Any) -> list[Coded]:
        """Every event coded in a parsed document, sentence by sentence."""
        out: list[Coded] = []
        for sent in doc.sents:
            out.extend(self.code_sentence(sent))
        return out

    # -- clause coding -----------------------------------------------------
    def code_clause(self, v: Any, scope: Scope) -> Coded | None:
        """The event of the clause headed by ``v``, or None; the first step that codes it wins.

        Reporting, obligation, frame and future verbs are looked through to the
        clause they govern, which is coded with what they say about it (scope).
        """
        self._consumed.add(v.i)
        lemmas = self.pred.lemmas(v)
        comp = complement(v)
        # 1. reporting verbs: look into the reported clause, unless it is the content of a frame noun
        # object ("reiterated its demand that X ...")
        if lemmas & self.lex.reporting and comp is not None:
            held = self._held_frame(v, comp)
            framed = self._code_frame(v, held, comp, scope) if held else None
            if framed is not None:
                return framed
            reported = self._through_report(v, comp, scope)
            if reported is not None:
                return reported
        # 2. "has to", "needs to": obligation, coded on the complement
        if comp is not None and comp.dep_ == "xcomp" and v.lower_ in OBLIGATION_VERBS:
            return self.code_clause(comp, Scope(scope.speaker, scope.modality, self._subject(v, scope)))
        # 3. a phrasal verb with its own class wins over a frame ("forced out")
        phrasal = self.pred.class_for(v, phrasal_only=True)
        kind = None if phrasal else self.pred.frame_kind(v, lemmas)
        if kind is not None and comp is None:  # "have sworn to fight" parsed as an adverbial clause
            comp = infinitive(v)
        # 4. frame verbs with a clause: agree to / urge / refuse / threaten
        if kind is not None and comp is not None:
            framed = self._code_frame(v, kind, comp, scope)
            if framed is not None:
                return framed
        # 5. a noun with a clause of its own: "its demand that X ...", "an offer to mediate"
        # ("praised Peru's decision to hold elections" is praise: a verb with its own class keeps it)
        own = kind is not None or not self.pred.is_light(v) and self.pred.class_for(v) is not None
        noun_frame = self._noun_frame(v) if not own else None
        if noun_frame is not None:
            framed = self._code_frame(v, noun_frame[0], noun_frame[1], scope)
            if framed is not None:
                return framed
        # 6. future verbs ("plans to attend", "is expected to sign"); decisions ("decided to allow")
        through = self.pred.future_verbs | self.pred.decision_verbs
        if comp is not None and comp.dep_ == "xcomp" and lemmas & through:
            mode = "future" if lemmas & self.pred.future_verbs else scope.modality
            inner = self.code_clause(comp, Scope(scope.speaker, mode, self._subject(v, scope)))
            if inner is not None and lemmas & self.pred.preparation and inner.family in _VIOLENT:
                return replace(inner, code="154", family="mobilize", mode="")  # "prepared to attack"
            if inner is not None or lemmas & self.pred.decision_verbs:
                return inner  # "tried to secure favour" is no trial
        match = phrasal or self.pred.class_for(v, specific_only=True)
        if match is None and kind is not None:
            framed = self._code_frame(v, kind, None, scope)
            if framed is not None:
                return framed
        # 7. the predicate itself
        match = match or self.pred.class_for(v)
        if match is None:
            return None
        return self._code_predicate(v, match, scope)

    def _through_report(self, v: Any, comp: Any, scope: Scope) -> Coded | None:
        """ "X said (that) ...": the reported clause with X as its source, or X's demand on Y."""
        speaker = self.parties.of(self._subject(v, scope), scope)
        inner = self.code_clause(comp, Scope(speaker=speaker or scope.speaker))
        if inner is not None:
            return self._reported(inner, comp, speaker)
        demanded = self._obliged_parties(comp, scope)
        if demanded and speaker and demanded != speaker:
            # "X said Y must <do something>": a demand, whatever the verb
            return Coded("100", "", "generic", speaker, demanded, v.i, score=2)
        return None

    def _code_predicate(self, v: Any, match: Match, scope: Scope) -> Coded:
        """The predicate's own class, shifted by its mode (or the governing verb's)."""
        cls_code, family, score = match
        modality, shifts = self.pred.modality(v)
        if not modality:
            modality, shifts = scope.modality, bool(scope.modality)
        code, mode = self._shift(cls_code, family, modality if shifts else "", v, scope)
        mode = mode or modality
        sources = self.parties.of(self._subject(v, scope), scope)
        targets = self.parties.targets(v, scope, sources)
        if modality == "future" and not sources and scope.speaker:
            sources = scope.speaker
        code = self.pred.joint(code, {p.code[:3] for p in sources if p.code})
        return Coded(code, mode, family, sources, targets, v.i, location=event_location(v), score=score)

    def _obliged(self, comp: Any) -> bool:
        """ "Y must ...", "Y should ...", "Y has to ...": the clause states an obligation."""
        return has_aux(comp, self.pred.obligation) or (
            comp.lower_ in OBLIGATION_VERBS and any(c.dep_ == "xcomp" for c in comp.children)
        )

    def _obliged_parties(self, comp: Any, scope: Scope) -> list[Party]:
        """The coded parties an obliged clause is about (those a reported demand targets)."""
        if not self._obliged(comp):
            return []
        return [p for p in self.parties.of(subject_token(comp), scope) if p.code]

    def _held_frame(self, v: Any, comp: Any) -> str | None:
        """The frame kind of a reporting verb's object noun whose content is the verb's clause."""
        obj = child(v, OBJ)
        if obj is None or obj.pos_ != "NOUN" or comp.dep_ != "ccomp":
            return None
        return self.lex.frame_heads.get(obj.lower_)

    def _noun_frame(self, v: Any) -> tuple[str, Any] | None:
        """(kind, clause) of a frame noun with a clause: "its demand that X ...", "an offer to mediate"."""
        for noun in [v, *(c for c in v.children if c.dep_ in OBJ | {"nsubj", "nsubjpass"})]:
            if noun.pos_ not in ("NOUN", "PROPN"):
                continue
            kind = self.lex.frame_heads.get(noun.lower_)
            if kind is None:
                continue
            clause = next((c for c in noun.children if content_clause(c)), None)
            if clause is not None:
                return kind, clause
        return None

    def _reported(self, inner: Coded, comp: Any, speaker: list[Party]) -> Coded:
        """Attach a reported clause to its speaker (source, or demander)."""
        subj = subject_token(comp)
        own = [p for p in inner.sources if p.code or p.actor]
        if self._obliged(comp) and own and speaker and own != speaker and inner.code[:2] not in ("10", "02"):
            fam = self.lex.family(inner.family)
            demand = fam[2] or "100"
            return replace(inner, code=demand, mode="", sources=speaker, targets=own)
        if not own or (subj is not None and subj.lower_ in PRONOUNS):
            return replace(inner, sources=speaker or inner.sources)
        return inner

    def _code_frame(self, v: Any, kind: str, comp: Any, scope: Scope) -> Coded | None:
        """A frame verb ("agreed to", "urged ... to", "refused", "threatened") over a clause or a noun."""
        sources = self.parties.of(self._subject(v, scope), scope)
        if not any(p.actor for p in sources) and self.pred.lemmas(v) & FAILURE_VERBS:
            return None  # "the dialogue failed to bridge differences": no one refused anything
        negated = self.pred.negated(v)
        if kind == "intent" and negated:
            kind = "refuse"
        mode = "negated" if kind == "refuse" else self.pred.modality(v)[0] or scope.modality
        frame = _Frame(v, kind, FRAME_KINDS.index(kind), mode, sources)
        if comp is not None:
            framed = self._frame_on_clause(frame, comp, scope)
            if framed is not None:
                return framed
        if comp is not None and comp.pos_ in ("VERB", "AUX"):
            return self._frame_alone(frame, comp, scope)
        return self._frame_on_noun(frame, scope)

    def _frame_on_clause(self, frame: _Frame, comp: Any, scope: Scope) -> Coded | None:
        """The framed clause's event moved to the frame's column of its family ("agreed to meet")."""
        v, kind, column = frame.verb, frame.kind, frame.column
        inner_subject = subject_token(v) if comp.dep_ == "xcomp" else None
        inner = self.code_clause(comp, Scope(scope.speaker, "", inner_subject))
        if inner is None:
            return None
        fam = self.lex.family(inner.family)
        code = fam[column] or frame_fallback(kind, inner.code)
        if kind == "intent" and fam[0] is None and fam[4]:
            code = fam[4]  # "vowed to fight": a threat
        targets = inner.targets
        if kind in ("appeal", "demand"):
            addressee = self.parties.of(child(v, OBJ), scope)
            own = [p for p in inner.sources if p.code or p.actor]
            targets = addressee or (own if comp.dep_ == "ccomp" else []) or targets
        if kind == "intent" and inner.code[:2] in ("03",):
            code = inner.code
        if self._commands(v, kind) and fam[column] is None and inner.code[:2] in _COMMANDED_ROOTS:
            code = inner.code  # "ordered the paper to suspend publication": the suspension
        return Coded(
            code,
            frame.mode,
            inner.family,
            frame.sources or inner.sources,
            targets,
            v.i,
            location=inner.location or event_location(v),
            score=3,
        )

    def _frame_alone(self, frame: _Frame, comp: Any, scope: Scope) -> Coded:
        """ "demanded that the US match ...": the frame alone, aimed at the clause's subject."""
        v, sources = frame.verb, frame.sources
        generic = self.lex.family("generic")[frame.column]
        assert generic is not None
        if frame.kind in ("appeal", "demand"):
            targets = self.parties.of(child(v, OBJ), scope) or self.parties.of(subject_token(comp), scope)
        else:
            targets = self.parties.targets(comp, scope, sources)
        targets = [p for p in targets if p not in sources]
        return Coded(
            generic, frame.mode, "generic", sources, targets, v.i, location=event_location(v), score=2
        )

    def _frame_on_noun(self, frame: _Frame, scope: Scope) -> Coded | None:
        """No clause: a noun object ("rejected the plan", "called for talks") gives the family."""
        v, sources, column = frame.verb, frame.sources, frame.column
        obj = child(v, OBJ) or prep_object(v, ("for", "to", "on", "of", "against"))
        family = self.pred.frame_noun_family(obj) if obj is not None else None
        if family is None and frame.kind in ("intent", "refuse") and obj is None:
            return None  # bare "agreed", "refused": let the class table decide
        fam = self.lex.family(family or "generic")
        code = fam[column] or self.lex.family("generic")[column]
        assert code is not None
        carried = self._commands(v, frame.kind) or frame.kind == "intent" and self.pred.is_light(v)
        commanded = self.pred.event_noun(obj) if obj is not None and carried else None
        if commanded is not None and commanded[0][:2] not in ("02", "10"):
            # "ordered patrols", "ordered an investigation", "undertook a mediation mission"
            code, family = commanded[0], commanded[1]
        targets = self.parties.noun_owner(obj, scope) if obj is not None else []
        targets = [p for p in targets if p not in sources]
        if not targets:
            targets = [p for p in self.parties.targets(v, scope, sources) if p not in sources]
        return Coded(
            code,
            frame.mode,
            family or "generic",
            sources,
            targets,
            v.i,
            location=event_location(v),
            score=3 if family else 2,
        )

    def _commands(self, v: Any, kind: str) -> bool:
        """Is the frame an authority's command ("ordered", "forced"), not a demand on an equal?"""
        return kind == "demand" and bool(self.pred.lemmas(v) & COMMAND_VERBS)

    def _shift(self, code: str, family: str, modality: str, v: Any, scope: Scope) -> tuple[str, str]:
        """Apply negation / future / hypothetical to a class code."""
        fam = self.lex.family(family)
        if modality == "negated":
            refusal = fam[3]
            if refusal and self.pred.refusal_tense(v):
                return refusal, "negated"
            return code, "negated"
        if modality in ("future", "hypothetical"):
            if fam[0]:
                return fam[0], modality
            if fam[4] and self._self_announced(v, scope):
                return fam[4], modality
        return code, modality

    def _self_announced(self, v: Any, scope: Scope) -> bool:
        """A future conflict action announced by its own actor is a threat."""
        subj = subject_token(v)
        if scope.speaker is None:
            return True
        return subj is None or subj.lower_ in PRONOUNS

    def _subject(self, v: Any, scope: Scope) -> Any:
        """The clause's subject: own, passive agent, or the governing verb's (xcomp, conj)."""
        subj = subject_token(v)
        if subj is not None:
            return subj
        if scope.inherited_subject is not None:
            return scope.inherited_subject
        head = v
        while head.dep_ in ("xcomp", "conj", "advcl", "acomp") and head.head.i != head.i:
            head = head.head
            subj = subject_token(head)
            if subj is not None:
                return subj
        if v.dep_ in ("relcl", "acl") and v.head.i != v.i:
            return v.head
        return None

