"""The packaged career data: schema, lookups, wages with aggregates and missing cells."""

from __future__ import annotations

import gzip
import json
from importlib import resources
from typing import Any

import pytest

from cairn.careerdata import dataset
from cairn.careerdata.dataset import load, normalise, state_code

WAGE_KEYS = {"employment", "mean", "p10", "p25", "p50", "p75", "p90", "hourly_median"}


@pytest.fixture(scope="module")
def raw() -> dict[str, Any]:
    blob = resources.files("cairn.careerdata").joinpath("data/careerdata.json.gz").read_bytes()
    assert len(blob) < 5_000_000  # "a few MB at most"
    data: dict[str, Any] = json.loads(gzip.decompress(blob))
    return data


def test_top_level_schema(raw: dict[str, Any]) -> None:
    assert set(raw) == {"version", "attribution", "job_zones", "experience_categories",
                        "elements", "occupations", "titles"}  # fmt: skip
    assert raw["version"] == "onet-30.1+oews-2025-05#1"
    assert "O*NET 30.1 Database" in raw["attribution"]
    assert "CC BY 4.0" in raw["attribution"]
    assert "Cairn has modified" in raw["attribution"]
    assert "Bureau of Labor Statistics" in raw["attribution"]
    assert raw["job_zones"]["5"].startswith("Job Zone Five")
    assert raw["experience_categories"]["1"] == "None"
    assert raw["experience_categories"]["11"] == "Over 10 years"
    assert raw["elements"]["2.B.3.e"] == {"name": "Programming", "kind": "skill"}
    assert raw["elements"]["2.C.1.a"]["kind"] == "knowledge"
    assert len(raw["occupations"]) == 1016
    assert len(raw["titles"]) > 56_000
    assert all(isinstance(t, str) and c in raw["occupations"] for t, c in raw["titles"])
    assert len({(t, c) for t, c in raw["titles"]}) == len(raw["titles"])


def test_occupation_schema(raw: dict[str, Any]) -> None:
    for code, occ in raw["occupations"].items():
        assert set(occ) == {
            "title",
            "description",
            "job_zone",
            "experience",
            "skills",
            "knowledge",
            "tech",
            "related",
            "wages",
            "wage_source",
        }, code
        assert occ["job_zone"] is None or str(occ["job_zone"]) in raw["job_zones"]
        assert set(occ["experience"]) <= set(raw["experience_categories"])
        for value in [*occ["skills"].values(), *occ["knowledge"].values()]:
            assert 1 <= value <= 5 and round(value, 2) == value
        for example, hot, demand in occ["tech"]:
            assert isinstance(example, str) and isinstance(hot, bool)
            assert isinstance(demand, bool)
        for other, tier in occ["related"]:
            assert other in raw["occupations"]
            assert tier in {"Primary-Short", "Primary-Long", "Supplemental"}
        wages = occ["wages"]
        assert set(wages) == {"national", "states"}
        if occ["wage_source"] is None:
            assert wages["national"] is None and wages["states"] == {}
        else:
            assert occ["wage_source"] == "exact" or occ["wage_source"].startswith("aggregate:")
            for cell in [wages["national"], *wages["states"].values()]:
                assert set(cell) == WAGE_KEYS


def test_known_figures(raw: dict[str, Any]) -> None:
    occupations = raw["occupations"]
    assert occupations["15-1252.00"]["skills"]["2.B.3.e"] == 4.0
    assert occupations["13-1161.00"]["skills"]["2.B.3.e"] == 2.12
    assert occupations["11-2021.00"]["skills"]["2.B.3.e"] == 1.88
    assert occupations["11-1011.00"]["job_zone"] == 5
    assert round(occupations["11-1011.00"]["experience"]["11"]) == 68
    national = occupations["13-1161.00"]["wages"]["national"]
    assert (national["p50"], national["p75"]) == (78760, 108310)


def test_load_is_cached() -> None:
    assert load() is load()
    assert load().version == "onet-30.1+oews-2025-05#1"


def test_occupation_lookup() -> None:
    data = load()
    assert data.occupation("15-1252.00")["title"] == "Software Developers"  # type: ignore[index]
    assert data.occupation("15-1252") is data.occupation("15-1252.00")
    assert data.occupation("99-9999.00") is None
    assert data.occupation("") is None
    assert data.occupation(None) is None
    assert data.job_zone("11-1011.00") == (5, load().job_zones["5"])
    assert data.job_zone("nope") is None


def test_find_title() -> None:
    assert dataset.find_title("software engineer")[0][0] == "15-1252.00"
    assert dataset.find_title("Software Developers")[0][2] == 1.0
    senior = dataset.find_title("Senior Software-Engineer")[0]
    assert senior[0] == "15-1252.00" and senior[2] == 0.9
    assert dataset.find_title("RN")[0][0] == "29-1141.00"
    assert dataset.find_title("marketing manager")[0][0] == "11-2021.00"
    inside = dataset.find_title("I work as a line cook at a diner")
    assert inside and inside[0][2] < 0.9
    assert dataset.find_title("zzzz qqqq") == []
    assert dataset.find_title("") == []
    assert dataset.find_title("x" * 10_000) == []


def test_wages_exact_state_and_missing() -> None:
    national = dataset.wages("13-1161.00")
    assert national is not None and national.area == "national" and national.source == "exact"
    assert national.p50 == 78760 and national.area_name == "nationally"
    california = dataset.wages("13-1161.00", "California")
    assert california is not None and california.area == "CA"
    assert california == dataset.wages("13-1161.00", "ca")
    assert california.area_name == "in California"
    assert dataset.wages("13-1161.00", "Atlantis") is None
    assert dataset.wages("55-1011.00") is None  # military: not in OEWS
    assert dataset.wages("11-1031.00") is None  # legislators: no aggregate either
    assert dataset.wages("nope") is None


def test_wages_from_aggregate() -> None:
    farm_buyers = dataset.wages("13-1021.00")
    buyers = load().occupation("13-1021.00")
    assert buyers is not None and buyers["wage_source"] == "aggregate:13-1020"
    assert farm_buyers is not None and farm_buyers.source == "aggregate:13-1020"
    counselors = load().occupation("21-1011.00")
    assert counselors is not None and counselors["wage_source"] == "aggregate:21-1018"


def test_missing_cells_stay_none() -> None:
    # BLS leaves the 90th percentile empty above its reporting limit: never filled in.
    missing = [
        code for code, occ in load().occupations.items()
        if occ["wages"]["national"] and occ["wages"]["national"]["p90"] is None
    ]  # fmt: skip
    assert missing
    figures = dataset.wages(missing[0])
    assert figures is not None and figures.p90 is None
    assert all(value is not None for _, value in figures.percentiles())


def test_top_elements_and_related() -> None:
    top = dataset.top_elements("15-1252.00", 3)
    assert len(top) == 3 and top[0].importance >= top[1].importance >= top[2].importance
    assert any(e.name == "Programming" for e in dataset.top_elements("15-1252.00", 5))
    assert all(e.kind == "skill" for e in dataset.top_elements("15-1252.00", 5, kind="skill"))
    assert dataset.top_elements("13-1082.00", 5) == []  # no O*NET ratings
    assert dataset.top_elements("nope", 5) == []
    related = dataset.related("15-1252.00")
    assert related[0].tier == "Primary-Short" and related[0].title
    assert dataset.related("nope") == []


def test_helpers() -> None:
    assert normalise("R&D  Café / C++") == "r and d cafe / c++"
    assert state_code("tx") == "TX" and state_code("New York") == "NY"
    assert state_code("Bavaria") is None and state_code(None) is None
