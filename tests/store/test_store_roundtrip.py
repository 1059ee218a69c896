"""Round trip: digest -> database -> digest gives back the same facts (on every backend)."""

from __future__ import annotations

import hashlib
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from talkwatch.model import (
    ACTOR_TYPES,
    AGREEMENT_KINDS,
    FACT_KINDS,
    MEETING_STATUSES,
    PARTICIPATION_STATUSES,
    ROLES,
    STANCES,
)

pytest_plugins = ("store_backends",)  # ``databases``: each test runs on SQLite and PostgreSQL
FIXTURE_OK = [HealthCheck.too_slow, HealthCheck.function_scoped_fixture]

text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30)
opt_text = st.none() | text
day = st.none() | st.dates().map(lambda d: d.isoformat()) | st.sampled_from(["2017-02", "2016"])
small = st.integers(min_value=0, max_value=10_000)
evidence = st.just({}) | st.builds(lambda s, t: {"start": s, "end": s + len(t), "text": t}, small, text)


@st.composite
def digests(draw) -> dict:
    body = draw(text)
    n_actors = draw(st.integers(0, 4))
    aids = [f"a{i + 1}" for i in range(n_actors)]
    actor_ref = st.none() | st.sampled_from(aids) if aids else st.none()
    actors = [
        {
            "id": aid,
            "name": draw(text),
            "type": draw(st.sampled_from(ACTOR_TYPES)),
            "country": draw(st.none() | st.sampled_from(["KAZ", "CHE"])),
            "affiliation": draw(actor_ref),
            "title": draw(opt_text),
            "aliases": draw(st.lists(text, max_size=3, unique=True)),
            "cameo": draw(st.none() | st.sampled_from(["IGOUNO", "SYRGOV"])),
            "mentions": draw(st.lists(st.lists(small, min_size=2, max_size=2), max_size=3)),
            **({"key": draw(text)} if draw(st.booleans()) else {}),
        }
        for aid in aids
    ]
    mids = [f"m{i + 1}" for i in range(draw(st.integers(0, 2)))]
    meeting_ref = st.none() | st.sampled_from(mids) if mids else st.none()
    status = st.none() | st.sampled_from(MEETING_STATUSES)
    meetings = [
        {
            "id": mid,
            "name": draw(text),
            "aliases": draw(st.lists(text, max_size=2)),
            "venue": {"city": draw(opt_text), "country": draw(st.none() | st.just("NOR"))},
            "start": draw(day),
            "end": draw(day),
            "status": draw(status),
            "round": draw(st.none() | st.integers(1, 20)),
            "hosts": draw(st.lists(st.sampled_from(aids), max_size=2)) if aids else [],
            "sponsors": [],
            "process": draw(opt_text),
            "history": draw(
                st.lists(
                    st.fixed_dictionaries({"status": status, "start": day, "evidence": evidence}),
                    max_size=3,
                )
            ),
            "evidence": draw(st.lists(evidence.filter(bool), max_size=2)),
        }
        for mid in mids
    ]
    parts = draw(
        st.lists(
            st.fixed_dictionaries(
                {
                    "meeting": meeting_ref,
                    "actor": actor_ref,
                    "status": st.sampled_from(PARTICIPATION_STATUSES),
                    "role": st.none() | st.sampled_from(ROLES),
                    "hedged": st.booleans(),
                    "evidence": evidence,
                }
            ),
            max_size=3,
        )
    )
    quotes = draw(
        st.lists(
            st.fixed_dictionaries(
                {
                    "speaker": actor_ref,
                    "speaker_text": opt_text,
                    "speaker_start": st.none() | small,
                    "speaker_end": st.none() | small,
                    "text": text,
                    "start": small,
                    "end": small,
                    "evidence": evidence,
                }
            ),
            max_size=2,
        )
    )
    positions = draw(
        st.lists(
            st.fixed_dictionaries(
                {
                    "actor": actor_ref,
                    "issue": text,
                    "stance": st.sampled_from(STANCES),
                    "hedged": st.booleans(),
                    "evidence": evidence,
                }
            ),
            max_size=2,
        )
    )
    agreements = draw(
        st.lists(
            st.fixed_dictionaries(
                {
                    "kind": st.sampled_from(AGREEMENT_KINDS),
                    "name": opt_text,
                    "start": day,
                    "parties": st.lists(st.sampled_from(aids), max_size=2) if aids else st.just([]),
                    "brokers": st.just([]),
                    "status": st.none() | st.just("in_force"),
                    "evidence": evidence,
                }
            ),
            max_size=2,
        )
    )
    events = draw(
        st.lists(
            st.fixed_dictionaries(
                {
                    "date": day,
                    "source": actor_ref,
                    "target": actor_ref,
                    "cameo": st.just("043"),
                    "plover": st.just("CONSULT"),
                    "mode": opt_text,
                    "context": opt_text,
                    "source_code": opt_text,
                    "target_code": opt_text,
                    "goldstein": st.none() | st.floats(-10, 10, allow_nan=False),
                    "quad_class": st.none() | st.integers(1, 4),
                    "location": opt_text,
                    "fact": opt_text,
                    "evidence": evidence,
                }
            ),
            max_size=2,
        )
    )
    delegations = draw(
        st.lists(
            st.fixed_dictionaries(
                {
                    "meeting": meeting_ref,
                    "actor": actor_ref,
                    "size": st.none() | small,
                    "head": actor_ref,
                    "members": st.lists(st.sampled_from(aids), max_size=2) if aids else st.just([]),
                    "replaces": opt_text,
                    "evidence": evidence,
                }
            ),
            max_size=2,
        )
    )
    dates = draw(
        st.lists(
            st.fixed_dictionaries(
                {
                    "text": text,
                    "value": day,
                    "granularity": st.none() | st.sampled_from(["day", "month"]),
                    "start": small,
                    "end": small,
                }
            ),
            max_size=2,
        )
    )
    facts = {
        "meetings": meetings,
        "participations": parts,
        "delegations": delegations,
        "quotes": quotes,
        "positions": positions,
        "agreements": agreements,
        "events": events,
    }
    for kind in FACT_KINDS:  # with the rule set's name, or without (digests from before it)
        if draw(st.booleans()):
            facts[kind] = [f | {"extractor": f"{kind}.v{draw(st.integers(1, 3))}"} for f in facts[kind]]
    return {
        "schema": "talkwatch.digest/1",
        "document": {
            "id": hashlib.sha256(body.encode()).hexdigest(),
            "title": draw(opt_text),
            "source": draw(opt_text),
            "url": draw(opt_text),
            "published": draw(day),
            "language": "en",
        },
        "actors": actors,
        **facts,
        "dates": dates,
        **({"extra_field": draw(text)} if draw(st.booleans()) else {}),
    }


