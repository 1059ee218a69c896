"""The extractor registry: fact kind -> ``extract(ctx) -> list[fact]``, run in this order."""

from __future__ import annotations

from . import agreements, delegations, events, meetings, participation, positions, quotes

EXTRACTORS = {
    "meetings": meetings.extract,
    "participations": participation.extract,
    "delegations": delegations.extract,
    "quotes": quotes.extract,
    "positions": positions.extract,
    "agreements": agreements.extract,
    "events": events.extract,
}
MODULES = {
    "meetings": meetings,
    "participations": participation,
    "delegations": delegations,
    "quotes": quotes,
    "positions": positions,
    "agreements": agreements,
    "events": events,
}
