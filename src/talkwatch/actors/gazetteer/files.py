"""Reading and validating the gazetteer's data files (``data/gazetteer/*.yaml``).

Every problem raises ``SchemaError`` naming the file and the entry, so that a
bad edit fails at load time rather than as a wrong lookup later.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ... import lexicon
from ...errors import SchemaError
from ...model import ACTOR_TYPES
from .entry import Entry, normalize

DIRECTORY = "gazetteer"
STATES_FILE = "states.yaml"
PLACES_FILE = "places.yaml"
AMBIGUOUS_FILE = "ambiguous.yaml"
VARIANTS_FILE = "variants.yaml"

_FIELDS = (
    "key", "name", "type", "country", "cameo", "aliases", "demonyms", "capital",
    "title", "affiliation", "process",
)
_CAMEO = re.compile(r"^(?:[A-Z0-9]{3})+$")


@dataclass(frozen=True)
class Contents:
    """Everything the data files say, validated."""

    entries: list[Entry]
    places: dict[str, tuple[str, str]]  # folded form -> (city, ISO3)
    ambiguous: dict[str, tuple[tuple[str, ...], str | None]]  # folded form -> (keys, preferred)
    variants: dict[str, tuple[str, ...]]  # folded token -> its spelling group


def read() -> Contents:
    """Read and validate every gazetteer file."""
    files = _data_files()
    states = _entries(STATES_FILE, set())
    countries = {s.country for s in states if s.country}
    entries: list[Entry] = []
    origin: list[str] = []
    for file in files:
        batch = states if file == STATES_FILE else _entries(file, countries)
        entries.extend(batch)
        origin.extend([file] * len(batch))
    ambiguous = _ambiguous({e.key for e in entries})
    _check(entries, origin, ambiguous)
    return Contents(entries, _places(states, countries), ambiguous, _variants())


def _fail(file: str, where: str, problem: str) -> SchemaError:
    return SchemaError(f"gazetteer {file}: {where}: {problem}")


def _strings(value: Any, file: str, where: str, field: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _fail(file, where, f"{field} must be a list of non-empty strings")
    return tuple(value)


def _entry(raw: Any, file: str, index: int, countries: set[str]) -> Entry:
    where = f"entry {index + 1}"
    if not isinstance(raw, dict):
        raise _fail(file, where, "not a mapping")
    where = f"entry {raw.get('key', index + 1)!s}"
    unknown = set(raw) - set(_FIELDS)
    if unknown:
        raise _fail(file, where, f"unknown field(s) {', '.join(sorted(unknown))}")
    for field in ("key", "name", "type"):
        if not isinstance(raw.get(field), str) or not raw[field].strip():
            raise _fail(file, where, f"missing {field}")
    for field in ("country", "cameo", "capital", "title", "affiliation", "process"):
        if raw.get(field) is not None and not isinstance(raw[field], str):
            raise _fail(file, where, f"{field} must be a string or null")
    if raw["type"] not in ACTOR_TYPES:
        raise _fail(file, where, f"type {raw['type']!r} is not one of {', '.join(ACTOR_TYPES)}")
    country = raw.get("country")
    if country is not None and country not in countries and file != STATES_FILE:
        raise _fail(file, where, f"country {country!r} is not a known ISO3 code")
    cameo = raw.get("cameo")
    if cameo is not None and not _CAMEO.match(cameo):
        raise _fail(file, where, f"cameo {cameo!r} is not a sequence of 3-character codes")
    return Entry(
        key=raw["key"], name=raw["name"], type=raw["type"], country=country, cameo=cameo,
        aliases=_strings(raw.get("aliases"), file, where, "aliases"),
        demonyms=_strings(raw.get("demonyms"), file, where, "demonyms"),
        capital=raw.get("capital"), title=raw.get("title"),
        affiliation=raw.get("affiliation"), process=raw.get("process"),
    )


def _entries(file: str, countries: set[str]) -> list[Entry]:
    raw = lexicon.load_yaml(DIRECTORY, file)
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise _fail(file, "top level", "must be a list of entries")
    return [_entry(item, file, i, countries) for i, item in enumerate(raw)]


def _places(states: list[Entry], countries: set[str]) -> dict[str, tuple[str, str]]:
    places: dict[str, tuple[str, str]] = {}

    def put(form: str, value: tuple[str, str], where: str) -> None:
        key = normalize(form).casefold()
        if key in places and places[key][1] != value[1]:
            raise _fail(PLACES_FILE, where, f"{form!r} already names a place in {places[key][1]}")
        places.setdefault(key, value)

    for s in states:
        if s.capital and s.country:
            put(s.capital, (s.capital, s.country), f"capital of {s.key}")
    raw = lexicon.load_yaml(DIRECTORY, PLACES_FILE) or []
    if not isinstance(raw, list):
        raise _fail(PLACES_FILE, "top level", "must be a list of places")
    for i, item in enumerate(raw):
        where = f"place {item.get('name', i + 1) if isinstance(item, dict) else i + 1}"
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            raise _fail(PLACES_FILE, where, "needs a name")
        if set(item) - {"name", "country", "aliases"}:
            raise _fail(PLACES_FILE, where, "only name, country and aliases are allowed")
        if item.get("country") not in countries:
            raise _fail(PLACES_FILE, where, f"country {item.get('country')!r} is not known")
        value = (item["name"], item["country"])
        for form in (item["name"], *_strings(item.get("aliases"), PLACES_FILE, where, "aliases")):
            put(form, value, where)
    return places


def _ambiguous(keys: set[str]) -> dict[str, tuple[tuple[str, ...], str | None]]:
    raw = lexicon.load_yaml(DIRECTORY, AMBIGUOUS_FILE) or []
    out: dict[str, tuple[tuple[str, ...], str | None]] = {}
    for i, item in enumerate(raw):
        where = f"item {i + 1}"
        if not isinstance(item, dict) or not isinstance(item.get("form"), str):
            raise _fail(AMBIGUOUS_FILE, where, "needs a form")
        where = f"form {item['form']!r}"
        options = _strings(item.get("keys"), AMBIGUOUS_FILE, where, "keys")
        prefer = item.get("prefer")
        if len(options) < 2 or any(k not in keys for k in options):
            raise _fail(AMBIGUOUS_FILE, where, "keys must name two or more known entries")
        if prefer is not None and prefer not in options:
            raise _fail(AMBIGUOUS_FILE, where, f"prefer {prefer!r} is not one of its keys")
        out[normalize(item["form"]).casefold()] = (options, prefer)
    return out


def _variants() -> dict[str, tuple[str, ...]]:
    raw = lexicon.load_yaml(DIRECTORY, VARIANTS_FILE) or []
    out: dict[str, tuple[str, ...]] = {}
    for i, group in enumerate(raw):
        forms = _strings(group, VARIANTS_FILE, f"group {i + 1}", "a group")
        folded = tuple(dict.fromkeys(normalize(f).casefold() for f in forms))
        for f in folded:
            if " " in f:
                raise _fail(VARIANTS_FILE, f"group {i + 1}", f"{f!r} is not one token")
            if f in out:
                raise _fail(VARIANTS_FILE, f"group {i + 1}", f"{f!r} is in two groups")
            out[f] = folded
    return out


def _check(entries: list[Entry], origin: list[str],
           ambiguous: dict[str, tuple[tuple[str, ...], str | None]]) -> None:
    """Unique keys, known affiliations, and no undeclared same-type homonyms."""
    seen: dict[str, Entry] = {}
    files: dict[str, str] = {}
    for e, file in zip(entries, origin, strict=True):
        if e.key in seen:
            raise _fail(file, f"entry {e.key}", f"duplicate key (first in {files[e.key]})")
        seen[e.key] = e
        files[e.key] = file
    owners: dict[tuple[str, str], Entry] = {}
    demonyms: dict[str, Entry] = {}
    for e in entries:
        if e.affiliation is not None and e.affiliation not in seen:
            raise _fail(files[e.key], f"entry {e.key}",
                        f"affiliation {e.affiliation!r} is not a gazetteer key")
        for form in e.forms():
            folded = normalize(form).casefold()
            other = owners.setdefault((folded, e.type), e)
            if other is not e and folded not in ambiguous:
                raise _fail(files[e.key], f"entry {e.key}",
                            f"{form!r} also names {other.key} ({files[other.key]}); "
                            f"declare it in {AMBIGUOUS_FILE}")
        for d in e.demonyms:
            folded = normalize(d).casefold()
            other = demonyms.setdefault(folded, e)
            if other is not e and folded not in ambiguous:
                raise _fail(files[e.key], f"entry {e.key}",
                            f"demonym {d!r} also names {other.key} ({files[other.key]}); "
                            f"declare it in {AMBIGUOUS_FILE}")


def _data_files() -> list[str]:
    names = sorted(p.name for p in lexicon.data_path(DIRECTORY).iterdir()
                   if p.name.endswith(".yaml"))
    if STATES_FILE not in names:
        raise SchemaError(f"gazetteer: {STATES_FILE} is missing")
    special = {STATES_FILE, PLACES_FILE, AMBIGUOUS_FILE, VARIANTS_FILE}
    return [STATES_FILE] + [n for n in names if n not in special]
