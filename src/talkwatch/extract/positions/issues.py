"""Issues of positions: the phrase a stance is about, and the discourse focus.

The issue is the cue's object, clause or infinitive, without appositions,
non-restrictive relative clauses (", which ...") and a summary that follows
(", a demand the rebels reject"); a restrictive clause stays ("any
arrangement that leaves the blockade in place"). A relative pronoun stands for
the noun it modifies ("a corridor, which Yerevan rejects"). An anaphoric issue
("this is not a topic for negotiations", "a demand the rebels reject", "we
will support it") takes the last issue stated, else the noun phrase in focus:
"the fate of X", "most importantly, X", or the predicate noun of the sentence
before ("This is an Afghan-owned process."). Personal pronouns in the issue
become actor names. Some objects are no negotiation issue: an ally ("backed
the rebels"), people or a meeting welcomed, attending, helping or not being
named (participation's and quotes' business), a free relative ("what he
wanted") or something vague ("achieve something").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ...context import Context
from .items import item_words
from .text import end, noun_phrase, text_of

_DROP_DEPS = {"appos", "punct", "cc", "mark", "advcl", "parataxis", "dep"}
_SUBJ_DEPS = ("nsubj", "nsubjpass", "csubj")
_COMPLEMENT_PREPS = {"of", "to", "for", "toward", "towards", "on", "over", "about", "against", "with", "in"}

Resolver = Callable[[Any], Any]  # a pronoun token -> the Actor it stands for, or None
Base = Callable[[str], str | None]  # an inflected cue verb -> its base form, or None


@dataclass(frozen=True)
class CueView:
    """What the issue depends on in a stance cue (see ``positions``)."""

    token: Any
    kind: str
    stance: str
    objects: list[Any]


@dataclass
class Focus:
    """Discourse memory: the issue noun phrase in focus and the last issue stated."""

    focus: tuple[str, int, set[str]] | None = None  # text, sentence index, actor ids
    last: tuple[str, int] | None = None
    predicate: tuple[str, int] | None = None  # "This is an Afghan-owned process."
    topic: tuple[str, int, int] | None = None  # "Dialogue is the best way, and we support this"
    about: tuple[str, int, int] | None = None  # "confusion regarding the ceasefire, ... agreed to it"

    def update(self, ctx: Context, sent: Any, si: int, lex: dict[str, Any]) -> None:
        """An issue noun phrase ('the fate of X', 'most importantly, X') enters the focus."""
        heads = [t for t in sent if t.lower_ in lex["focus_heads"] and t.pos_ == "NOUN"
                 and any(c.lower_ == "of" for c in t.children)]
        low = sent.text.lower()
        for marker in lex["focus_markers"]:
            at = low.find(marker)
            if at >= 0:
                after = [t for t in sent if t.idx >= sent.start_char + at + len(marker)
                         and t.pos_ in ("NOUN", "PROPN")]
                heads += [after[0]] if after else []
        if heads:
            head = max(heads, key=lambda t: t.i)
            keep = [c for c in head.children
                    if c.dep_ in ("det", "amod", "compound", "poss", "prep")]
            text = text_of([head, *(t for c in keep for t in c.subtree)])
            ids = {m.actor for m in ctx.actors.mentions_in(head.left_edge.idx,
                                                            end(head.right_edge))}
            self.focus = (text, si, ids)
        attr = _demonstrative_predicate(sent, lex)
        if attr is not None:
            self.predicate = (attr, si)
        subj = next((c for t in sent if t.lemma_ == "be" for c in t.children
                     if c.dep_ == "nsubj" and c.pos_ == "NOUN"), None)
        if subj is not None:
            self.topic = (text_of(noun_phrase(subj)), si, subj.i)
        about = next((o for t in sent if t.lower_ in lex["topic_preps"] for o in t.children
                      if o.dep_ == "pobj" and o.pos_ == "NOUN"), None)
        if about is not None:
            self.about = (text_of(noun_phrase(about)), si, about.i)

    def anaphoric(self, si: int, lex: dict[str, Any], pronoun: str = "", at: int = -1) -> str:
        """The issue an anaphor stands for: a predicate just named ('This is a fair
        process. We support it'), the last issue stated, else the phrase in focus."""
        window = lex["focus_window"]
        if pronoun in ("it", "this") and self.topic and self.topic[1] == si and self.topic[2] < at:
            return self.topic[0]  # the subject of this very sentence's copula
        if pronoun == "it" and self.about and self.about[1] == si and self.about[2] < at:
            return self.about[0]  # what this very sentence is about ("regarding X")
        if pronoun in ("it", "this") and self.predicate and si - self.predicate[1] == 1:
            return self.predicate[0]
        if self.last and si - self.last[1] <= window:
            return self.last[0]
        return self.focus[0] if self.focus and si - self.focus[1] <= window else ""


def _demonstrative_predicate(sent: Any, lex: dict[str, Any]) -> str | None:
    """'This is an Afghan-owned process.': the predicate noun of a this/it-is sentence."""
    for tok in sent:
        if tok.lower_ in ("this", "it") and tok.dep_ == "nsubj" and tok.head.lemma_ == "be":
            attr = next((c for c in tok.head.children if c.dep_ == "attr"), None)
            if attr is not None and attr.pos_ == "NOUN" and attr.lower_ not in lex["anaphors"]:
                keep = [t for t in attr.subtree if t.dep_ not in ("relcl", "acl")
                        and not any(a.dep_ in ("relcl", "acl") for a in t.ancestors
                                    if attr.is_ancestor(a))]
                return text_of(keep)
    return None


def summary_head(tok: Any, lex: dict[str, Any], base: Callable[[str], str | None]) -> Any:
    """', a demand the rebels reject': the summary noun before a cue verb (read off the
    surface, as the parser often takes the verb for a noun, or the clause before for
    its complement); None elsewhere."""
    if not base(tok.lower_):
        return None
    doc = tok.doc
    for head in doc[max(tok.sent.start, tok.i - 5):tok.i]:
        before = doc[head.i - 1] if head.i > 0 else head
        if before.pos_ == "DET" and before.i > 0:
            before = doc[before.i - 1]
        if head.lower_ in lex["anaphoric_heads"] and before.text == "," and not any(
                c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "oprd") and c.i > head.i
                for c in tok.children):
            return head
    return None


