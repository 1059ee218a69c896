"""Reporting verbs and their subjects in the dependency parse: the parts a speaker is read from.

A reporting verb is a speech verb of the lexicon, or a verb a document
reports with ("the memo reads", "filings show"). Its subject is climbed to
through conjoined and subordinate verbs; a relative pronoun ("who said")
stands for the noun its clause hangs from; a statement "saying" something
stands for whoever issued it; and the person told ("told the BBC's Y") is
never the speaker. ``attribution`` puts these together per quote; a speaker
is never looked for across a paragraph break.
"""

from __future__ import annotations

from typing import Any

from .doc import QuoteDoc
from .lexicon import Lex, lexicon, phrasal_in

SUBJ = ("nsubj", "nsubjpass", "csubj")
_CLIMB = ("conj", "xcomp", "advcl", "pcomp", "prep", "acl", "relcl")


def is_reporting(tok: Any, lex: Lex) -> bool:
    """A speech verb; naming verbs ("called it a betrayal") only in the tags that report."""
    if not tok.tag_.startswith("VB"):
        return False
    low = tok.lower_
    if low in lex.naming:
        return tok.tag_ in lex.naming_tags or _progressive(tok)
    if low in lex.verdict and any(c.dep_ == "ccomp" for c in tok.children):
        return True  # "ruled that the claim was '...'"
    return low in lex.reporting or _document_says(tok, lex) or phrasal_in(tok, lex.phrasal_reporting)


def _progressive(verb: Any) -> bool:
    """ "is describing it as ...": a present participle with a form of "be" as its auxiliary."""
    be = ("is", "are", "was", "were", "been", "be", "'s", "’s")
    return verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ in be for c in verb.children)


def is_document(tok: Any, lex: Lex) -> bool:
    """A statement, memo or filing (singular or plural): a text that speaks for its issuer."""
    low = tok.lower_
    return low in lex.documents or low.endswith("s") and low[:-1] in lex.documents


def _document_says(verb: Any, lex: Lex) -> bool:
    """ "The memo reads", "filings show": verbs that report only with a document as subject."""
    if verb.lower_ not in lex.document_verbs:
        return False
    return any(c.dep_ in SUBJ and is_document(_antecedent(np_head(c)), lex) for c in verb.children) or (
        _inverted_document(verb, lex) is not None
    )


def _antecedent(tok: Any) -> Any:
    """ "the accord, which envisions ...": a relative pronoun stands for the noun its clause hangs on."""
    if tok.lower_ in ("which", "that") and tok.head.dep_ == "relcl":
        return tok.head.head
    return tok


def _inverted_document(verb: Any, lex: Lex) -> Any | None:
    """ "'...,' read a statement signed by both sides": a subjectless verb with the document after it."""
    if any(c.dep_ in SUBJ for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i and is_document(c, lex)), None)


def nominal(tok: Any) -> bool:
    """A noun, pronoun, number or entity with letters: something that can name a speaker."""
    if not any(ch.isalnum() for ch in tok.text):
        return False
    return tok.pos_ in ("NOUN", "PROPN", "PRON", "NUM") or bool(tok.ent_type_)


def subject(verb: Any) -> Any | None:
    """The subject of a reporting verb, climbing through conjoined and subordinate verbs."""
    v = verb
    for _ in range(5):
        quoted = v.lower_ in lexicon().quoting  # "Doe was quoted by the agency as saying": Doe
        for a in (c for c in v.children if c.dep_ == "agent" and not quoted):
            objs = [c for c in a.children if c.dep_ == "pobj"]
            if objs:
                return objs[0]
        subj = [c for c in v.children if c.dep_ in SUBJ and nominal(c) and _same_para(c, v)]
        inverted = _inverted_document(v, lexicon()) if v.lower_ in lexicon().document_verbs else None
        if not subj and inverted is not None:
            return inverted
        climbed = v is not verb and (verb.tag_ == "VBG" or _own_object(verb, subj))
        reporter = _reporting_above(v) if climbed else None
        if reporter is not None:
            v = reporter  # "Doe agreed that the issue must wait, stating '...'": Doe states
            continue
        if subj:
            s = min(subj, key=lambda c: abs(c.i - v.i))
            return relative_head(s) if s.lower_ in _RELATIVE else s
        if v.dep_ in ("acl", "relcl") and v.head.pos_ in ("NOUN", "PROPN"):
            issued = _issuing_verb(v.head)
            if issued is None:
                return v.head  # "Doe, speaking to reporters", "the memo stating ..."
            v = issued  # "the army issued a statement saying ...": the army speaks
            continue
        if v.dep_ not in _CLIMB or v.head.i == v.i:
            return None
        v = v.head
    return None


