"""The CAMEO code table (``data/cameo_plover.yaml``) and lookups on it.

One data file maps every CAMEO code to its label, PLOVER type/mode/context,
Goldstein-style score and GDELT QuadClass, so that the digest, the GDELT
export and the PLOVER export can never disagree about what a code means.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from ...errors import InputError
from ...lexicon import load_yaml

# PLOVER 0.5 (2016) type names -> PLOVER 2021 names, for reading older data.
LEGACY_TYPES = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
    "YIELD": "CONCEDE",
}
PLOVER_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "COOPERATE",
    "AID",
    "CONCEDE",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "MOBILIZE",
    "SANCTION",
    "COERCE",
    "ASSAULT",
)
MODALITIES: tuple[str, ...] = ("negated", "future", "hypothetical")


@dataclass(frozen=True)
class Code:
    """One CAMEO event code and what it means in PLOVER and GDELT terms."""

    code: str
    label: str
    plover: str | None
    mode: str
    context: str
    goldstein: float
    quad_class: int

    @property
    def root(self) -> str:
        return self.code[:2]

    @property
    def base(self) -> str:
        """GDELT's EventBaseCode: the three-digit level."""
        return self.code[:3]


@functools.cache
def table() -> dict[str, Code]:
    """Every CAMEO code of the mapping file, keyed by code string."""
    raw = load_yaml("cameo_plover.yaml")
    out: dict[str, Code] = {}
    for code, (label, plover, mode, context, goldstein, quad) in raw["codes"].items():
        out[str(code)] = Code(
            str(code), label, plover, mode or "", context or "", float(goldstein), int(quad)
        )
    return out


@functools.cache
def roots() -> dict[str, tuple[str, str | None, int]]:
    """Root code ("01".."20") -> (label, PLOVER type, QuadClass)."""
    raw = load_yaml("cameo_plover.yaml")
    return {str(k): (v[0], v[1], int(v[2])) for k, v in raw["roots"].items()}


def normalize(code: str | int) -> str:
    """A CAMEO code as its canonical string: 36 -> "036", "0871" stays."""
    text = str(code).strip()
    if not text.isdigit():
        raise InputError(f"not a CAMEO event code: {code!r}")
    if isinstance(code, int) or len(text) in (1, 2):
        text = text.zfill(3)
    return text


def lookup(code: str | int) -> Code:
    """The table row of a code; unknown sub-codes fall back to their base code."""
    key = normalize(code)
    rows = table()
    for candidate in (key, key[:3], key[:2] + "0"):
        if candidate in rows:
            row = rows[candidate]
            return (
                row
                if candidate == key
                else Code(key, row.label, row.plover, row.mode, row.context, row.goldstein, row.quad_class)
            )
    raise InputError(f"unknown CAMEO event code: {key}")


def plover_type(code: str | int) -> str | None:
    return lookup(code).plover


def modern_type(name: str | None) -> str | None:
    """A PLOVER type name in the 2021 vocabulary (legacy names mapped)."""
    if not name:
        return None
    name = name.strip().upper()
    return LEGACY_TYPES.get(name, name)


def legacy_type(code: str | int) -> str | None:
    """The PLOVER 0.5 (2016) type of a code, as the gold-standard records use."""
    row = lookup(code)
    root = row.root
    if root == "09":
        return "INVESTIGATE"
    if root == "11":
        return "DISAPPROVE"
    if root in ("02", "10"):
        return "DEMAND"
    if root == "19" and row.plover == "ASSAULT":
        return "FIGHT"
    return row.plover
