"""mentions."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from ...context import Context
from ...model import Meeting
from .. import _clauses as clauses
from . import clues, venues

_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
}
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}


@dataclass
class _Mention:
    head: Any  # the meeting noun token
    start: int  # token span of the mention
    end: int
    city: str | None = None
    country: str | None = None
    round: int | None = None
    past: bool = False
    later: bool = False
    background: bool = False
    verb: bool = False  # "the leaders met in Sochi": a meeting told by its verb
    announced: bool = False  # "a new round was set for April": later than the talks in focus
    kind: str | None = None  # "the opening session", "a working dinner": a part of the talks
    meeting: Meeting | None = None
    extras: dict[str, Any] = field(default_factory=dict)


def _mentions(ctx: Context, lex: dict[str, Any]) -> list[_Mention]:
    heads = set(lex["heads"])
    out = []
    for tok in ctx.tokens:
        if tok.lower_ not in heads and not clues.qualified_head(tok, lex):
            continue
        if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ == "compound":
            continue
        mods = {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound", "advmod")}
        excluded = set(lex["generic_modifiers"]) | set(lex["non_meeting_modifiers"])
        episode = bool(mods & excluded) and clues.befell(tok, lex)  # 'after direct talks broke down'
        generic = mods & excluded and not (_concrete(tok) or episode)
        sequels = set(lex["sequel_modifiers"])
        sequel = generic and mods & sequels and not mods & (excluded - sequels)
        if generic and not sequel or _part_of_meeting(tok, heads) or _members_of(tok):
            continue
        m = _Mention(tok, *_span(tok))
        light = clues.light_noun(tok, lex)  # 'previous attempts at dialogue in Oslo': the attempts' words
        mods |= {c.lower_ for c in light.children if c.dep_ == "amod"} if light is not None else set()
        past = mods & set(lex["past_modifiers"])
        told_past = any(v.tag_ == "VBD" for v in clauses.governing_verbs(tok))  # "the last round focused on"
        m.past = (
            bool(past - {"last", "initial"})
            or bool(past & {"last"} and (tok.lower_ != "round" or told_past))
            or bool(past & {"initial"} and (told_past or _background(tok, lex)))  # "after initial talks"
            or _long_ago(ctx, light or tok)
            or _earlier_week(ctx, _day_before(ctx, tok, m.start))
            or clues.had_held(tok, lex)
        )
        if _day_before(ctx, tok, m.start):
            m.extras["day"] = _day_before(ctx, tok, m.start)
            m.extras["recent_day"] = not m.past
        m.later = bool(mods & set(lex["later_modifiers"])) or bool(sequel)
        if mods & set(lex["contrast_modifiers"]):
            m.extras["contrast"] = True
        m.announced = _announced_new(tok, lex)
        m.background = _background(tok, lex)
        m.past = m.past or episode and m.background  # 'years after direct talks broke down': earlier
        m.round = _round(tok)
        m.kind = _kind(ctx, tok, m.start, lex)
        if tok.lower_ in lex["day_session_heads"] and any(
            c.dep_ in ("poss", "compound", "npadvmod") and c.lower_ in lex["day_words"] for c in tok.lefts
        ):
            m.extras["day_session"] = True
        if clues.hosting(tok, lex):
            m.kind, m.extras["host"] = "host", True
        m.city, m.country = venues.venue(ctx, light or tok)
        if m.city is None and m.country is None:
            m.city, m.country = venues.verb_venue(ctx, tok)
        for cue, _ in inner_cues(tok, lex) if m.city is None and m.country is None else []:
            m.city, m.country = venues.clause_venue(cue)
        if m.city is None and m.country is None:
            m.city, m.country = venues.phrase_city(tok, heads)
        if sequel and not ((m.city or m.country) and clauses.status_cues(tok, lex["status_cues"])):
            continue  # 'further talks are needed' is an idea; 'further talks are set for Oslo' a meeting
        if clues.held_at_meeting(tok, heads):  # 'no talks at the Moscow gathering': held inside it
            m.kind, m.city, m.country = f"{tok.lemma_.lower()} at a meeting", None, None
        named = m.city or m.country or m.round or m.past or m.kind or m.later or m.announced
        if not named and (_is_generic(tok) and not clues.sides_named(tok) or _bare_mass(tok)):
            continue
        out.append(m)
        out += [_elsewhere(m, *place) for place in venues.other_venues(ctx, light or tok, m.past)]
    return out


def _elsewhere(m: _Mention, place: str, city: str | None, country: str | None, day: str | None) -> _Mention:
    """The meeting a plural mention names at a further place, dated by the day told there."""
    other = _Mention(m.head, m.start, m.end, city=city, country=country, past=m.past, later=m.later)
    word = m.head.lower_ if m.head.tag_ == "NN" else "meeting"
    other.background, other.extras["names"] = m.background, [f"{place} {word}", f"{word} in {place}"]
    other.extras.update({"day": day} if day else {})
    return other


def _concrete(tok: Any) -> bool:
    """'direct talks with M23', 'the first direct negotiations': a generic modifier does not
    make a mention generic when its parties or its rank name a meeting."""
    named_side = any(c.dep_ == "prep" and c.lower_ in ("with", "between") for c in tok.children)
    ranked = any(c.lower_ in _ORDINALS for c in tok.children)
    return named_side or ranked


def _members_of(tok: Any) -> bool:
    """'the bishops of the Episcopal Conference': a body people belong to, not a meeting."""
    owner = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else None
    return (
        tok.pos_ == "PROPN"
        and owner is not None
        and owner.tag_ == "NNS"
        and owner.ent_type_ == ""
        and owner.lemma_.lower() in ("bishop", "member", "leader", "official", "priest", "delegate")
    )


def _kind(ctx: Context, tok: Any, start: int, lex: dict[str, Any]) -> str | None:
    """'the opening session', 'a three-way meeting', 'a working dinner': a session or side
    meeting inside the talks, told apart from them by its modifier or by its head."""
    words = [t.lower_ for t in ctx.doc[start : tok.i] if t.dep_ != "det" and t.pos_ != "PUNCT"]
    text = ctx.doc[start : tok.i].text.lower()
    cues = list(lex["session_modifiers"])
    if _is_generic(tok) or tok.tag_ == "NNS":  # "a closed session": new; "the closed-door session": the talks
        cues += lex["manner_modifiers"]
    hit = [w for w in cues if w in words or re.search(rf"\b{re.escape(w)}\b", text)]
    if hit:
        return f"{hit[0]} {tok.lemma_.lower()}"
    if tok.lemma_.lower() in lex["session_heads"]:
        return tok.lemma_.lower()
    return None


def _announced_new(tok: Any, lex: dict[str, Any]) -> bool:
    """'a third round was set for April', 'another meeting will follow': an indefinite
    mention with a future or scheduling cue introduces a later meeting."""
    det = next((c for c in tok.children if c.dep_ == "det"), None)
    if det is None or det.lower_ not in ("a", "an", "another"):
        return False
    if _round(tok) is not None:  # "a third round": a new numbered meeting
        return True
    if any(c.dep_ == "amod" and c.lower_ in ("new", "fresh") for c in tok.children):
        return True  # "a new round of talks is expected": not the talks told so far
    cues = clauses.status_cues(tok, lex["status_cues"]) or inner_cues(tok, lex)
    return any(s in ("scheduled", "postponed") or clauses.future(v) for v, s in cues)


def inner_cues(tok: Any, lex: dict[str, Any]) -> list[tuple[Any, str]]:
    """'a round of talks that was to begin on Monday': the status told of the inner noun."""
    heads = set(lex["heads"])
    inner = [g for p in tok.children if p.lower_ == "of" for g in p.children if g.lower_ in heads]
    return [cue for g in inner for cue in clauses.status_cues(g, lex["status_cues"])]


def _is_generic(tok: Any) -> bool:
    """'a negotiation for peace', 'to negotiate': indefinite singular mentions with no venue
    ('a round of talks' is a concrete meeting all the same)."""
    det = next((c for c in tok.children if c.dep_ == "det"), None)
    if tok.lower_ == "round" and det is not None and det.lower_ in ("a", "an"):
        return False
    return det is not None and det.lower_ in ("a", "an", "any", "no") and tok.tag_ == "NN"


_TIME_PREPS = ("after", "before", "since", "following", "while", "when")
# Verbs of preparing a meeting: 'gathered to plan the restart of talks', 'met to prepare talks'.
_PROSPECTS = ("restart", "resume", "revive", "relaunch", "prepare", "plan")


def names_meeting(verb: Any, heads: set[str], *, own_words: bool = False) -> bool:
    """A meeting noun in the verb's clause tells the meeting ('held talks in X'); the verb
    itself ('after meeting with X') and a meeting the clause only aims at ('met in X to
    prepare for the summit') do not."""
    aims = [
        t.i
        for c in verb.children
        if c.dep_ in ("advcl", "xcomp") and any(a.tag_ == "TO" for a in c.children)
        for t in c.subtree
        if t.dep_ == "pobj" or t.dep_ == "dobj" and t.head.lemma_ in _PROSPECTS
    ]
    aims += _told_apart(verb) if own_words else []
    aims += _referred_back(verb, heads) + _time_clauses(verb)
    auxes = any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    told = verb.lower_ not in heads or auxes or verb.head.lower_ in _TIME_PREPS  # not 'open to meeting X'
    return not told or any(t.lower_ in heads and t.i != verb.i and t.i not in aims for t in verb.subtree)


def _time_clauses(verb: Any) -> list[int]:
    """'years after direct talks broke down, they will meet in Vienna': talks a time clause
    measures the meeting from are another meeting."""
    timed = [c for c in verb.children if c.dep_ == "advcl"]
    return [t.i for c in timed if any(m.lower_ in _TIME_PREPS for m in c.children) for t in c.subtree]


def _referred_back(verb: Any, heads: set[str]) -> list[int]:
    """'met Y in Paris and later described the talks as useful': a bare 'the talks' in a
    coordinated clause refers back to the meeting the verb tells; it does not tell it."""
    conj = [t for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB" for t in c.subtree]
    return [
        t.i
        for t in conj
        if t.lower_ in heads and [c.lower_ for c in t.children if c.dep_ != "punct"] == ["the"]
    ]


def _told_apart(verb: Any) -> list[int]:
    """Tokens of a relative clause on the verb's object ('met Y, who promised to attend the
    meeting'): what Y said of another meeting is not the meeting the verb tells."""
    args = [c for c in verb.children if c.dep_ in ("dobj", "prep")]
    args += [o for p in args if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
    return [t.i for a in args for c in a.children if c.dep_ == "relcl" for t in c.subtree]


def _long_ago(ctx: Context, tok: Any) -> bool:
    """'a round of talks in 2022' in a 2025 report: an earlier meeting, not the one in focus."""
    published = ctx.published
    if published is None:
        return False
    year = clues.year_modifier(tok)
    if year is not None:  # "the failed 2022 talks": a year the parser tags as a number
        return year < published.year
    start, end = tok.idx, tok.right_edge.idx + len(tok.right_edge)
    for d in ctx.dates_in(start, end):
        if d.value and _attached(ctx, d, tok):
            return d.value[:4] < str(published.year - (published.month <= 2))[:4] or (
                len(d.value) >= 7 and d.value[:7] < _months_before(published, 0)
            ) or clues.earlier_period(d.text)
    verb = tok.head if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.i > tok.i else None
    inside = ctx.dates_in(tok.idx, verb.idx) if verb is not None else []
    return any(clues.earlier_period(d.text) for d in inside)  # 'talks led by X earlier this year stalled'


def _day_before(ctx: Context, tok: Any, start: int) -> str | None:
    """'the February 28 talks', 'the 3 July meeting': a meeting named by a day before the
    report is an earlier one."""
    published = ctx.published
    if published is None or start >= tok.i:
        return None
    span = ctx.doc[start : tok.i]
    days = [d for d in ctx.dates_in(span.start_char, span.end_char) if d.granularity == "day" and d.value]
    return next((d.value for d in days if d.value < published.isoformat()), None)


def _earlier_week(ctx: Context, day: str | None) -> bool:
    """A day more than a week before the report names an earlier meeting ('the February 28
    talks'); a day of the report's week ('Saturday's meeting' in a Sunday paper) may be the news
    itself, which the meeting in focus decides (identity.other_day; recent_day)."""
    if day is None or ctx.published is None:
        return False
    return day < (ctx.published - timedelta(days=7)).isoformat()


def _months_before(day: date, months: int) -> str:
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    return f"{year:04d}-{month + 1:02d}"


def _part_of_meeting(tok: Any, heads: set[str]) -> bool:
    """'talks' in 'the second round of talks': the outer noun is the mention (unless the
    inner one is itself numbered: 'the closing ceremony of the third round')."""
    of_meeting = tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in heads
    return of_meeting and _round(tok) is None


def _background(tok: Any, lex: dict[str, Any]) -> bool:
    """Inside a 'since/after/before ...' clause or phrase of its sentence."""
    markers = set(lex["background_markers"])
    for anc in tok.ancestors:
        if any(c.dep_ == "mark" and c.lower_ in markers for c in anc.children):
            return True
        if anc.dep_ == "prep" and anc.lower_ in markers:
            return True
    return False


def _bare_mass(tok: Any) -> bool:
    """'settled by dialogue', 'open to negotiation': the activity, not a meeting."""
    return tok.tag_ == "NN" and not any(c.dep_ in ("det", "poss", "compound", "amod") for c in tok.children)


def _span(tok: Any) -> tuple[int, int]:
    lefts = [c for c in tok.lefts if c.dep_ in ("compound", "amod", "nmod", "nummod", "det", "poss")]
    start = min([tok.i] + [c.left_edge.i for c in lefts])
    end = tok.i + 1
    for c in tok.rights:
        if (
            c.dep_ == "prep"
            and c.lower_ in ("in", "at")
            and any(o.ent_type_ in ("GPE", "LOC", "FAC") for o in c.subtree)
        ):
            end = c.right_edge.i + 1
        elif c.dep_ in ("nummod", "appos") and c.text in _ROMAN:
            end = c.i + 1
    return start, end


def _round(tok: Any) -> int | None:
    for c in [*tok.children, tok.nbor(1) if tok.i + 1 < len(tok.doc) else tok]:
        word = c.lower_
        if word in _ORDINALS and c.i < tok.i:
            return _ORDINALS[word]
        if re.fullmatch(r"\d+(st|nd|rd|th)", word) and c.i < tok.i:
            return int(re.match(r"\d+", word).group())
        if c.text in _ROMAN and c.i > tok.i:
            return _ROMAN[c.text]
    return None


# -- clustering -----------------------------------------------------------


_DATE_PATH = {
    "pobj",
    "prep",
    "npadvmod",
    "tmod",
    "advmod",
    "nummod",
    "compound",
    "amod",
    "appos",
    "conj",
    "cc",
}


def _attached(ctx: Context, date_expr: Any, cue: Any) -> bool:
    """The date's head reaches the cue (or a verb in its xcomp chain) through prepositions only."""
    span = ctx.doc.char_span(date_expr.start, date_expr.end, alignment_mode="expand")
    if span is None:
        return False
    tok = span.root
    for _ in range(5):
        if tok.i == cue.i or tok.head.i == cue.i:
            return True
        if tok.dep_ not in _DATE_PATH or tok.head.i == tok.i:
            return tok.dep_ in ("xcomp", "pcomp") and tok.head.i == cue.i
        tok = tok.head
        if tok.lower_ == "since" and tok.dep_ == "prep":
            return False  # "the first talks since 1996": a date the talks are measured from
        if tok.pos_ in ("VERB", "AUX", "ADJ") and tok.i != cue.i:
            infinitive = tok.dep_ == "advcl" and any(c.lower_ == "to" for c in tok.children)
            participle = tok.dep_ == "acl" and tok.tag_ == "VBN"  # "talks held in Oslo last year"
            return (tok.dep_ in ("xcomp", "pcomp", "conj") or infinitive or participle) and (
                tok.head.i == cue.i or cue.i in [a.i for a in tok.ancestors][:2]
            )
    return False