def is_summary(tok: Any, lex: dict[str, Any]) -> bool:
    """', a demand the rebels reject': a comma-set noun that sums up the clause before it."""
    first = tok.left_edge.i
    while tok.doc[first].is_punct and first < tok.i:
        first += 1
    return tok.lower_ in lex["anaphoric_heads"] and first > 0 and tok.doc[first - 1].text == ","


def _echo(obj: Any) -> Any:
    """'that goal', 'this plan': the same noun with its complement in the sentence before
    ('the conference's goal of naming a government'), else None."""
    noun = next((c for c in obj.children if c.dep_ == "pobj"), obj) if obj.dep_ == "prep" else obj
    if noun.pos_ != "NOUN" or [c.lower_ for c in noun.children] not in (["that"], ["this"]):
        return None
    doc = noun.doc
    start = doc[noun.sent.start - 1].sent.start if noun.sent.start > 0 else noun.sent.start
    return next((t for t in reversed(doc[start:noun.i]) if t.lemma_ == noun.lemma_
                 and any(c.dep_ in ("prep", "acl") for c in t.children)), None)


def _pro_verb(tok: Any, lex: dict[str, Any]) -> bool:
    """'do that', 'do so': a verb phrase standing for the action just named."""
    return tok.lemma_ == "do" and any(c.dep_ in ("dobj", "advmod") and c.lower_ in lex["anaphors"] + ["so"]
                                      for c in tok.children)


def is_anaphor(tok: Any, lex: dict[str, Any]) -> bool:
    if tok.lower_ in lex["anaphors"]:
        return True
    mods = [c for c in tok.children if c.dep_ not in ("det", "poss")]
    return tok.lower_ in lex["anaphoric_heads"] and not mods