def _own_object(verb: Any, subj: list[Any]) -> bool:
    """ "Doe said the delegates came, and accused them of ...": "them" cannot be the subject it agrees with.

    A plain object pronoun never points back to its own clause's subject, so
    a conjoined verb whose climbed-to subject "them" would repeat belongs with
    the reporting verb above.
    """
    objs = [c.lower_ for c in verb.children if c.dep_ == "dobj" and c.tag_ == "PRP"]
    if verb.dep_ != "conj" or not objs or not subj:
        return False
    plural = subj[0].tag_ in ("NNS", "NNPS")
    return ("them" in objs) == plural


def _reporting_above(v: Any) -> Any | None:
    """The reporting verb whose complement clause ``v`` is in ("agreed that ... would be discussed")."""
    lex = lexicon()
    for _ in range(4):
        if v.dep_ not in ("ccomp", "xcomp") or v.head.i == v.i:
            return None
        v = v.head
        if is_reporting(v, lex):
            return v
    return None


_RELATIVE = ("who", "that", "which")


def relative_head(pron: Any) -> Any:
    """ "Doe, who said ...": the noun a relative clause hangs from, its apposed name first."""
    v = pron.head
    for _ in range(4):
        if v.dep_ == "relcl":
            head = v.head
            if head.dep_ == "appos" and head.head.pos_ == "PROPN":
                head = head.head  # "Doe, the rebel spokesman, who ..."
            return _prefer_name(head)
        if v.dep_ not in ("conj", "xcomp", "ccomp") or v.head.i == v.i:
            break
        v = v.head
    doc = pron.doc
    k = pron.i - 1
    while k >= 0 and (doc[k].is_punct or doc[k].is_space):
        k -= 1
    return np_head(doc[k]) if k >= 0 and doc[k].pos_ in ("PROPN", "NOUN") else pron


def relative_source(men_start: int, men_end: int, sents: list[Any], lex: Lex) -> Any | None:
    """ "Doe, who said '...'": the relative pronoun through which the clause names the speaker at ``men``.

    The attribution's own words for the speaker are the pronoun, as with "he
    said"; the mention it resolves to is the noun the clause hangs from.
    """
    for sent in sents:
        for tok in sent:
            if tok.lower_ not in _RELATIVE or tok.dep_ not in SUBJ or not is_reporting(tok.head, lex):
                continue
            if men_start <= relative_head(tok).idx < men_end:
                return tok
    return None


def _issuing_verb(noun: Any) -> Any | None:
    """The verb that issued a document with no issuer of its own ("issued a statement saying")."""
    lex = lexicon()
    if not is_document(noun, lex) or any(c.dep_ == "poss" for c in noun.children):
        return None
    h = noun.head
    if noun.dep_ == "pobj" and h.head.i != h.i:
        h = h.head  # "in a statement saying"
    return h if h.pos_ in ("VERB", "AUX") and h is not noun else None


def _same_para(a: Any, b: Any) -> bool:
    """No paragraph break between two tokens (a parse across one is wrong)."""
    return "\n" not in a.doc[min(a.i, b.i) : max(a.i, b.i)].text


def _loose_subject(verb: Any, d: QuoteDoc) -> Any | None:
    """A speaker the parse failed to attach as subject, tried from the most to the least sure."""
    for find in (_name_under, _after_quote, _adjacent_name, _after_participle):
        tok = find(verb, d)
        if tok is not None:
            return tok
    return None


