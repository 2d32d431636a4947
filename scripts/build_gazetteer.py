#!/usr/bin/env python3
"""Regenerate ``kgraph/data/countries.jsonl`` from the world-countries dataset.

Run it with the npm tarball (or an extracted ``countries.json``)::

    cd /tmp && npm pack world-countries          # -> world-countries-5.1.0.tgz
    python scripts/build_gazetteer.py /tmp/world-countries-5.1.0.tgz
    # or: python scripts/build_gazetteer.py path/to/countries.json [--out FILE]

Sources and licences:

* world-countries (npm, by Mohammed Le Doze, https://github.com/mledoze/countries),
  Open Database License (ODbL-1.0): ISO codes, names, altSpellings, demonyms,
  capitals and the UN-member flag. The generated file is a derived database and
  stays under ODbL-1.0.
* Wikidata ids (CC0): no maintained npm/PyPI package maps ISO codes to Wikidata,
  so ``WIKIDATA`` below is a hand-kept table transcribed from the ``wikidata_uri``
  column of Our World in Data's country table (owid/owid-grapher,
  ``CountriesRegions.ts``) and checked by hand; codes not in it stay null.
* The override tables (labels, extra names, demonyms, metonyms, drops) are ours.

Standard library only; the output is deterministic (sorted by key).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tarfile
import unicodedata
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parents[1] / "kgraph" / "data" / "countries.jsonl"

# ISO alpha-2 -> Wikidata id. Netherlands is Q55 (the country, like Denmark Q35),
# not Q29999 (the Kingdom) that OWID lists; Kosovo (XK) is not in OWID's table.
_WIKIDATA_TABLE = """
AF:Q889 AX:Q5689 AL:Q222 DZ:Q262 AS:Q16641 AD:Q228 AO:Q916 AI:Q25228 AG:Q781 AR:Q414
AM:Q399 AW:Q21203 AU:Q408 AT:Q40 AZ:Q227 BS:Q778 BH:Q398 BD:Q902 BB:Q244 BY:Q184
BE:Q31 BZ:Q242 BJ:Q962 BM:Q23635 BT:Q917 BO:Q750 BQ:Q27561 BA:Q225 BW:Q963 BV:Q23408
BR:Q155 IO:Q43448 VG:Q25305 BN:Q921 BG:Q219 BF:Q965 BI:Q967 KH:Q424 CM:Q1009 CA:Q16
CV:Q1011 KY:Q5785 CF:Q929 TD:Q657 CL:Q298 CN:Q148 CX:Q31063 CC:Q36004 CO:Q739 KM:Q970
CG:Q971 CK:Q26988 CR:Q800 CI:Q1008 HR:Q224 CU:Q241 CW:Q25279 CY:Q229 CZ:Q213 CD:Q974
DK:Q35 DJ:Q977 DM:Q784 DO:Q786 EC:Q736 EG:Q79 SV:Q792 GQ:Q983 ER:Q986 EE:Q191
SZ:Q1050 ET:Q115 FO:Q4628 FK:Q9648 FJ:Q712 FI:Q33 FR:Q142 GF:Q3769 PF:Q30971 TF:Q129003
GA:Q1000 GM:Q1005 GE:Q230 DE:Q183 GH:Q117 GI:Q1410 GR:Q41 GL:Q223 GD:Q769 GP:Q17012
GU:Q16635 GT:Q774 GG:Q25230 GN:Q1006 GW:Q1007 GY:Q734 HT:Q790 HM:Q131198 HN:Q783 HK:Q8646
HU:Q28 IS:Q189 IN:Q668 ID:Q252 IR:Q794 IQ:Q796 IE:Q27 IM:Q9676 IL:Q801 IT:Q38
JM:Q766 JP:Q17 JE:Q785 JO:Q810 KZ:Q232 KE:Q114 KI:Q710 XK:Q1246 KW:Q817 KG:Q813
LA:Q819 LV:Q211 LB:Q822 LS:Q1013 LR:Q1014 LY:Q1016 LI:Q347 LT:Q37 LU:Q32 MO:Q14773
MG:Q1019 MW:Q1020 MY:Q833 MV:Q826 ML:Q912 MT:Q233 MH:Q709 MQ:Q17054 MR:Q1025 MU:Q1027
YT:Q17063 MX:Q96 FM:Q702 MD:Q217 MC:Q235 MN:Q711 ME:Q236 MS:Q13353 MA:Q1028 MZ:Q1029
MM:Q836 NA:Q1030 NR:Q697 NP:Q837 NL:Q55 NC:Q33788 NZ:Q664 NI:Q811 NE:Q1032 NG:Q1033
NU:Q34020 NF:Q31057 KP:Q423 MK:Q221 MP:Q16644 NO:Q20 OM:Q842 PK:Q843 PW:Q695 PS:Q219060
PA:Q804 PG:Q691 PY:Q733 PE:Q419 PH:Q928 PN:Q35672 PL:Q36 PT:Q45 PR:Q1183 QA:Q846
RE:Q17070 RO:Q218 RU:Q159 RW:Q1037 BL:Q25362 SH:Q192184 KN:Q763 LC:Q760 MF:Q126125 PM:Q34617
VC:Q757 WS:Q683 SM:Q238 ST:Q1039 SA:Q851 SN:Q1041 RS:Q403 SC:Q1042 SL:Q1044 SG:Q334
SX:Q26273 SK:Q214 SI:Q215 SB:Q685 SO:Q1045 ZA:Q258 GS:Q35086 KR:Q884 SS:Q958 ES:Q29
LK:Q854 SD:Q1049 SR:Q730 SJ:Q842829 SE:Q34 CH:Q39 SY:Q858 TW:Q865 TJ:Q863 TZ:Q924
TH:Q869 TL:Q574 TG:Q945 TK:Q36823 TO:Q678 TT:Q754 TN:Q948 TR:Q43 TM:Q874 TC:Q18221
TV:Q672 UG:Q1036 UA:Q212 AE:Q878 GB:Q145 US:Q30 UM:Q16645 VI:Q11703 UY:Q77 UZ:Q265
VU:Q686 VA:Q237 VE:Q717 VN:Q881 WF:Q35555 EH:Q6250 YE:Q805 ZM:Q953 ZW:Q954
"""
WIKIDATA = dict(pair.split(":") for pair in _WIKIDATA_TABLE.split())

# The two UN observer states count as Country although not members; world-countries
# wrongly flags the Holy See as a member, so membership is corrected here.
OBSERVERS = {"VA", "PS"}

LABELS = {
    "TR": "Türkiye",
    "US": "United States",
    "GB": "United Kingdom",
    "RU": "Russia",
    "CN": "China",
    "IR": "Iran",
    "KR": "South Korea",
    "KP": "North Korea",
}

# Short forms news writers use that world-countries lacks.
EXTRA_NAMES: dict[str, list[str]] = {
    "US": ["US", "U.S.", "USA", "U.S.A.", "America", "United States of America"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain"],
    "RU": ["Russian Federation"],
    "CN": ["PRC", "People's Republic of China", "mainland China"],
    "TR": ["Turkey", "Republic of Türkiye", "Turkiye"],
    "KP": ["DPRK"],
    "KR": ["ROK", "Republic of Korea"],
    "AE": ["UAE", "U.A.E."],
    "CD": ["DRC", "Democratic Republic of Congo", "Democratic Republic of the Congo"],
    "CZ": ["Czech Republic"],
    "VA": ["Holy See", "Vatican"],
    "PS": ["State of Palestine"],
    "TW": ["Republic of China"],
    "SA": ["KSA"],
    "CI": ["Côte d'Ivoire"],
    "MM": ["Burma"],
    "SZ": ["Swaziland"],
}
# All-caps forms are dropped unless allow-listed: most are codes ("IN", "ME", "TO")
# that are ordinary words or noise in running text.
ACRONYMS = {
    "US",
    "U.S.",
    "USA",
    "U.S.A.",
    "UK",
    "U.K.",
    "UAE",
    "U.A.E.",
    "DRC",
    "PRC",
    "DPRK",
    "ROK",
    "KSA",
}
# altSpellings that are ambiguous in English text or not English.
DROP_NAMES = {
    "Congo",
    "Timor",
    "Lao",
    "Emirates",
    "Holland",
    "Macedonia",
    "Island",
    "Guiana",
    "Virgin Islands",
    "Islas Malvinas",
    "Pleasant Island",
    "Prathet",
    "Thai",
    "Gônôprôjatôntri Bangladesh",
    "Timór Lorosa'e",
    "Timor Lorosae",
}
# Useful English altSpellings that share no word with the country's English names.
KEEP_ALT = {
    "Burma",
    "East Timor",
    "Swaziland",
    "Chinese Taipei",
    "Viet Nam",
    "Macao",
    "Cote d'Ivoire",
    "Côte d'Ivoire",
    "Rumania",
}
# Words that mark an endonym or a foreign-language official name.
FOREIGN = re.compile(
    r"\b(de|del|della|di|du|da|la|des|og|ta|ya|République|República|Repúblika|"
    r"Repubblica|Repubblika|Republika|Respublika|Ripublik|Stato|Principauté|"
    r"Respublikasy|Dawlat|Jamhuri|Muso|Lietuvos|Latvijas|Cộng)\b"
)

# People forms and plurals that a suffix rule cannot produce.
EXTRA_DEMONYMS: dict[str, list[str]] = {
    "TR": ["Turk", "Turks"],
    "GB": ["Briton", "Britons", "Brit", "Brits"],
    "DK": ["Dane", "Danes"],
    "SE": ["Swede", "Swedes"],
    "FI": ["Finn", "Finns"],
    "PL": ["Pole", "Poles"],
    "ES": ["Spaniard", "Spaniards", "Spanish"],
    "IS": ["Icelander", "Icelanders", "Icelandic"],
    "SA": ["Saudi", "Saudis"],
    "CZ": ["Czechs"],
    "CD": ["Congolese"],
    "DO": ["Dominican", "Dominicans"],
    "IE": ["Irish"],
    "GL": ["Greenlander", "Greenlanders"],
    "AF": ["Afghans"],
    "KG": ["Kyrgyz"],
    "TJ": ["Tajik", "Tajiks"],
    "UZ": ["Uzbek", "Uzbeks"],
    "KZ": ["Kazakh", "Kazakhs"],
    "BW": ["Batswana"],
    "LS": ["Basotho"],
    "PH": ["Filipinos"],
    "LK": ["Sri Lankans"],
    "ZA": ["South Africans"],
    "CR": ["Costa Ricans"],
    "PR": ["Puerto Ricans"],
    "SL": ["Sierra Leoneans"],
}
# Demonyms shared by two states (Congolese, Dominican) or ambiguous: kept only where
# EXTRA_DEMONYMS gives them back.
DROP_DEMONYMS = {"Congolese", "Dominican", "Vatican", "Kirghiz", "Tadzhik", "American Islander"}
# Only forms ending like these take a plain plural "-s" (Americans, Israelis, Greeks);
# "Chinese", "Swiss", "Malagasy", "Seychellois" do not.
PLURAL = re.compile(r"(an|i|er|ar|ek|ak|ne|en|in|ot)$")

METONYM_OVERRIDES = {
    "US": ["Washington"],
    "BO": ["La Paz"],
    "ZA": ["Pretoria"],
    "UA": ["Kyiv", "Kiev"],
    "CI": ["Yamoussoukro", "Abidjan"],
    "BE": [],
}  # "Brussels" in the news is the EU (organizations.jsonl)
# Capitals that are ordinary words, personal names or better-known places elsewhere.
DROP_METONYMS = {
    "Victoria",
    "Kingston",
    "Hamilton",
    "Douglas",
    "Stanley",
    "Plymouth",
    "The Valley",
    "Jamestown",
    "Cayenne",
    "Saint-Denis",
    "San José",
    "Georgetown",
    "George Town",
    "Malé",
    "Saint John's",
    "St. John's",
    "City of Victoria",
    "Washington D.C.",
    "West Island",
    "Kingstown",
    "Saint Helier",
    "Hagåtña",
    "King Edward Point",
    "Port-aux-Français",
    "Diego Garcia",
    "Flying Fish Cove",
    "Adamstown",
    "Oranjestad",
    "Alofi",
    "Saint-Pierre",
    "Marigot",
    "Gustavia",
    "Avarua",
    "Fakaofo",
    "St. George's",
    "San Juan",
}


def latin(text: str) -> bool:
    """True when every letter is ASCII or Latin-1 (drops other scripts and
    romanisations with macrons, which are endonyms rather than English names)."""
    return all(ord(ch) < 0x250 and not ("\u0100" <= ch <= "\u024f") for ch in text)


def fold(text: str) -> str:
    """Lower-case ASCII skeleton used to compare words ("Türkiye" -> "turkiye")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def words(text: str) -> set[str]:
    return {w for w in re.split(r"[^a-z]+", fold(text)) if len(w) >= 4}


