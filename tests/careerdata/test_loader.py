"""`cairn data load`: one transaction, idempotent, with a version marker; bad rows skipped."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from cairn.accounts.models import Profile, User
from cairn.accounts.services import set_occupation
from cairn.careerdata import loader
from cairn.careerdata.models import (
    AltTitle,
    DataVersion,
    ElementScore,
    ExperienceShare,
    Occupation,
    RelatedOccupation,
    Technology,
    Wage,
)
from cairn.cli import main
from tests.careerdata.conftest import MINI

pytestmark = pytest.mark.django_db

MODELS = [Occupation, AltTitle, ElementScore, Technology, RelatedOccupation, Wage, ExperienceShare]


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


def write(path: Path, data: dict[str, Any]) -> Path:
    path.write_bytes(gzip.compress(json.dumps(data).encode()))
    return path


def mini_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(gzip.decompress(MINI.read_bytes()))
    return data


def test_load_fills_every_table_and_marks_the_version(mini_path: Path) -> None:
    result = loader.load()
    assert result.loaded and result.version == "mini#1"
    assert DataVersion.objects.get().version == "mini#1"
    assert loader.loaded_version() == loader.file_version() == "mini#1"
    assert all(count > 0 for count in counts().values()), counts()
    assert sum(result.counts.values()) == sum(counts().values())
    nurses = Occupation.objects.get(code="29-1141.00")
    assert nurses.title == "Registered Nurses"
    assert nurses.job_zone == 4
    assert nurses.median_wage == Wage.objects.get(occupation=nurses, area="US").p50
    assert AltTitle.objects.filter(occupation=nurses, title="RN").exists()
    assert ElementScore.objects.get(occupation_id="15-1252.00", element="2.B.3.e").importance == 4
    ceo_over_10 = ExperienceShare.objects.get(occupation_id="11-1011.00", category=11)
    assert round(ceo_over_10.pct) == 68


def test_loading_the_same_version_again_does_nothing(mini_path: Path) -> None:
    loader.load()
    before, marker = counts(), DataVersion.objects.get()
    again = loader.load()
    assert not again.loaded
    assert counts() == before
    assert DataVersion.objects.get().loaded_at == marker.loaded_at


def test_force_reloads_without_duplicates_and_keeps_profiles(mini_path: Path, alice: User) -> None:
    loader.load()
    set_occupation(
        user=alice, which="occupation", occupation=Occupation.objects.get(pk="15-1252.00")
    )
    before, marker = counts(), DataVersion.objects.get()
    assert loader.load(force=True).loaded
    assert counts() == before
    assert DataVersion.objects.get().loaded_at > marker.loaded_at
    assert Profile.objects.get(user=alice).occupation_id == "15-1252.00"


def test_a_new_version_replaces_the_data(mini_path: Path, tmp_path: Path, alice: User) -> None:
    loader.load()
    set_occupation(
        user=alice, which="occupation", occupation=Occupation.objects.get(pk="55-1011.00")
    )
    data = mini_data()
    data["version"] = "mini#2"
    del data["occupations"]["55-1011.00"]
    data["occupations"]["15-1252.00"]["title"] = "Software Developers (renamed)"
    result = loader.load(write(tmp_path / "next.json.gz", data))
    assert result.loaded and loader.loaded_version() == "mini#2"
    assert Occupation.objects.get(pk="15-1252.00").title == "Software Developers (renamed)"
    assert not Occupation.objects.filter(pk="55-1011.00").exists()
    # the occupation vanished from the data: the profile forgets it instead of breaking
    assert Profile.objects.get(user=alice).occupation is None


def test_a_failed_load_leaves_the_previous_data(
    mini_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loader.load()
    before = counts()
    data = mini_data()
    data["version"] = "mini#broken"

    def boom(self: Any) -> Any:
        yield from ()
        raise RuntimeError("disk full")

    monkeypatch.setattr(loader._Rows, "experience", boom)
    with pytest.raises(RuntimeError):
        loader.load(write(tmp_path / "broken.json.gz", data))
    assert counts() == before
    assert loader.loaded_version() == "mini#1"


def test_odd_rows_are_skipped_not_fatal(tmp_path: Path) -> None:
    data = {
        "version": "odd#1",
        "occupations": {
            "99-0001.00": {
                "title": "Odd Jobbers",
                "job_zone": None,
                "experience": {"x": 5, "2": None, "3": 40.0},
                "skills": {"2.A.1.a": "n/a", "2.A.1.b": 3.5},
                "tech": [["Excel"], [], ["Word", True, True]],
                "related": [["00-0000.00", "Primary-Short"], ["99-0001.00", "Primary-Short"]],
                "wages": {"national": {"p50": None, "p10": -5}, "states": {"Narnia": {}}},
                "wage_source": None,
            },
            "99-0002.00": {"description": "no title: skipped"},
        },
        "titles": [["Odd Jobber", "99-0001.00"], ["Ghost", "12-3456.00"], ["bad"], "x"],
    }
    result = loader.load(write(tmp_path / "odd.json.gz", data))
    assert result.loaded
    odd = Occupation.objects.get()
    assert (odd.title, odd.job_zone, odd.median_wage) == ("Odd Jobbers", None, None)
    assert list(AltTitle.objects.values_list("title", flat=True)) == ["Odd Jobber"]
    assert ElementScore.objects.get().importance == 3.5
    assert Technology.objects.count() == 2
    assert not RelatedOccupation.objects.exists()
    assert Wage.objects.get().p10 is None
    assert list(ExperienceShare.objects.values_list("category", "pct")) == [(3, 40.0)]


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(loader.DataFileMissing):
        loader.load(tmp_path / "nope.json.gz")
    assert loader.is_current(tmp_path / "nope.json.gz")  # nothing to load: serve goes on


def test_cli_loads_once_then_reports_it_is_loaded(mini_path: Path) -> None:
    runner = CliRunner()
    first = runner.invoke(main, ["data", "load"])
    assert first.exit_code == 0, first.output
    assert "Career data mini#1:" in first.output and "rows loaded" in first.output
    second = runner.invoke(main, ["data", "load"])
    assert "already loaded" in second.output
    forced = runner.invoke(main, ["data", "load", "--force"])
    assert "rows loaded" in forced.output
    assert DataVersion.objects.count() == 1


def test_cli_data_is_listed() -> None:
    result = CliRunner().invoke(main, ["--help"])
    assert "data" in result.output
