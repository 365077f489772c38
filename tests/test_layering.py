"""The layers, checked by reading the code (ast), not by running it:

- views, the CLI, the site shell and the reminder worker do not write models: every write
  goes through a service (keyword-only, one transaction, its history recorded);
- services and access rules raise domain errors (cairn.errors.NotFound, ValidationError),
  never HTTP ones: the web turns them into 404 in one middleware.

Each exception is listed with its reason, and an exception no longer needed fails too.
"""

from __future__ import annotations

import ast
import fnmatch
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "cairn"

# Front ends: they read, render and call services.
FRONT_ENDS = [
    "*/views/**/*.py",
    "*/views.py",
    "cli/**/*.py",
    "site/**/*.py",
    "accountability/worker.py",
]
# Methods that write rows whatever they are called on.
WRITING_METHODS = {
    "save",
    "delete",
    "create",
    "get_or_create",
    "update_or_create",
    "bulk_create",
    "bulk_update",
}
# `.update(` writes when called on a queryset (`X.objects ... .update(`); elsewhere it is a
# dict's or a progress bar's.
QUERYSET_ONLY = {"update"}

# (file pattern, "receiver.method"): why this call is not a model write.
NOT_MODEL_WRITES = {
    # The terminal session's PlanRun.save(step, data) calls planning.services.save_step.
    ("cli/plan*", "run.save"): "PlanRun.save calls planning.services.save_step",
    ("cli/plan*", "self.save"): "PlanRun.save calls planning.services.save_step",
}

SERVICES_AND_ACCESS = ["*/services/**/*.py", "*/services.py", "*/access.py"]
HTTP_MODULES = ("django.http", "django.shortcuts")
# (file pattern): why it may still import an HTTP module.
HTTP_EXCEPTIONS: dict[str, str] = {}


def modules(patterns: list[str]) -> list[Path]:
    found = {path for pattern in patterns for path in SRC.glob(pattern)}
    return sorted(path for path in found if "migrations" not in path.parts)


def relative(path: Path) -> str:
    return path.relative_to(SRC).as_posix()


def _chain(node: ast.expr) -> list[str]:
    """The dotted names of a call's receiver, innermost first: `a.objects.filter()` ->
    ['a', 'objects', 'filter']."""
    names: list[str] = []
    while True:
        if isinstance(node, ast.Call):
            node = node.func
        elif isinstance(node, ast.Attribute):
            names.append(node.attr)
            node = node.value
        elif isinstance(node, ast.Name):
            names.append(node.id)
            return names[::-1]
        else:
            return names[::-1]


def writes_in(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, "receiver.method") of each call in `tree` that writes a model."""
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        method, receiver = node.func.attr, _chain(node.func.value)
        on_queryset = method in QUERYSET_ONLY and "objects" in receiver
        if method in WRITING_METHODS or on_queryset:
            found.append((node.lineno, ".".join([*receiver, method])))
    return found


def _excused(
    path: str, call: str, exceptions: dict[tuple[str, str], str]
) -> tuple[str, str] | None:
    for pattern, allowed in exceptions:
        if fnmatch.fnmatch(path, pattern) and call == allowed:
            return (pattern, allowed)
    return None


def front_end_writes() -> tuple[list[str], set[tuple[str, str]]]:
    """Every model write in a front end, and the exceptions that excused one."""
    writes, used = [], set()
    for path in modules(FRONT_ENDS):
        name = relative(path)
        for line, call in writes_in(ast.parse(path.read_text(), name)):
            excuse = _excused(name, call, NOT_MODEL_WRITES)
            if excuse is None:
                writes.append(f"{name}:{line} {call}(...)")
            else:
                used.add(excuse)
    return writes, used


def test_the_front_ends_are_all_read():
    names = {relative(path) for path in modules(FRONT_ENDS)}
    expected = {
        "goals/views/goal.py",
        "accountability/views/buddies.py",
        "accounts/views.py",
        "cli/plan_run.py",
        "site/views.py",
        "accountability/worker.py",
    }
    assert expected <= names


def test_views_cli_and_worker_write_no_model():
    writes, _ = front_end_writes()
    assert writes == [], "move these writes into a service:\n" + "\n".join(writes)


def test_every_exception_is_still_needed():
    _, used = front_end_writes()
    assert set(NOT_MODEL_WRITES) - used == set()


@pytest.mark.parametrize(
    "source",
    [
        "goal.save()",
        "goal.delete()",
        "Goal.objects.filter(pk=1).delete()",
        "Goal.objects.create(statement='x')",
        "Circle.objects.get_or_create(owner=user)",
        "Digest.objects.update_or_create(day=day)",
        "Reminder.objects.bulk_create(rows)",
        "Reminder.objects.bulk_update(rows, ['sent_at'])",
        "Notice.objects.filter(recipient=user).update(read_at=now)",
        "user.goals.create(statement='x')",
    ],
)
def test_the_check_sees_each_kind_of_write(source):
    assert len(writes_in(ast.parse(source))) == 1


@pytest.mark.parametrize(
    "source",
    ["data.update(more)", "bar.update(3)", "Goal.objects.filter(pk=1).exists()", "form.is_valid()"],
)
def test_the_check_leaves_reads_and_plain_updates_alone(source):
    assert writes_in(ast.parse(source)) == []


def http_imports(tree: ast.AST) -> list[str]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(HTTP_MODULES):
            found.append(node.module or "")
        elif isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.startswith(HTTP_MODULES)]
    return found


def test_services_and_access_rules_raise_no_http_errors():
    found = []
    for path in modules(SERVICES_AND_ACCESS):
        name = relative(path)
        if name not in HTTP_EXCEPTIONS:
            found += [f"{name}: imports {m}" for m in http_imports(ast.parse(path.read_text()))]
    assert found == [], "raise cairn.errors.NotFound instead:\n" + "\n".join(found)


def test_every_http_exception_is_still_needed():
    for name in HTTP_EXCEPTIONS:
        assert http_imports(ast.parse((SRC / name).read_text())), name
