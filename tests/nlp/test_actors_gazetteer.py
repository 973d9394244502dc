"""The actors gazetteer: names, aliases, capitals, demonyms and institutions to canonical actors."""
from __future__ import annotations

import re

import pytest

from counterclaim.nlp.actors import load_gazetteer, lookup, normalize, person_id, scan


@pytest.mark.parametrize("mention", [
    "Pyongyang", "North Korea", "the DPRK", "North Korean", "Democratic People\u2019s Republic of Korea",
    "The Democratic People's Republic of Korea", "\u201cPyongyang\u201d", "PYONGYANG", "pyongyang",
])
def test_north_korea_names(mention):
    a = lookup(mention)
    assert a is not None, mention
    assert (a.id, a.name, a.type, a.country) == ("PRK", "North Korea", "government", "PRK")


@pytest.mark.parametrize("mention,aid", [
    ("Washington", "USA"), ("the White House", "USA"), ("US", "USA"), ("U.S.", "USA"), ("American", "USA"),
    ("the Kremlin", "RUS"), ("Moscow", "RUS"), ("Russia's", "RUS"), ("Russia\u2019s", "RUS"),
    ("Downing Street", "GBR"), ("the \u00c9lys\u00e9e", "FRA"), ("Elysee", "FRA"), ("Zhongnanhai", "CHN"),
    ("the Blue House", "KOR"), ("Beijing", "CHN"), ("Kyiv", "UKR"), ("Kiev", "UKR"), ("Tehran", "IRN"),
    ("Iranian", "IRN"), ("the Vatican", "VAT"), ("Taipei", "TWN"), ("Pristina", "XKX"), ("Palestinian", "PSE"),
    ("Ivory Coast", "CIV"), ("C\u00f4te d\u2019Ivoire", "CIV"), ("Burma", "MMR"), ("Swaziland", "SWZ"),
])
def test_states_capitals_demonyms_metonyms(mention, aid):
    a = lookup(mention)
    assert a is not None and a.id == aid and a.type == "government" and a.country == aid


def test_institutions_igos_media_groups():
    dod = lookup("the Pentagon")
    assert (dod.id, dod.name, dod.type, dod.country) == ("org:us-dod", "US Department of Defense", "government", "USA")
    assert lookup("UN").id == "org:un" and lookup("UN").type == "igo" and lookup("the U.N.").id == "org:un"
    kcna = lookup("KCNA")
    assert (kcna.type, kcna.country) == ("media", "PRK")
    assert lookup("the Wagner Group").type == "armed_group"
    assert lookup("Hezbollah").country == "LBN"
    assert lookup("the State Department").id == "org:us-state-department"
    assert lookup("NATO").id == "org:nato" and lookup("the IAEA").type == "igo"
    assert lookup("the DNC").id == "org:us-dnc" and lookup("the FBI").country == "USA"
    assert lookup("the Clinton campaign").id == "org:clinton-campaign"
    assert lookup("TASS").country == "RUS" and lookup("Xinhua").country == "CHN"


def test_case_sensitive_acronyms_do_not_swallow_words():
    assert lookup("us") is None
    assert lookup("who") is None
    assert lookup("WHO").id == "org:who"
    assert lookup("it") is None and lookup("he") is None


def test_state_institution_phrases_resolve_to_the_government():
    a = lookup("the North Korean foreign ministry")
    assert a.id == "PRK" and a.type == "government" and a.org == "Foreign Ministry"
    assert lookup("Russia\u2019s defense ministry").id == "RUS"
    assert lookup("the foreign ministry of Iran").country == "IRN"
    assert lookup("Chinese authorities").id == "CHN" and lookup("Chinese authorities").org is None
    assert lookup("the U.S. military").country == "USA"
    assert lookup("the ministry") is None
    assert lookup("the spokesman") is None


def test_lookup_returns_independent_copies():
    a = lookup("Pyongyang")
    a.role = "changed"
    assert lookup("Pyongyang").role is None


def test_person_ids():
    assert person_id("John Kirby") == "person:john-kirby"
    assert person_id("St\u00e9phane Dujarric") == "person:stephane-dujarric"
    assert person_id("Linda Thomas-Greenfield") == "person:linda-thomas-greenfield"
    assert person_id("Beto O\u2019Rourke") == "person:beto-o-rourke"


def test_gazetteer_covers_every_un_member_and_observers():
    g = load_gazetteer()
    states = [a for a in g.actors.values() if re.fullmatch(r"[A-Z]{3}", a.id)]
    assert len(states) == 197  # 193 UN members + Taiwan, Kosovo, Palestine, Holy See
    for a in states:
        assert a.type == "government" and a.country == a.id
    for aid in ("TWN", "XKX", "PSE", "VAT", "SSD", "TLS", "MKD"):
        assert aid in g.actors
    # every alias maps to exactly one actor and a state keeps its own capital
    assert g.by_key[normalize("Canberra")] == "AUS"
    assert g.by_key[normalize("Brasília")] == "BRA"


def test_scan_finds_mentions_in_role_phrases():
    hits = scan("the US ambassador to the UN")
    assert [a.id for _, _, a in hits] == ["USA", "org:un"]
    hits = scan("the UN secretary-general\u2019s spokesman")
    assert hits[0][2].id == "org:un"
    hits = scan("White House National Security Council spokesman")
    assert hits[0][2].country == "USA"
