"""The sentence coder on the PLOVER gold-standard records (skips without ../shared)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
SHARED = ROOT.parent / "shared"
GSR = SHARED / "data" / "plover-gsr" / "PLOVER_GSR_CAMEO.json"

# Achieved numbers minus a small margin (see benchmarks/eval_plover.py).
FLOORS = {"type_macro_f1": 0.72, "type_accuracy": 0.74, "actor_f1": 0.78, "dyad_exact": 0.38}


@pytest.mark.slow
def test_plover_gsr_floors(nlp: object) -> None:
    if not GSR.exists():
        pytest.skip("../shared/data/plover-gsr is not present")
    spec = importlib.util.spec_from_file_location("eval_plover", ROOT / "benchmarks" / "eval_plover.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    res = module.evaluate(SHARED)
    assert res is not None and res["sentences"] == 322
    assert res["type"]["macro_f1"] >= FLOORS["type_macro_f1"]
    assert res["type"]["accuracy"] >= FLOORS["type_accuracy"]
    assert res["actors"]["all"]["f1"] >= FLOORS["actor_f1"]
    assert res["dyad_exact"] >= FLOORS["dyad_exact"]
