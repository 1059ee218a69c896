"""What a predicate says, read against the event lexicon: its event class and its mode.

The class comes from the verb (with particles: "pull out") and its object
nouns ("signed a ceasefire" is not "signed a letter"), or from a light verb
plus an event noun ("held talks"). The mode is negated, future or
hypothetical, from negation, auxiliaries, "if" and governing verbs such as
"plans to"; hedges ("reportedly") mark the mode without moving the code.
Frames ("agreed to", "urged ... to") are looked up here and applied by the
coder.
"""

from __future__ import annotations

from typing import Any

from .lexicon import EventClass, Lexicon
from .syntax import OBJ, child, complement, pruned

Match = tuple[str, str, int]  # code, family, how sure (3 verb+object or frame, 2 verb, 1 noun)


_INDEXES: dict[int, tuple[Lexicon, dict[str, list[tuple[int, Any]]]]] = {}


def _verb_index(lex: Lexicon) -> dict[str, list[tuple[int, Any]]]:
    """Verb lemma -> (class position, entry): a predicate looks up its own verbs only.

    Built once per lexicon (the lexicon is loaded once per process)."""
    cached = _INDEXES.get(id(lex))
    if cached is not None and cached[0] is lex:
        return cached[1]
    index: dict[str, list[tuple[int, Any]]] = {}
    for i, cls in enumerate(lex.classes):
        if not cls.light:
            for entry in cls.verbs:
                index.setdefault(entry.lemma, []).append((i, entry))
    _INDEXES[id(lex)] = (lex, index)
    return index