def keep_name(name: str, english: set[str]) -> bool:
    """Decide whether an altSpelling is a usable English surface form: an allow-listed
    acronym or spelling, or a Latin-script variant that shares a word with the English
    names (so "Republic of Turkey" stays while "Sakartvelo" and "Nihon" go)."""
    if name in ACRONYMS or name in KEEP_ALT:
        return True
    if len(name) < 2 or name in DROP_NAMES or not latin(name) or not name[0].isupper():
        return False
    if name.upper() == name or "," in name or "(" in name:  # codes, catalogue forms
        return False
    shared = words(name) & set().union(*(words(e) for e in english))
    return bool(shared) and not FOREIGN.search(name)


def demonyms(code: str, country: dict[str, Any], names: list[str]) -> list[str]:
    base = country.get("demonyms", {}).get("eng", {})
    forms: list[str] = []
    for raw in (base.get("m"), base.get("f")):
        for form in re.split(r", | or ", raw or ""):  # "Antiguan, Barbudan"
            if form and form not in forms + names and form not in DROP_DEMONYMS and latin(form):
                forms.append(form)
    for form in list(forms):
        if " " not in form and PLURAL.search(form):
            forms.append(form + "s")
        elif " " in form and form.split()[-1][0].isupper() and PLURAL.search(form):
            forms.append(form + "s")  # North Koreans, New Zealanders
    for form in EXTRA_DEMONYMS.get(code, []):
        if form not in forms:
            forms.append(form)
    return forms