def antecedent(tok: Any, lex: dict[str, Any]) -> Any:
    """The noun a relative pronoun stands for ('a corridor, which Yerevan rejects', 'a
    demand, which X considers non-negotiable'), else the token itself."""
    if tok.lower_ not in lex["relative"]:
        return tok
    for anc in tok.ancestors:
        if anc.dep_ in ("relcl", "acl"):
            noun = anc.head
            if noun.pos_ not in ("NOUN", "PROPN"):
                return tok
            while noun.dep_ == "pobj" and noun.head.head.pos_ == "NOUN" \
                    and not restrictive(anc):  # "a corridor to the enclave, which ..."
                noun = noun.head.head  # a comma-set clause is about the whole phrase
            return noun
    return tok


def restrictive(clause: Any) -> bool:
    """A relative clause not set off by a comma ('any deal that ...' vs ', which ...')."""
    first = clause.left_edge.i
    return first > 0 and clause.doc[first - 1].text != "," and clause.dep_ == "relcl"


def issue_words(objects: list[Any], cue_token: Any, kind: str,
                lex: dict[str, Any]) -> list[Any]:
    """The tokens of the issue: the cue's objects without what does not belong to it."""
    toks: set[Any] = set()
    for obj in objects:
        core = obj
        if core.dep_ == "prep":
            core = next((c for c in core.children if c.dep_ in ("pobj", "pcomp")), core)
        if core.lower_ in lex["relative"] and antecedent(core, lex) is not core:
            toks |= set(noun_phrase(antecedent(core, lex)))
            continue
        inner = next((c for c in core.children if c.dep_ in ("acl", "relcl") or c.dep_ == "prep"
                      and c.lower_ in ("to", "toward", "towards", "for", "of")), None)
        if core.lower_ in lex["light_nouns"] and core.pos_ == "NOUN" and inner is not None:
            obj = inner  # "more flexibility to resolve the conflict" -> "resolve the conflict"
        skip = {d for c in obj.children if c.dep_ in _DROP_DEPS and not _purpose(c) and c.tag_ != "HYPH"
                or c.dep_ == "relcl" and not restrictive(c) for d in c.subtree}
        skip |= {d for t in obj.subtree if is_summary(t, lex) for d in t.subtree}
        skip |= {d for t in obj.subtree if t.dep_ == "relcl" and not restrictive(t)
                 for d in t.subtree}
        if kind == "modal":  # "X must go, and Y must stay": each modal has its own clause,
            skip |= {d for c in obj.children if c.dep_ == "conj" and _own_modal(c)  # but "must
                     for d in c.subtree}  # accept X and declare Y" demands both
        keep_cue = cue_token.lower_ in lex["without"] + lex["negated_conditions"]  # "no X without Y"
        toks |= {t for t in obj.subtree if t not in skip and (t.i != cue_token.i or keep_cue)}
    return sorted(toks, key=lambda t: t.i)


def _own_modal(clause: Any) -> bool:
    return any(c.tag_ == "MD" or c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)


def _purpose(clause: Any) -> bool:
    """'would go to negotiate a ceasefire': a purpose infinitive belongs to the issue."""
    return clause.dep_ == "advcl" and any(c.lower_ == "to" and c.dep_ == "aux" for c in clause.children)


def render(ctx: Context, words: list[Any], lex: dict[str, Any],
           resolve: Resolver) -> tuple[str, set[str]]:
    """Issue text with personal pronouns replaced by actor names; returns the actors named."""
    pieces, linked = {}, set()
    for t in words:
        if "person" in (lex["pronoun_types"].get(t.lower_) or ()):  # he, his, her: not "them"
            actor = resolve(t)
            if actor is not None:
                linked.add(actor.id)
                pieces[t] = actor.name + ("'s" if t.tag_ == "PRP$" else "")
    for m in ctx.actors.mentions_in(words[0].idx, end(words[-1])) if words else ():
        linked.add(m.actor)
    return text_of(words, pieces), linked


def with_focus(text: str, linked: set[str], words: list[Any], si: int, lex: dict[str, Any],
               state: Focus) -> str:
    """Prefix the issue in focus when the issue names its actors or says 'it'."""
    if any(t.lower_ == "it" and t.dep_ in _SUBJ_DEPS for t in words):
        linked = linked | {"<focus>"}  # "demands that it be returned": the issue in focus
    focus = state.focus
    if focus and si - focus[1] <= lex["focus_window"] and linked & (focus[2] | {"<focus>"}) \
            and focus[0].lower() not in text.lower() and text.lower() not in focus[0].lower():
        return f"{focus[0]}: {text}"
    return text


