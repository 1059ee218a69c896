"""Actor identity across reports: one record actor per real-world actor.

Three decisions, each from data (``data/store/actor_identity.yaml``) and the
gazetteer, none from the order reports arrive in:

* a description the extractor keyed ``CCC:<words>`` ("the Russian delegation",
  "the Ukrainian side") is filed under the actor it speaks for (``canonical_key``);
* an actor named only by a generic part ("the government", "the opposition
  delegation") is, within one meeting, the meeting's one named actor of that
  type (``generic_type``; applied by ``merge.participants``);
* when reports type or place one actor differently, the gazetteer decides,
  else the most frequent value, ties by a fixed precedence (``resolve``).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from typing import Any

from ..lexicon import load_yaml

_WORDS = re.compile(r"[^\w]+")


@functools.cache
def _data() -> dict[str, Any]:
    return load_yaml("store", "actor_identity.yaml") or {}


@functools.cache
def _gazetteer() -> Any:
    from ..actors import gazetteer

    return gazetteer.load()


def _plain(text: str | None) -> str:
    words = _WORDS.sub(" ", (text or "").casefold()).split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


@functools.lru_cache(maxsize=65536)  # a pure function of the key; every actor of every batch asks
def canonical_key(key: str) -> str:
    """The gazetteer key a ``CCC:<words>`` description stands for (else the key itself)."""
    country, sep, words = key.partition(":")
    if not sep or not country.isupper():
        return key
    words = _plain(words)
    data = _data()
    gz = _gazetteer()
    if words in data.get("state", ()) and gz.by_key(country) is not None:
        return country
    if words in data.get("government", ()) and gz.by_key(f"{country}_GOV") is not None:
        return f"{country}_GOV"
    if words in data.get("opposition", ()):
        return f"{country}:opposition"
    return key


@functools.lru_cache(maxsize=65536)  # a pure function of the name
def gazetteer_key(name: str | None) -> str | None:
    """The gazetteer key of an unkeyed actor named exactly as an entry ("Belarus"), else None.

    One report's extractor keyed the actor, another's did not: the name is the
    same actor, whatever its type there. Only the entry's own name counts (an
    alias such as a capital may stand for something else).
    """
    plain = _plain(name)
    entry = _gazetteer().lookup(name) if plain else None
    return entry.key if entry is not None and _plain(entry.name) == plain else None


@functools.lru_cache(maxsize=65536)  # a pure function of the name and type
def demonym_key(name: str | None, type_: str | None) -> str | None:
    """The state key of a state actor named by its demonym alone ("Ukrainian", "the Russians")."""
    if type_ != "state" or not name or len(_plain(name).split()) != 1:
        return None
    entry = _gazetteer().demonym(_plain(name).title())
    return entry.key if entry is not None and entry.type == "state" else None


@functools.cache
def _state_words() -> tuple[str, ...]:
    return tuple(sorted(_data().get("state", ()), key=lambda w: (-len(w), w)))


@functools.lru_cache(maxsize=65536)  # a pure function of the name
def name_key(name: str | None) -> str:
    """An unkeyed actor's name without a trailing delegation word ("X delegation" is X)."""
    words = _plain(name)
    for word in _state_words():
        if words.endswith(" " + word):
            return words[: -len(word) - 1]
    return words


@functools.cache
def _generic_names() -> dict[str, str]:
    out: dict[str, str] = {}
    for type_, names in sorted((_data().get("generic") or {}).items()):
        for name in names:
            out[_plain(name)] = type_
    return out


_POSSESSIVE = re.compile(r"^\w+['’]s?$")


def _description_tail(name: str | None) -> list[str]:
    """The words of a description after its leading modifiers may go ("the country's main ...").

    A capitalized word other than a possessive ("Assad's") makes it a proper name.
    """
    words = (name or "").split()
    if words and words[0].casefold() == "the":
        words = words[1:]
    if any(w[:1].isupper() and not _POSSESSIVE.match(w) for w in words):
        return []
    return _plain(" ".join(words)).split()


def generic_type(name: str | None, key: str | None, country: str | None) -> str | None:
    """The part ("government", ...) an unkeyed, country-less description plays, if it is one.

    The description ends in a generic name ("the political opposition",
    "several opposition parties", "Assad's government"); its modifiers do not
    name anyone else.
    """
    if key or country:
        return None
    words = _description_tail(name)
    names = _generic_names()
    return next((names[t] for n in range(len(words)) if (t := " ".join(words[n:])) in names), None)


def ranked_part(akey: str) -> tuple[str, str] | None:
    """(part, country) of a description singling out a country's foremost actor of a part.

    "Syria's main opposition group", "a top Syrian opposition group" (keyed
    ``CCC:<words>`` by the extractor): a rank word (``ranking``) and a generic
    name. At a meeting it is that country's one named actor of the part; a
    plain "Syrian opposition" is not ranked and stays an actor of its own.
    """
    country, sep, words = akey.removeprefix("k:").partition(":")
    if not akey.startswith("k:") or not sep or not country.isupper():
        return None
    ranks = set(_data().get("ranking") or ())
    plain = _plain(words).split()
    if not plain or plain[0] not in ranks:
        return None
    part = _generic_names().get(" ".join(w for w in plain if w not in ranks))
    return (part, country) if part else None


def is_collective(name: str | None, akey: str) -> bool:
    """Whether an actor outside the gazetteer is several parties at once ("the warring sides").

    Its head noun is a plural the data lists (``collective``); the meeting's
    parties are its members (``attendance``).
    """
    if gazetteer_entry(akey) is not None or generic_type(name, None, None):
        return False
    words = _plain(name).split()
    return bool(words) and words[-1] in (_data().get("collective") or ())


