"""What a CAMEO actor code says about its actor: the country (or international) root and a type.

A CAMEO actor code is a three-letter root (an ISO 3166 country, or IGO/NGO/IMG for international
actors) followed by sector codes ("SDNREB", "IGOUNO"). The root is what GDELT, ICEWS and POLECAT
join on, so an event side whose code is known carries it as the actor's country.
"""

from __future__ import annotations

import functools

from ...actors import gazetteer as gaz
from ...errors import NotFound
from .lexicon import load as load_lexicon


@functools.cache
def _rules() -> tuple[dict[str, str], dict[str, str]]:
    data = load_lexicon().raw
    return dict(data["sector_types"]), dict(data["international_roots"])


def country_root(code: str | None) -> str | None:
    """The code's root when it is a state of the gazetteer or an international root, else None."""
    if not code or len(code) < 3:
        return None
    root = code[:3].upper()
    if root in _rules()[1]:
        return root
    try:
        gaz.load().state(root)
    except NotFound:
        return _legacy_roots().get(root)  # "ROM" (CAMEO's Romania) -> "ROU"
    return root


@functools.cache
def _legacy_roots() -> dict[str, str]:
    """CAMEO country roots that differ from the ISO code of their state, from the gazetteer."""
    out = {}
    for entry in gaz.load().entries:
        if entry.type == "state" and entry.cameo and entry.country and entry.cameo[:3] != entry.country:
            out[entry.cameo[:3]] = entry.country
    return out


def actor_type(code: str) -> str:
    """The actor type a code implies: international roots by root, else by the first sector."""
    sector_types, international = _rules()
    root = code[:3].upper()
    if root in international:
        return international[root]
    sector = code[3:6].upper()
    return sector_types.get(sector, "state" if not sector else "group")
