"""The extractor registry: fact kind -> the module whose ``extract(ctx)`` finds it, run in this order.

Each module declares ``NAME`` (its rule set, recorded with every fact it produces) and ``REQUIRES``
(the kinds it reads from ``ctx.facts``); the pipeline checks the order once at import.
"""

from __future__ import annotations

from types import ModuleType

from ..model import FACT_KINDS
from . import agreements, delegations, events, meetings, participation, positions, quotes

EXTRACTORS: dict[str, ModuleType] = {
    "meetings": meetings,
    "participations": participation,
    "delegations": delegations,
    "quotes": quotes,
    "positions": positions,
    "agreements": agreements,
    "events": events,
}
assert tuple(EXTRACTORS) == FACT_KINDS, "the registry lists every fact kind, in model.FACT_KINDS order"