def issue_of(ctx: Context, cue: CueView, si: int, lex: dict[str, Any], state: Focus, *,
             base: Base, resolve: Resolver) -> tuple[str, set[int]]:
    """The issue text of a cue and the token indices it used ('' when there is none)."""
    objs = [o for o in cue.objects if o is not None]
    if cue.kind == "summary":
        return state.anaphoric(si, lex), set()
    if cue.kind == "attitude":  # the words were chosen by the construction
        text, _ = render(ctx, objs, lex, resolve)
        return text, {t.i for t in objs}
    if len(objs) == 1 and _echo(objs[0]) is not None:  # "agree to that goal": the goal named before
        words = noun_phrase(_echo(objs[0]))
        return text_of(words), set()
    if len(objs) == 1 and _pro_verb(objs[0], lex):  # "not willing to do that"
        return state.anaphoric(si, lex), set()
    if len(objs) == 1 and is_anaphor(objs[0], lex):
        found = state.anaphoric(si, lex, objs[0].lower_, objs[0].i)
        if found or objs[0].lower_ in lex["anaphors"]:
            return found, set()  # else "rejected the plan": the noun phrase itself
    if _not_an_issue(ctx, cue, objs, lex):
        return "", set()
    if cue.kind == "request":  # the requested action: the verb with its object
        verb = objs[0]
        objs = [verb] + [c for c in verb.children if c.dep_ in ("dobj", "prt")]
        words = sorted({verb, *(t for c in objs[1:] for t in c.subtree)}, key=lambda t: t.i)
        text, _ = render(ctx, words, lex, resolve)
        return text, {t.i for t in words}
    words = issue_words(objs, cue.token, cue.kind, lex)
    if cue.kind == "list":  # one item of a list
        words = item_words(objs[0])
    if cue.kind in ("refusal", "restriction", "short_of"):  # "would not hand over X": the verb phrase
        drop = {d for c in cue.token.children if c.dep_ in (*_SUBJ_DEPS, "aux", "neg")
                for d in c.subtree}
        words = sorted({cue.token, *words} - drop, key=lambda t: t.i)
    stretch = cue.token.doc[words[0].i:words[-1].i + 1] if words else []
    cut = next((t.i for t in stretch if t.text == "," and any(
        summary_head(v, lex, base) for v in t.doc[t.i + 1:t.i + 7])), None)
    words = [t for t in words if cut is None or t.i < cut]
    first_verb = next((t for t in words if t.pos_ == "VERB" and t.dep_ not in ("amod", "compound")),
                      None)  # "the coming 24 hours" is no coming
    if cue.kind in ("verb", "adjective", "noun") and first_verb is not None \
            and first_verb.lemma_.lower() in _not_at_issue(lex, cue.kind) \
            and _own_action(cue.token, first_verb) and not _to_the_table(first_verb, lex):
        return "", set()  # attending (participation's job), helping, a war aim; not "go back to the table"
    if cue.kind in ("verb", "adjective", "noun") and _hosting(words, lex):
        return "", set()  # "offered to be the site of the talks", "ready to act as a mediator"
    if not any(t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ", "NUM") for t in words):
        return "", set()  # "required them to": no content
    text, linked = render(ctx, words, lex, resolve)
    return with_focus(text, linked, words, si, lex, state), {t.i for t in words}


def _hosting(words: list[Any], lex: dict[str, Any]) -> bool:
    """'to be the site of talks', 'to act as a mediator': a role in the talks, not an issue."""
    for t in words[:3]:
        if t.lemma_ not in ("be", "act", "serve") or any(c.dep_ in _SUBJ_DEPS for c in t.children):
            continue
        roles = [c for c in t.children if c.dep_ == "attr"]
        roles += [g for c in t.children if c.lower_ == "as" for g in c.children if g.dep_ == "pobj"]
        if any(r.lemma_.lower() in lex["host_roles"] for r in roles):
            return True
    return False


def _not_at_issue(lex: dict[str, Any], kind: str) -> list[str]:
    """Own actions no stance is about: attending, helping, fighting (a war aim); a stance
    noun's attendance is kept ('a readiness to participate')."""
    return (lex["attendance_verbs"] if kind != "noun" else []) + lex["non_issue_verbs"] + lex["war_verbs"]


def _to_the_table(verb: Any, lex: dict[str, Any]) -> bool:
    """'go back to the negotiating table': a return to talks, a stance on the talks."""
    return any(t.lower_ in lex["talk_nouns"] and t.head.lower_ == "to" for t in verb.subtree
               if t.dep_ == "pobj")


def _own_action(cue_token: Any, verb: Any) -> bool:
    """'wants to attend' is the holder's own action; 'demanded that Erdogan join' and 'asked
    the envoy to facilitate a meeting' want someone else to act, a stance on the talks."""
    if any(c.dep_ in _SUBJ_DEPS for c in verb.children):
        return False
    return not any(c.dep_ == "dobj" for c in cue_token.children)


def _names_actor(ctx: Context, noun: Any, lex: dict[str, Any]) -> bool:
    """'backed the rebels': the object phrase is an actor's name ('the term self-government'
    only contains one); a common-noun compound is a term, not a name ('a unity government',
    'self-government'), and so is a government described by a plain adjective ('a
    transitional government'), whatever the index made of them."""
    kinds = ("compound",) + (("amod",) if noun.lemma_.lower() in lex["relational"] else ())
    if noun.pos_ == "NOUN" and any(c.dep_ in kinds and c.pos_ in ("NOUN", "ADJ") and not c.ent_type_
                                   for c in noun.children):
        return False
    words = [t for t in noun.subtree if t.dep_ not in ("det", "punct", "relcl", "acl", "prep")
             and t.i <= noun.i]
    return any(m.start <= words[0].idx and m.end >= end(noun)
               for m in ctx.actors.mentions_in(noun.left_edge.idx, end(noun)))


def _ally(noun: Any, lex: dict[str, Any]) -> bool:
    """'the Philippine and Malaysian governments', 'Kabul's government': a party named by its
    nationality or owner is an ally backed, not an issue ('a transitional government' is)."""
    return noun.lemma_.lower() in lex["relational"] and any(
        c.dep_ == "poss" or c.ent_type_ in ("NORP", "GPE") for c in noun.children)


def _complement(dep: Any) -> bool:
    return dep.dep_ in ("acl", "relcl") or dep.dep_ == "prep" and dep.lower_ in _COMPLEMENT_PREPS


def _not_an_issue(ctx: Context, cue: CueView, objs: list[Any], lex: dict[str, Any]) -> bool:
    """Objects that are no negotiation issue: an ally ('backed the rebels'), people or a
    meeting welcomed ('welcomed the delegations'), a free relative ('what he wanted'),
    something vague ('achieve something')."""
    nouns = [antecedent(o, lex) for o in objs if o.dep_ in ("dobj", "nsubjpass", "attr")]
    if cue.kind == "verb" and cue.stance in ("support", "oppose") and len(nouns) == 1:
        noun = nouns[0]
        kept_from = any(p.lower_ == "from" and any(c.tag_ == "VBG" for c in p.children)
                        for p in [*noun.children, *cue.token.children])  # "barred X from attending"
        if (_names_actor(ctx, noun, lex) and noun.lower_ not in lex["relative"] or _ally(noun, lex)
                or noun.lemma_.lower() in lex["people_or_meetings"]) and not kept_from:
            return True
    heads = [o for o in objs if o.dep_ in ("dobj", "attr", "pobj")]
    heads += [c for o in objs if o.pos_ in ("VERB", "AUX") or o.dep_ == "prep" for c in o.children
              if c.dep_ in ("dobj", "attr", "pobj")]  # "ready for serious work"
    bare = [h for h in heads if not any(_complement(c) for c in h.children)]  # "the step during a call"
    return any(h.lower_ in lex["vague_objects"] for h in heads) \
        or any(h.lower_ in lex["bare_vague_objects"] for h in bare)  # "offer support"
