"""Generate ``src/talkwatch/data/gazetteer/states.yaml`` (development time only).

Reads pycountry (official names) and countryinfo (capitals, demonyms, spellings)
and fixes their gaps by hand: the common short English names the news uses
("Russia", "Iran", "Ivory Coast"), capitals that moved or are misnamed
(Astana, London), demonyms and their variants ("US", "Emirati", "Kazakh").
The generated YAML is committed; neither library is a runtime dependency.

    pip install pycountry countryinfo   # into the dev venv only
    python tools/build_states.py        # rewrites states.yaml
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pycountry
import yaml
from countryinfo._filters import load_countries

OUT = Path(__file__).resolve().parents[1] / "src/talkwatch/data/gazetteer/states.yaml"

# The 193 UN member states, by ISO 3166-1 alpha-3.
_UN_CODES = """
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH
BWA BRA BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG COD CRI CIV HRV CUB
CYP CZE DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA
GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN
KIR PRK KOR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT
MUS MEX FSM MDA MCO MNG MNE MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK
PLW PAN PNG PRY PER PHL POL PRT QAT ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC
SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK TZA THA TLS TGO TON TTO
TUN TUR TKM TUV UGA UKR ARE GBR USA URY UZB VUT VEN VNM YEM ZMB ZWE
"""
UN_MEMBERS = _UN_CODES.split()
# UN observer states and widely reported partially recognised states.
# Kosovo has no ISO code: XKX is the user-assigned code used by the EU and IMF.
OTHERS = ["VAT", "PSE", "XKX", "TWN", "ESH"]

# CAMEO country codes are ISO3 except where CAMEO kept an older code (as used
# in GDELT's CAMEO country table): Romania ROM, East Timor TMP, Kosovo KSV.
CAMEO = {"ROU": "ROM", "TLS": "TMP", "XKX": "KSV"}

NAMES = {
    "BOL": "Bolivia", "BRN": "Brunei", "CPV": "Cape Verde", "CIV": "Ivory Coast",
    "COD": "DR Congo", "COG": "Republic of the Congo", "CZE": "Czech Republic",
    "FSM": "Micronesia", "IRN": "Iran", "PRK": "North Korea", "KOR": "South Korea",
    "LAO": "Laos", "MDA": "Moldova", "RUS": "Russia", "SYR": "Syria", "TZA": "Tanzania",
    "TUR": "Turkey", "VEN": "Venezuela", "VNM": "Vietnam", "VAT": "Vatican",
    "PSE": "Palestine", "TWN": "Taiwan", "XKX": "Kosovo", "NLD": "Netherlands",
    "TLS": "East Timor", "STP": "Sao Tome and Principe", "SWZ": "Eswatini",
}

CAPITALS = {
    "KAZ": "Astana", "GBR": "London", "USA": "Washington", "YEM": "Sanaa",
    "SWZ": "Mbabane", "ESH": "Laayoune", "VAT": "Vatican City", "SMR": "San Marino",
    "KIR": "Tarawa", "XKX": "Pristina", "PSE": "Ramallah", "BOL": "La Paz",
    "GRD": "St. George's", "ATG": "St. John's", "MMR": "Naypyidaw", "UKR": "Kyiv",
}

# Spellings added to the generated ones (abbreviations, older and local names).
EXTRA_ALIASES = {
    "USA": ["US", "U.S.", "USA", "U.S.A.", "America", "United States of America"],
    "GBR": ["UK", "U.K.", "Britain", "Great Britain",
            "United Kingdom of Great Britain and Northern Ireland"],
    "RUS": ["Russian Federation"],
    "TUR": ["Türkiye", "Turkiye", "Republic of Turkey", "Republic of Türkiye"],
    "IRN": ["Islamic Republic of Iran", "Persia"],
    "KOR": ["Republic of Korea", "ROK", "S. Korea", "S Korea"],
    "PRK": ["DPRK", "D.P.R.K.", "Democratic People's Republic of Korea", "N. Korea",
            "N Korea"],
    "COD": ["DRC", "D.R.C.", "DR Congo", "D.R. Congo", "Democratic Republic of Congo",
            "Democratic Republic of the Congo", "Congo-Kinshasa", "Congo Kinshasa", "RDC"],
    "COG": ["Republic of Congo", "Congo Republic", "Congo-Brazzaville", "Congo Brazzaville"],
    "CIV": ["Côte d'Ivoire", "Cote d'Ivoire"],
    "CZE": ["Czechia"],
    "MMR": ["Burma", "Republic of the Union of Myanmar"],
    "SWZ": ["Swaziland", "Kingdom of Swaziland"],
    "CPV": ["Cabo Verde"],
    "TLS": ["Timor-Leste", "Timor Leste"],
    "MKD": ["Macedonia", "FYROM", "Former Yugoslav Republic of Macedonia"],
    "ARE": ["UAE", "U.A.E.", "Emirates", "the Emirates"],
    "SAU": ["KSA", "Kingdom of Saudi Arabia"],
    "VAT": ["Holy See", "Vatican City", "Vatican City State"],
    "PSE": ["State of Palestine", "Palestinian territories", "occupied Palestinian territories",
            "Palestinian territory", "occupied Palestinian territory"],
    "TWN": ["Republic of China", "ROC", "Chinese Taipei"],
    "NLD": ["Holland", "The Netherlands", "Kingdom of the Netherlands"],
    "BIH": ["Bosnia", "Bosnia-Herzegovina"],
    "VNM": ["Viet Nam"],
    "LAO": ["Lao PDR", "Lao People's Democratic Republic"],
    "SYR": ["Syrian Arab Republic"],
    "LBY": ["State of Libya"],
    "BHS": ["The Bahamas"],
    "GMB": ["The Gambia"],
    "VCT": ["St Vincent and the Grenadines", "St. Vincent and the Grenadines"],
    "KNA": ["St Kitts and Nevis", "St. Kitts and Nevis", "Saint Kitts"],
    "LCA": ["St Lucia", "St. Lucia"],
    "STP": ["São Tomé and Príncipe", "Sao Tome", "São Tomé"],
    "XKX": ["Republic of Kosovo", "Kosova"],
    "ESH": ["Sahrawi Arab Democratic Republic", "SADR"],
    "BOL": ["Plurinational State of Bolivia"],
    "VEN": ["Bolivarian Republic of Venezuela"],
    "TZA": ["United Republic of Tanzania"],
    "MDA": ["Republic of Moldova"],
    "FSM": ["Federated States of Micronesia"],
    "BRN": ["Brunei Darussalam"],
    "BLR": ["Belorussia", "Byelorussia"],
    "KGZ": ["Kirghizia", "Kyrgyz Republic"],
    "GNB": ["Guinea Bissau"],
    "TTO": ["Trinidad"],
    "ATG": ["Antigua"],
    "DEU": ["Deutschland"],
}
# Generated spellings that are wrong or collide with ordinary words.
DROP_ALIASES = {"Island", "Thai", "Togolese", "Montenegrin", "Prathet", "the Abode of Peace",
                "Congo", "Nation of Brunei"}

DEMONYMS = {
    "USA": ["American", "US", "U.S."],
    "GBR": ["British", "Briton", "Brit", "UK", "U.K."],
    "ARG": ["Argentine", "Argentinian", "Argentinean"],
    "CPV": ["Cape Verdean"], "COD": ["Congolese"], "COG": ["Congolese"],
    "KAZ": ["Kazakh", "Kazakhstani"], "KGZ": ["Kyrgyz", "Kyrgyzstani", "Kirghiz"],
    "TJK": ["Tajik", "Tajikistani"], "UZB": ["Uzbek", "Uzbekistani"],
    "TKM": ["Turkmen", "Turkmenistani"], "DJI": ["Djiboutian"],
    "ECU": ["Ecuadorian", "Ecuadorean"], "PHL": ["Filipino", "Philippine"],
    "ISL": ["Icelandic", "Icelander"], "SVN": ["Slovenian", "Slovene"],
    "SVK": ["Slovak", "Slovakian"], "TUR": ["Turkish", "Turk"], "DNK": ["Danish", "Dane"],
    "SWE": ["Swedish", "Swede"], "FIN": ["Finnish", "Finn"], "POL": ["Polish", "Pole"],
    "ESP": ["Spanish", "Spaniard"], "NLD": ["Dutch"], "BIH": ["Bosnian", "Herzegovinian"],
    "AZE": ["Azerbaijani", "Azeri"], "ARE": ["Emirati", "UAE"],
    "SAU": ["Saudi", "Saudi Arabian"], "PSE": ["Palestinian"], "XKX": ["Kosovar", "Kosovan"],
    "VAT": ["Vatican"], "TWN": ["Taiwanese"], "ESH": ["Sahrawi", "Saharawi", "Western Saharan"],
    "PRK": ["North Korean"], "KOR": ["South Korean"], "MMR": ["Burmese", "Myanmar"],
    "LAO": ["Lao", "Laotian"], "MDV": ["Maldivian"], "GNB": ["Bissau-Guinean"],
    "GNQ": ["Equatorial Guinean", "Equatoguinean"], "STP": ["Santomean", "Sao Tomean"],
    "KNA": ["Kittitian", "Nevisian"], "VCT": ["Vincentian"], "BWA": ["Botswanan", "Motswana"],
    "LSO": ["Basotho", "Mosotho"], "SWZ": ["Swazi"], "MKD": ["North Macedonian", "Macedonian"],
    "COM": ["Comorian", "Comoran"], "TLS": ["Timorese", "East Timorese"],
    "TTO": ["Trinidadian", "Tobagonian"], "SUR": ["Surinamese", "Surinamer"],
    "ATG": ["Antiguan", "Barbudan"], "NZL": ["New Zealand", "New Zealander"],
    "CZE": ["Czech"], "SRB": ["Serbian", "Serb"], "HRV": ["Croatian", "Croat"],
    "AFG": ["Afghan"], "IRQ": ["Iraqi"], "ISR": ["Israeli"], "IRN": ["Iranian"],
    "RUS": ["Russian"], "CHE": ["Swiss"], "DEU": ["German"], "FRA": ["French"],
    "CHN": ["Chinese"], "THA": ["Thai"], "SOM": ["Somali", "Somalian"],
    "YEM": ["Yemeni"], "LBY": ["Libyan"], "SDN": ["Sudanese"], "SSD": ["South Sudanese"],
    "ETH": ["Ethiopian"], "ERI": ["Eritrean"], "SYR": ["Syrian"], "LBN": ["Lebanese"],
    "JOR": ["Jordanian"], "EGY": ["Egyptian"], "QAT": ["Qatari"], "OMN": ["Omani"],
    "KWT": ["Kuwaiti"], "BHR": ["Bahraini"], "UKR": ["Ukrainian"], "BLR": ["Belarusian"],
    "MDA": ["Moldovan"], "GEO": ["Georgian"], "ARM": ["Armenian"], "CYP": ["Cypriot"],
    "GRC": ["Greek"], "IRL": ["Irish"], "BGD": ["Bangladeshi"], "PAK": ["Pakistani"],
    "IND": ["Indian"], "NGA": ["Nigerian"], "NER": ["Nigerien"], "TZA": ["Tanzanian"],
    "VNM": ["Vietnamese"], "MNE": ["Montenegrin"], "ALB": ["Albanian"],
    "BEN": ["Beninese", "Beninois"], "BFA": ["Burkinabe", "Burkinabè"], "MLI": ["Malian"],
    "TCD": ["Chadian"], "CAF": ["Central African"], "GIN": ["Guinean"],
    "GUY": ["Guyanese"], "KIR": ["I-Kiribati"], "VUT": ["Ni-Vanuatu"],
    "SLB": ["Solomon Islander"], "MHL": ["Marshallese"], "FSM": ["Micronesian"],
    "MCO": ["Monegasque", "Monacan"], "SMR": ["Sammarinese"], "AND": ["Andorran"],
    "BRN": ["Bruneian"], "LIE": ["Liechtensteiner"], "LUX": ["Luxembourgish", "Luxembourger"],
    "BRA": ["Brazilian"], "CIV": ["Ivorian"], "DOM": ["Dominican"], "DMA": ["Dominican"],
    "LKA": ["Sri Lankan"], "NPL": ["Nepalese", "Nepali"], "BTN": ["Bhutanese"],
    "SGP": ["Singaporean"], "PNG": ["Papua New Guinean"], "SYC": ["Seychellois"],
    "MUS": ["Mauritian"], "MDG": ["Malagasy"], "RWA": ["Rwandan"], "BDI": ["Burundian"],
    "UGA": ["Ugandan"], "KEN": ["Kenyan"], "ZAF": ["South African"], "ZWE": ["Zimbabwean"],
    "ZMB": ["Zambian"], "MOZ": ["Mozambican"], "AGO": ["Angolan"], "NAM": ["Namibian"],
    "MWI": ["Malawian"], "GHA": ["Ghanaian"], "SEN": ["Senegalese"], "GMB": ["Gambian"],
    "SLE": ["Sierra Leonean"], "LBR": ["Liberian"], "TGO": ["Togolese"],
    "CMR": ["Cameroonian"], "GAB": ["Gabonese"], "MRT": ["Mauritanian"],
    "MAR": ["Moroccan"], "DZA": ["Algerian"], "TUN": ["Tunisian"], "ROU": ["Romanian"],
    "BGR": ["Bulgarian"], "HUN": ["Hungarian"], "AUT": ["Austrian"], "ITA": ["Italian"],
    "PRT": ["Portuguese"], "BEL": ["Belgian"], "NOR": ["Norwegian"], "EST": ["Estonian"],
    "LVA": ["Latvian"], "LTU": ["Lithuanian"], "MLT": ["Maltese"], "JPN": ["Japanese"],
    "MNG": ["Mongolian"], "IDN": ["Indonesian"], "MYS": ["Malaysian"], "KHM": ["Cambodian"],
    "AUS": ["Australian"], "CAN": ["Canadian"], "MEX": ["Mexican"], "CUB": ["Cuban"],
    "VEN": ["Venezuelan"], "COL": ["Colombian"], "PER": ["Peruvian"], "CHL": ["Chilean"],
    "BOL": ["Bolivian"], "PRY": ["Paraguayan"], "URY": ["Uruguayan"], "NIC": ["Nicaraguan"],
    "HND": ["Honduran"], "SLV": ["Salvadoran", "Salvadorean"], "GTM": ["Guatemalan"],
    "CRI": ["Costa Rican"], "PAN": ["Panamanian"], "HTI": ["Haitian"], "JAM": ["Jamaican"],
    "BHS": ["Bahamian"], "BRB": ["Barbadian", "Bajan"], "BLZ": ["Belizean"],
    "GRD": ["Grenadian"], "LCA": ["Saint Lucian", "St Lucian"], "FJI": ["Fijian"],
    "WSM": ["Samoan"], "TON": ["Tongan"], "TUV": ["Tuvaluan"], "NRU": ["Nauruan"],
    "PLW": ["Palauan"],
}


def _split(value: str | None) -> list[str]:
    if not value:
        return []
    parts = value.replace(" and ", ",").split(",")
    return [p.strip() for p in parts if p.strip()]


def _uniq(values: list[str], exclude: set[str]) -> list[str]:
    seen: dict[str, str] = {}
    for v in values:
        v = v.strip()
        if v and v not in exclude and v.casefold() not in seen:
            seen[v.casefold()] = v
    return list(seen.values())


def _entry(iso3: str, info: dict[str, Any]) -> dict[str, Any]:
    rec = pycountry.countries.get(alpha_3=iso3)
    py_names = []
    if rec is not None:
        py_names = [rec.name, getattr(rec, "official_name", ""), getattr(rec, "common_name", "")]
    name = NAMES.get(iso3) or (rec.name if rec else info.get("name", iso3))
    spell = [s for s in info.get("altSpellings", []) if len(s.strip()) > 3]
    aliases = _uniq(
        py_names + EXTRA_ALIASES.get(iso3, []) + spell + [info.get("name", "")],
        exclude={name, iso3} | DROP_ALIASES,
    )
    # "Korea, Republic of"-style inverted forms are list sorting keys, not names.
    aliases = [a for a in aliases if ", " not in a or a in EXTRA_ALIASES.get(iso3, [])]
    # countryinfo's demonyms have errors (GBR "Welsh"): a hand-written list wins.
    demonyms = _uniq(DEMONYMS.get(iso3) or _split(info.get("demonym")), exclude=set())
    capital = CAPITALS.get(iso3) or info.get("capital")
    if not capital or not demonyms:
        sys.exit(f"build_states: {iso3} lacks a capital or a demonym")
    return {
        "key": iso3, "name": name, "type": "state", "country": iso3,
        "cameo": CAMEO.get(iso3, iso3), "aliases": aliases, "demonyms": demonyms,
        "capital": capital,
    }


def build() -> list[dict[str, Any]]:
    infos: dict[str, dict[str, Any]] = {}
    for data in load_countries()["countries"].values():
        code = (data.get("ISO") or {}).get("alpha3")
        if code:
            infos[code] = data
    entries = [_entry(c, infos.get(c, {})) for c in UN_MEMBERS + OTHERS]
    missing = [c for c in UN_MEMBERS + OTHERS if c not in DEMONYMS]
    if missing:
        print("demonyms from countryinfo only:", " ".join(missing))
    return sorted(entries, key=lambda e: e["name"])


HEADER = """\
# Sovereign states (193 UN members) plus Vatican, Palestine, Kosovo, Taiwan and
# Western Sahara. GENERATED by tools/build_states.py from pycountry + countryinfo
# with hand fixes: edit the script, not this file.
# key/country: ISO 3166-1 alpha-3 (Kosovo: XKX, user-assigned). cameo: CAMEO
# country code (ISO3 except ROM Romania, TMP East Timor, KSV Kosovo).
"""


def main() -> None:
    entries = build()
    text = yaml.safe_dump(entries, allow_unicode=True, sort_keys=False, width=100,
                          default_flow_style=None)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(HEADER + text, encoding="utf-8")
    print(f"wrote {len(entries)} states to {OUT}")


if __name__ == "__main__":
    main()
