"""Load the packaged career data file into the database (`cairn data load`).

One transaction: child rows are deleted and bulk-created again in batches; occupations are
upserted (updated in place, new ones added, vanished ones deleted) so that a profile's
chosen occupation survives a data upgrade. Loading the version already in the database
does nothing unless forced.

The file is the packaged ``data/careerdata.json.gz`` unless settings.CAREER_DATA_PATH
(tests) or the ``path`` argument names another one.
"""

from __future__ import annotations

import gzip
import json
import math
import re
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone

from cairn.careerdata.models import (
    NATIONAL,
    AltTitle,
    DataVersion,
    ElementScore,
    ExperienceShare,
    Occupation,
    RelatedOccupation,
    Technology,
    Wage,
)

BATCH = 2000
OCCUPATION_FIELDS = [
    "title",
    "description",
    "job_zone",
    "employment",
    "median_wage",
    "hourly_median",
    "wage_source",
]
WAGE_KEYS = ("employment", "mean", "p10", "p25", "p50", "p75", "p90")
_VERSION_RE = re.compile(rb'"version"\s*:\s*"([^"]*)"')

Progress = Callable[[int], None]


class DataFileMissing(FileNotFoundError):
    pass


@dataclass
class LoadResult:
    version: str
    loaded: bool  # False: that version was already in the database
    seconds: float = 0.0
    counts: dict[str, int] = field(default_factory=dict)


def data_path(path: str | Path | None = None) -> Path:
    if path is not None:
        return Path(path)
    configured = getattr(settings, "CAREER_DATA_PATH", None)
    if configured:
        return Path(configured)
    return Path(str(resources.files("cairn.careerdata") / "data" / "careerdata.json.gz"))


def file_version(path: str | Path | None = None) -> str:
    """The version the file carries; it is read from the file's first bytes when it can be."""
    target = data_path(path)
    if not target.exists():
        raise DataFileMissing(f"career data file not found: {target}")
    with gzip.open(target, "rb") as handle:
        raw = handle.read()
    # Decompressing is quick, parsing is not: the build writes sorted keys, so "version"
    # is the document's last key; anything else is parsed.
    found = _VERSION_RE.search(raw[-400:]) or _VERSION_RE.search(raw[:400])
    if found:
        return found.group(1).decode()
    return str(json.loads(raw)["version"])


def read(path: str | Path | None = None) -> dict[str, Any]:
    target = data_path(path)
    if not target.exists():
        raise DataFileMissing(f"career data file not found: {target}")
    with gzip.open(target, "rb") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


def loaded_version() -> str | None:
    marker = DataVersion.objects.order_by("-loaded_at").first()
    return marker.version if marker else None


def is_current(path: str | Path | None = None) -> bool:
    """Whether the database holds the file's version (False when the file is missing)."""
    try:
        return loaded_version() == file_version(path)
    except DataFileMissing:
        return True  # nothing to load: not an error for the app


def load(
    path: str | Path | None = None,
    *,
    force: bool = False,
    progress: Callable[[int], Any] | None = None,
    on_total: Callable[[int], Any] | None = None,
) -> LoadResult:
    """Load the file; `on_total(rows)` is called once, then `progress(rows_done)` per batch."""
    started = time.perf_counter()
    if not force and loaded_version() == (quick := file_version(path)):
        return LoadResult(version=quick, loaded=False)
    data = read(path)
    version = str(data["version"])
    rows = _Rows(data)
    if on_total:
        on_total(rows.total())
    tick: Callable[[int], Any] = progress or (lambda n: None)
    counts: dict[str, int] = {}
    tables: list[tuple[type[models.Model], Callable[[], Iterable[models.Model]]]] = [
        (AltTitle, rows.titles),
        (ElementScore, rows.scores),
        (Technology, rows.technologies),
        (RelatedOccupation, rows.related),
        (Wage, rows.wages),
        (ExperienceShare, rows.experience),
    ]
    with transaction.atomic():
        for model, _ in tables:
            model._default_manager.all().delete()
        DataVersion.objects.all().delete()
        counts["occupations"] = _upsert_occupations(rows, tick)
        for model, produce in tables:
            counts[model._meta.model_name or model.__name__] = _insert(model, produce(), tick)
        DataVersion.objects.create(
            version=version,
            attribution=str(data.get("attribution") or ""),
            job_zones=dict(data.get("job_zones") or {}),
            experience_categories=dict(data.get("experience_categories") or {}),
            loaded_at=timezone.now(),
        )
    from cairn.careerdata import search

    search.forget()
    return LoadResult(version, True, time.perf_counter() - started, counts)


def _upsert_occupations(rows: _Rows, tick: Progress) -> int:
    occupations = list(rows.occupations())
    codes = {occupation.code for occupation in occupations}
    Occupation.objects.exclude(code__in=codes).delete()  # profiles pointing here: SET_NULL
    for batch in _batches(occupations):
        Occupation.objects.bulk_create(
            batch,
            update_conflicts=True,
            unique_fields=["code"],
            update_fields=OCCUPATION_FIELDS,
        )
        tick(len(batch))
    return len(occupations)