class Predicates:
    """Event class and mode of predicates, with the lexicon's verb index built once."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self._by_lemma = _verb_index(lex)
        mod = lex.raw["modality"]
        self.negation = set(mod["negation"])
        self.future_aux = set(mod["future_aux"])
        self.hyp_aux = set(mod["hypothetical_aux"])
        self.obligation = set(mod["obligation"])
        self.future_verbs = set(mod["future_verbs"])
        self.decision_verbs = set(mod.get("decision_verbs", [])) | set(mod.get("aspect_verbs", []))
        self.preparation = set(mod.get("preparation_verbs", []))
        self._joint = {str(k): str(v) for k, v in lex.raw.get("joint_codes", {}).items()}
        self.continuing = set(lex.raw.get("continuing_verbs", []))
        self.hyp_cues = set(mod["hypothetical_cues"])

    def lemmas(self, tok: Any) -> frozenset[str]:
        """Base forms the token may inflect (the pipeline has no lemmatizer)."""
        return self.lex.lemmas(tok.lower_)

    # -- class matching ----------------------------------------------------
    def class_for(self, v: Any, *, phrasal_only: bool = False, specific_only: bool = False) -> Match | None:
        """The best event class of a predicate and how sure the match is.

        Verb + object noun first (the object's head words before the whole
        object phrase), then the verb alone, then a light verb + event noun.
        ``phrasal_only`` keeps verbs listed with particles; ``specific_only``
        keeps verb + object matches.
        """
        lemmas = self.lemmas(v)
        heads, region = self._heads(v), self._region(v)
        candidates = self._verb_classes(v, lemmas, phrasal_only)
        for text in (heads, region):
            best = _most_specific(candidates, text)
            if best is not None:
                return best.code, best.family, 3
        if specific_only:
            return None
        verb_only = next((cls for cls in candidates if cls.nouns is None), None)
        if phrasal_only:
            return (verb_only.code, verb_only.family, 3) if verb_only is not None else None
        light = self._is_light(v, lemmas)
        if light and verb_only is not None:
            # "held a meeting": the light verb's event noun wins over the verb's own sense ("held X")
            event = self._light_class(heads)
            if event is not None:
                return event
        if verb_only is not None:
            return verb_only.code, verb_only.family, 2
        if v.pos_ in ("NOUN", "PROPN") or light:
            return self._noun_class(v, heads, region)
        return None

    def event_noun(self, noun: Any) -> Match | None:
        """The class of an event noun ("patrols", "an investigation") standing as an object."""
        return self._light_class(" ".join(t.lower_ for t in pruned(noun)))

    def _light_class(self, heads: str) -> Match | None:
        """The class of an event noun among the object heads of a light verb ("held a meeting")."""
        for cls in self.lex.classes:
            if cls.light and cls.nouns is not None and cls.nouns.search(heads):
                return cls.code, cls.family, 1
        return None

    def _verb_classes(self, v: Any, lemmas: frozenset[str], phrasal_only: bool) -> list[EventClass]:
        """Classes listing one of the predicate's verbs (particles present), in table order."""
        # the entry with the most particle words first ("blow himself up" before "blow up"), then table order
        hits = sorted(
            {pair for lemma in lemmas for pair in self._by_lemma.get(lemma, ())},
            key=lambda p: (-len(p[1].rest) if self._rest_ok(v, p[1].rest) else 0, p[0]),
        )
        return list(
            dict.fromkeys(
                self.lex.classes[i]
                for i, e in hits
                if self._rest_ok(v, e.rest) and (e.rest or not phrasal_only)
            )
        )

    def _noun_class(self, v: Any, heads: str, region: str) -> Match | None:
        """A light verb or noun predicate: the class of the event noun it carries ("held talks")."""
        for text in (heads, region):
            for cls in self.lex.classes:
                if cls.nouns is not None and (cls.light or v.pos_ == "NOUN") and cls.nouns.search(text):
                    return cls.code, cls.family, 1
        # "continued military aid", "organized safe corridors": another class's noun in the object only
        # ("after four years" is no event). Conflict classes name places and things ("block a bridge"):
        # only a verb of continuing carries them ("resumed the shelling"; "opened the bridge" blocks nothing)
        continuing = bool(self.lemmas(v) & self.continuing)
        objects = self._heads(v, objects_only=True)
        for cls in self.lex.classes:
            if cls.nouns is None or cls.code[:2] in ("03", "05") or cls.code[:2] >= "14" and not continuing:
                continue
            if cls.nouns.search(objects):
                return cls.code, cls.family, 1
        return None

    def _heads(self, v: Any, objects_only: bool = False) -> str:
        """The head words (with compounds) of the predicate's object-like dependents."""
        out = []
        for c in v.children:
            if c.dep_ in OBJ:
                out.append(c)
            elif objects_only:
                continue
            elif c.dep_ == "nsubjpass" or c.dep_ == "nsubj" and not child(v, OBJ):
                out.append(c)
            elif c.dep_ in ("prep", "agent"):
                out.extend(g for g in c.children if g.dep_ == "pobj")
        if _passive_modifier(v):
            out.append(v.head)  # "weapons seized last year", "a meeting to be held": the noun is the object
        if v.pos_ in ("NOUN", "PROPN") and not objects_only:
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

    def joint(self, code: str, roots: set[str]) -> str:
        """The cooperative code of an action several states take together ("joint war games")."""
        return self._joint.get(code, code) if len(roots) > 1 else code

    def is_light(self, v: Any) -> bool:
        return self._is_light(v, self.lemmas(v))

    def _is_light(self, v: Any, lemmas: frozenset[str]) -> bool:
        """A light verb ("hold", "take part in") whose event is in its noun."""
        return any(e.lemma in lemmas and self._rest_ok(v, e.rest) for e in self.lex.light)

    def _rest_ok(self, v: Any, rest: tuple[str, ...]) -> bool:
        """Do the words a verb entry needs after it ("out", "part in") follow or hang off the verb?"""
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
        # a verb is no object of itself ("protest" the verb is not "a protest")
        parts: list[Any] = [] if v.pos_ in ("VERB", "AUX") else [v]
        for c in v.children:
            if (
                c.dep_
                in OBJ | {"nsubjpass", "prep", "agent", "prt", "acomp", "npadvmod", "advmod", "compound"}
                or c.dep_ in ("nsubj",)
                and not child(v, OBJ)
                or c.dep_ == "xcomp"
                and c.pos_ in ("NOUN", "ADJ")
            ):
                parts.extend(pruned(c))
        if v.pos_ in ("NOUN", "PROPN"):
            parts.extend(pruned(v))
        # an owner names whose the object is, not what it is ("welcomed the president's statement")
        owned = {t.i for p in parts if p.dep_ == "poss" for t in p.subtree}
        parts = sorted({p for p in parts if p.i not in owned}, key=lambda t: t.i)
        return " ".join(t.lower_ for t in parts)

    def frame_kind(self, v: Any, lemmas: frozenset[str]) -> str | None:
        """The frame a verb or adjective sets up: intent, appeal, demand, refuse or threat."""
        if v.pos_ == "ADJ" or v.dep_ == "acomp":
            kind = self.lex.frame_adjectives.get(v.lower_)
            if kind is not None:
                return kind
        for kind, verbs in self.lex.frames.items():
            if any(e.lemma in lemmas and self._rest_ok(v, e.rest) for e in verbs):
                return kind
        # "is ready to X": the adjective is the head of the complement
        acomp = next((c for c in v.children if c.dep_ == "acomp"), None)
        if acomp is not None and acomp.lower_ in self.lex.frame_adjectives and complement(acomp) is not None:
            return self.lex.frame_adjectives[acomp.lower_]
        return None

    def frame_noun_family(self, obj: Any) -> str | None:
        """The event family of a frame's noun object ("rejected the truce" -> deescalate)."""
        text = " ".join(t.lower_ for t in pruned(obj, keep_of=True))
        for family, pattern in self.lex.frame_nouns:
            if pattern.search(text):
                return family
        return None

    # -- modality ----------------------------------------------------------
    def negated(self, v: Any) -> bool:
        """Negation ("not", "never", "no") on the predicate itself."""
        return any(
            c.dep_ == "neg" or c.lower_ in self.negation and c.dep_ in ("advmod", "det") for c in v.children
        )

    def modality(self, v: Any) -> tuple[str, bool]:
        """The clause's mode and whether it moves the code (to intent/threat/refusal).

        Hedges ("reportedly conceded") only mark the mode: the event happened.
        """
        if self.negated(v):
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
            and (self.lemmas(head) & self.future_verbs or head.lower_ in ("due", "set", "poised", "ready"))
        ):
            return "future", True
        cues = {c.lower_ for c in v.children if c.dep_ == "advmod"}
        if cues & self.hyp_cues:
            return "hypothetical", False
        return "", False

    def refusal_tense(self, v: Any) -> bool:
        """'will not attend', 'does not accept' refuse; 'did not attend' only denies."""
        aux = {c.lower_ for c in v.children if c.dep_ in ("aux", "auxpass")}
        if aux & (self.future_aux | self.hyp_aux):
            return True
        return v.tag_ in ("VBZ", "VBP") or bool(aux & {"does", "do", "is", "are", "has", "have"})