def metonyms(code: str, country: dict[str, Any], names: list[str]) -> list[str]:
    capitals = METONYM_OVERRIDES.get(code, country.get("capital", [])[:1])
    return [c for c in capitals if c not in DROP_METONYMS and c not in names and latin(c)]


def build_entry(country: dict[str, Any]) -> dict[str, Any]:
    code = country["cca2"]
    name = country["name"]
    label = LABELS.get(code, name["common"])
    extras = EXTRA_NAMES.get(code, [])
    native = {v.get(k) for v in name.get("native", {}).values() for k in ("common", "official")}
    english = {label, name["common"], name["official"], *extras}
    raw_demonyms = set(demonyms(code, country, []))
    names: list[str] = []
    for alt in [label, name["common"], *extras, name["official"], *country.get("altSpellings", [])]:
        if alt in names:
            continue
        if alt in (label, name["common"]) or alt in extras:
            names.append(alt)
        elif alt == name["official"]:
            if alt not in DROP_NAMES and not FOREIGN.search(alt):
                names.append(alt)
        elif alt not in native and alt not in raw_demonyms and keep_name(alt, english):
            names.append(alt)
    un_member = bool(country.get("unMember")) and code not in OBSERVERS
    sovereign = un_member or code in OBSERVERS
    return {
        "key": code,
        "label": label,
        "type": "Country" if sovereign else "Territory",
        "names": names,
        "demonyms": demonyms(code, country, names),
        "metonyms": metonyms(code, country, names),
        "iso_code": code,
        "iso3": country.get("cca3"),
        "wikidata": WIKIDATA.get(code),
        "part_of": None,
        "un_member": un_member,
    }


