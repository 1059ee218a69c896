"""Generate a synthetic corpus of news reports about invented negotiations.

Each article reports one round of talks of an invented peace process (venue,
round number, dates, status, parties, a mediator, a quote, positions), seen
at some point before, during or after the round; some mention a postponement
or the previous round. The text and its digest are built together from one
deterministic specification, so stores can be tested and benchmarked without
the NLP step: ``digest_for(article)`` returns what a perfect extractor would.

    python benchmarks/gen_corpus.py 5000 corpus.jsonl            # JSON Lines
    python benchmarks/gen_corpus.py 200 corpus/ --format txt     # one .txt per article
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import json
import random
import sys
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from talkwatch.digests import DIGEST_LISTS

URL = "https://synthetic.example/{seed}/{i}"
CITIES = [
    ("Geneva", "CHE"),
    ("Vienna", "AUT"),
    ("Doha", "QAT"),
    ("Oslo", "NOR"),
    ("Nairobi", "KEN"),
    ("Addis Ababa", "ETH"),
    ("Muscat", "OMN"),
    ("Havana", "CUB"),
    ("Kampala", "UGA"),
    ("Montreux", "CHE"),
    ("Helsinki", "FIN"),
    ("Dakar", "SEN"),
    ("Jeddah", "SAU"),
    ("Arusha", "TZA"),
    ("Lome", "TGO"),
    ("Baku", "AZE"),
    ("Tashkent", "UZB"),
    ("Accra", "GHA"),
    ("Manila", "PHL"),
    ("Bogota", "COL"),
]
REGIONS = [
    "Varnia",
    "Kesh",
    "Oltara",
    "Marovo",
    "Tesk",
    "Bruma",
    "Selvane",
    "Quorin",
    "Davesh",
    "Ilmar",
    "Rostav",
    "Zenda",
    "Palluk",
    "Norvane",
    "Ketterin",
    "Asmor",
]
GROUP_HEADS = [
    "Liberation Front",
    "People's Army",
    "National Movement",
    "Democratic Alliance",
    "Resistance Council",
    "Patriotic Union",
    "Revolutionary Forces",
]
FIRST = [
    "Amara",
    "Tomas",
    "Leyla",
    "Kofi",
    "Ines",
    "Dmitri",
    "Nadia",
    "Omar",
    "Elin",
    "Rafael",
    "Sana",
    "Pieter",
    "Yusuf",
    "Mira",
    "Henrik",
    "Zainab",
    "Luca",
    "Farah",
]
LAST = [
    "Okafor",
    "Lindqvist",
    "Haddad",
    "Moreau",
    "Kovac",
    "Tembo",
    "Sato",
    "Brennan",
    "Aziz",
    "Varga",
    "Mensah",
    "Castell",
    "Nilsen",
    "Rahimi",
    "Dube",
    "Ferreira",
]
ORDINALS = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "11th",
    "12th",
    "13th",
    "14th",
    "15th",
    "16th",
]
ISSUES = [
    "a nationwide ceasefire",
    "the release of detainees",
    "a transitional government",
    "the withdrawal of foreign troops",
    "humanitarian access to besieged towns",
    "a new constitution",
    "the disarmament of militias",
    "elections within a year",
]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


@dataclass(frozen=True)
class Process:
    region: str
    name: str
    venues: tuple[tuple[str, str], ...]
    government: str
    group: str
    mediator: str
    rounds: tuple[tuple[date, int], ...]  # (start, venue index) per round


@functools.cache
def world(seed: int, n_processes: int) -> list[Process]:
    """Invented peace processes, each with venues, parties, a mediator and dated rounds."""
    rng = random.Random(f"world:{seed}")
    out = []
    for k in range(n_processes):
        region = REGIONS[k % len(REGIONS)] + ("" if k < len(REGIONS) else f"-{k // len(REGIONS)}")
        venues = tuple(rng.sample(CITIES, rng.randint(1, 3)))
        day = date(2015, 1, 1) + timedelta(days=rng.randint(0, 3000))
        rounds = []
        for _ in range(rng.randint(4, len(ORDINALS))):
            rounds.append((day, rng.randrange(len(venues))))
            day += timedelta(days=rng.randint(35, 90))
        out.append(
            Process(
                region=region,
                name=f"{region} peace process",
                venues=venues,
                government=f"Government of {region}",
                group=f"{region} {rng.choice(GROUP_HEADS)}",
                mediator=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                rounds=tuple(rounds),
            )
        )
    return out


@dataclass
class _Text:
    """The body being written, with the span of each sentence."""

    parts: list[str] = field(default_factory=list)
    size: int = 0

    def add(self, sentence: str) -> dict[str, Any]:
        if self.parts:
            self.parts.append(" ")
            self.size += 1
        start = self.size
        self.parts.append(sentence)
        self.size += len(sentence)
        return {"start": start, "end": self.size, "text": sentence}

    @property
    def body(self) -> str:
        return "".join(self.parts)


def _day(d: date) -> str:
    return f"{MONTHS[d.month - 1]} {d.day}"


class _Digest:
    def __init__(self) -> None:
        self.actors: list[dict[str, Any]] = []
        self.facts: dict[str, list[dict[str, Any]]] = {k: [] for k in DIGEST_LISTS[1:]}

    def actor(
        self,
        name: str,
        type_: str,
        *,
        key: str | None = None,
        country: str | None = None,
        aliases: tuple[str, ...] = (),
    ) -> str:
        aid = f"a{len(self.actors) + 1}"
        a = {
            "id": aid,
            "name": name,
            "type": type_,
            "country": country,
            "affiliation": None,
            "title": None,
            "aliases": list(aliases),
            "cameo": None,
            "mentions": [],
        }
        if key:
            a["key"] = key
        self.actors.append(a)
        return aid


def article(i: int, *, seed: int = 0, n: int = 5000) -> tuple[dict[str, Any], dict[str, Any]]:
    """The i-th article (JSONL row) and its digest."""
    procs = world(seed, max(8, n // 400))
    rng = random.Random(f"article:{seed}:{i}")
    proc = rng.choice(procs)
    r = rng.randrange(len(proc.rounds))
    start, venue_i = proc.rounds[r]
    city, country = proc.venues[venue_i]
    published = start + timedelta(days=rng.randint(-30, 10))
    text, dg = _Text(), _Digest()
    gov = dg.actor(
        proc.government,
        "government",
        key=f"gov:{proc.region}",
        aliases=(f"{proc.region}n government",),
    )
    grp = dg.actor(proc.group, "armed_group", aliases=(proc.group.split()[-1],))
    med = dg.actor(
        proc.mediator,
        "person",
        key=f"envoy:{proc.mediator}",
        aliases=(proc.mediator.split()[-1], f"UN envoy {proc.mediator}"),
    )
    host = dg.actor(f"Government of {city}", "government", country=country)
    round_no = r + 1
    name = f"{city} talks"
    offset = (published - start).days
    ev0 = text.add(
        f"{city.upper()}, {_day(published)} (Synthetic Wire {seed}-{i}) - "
        f"The {ORDINALS[r]} round of talks on {proc.region} " + _status_clause(offset, start, rng) + "."
    )
    history = [{"status": _status(offset), "start": start.isoformat(), "evidence": ev0}]
    new_start = start
    if offset < -5 and rng.random() < 0.2:
        new_start = start + timedelta(days=rng.randint(2, 6))
        ev = text.add(
            f"Organisers later said the round had been postponed until "
            f"{_day(new_start)} for technical reasons."
        )
        history.append({"status": "postponed", "start": new_start.isoformat(), "evidence": ev})
    meeting = {
        "id": "m1",
        "name": name,
        "aliases": [f"{ORDINALS[r]} round"],
        "venue": {"city": city, "country": country},
        "start": history[-1]["start"],
        "end": None,
        "status": history[-1]["status"],
        "round": round_no,
        "hosts": [host],
        "sponsors": [],
        "process": proc.name,
        "history": history,
        "evidence": [h["evidence"] for h in history],
    }
    dg.facts["meetings"].append(meeting)
    _participants(dg, text, rng, offset, [(gov, proc.government), (grp, proc.group)], city)
    ev = text.add(f"UN envoy {proc.mediator} will chair the round, hosted by the government of {city}.")
    dg.facts["participations"].append(
        _part(med, "will_attend" if offset < 0 else "attended", ev, role="mediator")
    )
    _quote_and_position(dg, text, rng, proc, grp, med)
    if r and rng.random() < 0.3:
        prev, pv = proc.rounds[r - 1]
        pcity = proc.venues[pv][0]
        ev = text.add(f"The previous round in {pcity} ended on {_day(prev)} without a deal.")
        dg.facts["meetings"].append(
            {
                "id": "m2",
                "name": f"{pcity} talks",
                "aliases": [],
                "venue": {"city": pcity, "country": proc.venues[pv][1]},
                "start": prev.isoformat(),
                "end": None,
                "status": "concluded",
                "round": r,
                "hosts": [],
                "sponsors": [],
                "process": proc.name,
                "history": [{"status": "concluded", "start": prev.isoformat(), "evidence": ev}],
                "evidence": [ev],
            }
        )
    if rng.random() < 0.2:
        ev = text.add(
            f"A ceasefire brokered by {proc.mediator} has largely held since "
            f"{_day(start - timedelta(days=40))}."
        )
        dg.facts["agreements"].append(
            {
                "kind": "ceasefire",
                "name": None,
                "start": (start - timedelta(days=40)).isoformat(),
                "parties": [gov, grp],
                "brokers": [med],
                "status": "in_force",
                "evidence": ev,
            }
        )
    dg.facts["events"].append(
        {
            "date": start.isoformat(),
            "source": med,
            "target": gov,
            "cameo": "043" if offset >= 0 else "036",
            "plover": "CONSULT",
            "evidence": ev0,
        }
    )
    body = text.body
    row = {
        "text": body,
        "title": f"{ORDINALS[r].capitalize()} round of {proc.region} talks "
        f"{'opens' if offset >= 0 else 'set'} in {city}",
        "url": URL.format(seed=seed, i=i),
        "source": "Synthetic Wire",
        "published": published.isoformat(),
    }
    return row, _assemble(row, dg)


def _status(offset: int) -> str:
    if offset < 0:
        return "scheduled"
    return "ongoing" if offset <= 2 else "concluded"


def _status_clause(offset: int, start: date, rng: random.Random) -> str:
    if offset < 0:
        return rng.choice(["is due to begin on ", "is scheduled to open on ", "will be held from "]) + _day(
            start
        )
    if offset <= 2:
        return f"opened on {_day(start)} amid tight security"
    return f"concluded after talks that began on {_day(start)}"


def _part(
    actor: str, status: str, ev: dict[str, Any], *, role: str | None = "party", hedged: bool = False
) -> dict[str, Any]:
    return {
        "meeting": "m1",
        "actor": actor,
        "status": status,
        "role": role,
        "hedged": hedged,
        "evidence": ev,
    }


def _participants(
    dg: _Digest,
    text: _Text,
    rng: random.Random,
    offset: int,
    parties: list[tuple[str, str]],
    city: str,
) -> None:
    for aid, name in parties:
        if offset < -10:
            status, verb = rng.choice(
                [
                    ("invited", "has been invited to"),
                    ("undecided", "is still deciding whether to attend"),
                    ("will_attend", "confirmed it will attend"),
                ]
            )
        elif offset < 0:
            status, verb = rng.choice(
                [
                    ("will_attend", "will send a delegation to"),
                    ("declined", "said it would boycott"),
                    ("arrived", f"arrived in {city} for"),
                ]
            )
        else:
            status, verb = rng.choice([("attended", "took part in"), ("declined", "stayed away from")])
        obj = "" if verb.endswith(("attend", "boycott")) else " the round"
        verb = verb.replace("boycott", "boycott the round")
        ev = text.add(f"The {name} {verb}{obj}, a spokesperson said.")
        dg.facts["participations"].append(_part(aid, status, ev, hedged=status == "undecided"))


def _quote_and_position(
    dg: _Digest, text: _Text, rng: random.Random, proc: Process, grp: str, med: str
) -> None:
    words = rng.choice(
        [
            "We are here to listen, not to impose",
            "Every delay costs lives",
            "The door to dialogue remains open",
            "Nobody should expect miracles",
        ]
    )
    sentence = f'"{words}," {proc.mediator} told reporters.'
    ev = text.add(sentence)
    q0 = ev["start"] + 1
    dg.facts["quotes"].append(
        {
            "speaker": med,
            "speaker_text": proc.mediator,
            "speaker_start": ev["start"] + sentence.index(proc.mediator),
            "speaker_end": ev["start"] + sentence.index(proc.mediator) + len(proc.mediator),
            "text": words,
            "start": q0,
            "end": q0 + len(words),
            "evidence": ev,
        }
    )
    issue = rng.choice(ISSUES)
    stance, verb = rng.choice([("demand", "demands"), ("reject", "rejects"), ("support", "supports")])
    ev = text.add(f"The {proc.group} {verb} {issue}.")
    dg.facts["positions"].append(
        {"actor": grp, "issue": issue, "stance": stance, "hedged": False, "evidence": ev}
    )


def _assemble(row: dict[str, Any], dg: _Digest) -> dict[str, Any]:
    doc_id = hashlib.sha256(row["text"].encode("utf-8")).hexdigest()
    return {
        "schema": "talkwatch.digest/1",
        "document": {
            "id": doc_id,
            "title": row["title"],
            "source": row["source"],
            "url": row["url"],
            "published": row["published"],
            "language": "en",
        },
        "actors": dg.actors,
        **dg.facts,
    }


def digest_for(article_: Any) -> dict[str, Any]:
    """What a perfect extractor returns for a generated article (a ``pipeline.run`` stand-in)."""
    url = getattr(article_, "url", None) or ""
    prefix = URL.split("{seed}")[0]
    if not url.startswith(prefix):
        raise ValueError(f"not a generated article: {url!r}")
    seed_s, i_s, *rest = url[len(prefix) :].split("/")
    n = int(rest[0]) if rest else 5000
    dg = article(int(i_s), seed=int(seed_s), n=n)[1]
    dg["document"] |= {
        k: getattr(article_, k) for k in ("id", "title", "source", "url", "published", "language")
    }
    return dg


def generate(n: int, *, seed: int = 0) -> Any:
    """Yield ``(row, digest)`` for articles 0..n-1."""
    for i in range(n):
        yield article(i, seed=seed, n=n)


def _fix_url(row: dict[str, Any], dg: dict[str, Any], n: int) -> None:
    """Record corpus size in the URL so that ``digest_for`` rebuilds the same world."""
    row["url"] = dg["document"]["url"] = row["url"] + f"/{n}"


def write(n: int, out: Path, *, seed: int = 0, fmt: str = "jsonl") -> int:
    """Write the corpus; returns the number of articles."""
    if fmt == "jsonl":
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("w", encoding="utf-8") as fh:
            for row, dg in generate(n, seed=seed):
                _fix_url(row, dg, n)
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        return n
    out.mkdir(parents=True, exist_ok=True)
    for i, (row, dg) in enumerate(generate(n, seed=seed)):
        _fix_url(row, dg, n)
        header = "".join(f"{k}: {row[k]}\n" for k in ("title", "source", "url", "published"))
        folder = out / f"{i // 1000:03d}"
        folder.mkdir(exist_ok=True)
        (folder / f"article-{i:06d}.txt").write_text(header + "\n" + row["text"], encoding="utf-8")
    return n


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, help="number of articles")
    ap.add_argument("out", type=Path, help="a .jsonl file, or a folder for --format txt")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--format", choices=("jsonl", "txt"), default="jsonl")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    write(args.n, args.out, seed=args.seed, fmt=args.format)
    print(f"{args.n} articles -> {args.out} in {time.perf_counter() - t0:.1f}s", file=sys.stderr)


if __name__ == "__main__":
    main()