def _most_specific(classes: list[EventClass], text: str) -> EventClass | None:
    """The class whose object noun matches the longest stretch of the text ("ceasefire agreement" over
    "agreement"); the earlier class in the table on a tie."""
    best, length = None, 0
    for cls in classes:
        found = max((len(m.group(0)) for m in cls.nouns.finditer(text)), default=0) if cls.nouns else 0
        if found > length:
            best, length = cls, found
    return best


def frame_fallback(kind: str, inner_code: str) -> str:
    """A frame's generic code when the inner event's family has none for it."""
    if kind == "threat":
        return "130"
    if kind == "intent":
        return inner_code if inner_code[:2] in ("03", "04", "05", "06", "07", "08") else "030"
    return {"appeal": "020", "demand": "100", "refuse": "120"}[kind]


def _passive_modifier(v: Any) -> bool:
    """A passive participle modifying a noun ("weapons seized", "a meeting to be held"), not an active
    relative ("those we have held")."""
    if v.tag_ != "VBN" or v.head.i == v.i:
        return False
    if v.dep_ == "acl":
        return not any(c.dep_ in ("nsubj", "aux") and c.lower_ not in ("to", "be") for c in v.children)
    return v.dep_ == "relcl" and any(c.dep_ == "auxpass" for c in v.children)