def load_countries(source: Path) -> list[dict[str, Any]]:
    """Read countries.json from the npm tarball or from a plain file."""
    if source.suffix in {".tgz", ".gz"}:
        with tarfile.open(source) as tar:
            member = tar.extractfile("package/countries.json")
            if member is None:
                raise SystemExit(f"{source}: no package/countries.json inside")
            return json.load(member)
    return json.loads(source.read_text(encoding="utf-8"))


def dedupe(entries: list[dict[str, Any]]) -> None:
    """Remove a surface form that two entries claim from the weaker one (a territory
    loses to a country); between equals it is ambiguous and dropped from both."""
    owners: dict[str, list[dict[str, Any]]] = {}
    for entry in entries:
        for field in ("names", "demonyms", "metonyms"):
            for form in entry[field]:
                owners.setdefault(form.casefold(), []).append(entry)
    for form, claim in owners.items():
        if len({e["key"] for e in claim}) < 2:
            continue
        countries = [e for e in claim if e["type"] == "Country"]
        losers = (
            claim
            if len({e["key"] for e in countries}) != 1
            else [e for e in claim if e["type"] != "Country"]
        )
        for entry in losers:
            for field in ("names", "demonyms", "metonyms"):
                claimed = {f.casefold() for f in entry[field]}
                if form in claimed and entry["label"].casefold() != form:
                    entry[field] = [f for f in entry[field] if f.casefold() != form]
                    print(f"dropped {form!r} from {entry['key']}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="world-countries .tgz or countries.json")
    parser.add_argument("--out", type=Path, default=OUT, help=f"output file (default {OUT})")
    args = parser.parse_args(argv)
    entries = sorted((build_entry(c) for c in load_countries(args.source)), key=lambda e: e["key"])
    dedupe(entries)
    lines = [json.dumps(e, ensure_ascii=False) for e in entries]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    members = sum(e["un_member"] for e in entries)
    print(f"wrote {len(entries)} entries ({members} UN members) to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
