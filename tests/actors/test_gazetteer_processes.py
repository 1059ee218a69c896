"""Gazetteer coverage of negotiation processes beyond the dev sets: typing, coding, acronym guards."""

from __future__ import annotations

import pytest

from talkwatch.actors import gazetteer

_ROLE_PREFIXES = ("IGO", "IMG", "NGO")


@pytest.fixture(scope="module")
def gz() -> gazetteer.Gazetteer:
    return gazetteer.load()


@pytest.mark.parametrize(("text", "key", "type_", "cameo"), [
    ("Sinn Féin", "NIR_SINN_FEIN", "opposition", "GBROPP"),
    ("DUP", "NIR_DUP", "opposition", "GBROPP"),
    ("IRA", "NIR_IRA", "armed_group", "GBRREB"),
    ("Irish government", "IRL_GOV", "government", "IRLGOV"),
    ("Tamil Tigers", "LKA_LTTE", "armed_group", "LKAREB"),
    ("Free Aceh Movement", "IDN_GAM", "armed_group", "IDNSEP"),
    ("Kurdistan Workers Party", "TUR_PKK", "armed_group", "TURREB"),
    ("KRG", "IRQ_KRG", "government", "IRQGOV"),
    ("Abkhaz separatists", "GEO_ABKHAZ", "armed_group", "GEOSEP"),
    ("Tiraspol authorities", "MDA_TRANSNISTRIA", "armed_group", "MDASEP"),
    ("LRA", "UGA_LRA", "armed_group", "UGAREB"),
    ("Coordination of Azawad Movements", "MLI_CMA", "armed_group", "MLISEP"),
    ("anti-balaka", "CAF_ANTIBALAKA", "armed_group", "CAFREB"),
    ("Forces Nouvelles", "CIV_FN", "armed_group", "CIVREB"),
    ("FMLN", "SLV_FMLN", "armed_group", "SLVREB"),
    ("Civic Alliance", "NIC_CIVIC_ALLIANCE", "opposition", "NICOPP"),
    ("NSCN-IM", "IND_NSCN_IM", "armed_group", "INDSEP"),
    ("Barisan Revolusi Nasional", "THA_BRN", "armed_group", "THASEP"),
    ("Fretilin", "TLS_FRETILIN", "opposition", "TMPOPP"),
    ("Euskadi Ta Askatasuna", "ESP_ETA", "armed_group", "ESPSEP"),
])
def test_process_actors_are_typed_and_coded(gz, text, key, type_, cameo):
    entry = gz.lookup(text)
    assert entry is not None and (entry.key, entry.type, entry.cameo) == (key, type_, cameo)


@pytest.mark.parametrize(("text", "key"), [
    ("Farouk Charaa", "P_FAROUK_SHARAA"), ("Mel Zelaya", "P_ZELAYA"), ("Abdullah Öcalan", "P_OCALAN"),
    ("Martti Ahtisaari", "P_AHTISAARI"), ("Kim Kye Gwan", "P_KIM_KYE_GWAN"),
])
def test_negotiators_and_mediators(gz, text, key):
    entry = gz.lookup(text)
    assert entry is not None and entry.key == key and entry.type == "person"


@pytest.mark.parametrize("text", [
    "ira", "Ira", "ICU", "FACT", "CPC", "NDA", "FAA", "OPM", "RPA", "new forces",
])
def test_common_words_and_shared_acronyms_name_no_actor(gz, text):
    """'in the ICU', 'FACT CHECK', China's CPC: acronyms shared with other bodies are left out."""
    assert gz.lookup(text) is None


def test_every_coded_actor_carries_its_country_code(gz):
    """A party, group or person of a country is coded with that country's CAMEO code (TMP, not TLS)."""
    for e in gz.entries:
        if e.type in {"government", "opposition", "armed_group", "person"} and e.country and e.cameo:
            assert e.cameo.startswith(gz.state(e.country).cameo) or e.cameo[:3] in _ROLE_PREFIXES, e.key


def test_venues_of_added_processes(gz):
    assert gz.place("Belfast") == ("Belfast", "GBR")
    assert gz.place("Marcoussis") == ("Linas-Marcoussis", "FRA")
    assert gz.lookup("Belfast") is None
