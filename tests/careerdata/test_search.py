"""Title search: the titles people type find their occupation, typos and all."""

from __future__ import annotations

import pytest

from cairn.careerdata import loader, search
from cairn.careerdata.models import AltTitle, DataVersion
from cairn.careerdata.search import Hit, TitleIndex, _Occupation, edit_distance, normalise

pytestmark = pytest.mark.usefixtures("mini")

CHIEF = "11-1011.00"
MARKETING_MANAGERS = "11-2021.00"
MARKET_RESEARCH = "13-1161.00"
SOFTWARE = "15-1252.00"
NURSES = "29-1141.00"
RESTAURANT_COOKS = "35-2014.00"


def top(query: str) -> str | None:
    hits = search.search(query)
    return hits[0].code if hits else None


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("RN", NURSES),
        ("rn", NURSES),
        ("registered nurse", NURSES),
        ("Registered Nurses", NURSES),
        ("SDE", SOFTWARE),
        ("software", SOFTWARE),
        ("software developer", SOFTWARE),
        ("software engineer", SOFTWARE),
        ("line cook", RESTAURANT_COOKS),
        ("Line Cook ", RESTAURANT_COOKS),
        ("brand manager", MARKETING_MANAGERS),
        ("CEO", CHIEF),
        ("chief exec", CHIEF),
        ("market research analyst", MARKET_RESEARCH),
    ],
)
def test_common_titles_find_their_occupation(query: str, code: str) -> None:
    assert top(query) == code


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("sofware develper", SOFTWARE),
        ("softwre developer", SOFTWARE),
        ("registred nurse", NURSES),
        ("regsitered nurse", NURSES),
        ("lien cook", RESTAURANT_COOKS),
        ("chief executiv", CHIEF),
    ],
)
def test_typos_are_forgiven(query: str, code: str) -> None:
    assert top(query) == code


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("regis", NURSES),
        ("registered nu", NURSES),
        ("software dev", SOFTWARE),
        ("sofware develp", SOFTWARE),
    ],
)
def test_each_keystroke_already_finds_it(query: str, code: str) -> None:
    assert top(query) == code


def test_results_are_ranked_and_describe_the_match() -> None:
    hits = search.search("line cook")
    codes = [hit.code for hit in hits]
    assert codes[0] == RESTAURANT_COOKS
    assert {"35-2011.00", "35-2015.00"} <= set(codes)
    assert [hit.score for hit in hits] == sorted((hit.score for hit in hits), reverse=True)
    first = hits[0]
    assert first.title == "Cooks, Restaurant"
    assert first.matched == "Line Cook"
    assert first.job_zone == 2 and first.median_wage


@pytest.mark.parametrize(
    "query",
    ["", " ", "x", "zzzzqqq", "🙂🙂🙂", "<script>", "a" * 500, "'; DROP TABLE x; --", "of the"],
)
def test_nonsense_gives_no_results_and_no_error(query: str) -> None:
    assert search.search(query) == []


def test_limit() -> None:
    assert len(search.search("manager", limit=3)) == 3


def test_no_data_loaded_gives_no_results() -> None:
    DataVersion.objects.all().delete()
    assert search.search("RN") == []


def test_the_index_follows_a_reload(mini_path: object) -> None:
    assert top("RN") == NURSES
    AltTitle.objects.filter(title="RN").delete()
    AltTitle.objects.filter(normalised__contains="rn").delete()
    loader.load(force=True)  # a reload puts the titles back and rebuilds the index
    assert top("RN") == NURSES


def test_normalise() -> None:
    assert normalise("  Café Chef–de–Partie ") == "cafe chef de partie"
    assert normalise("R&D Manager") == "r and d manager"
    assert normalise("C++ Developer") == "c++ developer"


def test_edit_distance() -> None:
    assert edit_distance("nurse", "nurse", 2) == 0
    assert edit_distance("nrse", "nurse", 2) == 1
    assert edit_distance("nusre", "nurse", 2) == 1  # transposition
    assert edit_distance("cook", "developer", 2) == 3


def test_index_on_its_own() -> None:
    index = TitleIndex(
        [("Registered Nurse (RN)", "a"), ("Nurse", "b"), ("Software Development Engineer", "c")],
        {
            "a": _Occupation("Registered Nurses", 3, 90000, 0.9),
            "b": _Occupation("Nursing Assistants", 2, None, 0.5),
            "c": _Occupation("Software Developers", 4, None, 0.9),
        },
    )
    assert len(index) == 6  # the titles, and each occupation's own title
    assert index.search("rn")[0] == Hit(
        "a", "Registered Nurses", "Registered Nurse (RN)", index.search("rn")[0].score, 3, 90000
    )
    assert index.search("nurse")[0].code == "b"  # the exact title first
    assert index.search("sde")[0].code == "c"
    assert index.search("sde")[0].median_wage is None