def _name_under(verb: Any, d: QuoteDoc) -> Any | None:
    """ "In a panel, Marc Doe ... told": a name before the verb that hangs off it.

    Of several, the one closest to the verb in the parse: "Doe, the leader of
    the Unity Front, told" is Doe, not the front his title names.
    """
    sent = d.sent(verb.i)
    best: tuple[int, int, Any] | None = None
    for tok in d.doc[sent.start : verb.i]:
        if d.inside[tok.i] or not (
            tok.ent_type_ in ("PERSON", "ORG", "NORP") or tok.lower_ in ("he", "she", "they")
        ):
            continue
        steps = _hangs_off(tok, verb)
        if steps is not None and (best is None or (steps, verb.i - tok.i) < best[:2]):
            best = (steps, verb.i - tok.i, tok)
    return best[2] if best else None


def _hangs_off(tok: Any, verb: Any) -> int | None:
    """Steps up the head chain from ``tok`` to ``verb``, if it gets there before any other verb."""
    h = tok
    for steps in range(1, 9):
        if h.head.i == h.i:
            return None
        h = h.head
        if h.i == verb.i:
            return steps
        if h.pos_ in ("VERB", "AUX"):
            return None
    return None


def _after_participle(verb: Any, d: QuoteDoc) -> Any | None:
    """ "Bemoaning the 'system', Doe accused ...": the subject right after a participle clause."""
    if verb.tag_ not in ("VBG", "VBN"):
        return None
    sent = d.sent(verb.i)
    for tok in d.doc[verb.right_edge.i + 1 : sent.end]:
        if tok.dep_ in SUBJ and nominal(tok) and not d.inside[tok.i]:
            return tok
    return None


def _after_quote(verb: Any, d: QuoteDoc) -> Any | None:
    """ "'...,' Doe, a top adviser, said": the phrase opening right after the closing mark."""
    sent = d.sent(verb.i)
    closes = [
        s.close_mark
        for s in d.spans
        if s.close_mark is not None and sent.start_char <= s.close_mark < verb.idx
    ]
    if not closes:
        return None
    for tok in d.doc[d.token_at(max(closes)).i + 1 : verb.i]:
        if tok.is_punct or tok.is_space or tok.pos_ == "DET":
            continue
        if tok.pos_ in ("PROPN", "NOUN") or tok.lower_ in ("he", "she", "they", "we"):
            return np_head(tok)
        return None
    return None


def _adjacent_name(verb: Any, d: QuoteDoc) -> Any | None:
    """ "..., Tulsa police Chief Jordan said" / "said Jordan": the name touching the verb."""
    doc = d.doc
    k = verb.i - 1
    while k >= 0 and doc[k].pos_ in ("ADV", "AUX", "PART") and doc[k].lower_ != "not":
        k -= 1
    after = () if verb.lower_ in lexicon().addressee else (verb.i + 1,)
    for i in (k, *after):
        if not 0 <= i < len(doc) or d.inside[i] or d.para[i] != d.para[verb.i]:
            continue
        tok = doc[i]
        if tok.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL"):
            continue
        if tok.pos_ == "PROPN" or (i < verb.i and tok.lower_ in ("he", "she", "they")):
            return np_head(tok)
    return None


def _prefer_name(head: Any) -> Any:
    """ "the envoy, Staffan Doe, said": the apposed name is the better mention."""
    if head.pos_ == "NOUN":
        for c in head.children:
            if c.dep_ == "appos" and c.pos_ == "PROPN" and c.ent_type_ in ("PERSON", "ORG"):
                return c
    return head


def speaker_head(verb: Any, d: QuoteDoc) -> Any | None:
    """Who the reporting verb says spoke: its subject, else a loosely attached name; never quoted words.

    The subject of "told" is never after it: a name there is the one told.
    """
    heard = _heard(verb)
    if heard is not None:
        return _prefer_name(heard)
    subj = subject(verb)
    told = verb.lower_ in lexicon().addressee
    if told and subj is not None and subj.i > verb.i:
        subj = None
    if subj is not None and is_document(_antecedent(subj), lexicon()):
        subj = _antecedent(subj)  # "the accord, which envisions '...'"
    if subj is None or d.inside[subj.i] or subj.lower_ in ("what", "which", "there"):
        subj = _loose_subject(verb, d) or _shared_subject(verb, d)
    if subj is None or d.inside[subj.i]:
        return None
    return _prefer_name(_reporter_of(subj) or _issuer_of_clause(subj) or _recorded(subj) or subj)


