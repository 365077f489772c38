"""The layering contract in pyproject.toml ([tool.importlinter]) is live: it passes on the
tree as it is, and it fails when an app imports a layer above it or smart imports Django.
(`make test` runs `lint-imports` too; these tests show that the contract can fail.)"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint(tree: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(tree / "src"))
    command = [str(LINT_IMPORTS), "--no-cache", "--no-logo"]
    return subprocess.run(command, cwd=tree, env=env, capture_output=True, text=True, timeout=120)


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A copy of the sources and the contract, to plant a wrong import in."""
    skip = shutil.ignore_patterns("__pycache__", "data", "static", "templates")
    shutil.copytree(ROOT / "src" / "cairn", tmp_path / "src" / "cairn", ignore=skip)
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_the_tree_keeps_the_contract(tree: Path) -> None:
    done = _lint(tree)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 broken" in done.stdout


@pytest.mark.parametrize(
    ("module", "planted", "broken"),
    [
        ("goals/queries.py", "import cairn.accountability.models", "Apps depend downward only"),
        ("accounts/services.py", "import cairn.goals.models", "Apps depend downward only"),
        ("planning/services.py", "import cairn.accountability.access", "Apps depend downward"),
        ("smart/dates.py", "import django.utils.timezone", "cairn.smart imports no Django"),
    ],
)
def test_a_wrong_import_breaks_the_contract(
    tree: Path, module: str, planted: str, broken: str
) -> None:
    path = tree / "src" / "cairn" / module
    path.write_text(path.read_text(encoding="utf-8") + f"\n{planted}  # noqa\n", encoding="utf-8")
    done = _lint(tree)
    assert done.returncode == 1, done.stdout + done.stderr
    assert f"{broken}" in done.stdout and "BROKEN" in done.stdout


def _packages() -> set[str]:
    return {path.parent.name for path in (ROOT / "src" / "cairn").glob("*/__init__.py")}


def test_every_package_has_a_layer_and_a_line_in_the_readme() -> None:
    """A new package cannot sit outside the contract or the README's Layout."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    layers = next(contract["layers"] for contract in contracts if contract["type"] == "layers")
    layered = {name.strip().removeprefix("cairn.") for row in layers for name in row.split("|")}
    layout = (ROOT / "README.md").read_text(encoding="utf-8").split("## Layout")[1]
    layout = layout.split("\n## ")[0]
    assert _packages() - layered == set()
    assert {name for name in _packages() if f"`{name}/`" not in layout} == set()
