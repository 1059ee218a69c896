"""The CAMEO -> PLOVER mapping file and its lookups."""

from __future__ import annotations

import pytest

from talkwatch.errors import InputError
from talkwatch.extract.events import codes


def test_every_row_is_well_formed() -> None:
    table = codes.table()
    assert len(table) > 250
    for code, row in table.items():
        assert isinstance(code, str) and code.isdigit() and len(code) in (3, 4)
        assert row.plover is None or row.plover in codes.PLOVER_TYPES, code
        assert -10.0 <= row.goldstein <= 10.0
        assert row.quad_class == codes.roots()[row.root][2], code
        assert 1 <= int(row.root) <= 20


def test_quad_classes_follow_the_roots() -> None:
    assert codes.lookup("036").quad_class == 1
    assert codes.lookup("073").quad_class == 2
    assert codes.lookup("125").quad_class == 3
    assert codes.lookup("196").quad_class == 4


def test_codes_keep_leading_zeros() -> None:
    assert codes.normalize(36) == "036"
    assert codes.normalize("36") == "036"
    assert codes.normalize("0871") == "0871"
    assert codes.lookup(57).code == "057"


def test_documented_choices() -> None:
    ceasefire = codes.lookup("0871")
    assert (ceasefire.plover, ceasefire.mode) == ("RETREAT", "ceasefire")
    assert codes.lookup("105").mode == "yield"
    assert [codes.lookup(c).mode for c in ("106", "107", "108")] == ["meet"] * 3
    assert codes.lookup("0253").plover == "REQUEST"  # an appeal, not a demand row
    assert codes.lookup("0253").goldstein > codes.lookup("1053").goldstein
    assert codes.lookup("010").plover is None


def test_unknown_subcode_falls_back_to_its_base() -> None:
    row = codes.lookup("0879")
    assert row.code == "0879" and row.plover == "RETREAT"


@pytest.mark.parametrize("bad", ["abc", "", "999"])
def test_bad_codes_are_input_errors(bad: str) -> None:
    with pytest.raises(InputError):
        codes.lookup(bad)


def test_legacy_and_modern_type_names() -> None:
    assert codes.modern_type("DEMAND") == "REQUEST"
    assert codes.modern_type("fight") == "ASSAULT"
    assert codes.legacy_type("094") == "INVESTIGATE"
    assert codes.legacy_type("193") == "FIGHT"
    assert codes.legacy_type("1822") == "ASSAULT"