def _heard(verb: Any) -> Any | None:
    """ "The ad shows footage of Doe asking, '...'": a participle right after the one a recording is of."""
    if verb.tag_ != "VBG" or verb.i == 0:
        return None
    tok = verb.doc[verb.i - 1]
    if tok.dep_ != "pobj" or tok.head.lower_ != "of" or tok.head.head.lower_ not in lexicon().recordings:
        return None
    return _recorded(tok.head.head)


def _recorded(noun: Any) -> Any | None:
    """ "footage of Doe asking, '...'": the one a recording is of speaks, not the recording."""
    if noun.lower_ not in lexicon().recordings:
        return None
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return obj if obj is not None and (obj.pos_ == "PROPN" or obj.ent_type_ == "PERSON"
                                       or lexicon().nouns.get(obj.lower_) == "person") else None


def _shared_subject(verb: Any, d: QuoteDoc) -> Any | None:
    """ "He acknowledged that '...' and acknowledged that '...'": a second verb shares the first's subject.

    The parser often hangs the second verb on the first quote's words; the
    reporting verb before it in the sentence is the one it is coordinated with.
    """
    if verb.dep_ != "conj":
        return None
    lex = lexicon()
    for tok in reversed(d.doc[d.sent(verb.i).start : verb.i]):
        if not d.inside[tok.i] and is_reporting(tok, lex):
            subj = subject(tok)
            return subj if subj is not None and not d.inside[subj.i] else None
    return None


def _issuer_of_clause(pron: Any) -> Any | None:
    """ "The ministries issued a statement in which they stressed ...": the subject that issued it.

    A pronoun inside a relative clause on the object of a verb is bound by that
    verb's subject when the two agree in number.
    """
    if pron.lower_ not in ("he", "she", "they") or pron.head.dep_ != "relcl":
        return None
    noun = pron.head.head
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    if noun.dep_ not in ("dobj", "pobj") or verb.pos_ not in ("VERB", "AUX"):
        return None
    subj = [c for c in verb.children if c.dep_ == "nsubj" and nominal(c) and c.pos_ != "PRON"]
    if not subj:
        return None
    conj = [c for c in subj[0].children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")]
    plural = subj[0].tag_ in ("NNS", "NNPS") or bool(conj)
    if plural != (pron.lower_ == "they"):
        return None
    return conj[-1] if conj and subj[0].pos_ not in ("NOUN", "PROPN") else subj[0]


def _reporter_of(pron: Any) -> Any | None:
    """ "The envoy said she wanted to speak '...'": a he/she in what a person reports is that person.

    Only a name or a person noun binds the pronoun ("police said he shouted"
    does not: police are no "he"), only through what is reported (not "after
    she attacked"), and not when the pronoun itself speaks ("but he said").
    """
    lex = lexicon()
    v = pron.head
    if pron.lower_ not in ("he", "she") or (is_reporting(v, lex) and v.lower_ not in lex.thinking):
        return None
    for _ in range(6):
        if v.dep_ not in ("ccomp", "xcomp") or v.head.i == v.i:
            return None
        v = v.head
        if not is_reporting(v, lex):
            continue
        subj = [c for c in v.children if c.dep_ == "nsubj" and c.i < pron.i]
        if subj and (subj[0].pos_ == "PROPN" or lex.nouns.get(subj[0].lower_) == "person"):
            return subj[0]
        return None
    return None


def np_head(tok: Any) -> Any:
    """The head of a name ("Chief" -> "Jordan" in "Chief Jordan"), climbing compounds rightwards."""
    while tok.dep_ in ("compound", "flat") and tok.head.i > tok.i:
        tok = tok.head
    return tok
