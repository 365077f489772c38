"""The learned layer: its shipped file is the one the training script builds, a broken
file fails loudly, and the corpus it learns from is well-formed."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from cairn.smart import analyze, learned

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "data" / "smart" / "corpus"


def _load_script(name: str) -> object:
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_shipped_model_is_what_the_training_script_builds() -> None:
    """Nobody can ship weights the script in the repo does not produce (byte for byte, or
    within one rounding step where another processor rounds a boundary weight otherwise)."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "train_smart_model.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def _with_weights(model: learned.LinearModel, change: float) -> bytes:
    weights = list(model.weights)
    weights[7] += change
    names = list(model.rows)
    return learned.encode(model.fields, model.bias, model.thresholds, model.margins, names, weights)


@pytest.mark.parametrize(("change", "same"), [(0.0, True), (0.001, True), (0.002, False)])
def test_the_build_check_allows_one_rounding_step_and_no_more(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: float, same: bool
) -> None:
    trainer: Any = _load_script("train_smart_model")
    shipped = learned.load(learned.MODEL_PATH)
    path = tmp_path / "model.bin"
    path.write_bytes(_with_weights(shipped, change))
    monkeypatch.setattr(learned, "MODEL_PATH", path)  # the check decodes the model file only
    assert trainer._same_build(path, _with_weights(shipped, 0.0)) is same


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "cannot read"),
        (b"{not json", "malformed"),
        (b'{"format": 99}\n', "malformed"),
        (b'{"format": 2, "fields": ["career"]}\n', "malformed"),
    ],
)
def test_a_missing_or_corrupt_model_fails_loudly(
    tmp_path: Path, content: bytes | None, message: str
) -> None:
    path = tmp_path / "model.bin"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(learned.ModelError, match=message):
        learned.load(path)


def test_a_damaged_byte_is_caught_by_the_checksum(tmp_path: Path) -> None:
    data = bytearray(learned.MODEL_PATH.read_bytes())
    data[-3] ^= 0xFF
    path = tmp_path / "model.bin"
    path.write_bytes(bytes(data))
    with pytest.raises(learned.ModelError, match="checksum"):
        learned.load(path)


def test_a_model_round_trips_through_its_file_format(tmp_path: Path) -> None:
    size = len(learned.FIELDS)
    data = learned.encode(learned.FIELDS, [0.5] * size, [0.5] * size, [0.0] * size,
                          ["w:nurse", "r:career=1"], [1.0] * size + [-2.0] * size)  # fmt: skip
    model = learned.decode(data)
    assert model.totals(["nurse"], {"r:career=1"}) == [-0.5] * size
    assert model.totals(["welder"], set()) == [0.5] * size


def test_analyze_raises_when_the_model_is_gone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(learned, "MODEL_PATH", Path("/nonexistent/model.bin"))
    monkeypatch.setattr(learned, "_MODEL", None)
    with pytest.raises(learned.ModelError):
        analyze("earn 100k by 2027")


def test_the_model_is_used_and_can_be_compared_with_the_rules() -> None:
    """The word lists alone call a hobby with a career-sounding verb and credential a
    career goal; the model, trained on lines like it, does not."""
    text = "get certified as a scuba diver for our trip to egypt"
    assert analyze(text, today="2026-01-05").career is False
    assert analyze(text, today="2026-01-05", use_model=False).career is True


@pytest.mark.parametrize("part", ["train.jsonl", "eval.jsonl"])
def test_corpus_parts_follow_the_guide_schema(part: str) -> None:
    checker = _load_script("check_labels")
    assert checker.check_file(CORPUS / part) == []  # type: ignore[attr-defined]


def test_evaluation_part_shares_no_sector_or_statement_with_training() -> None:
    def rows(part: str) -> list[dict[str, object]]:
        lines = (CORPUS / part).read_text(encoding="utf-8").splitlines()
        return [json.loads(line) for line in lines if line]

    train, held_out = rows("train.jsonl"), rows("eval.jsonl")
    work = {str(row["sector"]) for row in held_out} - {"personal"}
    assert work.isdisjoint({str(row["sector"]) for row in train})
    assert {row["text"] for row in train}.isdisjoint({row["text"] for row in held_out})
    assert {str(row["voice"]) for row in held_out} - {str(row["voice"]) for row in train} == {
        "social",
        "esl",
    }
