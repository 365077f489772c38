"""Career data for tests: the mini fixture (14 real occupations, 823 titles) loaded."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from cairn.careerdata import loader, search

MINI = Path(__file__).resolve().parent.parent / "data" / "careerdata" / "mini.json.gz"


@pytest.fixture
def mini_path(settings: Any) -> Path:
    settings.CAREER_DATA_PATH = str(MINI)
    return MINI


@pytest.fixture
def mini(db: None, mini_path: Path) -> loader.LoadResult:
    search.forget()
    result = loader.load()
    assert result.loaded
    return result