def storable(databases, dg: Any) -> Any:
    """The digest without NUL characters on PostgreSQL, whose text cannot hold them
    (its backend stores U+FFFD instead: see test_store_postgres)."""
    if databases.backend != "postgres":
        return dg
    if isinstance(dg, str):
        return dg.replace("\x00", "?")
    if isinstance(dg, dict):
        return {storable(databases, k): storable(databases, v) for k, v in dg.items()}
    if isinstance(dg, list):
        return [storable(databases, v) for v in dg]
    return dg


@settings(max_examples=60, deadline=None, suppress_health_check=FIXTURE_OK)
@given(dg=digests())
def test_digest_database_digest_round_trip(databases, dg):
    dg = storable(databases, dg)
    with databases.fresh() as record:
        record.save(dg)
        assert record.digest(dg["document"]["id"]) == dg


@settings(max_examples=20, deadline=None, suppress_health_check=FIXTURE_OK)
@given(dgs=st.lists(digests(), min_size=1, max_size=4))
def test_any_digests_merge_and_export(databases, dgs):
    """Whatever the digests say, merging and exporting never fail and keep every document."""
    dgs = storable(databases, dgs)
    with databases.fresh() as record:
        record.save_many(dgs)
        data = record.record()
        assert len(data["documents"]) == len({d["document"]["id"] for d in dgs})
        assert sum(len(m["documents"]) > 0 for m in data["meetings"]) == len(data["meetings"])