def _insert(model: type[models.Model], objects: Iterable[models.Model], tick: Progress) -> int:
    total = 0
    for batch in _batches(objects):
        model._default_manager.bulk_create(batch)
        total += len(batch)
        tick(len(batch))
    return total


def _batches(items: Iterable[Any]) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _int(value: Any) -> int | None:
    try:
        number = round(float(value))
    except (TypeError, ValueError, OverflowError):
        return None
    return number if number >= 0 else None


def _float(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _money(value: Any) -> Decimal | None:
    number = _float(value)
    return None if number is None or number < 0 else Decimal(f"{number:.2f}")


class _Rows:
    """Model instances from the file, skipping what does not fit instead of failing."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.occupations_data: dict[str, dict[str, Any]] = {
            str(code): info
            for code, info in (data.get("occupations") or {}).items()
            if isinstance(info, dict) and info.get("title")
        }
        self.elements: dict[str, dict[str, str]] = data.get("elements") or {}
        self.title_pairs: list[Any] = data.get("titles") or []

    def total(self) -> int:
        count = len(self.occupations_data) + len(self.title_pairs)
        for info in self.occupations_data.values():
            wages = info.get("wages") or {}
            count += len(info.get("skills") or {}) + len(info.get("knowledge") or {})
            count += len(info.get("tech") or []) + len(info.get("related") or [])
            count += len(info.get("experience") or {}) + len(wages.get("states") or {})
            count += 1 if wages.get("national") else 0
        return count

    def occupations(self) -> Iterator[Occupation]:
        for code, info in self.occupations_data.items():
            national = (info.get("wages") or {}).get("national") or {}
            yield Occupation(
                code=code,
                title=str(info["title"])[:200],
                description=str(info.get("description") or ""),
                job_zone=_int(info.get("job_zone")),
                employment=_int(national.get("employment")),
                median_wage=_int(national.get("p50")),
                hourly_median=_money(national.get("hourly_median")),
                wage_source=str(info.get("wage_source") or "")[:40],
            )

    def titles(self) -> Iterator[AltTitle]:
        from cairn.careerdata.search import normalise

        seen: set[tuple[str, str]] = set()
        for pair in self.title_pairs:
            if not isinstance(pair, list | tuple) or len(pair) < 2:
                continue
            title, code = str(pair[0]).strip()[:250], str(pair[1])
            if not title or code not in self.occupations_data or (title, code) in seen:
                continue
            seen.add((title, code))
            yield AltTitle(occupation_id=code, title=title, normalised=normalise(title)[:250])

    def scores(self) -> Iterator[ElementScore]:
        for code, info in self.occupations_data.items():
            for bucket, kind in (("skills", "skill"), ("knowledge", "knowledge")):
                for element, importance in (info.get(bucket) or {}).items():
                    value = _float(importance)
                    if value is None:
                        continue
                    meta = self.elements.get(element) or {}
                    yield ElementScore(
                        occupation_id=code,
                        element=element,
                        name=str(meta.get("name") or element)[:150],
                        kind=kind,
                        importance=value,
                    )

    def technologies(self) -> Iterator[Technology]:
        for code, info in self.occupations_data.items():
            for entry in info.get("tech") or []:
                if not entry:
                    continue
                example, hot, in_demand = [*entry, False, False][:3]
                yield Technology(
                    occupation_id=code,
                    example=str(example)[:250],
                    hot=bool(hot),
                    in_demand=bool(in_demand),
                )

    def related(self) -> Iterator[RelatedOccupation]:
        for code, info in self.occupations_data.items():
            for rank, entry in enumerate(info.get("related") or [], start=1):
                other, tier = [*entry, ""][:2]
                if other in self.occupations_data and other != code:
                    yield RelatedOccupation(
                        occupation_id=code, related_id=other, tier=str(tier)[:20], rank=rank
                    )

    def wages(self) -> Iterator[Wage]:
        for code, info in self.occupations_data.items():
            wages = info.get("wages") or {}
            areas = [(NATIONAL, wages.get("national"))]
            areas += sorted((wages.get("states") or {}).items())
            for area, cell in areas:
                if not isinstance(cell, dict) or len(str(area)) != 2:
                    continue
                yield Wage(
                    occupation_id=code,
                    area=str(area).upper(),
                    hourly_median=_money(cell.get("hourly_median")),
                    **{key: _int(cell.get(key)) for key in WAGE_KEYS},
                )

    def experience(self) -> Iterator[ExperienceShare]:
        for code, info in self.occupations_data.items():
            for category, pct in (info.get("experience") or {}).items():
                number, share = _int(category), _float(pct)
                if number is not None and share is not None:
                    yield ExperienceShare(occupation_id=code, category=number, pct=share)