def gazetteer_entry(akey: str) -> Any:
    """The gazetteer entry of a record actor key ``k:KEY``, if any."""
    if not akey.startswith("k:"):
        return None
    return _gazetteer().by_key(akey[2:])


def _vote(values: Iterable[str | None] | Counter[str], precedence: list[str]) -> str | None:
    counts = values if isinstance(values, Counter) else Counter(v for v in values if v)
    if not counts:
        return None
    rank = {v: n for n, v in enumerate(precedence)}
    return min(counts, key=lambda v: (-counts[v], rank.get(v, len(rank)), v))


def resolve(
    akey: str,
    types: Iterable[str | None] | Counter[str],
    countries: Iterable[str | None] | Counter[str],
) -> tuple[str | None, str | None]:
    """(type, country) of a record actor from its reports' values (or their counts), the gazetteer first.

    A gazetteer entry's country is the actor's, also when it has none: an international
    official (a UN envoy) or a transnational group belongs to no state, whatever country
    the reports gave it from the actors around it.
    """
    entry = gazetteer_entry(akey)
    precedence = list(_data().get("type_precedence") or [])
    type_ = (entry.type if entry else None) or _vote(types, precedence)
    country = entry.country if entry else _vote(countries, [])
    return type_, country


def town_country(town: str | None) -> str | None:
    """The ISO3 country of a town the gazetteer knows (a venue told without its country)."""
    if not town:
        return None
    found = _gazetteer().place(town)
    return found[1] if found else None


def _content_words(name: str | None) -> frozenset[str]:
    filler = set(_data().get("name_filler") or ())
    return frozenset(w for w in _plain(name).split() if w not in filler)


def contained_names(actors: list[tuple[str, str, str | None, str | None, str]]) -> dict[str, str]:
    """Unkeyed organisations named by part of another's name -> that actor.

    ``actors`` are (id, name, type, country, akey) of one meeting. A short
    name ("National Coalition") is the actor whose name holds all its words,
    when the longest such names are exactly one actor (two candidates: left
    alone); types that can be shortened only, countries not in conflict.
    """
    kinds = set(_data().get("shortened_types") or ())
    words = {aid: _content_words(name) for aid, name, *_ in actors}
    info = {aid: (type_, country) for aid, _, type_, country, _ in actors}
    out: dict[str, str] = {}
    for aid, name, type_, _country, akey in sorted(actors):
        own = words[aid]
        if not akey.startswith("n:") or len(own) < 2 or type_ not in kinds or generic_type(name, None, None):
            continue
        over = [o for o in sorted(words) if own < words[o] and _compatible(info[aid], info[o], kinds)]
        top = [o for o in over if not any(words[o] < words[p] for p in over)]
        if len(top) == 1:
            out[aid] = top[0]
    return out


def _compatible(a: tuple[str | None, str | None], b: tuple[str | None, str | None], kinds: set[str]) -> bool:
    """Types both shortenable, countries equal or one untold."""
    return b[0] in kinds and (not a[1] or not b[1] or a[1] == b[1])


_FOLDS = (("x", "ks"), ("j", "i"), ("y", "i"))


@functools.lru_cache(maxsize=65536)  # a pure function of the name
def spelling_key(name: str | None) -> str:
    """A person's name with transliteration variants folded (Andrej, Andrey, Andrei; Podoljak, Podolyak).

    Letters written one way by one outlet and another way by the next (j/y/i,
    x/ks) are one letter here, and a doubled letter is one.
    """
    text = unicodedata.normalize("NFKD", _plain(name))
    text = "".join(c for c in text if not unicodedata.combining(c))
    for old, new in _FOLDS:
        text = text.replace(old, new)
    return re.sub(r"(\w)\1+", r"\1", text)


def _one_name(a: str, b: str) -> bool:
    """Folded full names of one person: same surname, one given name the other's start (Mikhail,
    Mikhailo) or the same consonants (Aleksandar, Aleksander)."""
    wa, wb = a.split(), b.split()
    if a == b:
        return True
    if len(wa) < 2 or len(wb) < 2 or wa[-1] != wb[-1] or len(wa) != len(wb):
        return False
    return all(x.startswith(y) or y.startswith(x) or _skeleton(x) == _skeleton(y)
               for x, y in zip(wa[:-1], wb[:-1], strict=True))


def _skeleton(word: str) -> str:
    """A given name's consonants: transliterations differ in vowels (Aleksandar, Aleksander)."""
    out = re.sub(r"[aeiou]", "", word)
    return out if len(out) >= 3 else word


def same_person(actors: list[tuple[str, str, str | None, str | None, str]]) -> dict[str, str]:
    """Unkeyed persons of one meeting spelled differently, or by surname only -> one of them.

    ``actors`` are (id, name, type, country, akey). Names equal once
    transliteration is folded are one person (the smallest id stands for
    them), and so are names whose given names are one the other's start
    (Mikhail, Mikhailo); a surname alone is the meeting's one person whose name ends in it.
    """
    people = [(aid, spelling_key(name)) for aid, name, type_, _, akey in sorted(actors)
              if type_ == "person" and akey.startswith("n:") and spelling_key(name)]
    first: dict[str, str] = {}
    for aid, key in people:  # people sorted by id: the first spelling met stands for the others
        if key not in first:
            seen = next((k for k in first if _one_name(k, key)), None)
            first[key] = first[seen] if seen is not None else aid
    out = {aid: first[key] for aid, key in people if first[key] != aid}
    full = sorted({key for _, key in people if " " in key})
    for aid, key in people:
        if " " in key or aid in out:
            continue
        owners = {first[k] for k in full if k.endswith(" " + key)}
        if len(owners) == 1:
            out[aid] = owners.pop()
    return out
