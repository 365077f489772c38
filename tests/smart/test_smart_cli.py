"""`cairn check` and `cairn smart-eval` from the command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from cairn.cli import main

DEV = Path(__file__).resolve().parents[1] / "data" / "smart" / "dev.jsonl"


def run(*args: str, stdin: str | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), input=stdin)
    return result.exit_code, result.output


def test_check_prints_a_readable_verdict() -> None:
    code, output = run("check", "I want lots of money", "--today", "2026-07-19")
    assert code == 0
    assert "S ✗" in output and "M ✗" in output and "T ✗" in output
    assert "'lots of money'" in output  # the suggestion quotes the person's words
    assert "by July 2027" in output  # and offers a deadline a year out


def test_check_json_has_the_guide_fields() -> None:
    code, output = run("check", "earn 65k next year", "--today", "2026-04-10",
                       "--salary", "62000", "--currency", "USD", "--json")  # fmt: skip
    assert code == 0
    data = json.loads(output)
    assert data["deadline"] == "2027-12-31"
    assert data["numbers"] == [65000]
    assert data["attainable"] is True
    assert data["relevant"] is None
    assert {"career", "specific", "measurable", "time", "period", "flags", "evidence",
            "suggestions", "reasons"} <= set(data)  # fmt: skip


def test_check_passes_context_options() -> None:
    code, output = run(
        *("check", "learn Rust by the end of the year", "--today", "2025-06-09"),
        *("--role", "marketing specialist", "--field", "marketing", "--json"),
    )
    assert code == 0
    data = json.loads(output)
    assert data["relevant"] is False
    assert data["reasons"]["relevant"][0]["source"] == "rules"


def test_check_rejects_a_bad_today() -> None:
    code, output = run("check", "earn 100k", "--today", "tomorrow")
    assert code != 0
    assert "YYYY-MM-DD" in output


def test_check_needs_text_or_jsonl() -> None:
    code, output = run("check")
    assert code == 2
    assert "pipe one in" in output
    assert run("check", "-", stdin="   \n")[0] == 2


def test_check_reads_the_statement_from_standard_input() -> None:
    piped = run("check", "--today", "2026-07-19", "--json", stdin="earn $100K a year by 2027\n")
    dashed = run("check", "-", "--today", "2026-07-19", "--json", stdin="earn $100K a year by 2027")
    argument = run("check", "earn $100K a year by 2027", "--today", "2026-07-19", "--json")
    assert piped[0] == dashed[0] == argument[0] == 0
    assert json.loads(piped[1]) == json.loads(dashed[1]) == json.loads(argument[1])
    assert json.loads(piped[1])["text"] == "earn $100K a year by 2027"


def test_exit_code_says_whether_the_statement_is_smart() -> None:
    smart = run("check", "--exit-code", "--today", "2026-07-19",
                "earn $100K a year by 2027 as a data engineer")  # fmt: skip
    vague = run("check", "--exit-code", "--today", "2026-07-19", "get better at my job")
    assert (smart[0], vague[0]) == (0, 1)
    assert "not SMART yet" in vague[1]
    assert run("check", "--today", "2026-07-19", "get better at my job")[0] == 0


def test_no_color_leaves_out_the_colours() -> None:
    args = ["check", "earn $100K a year by 2027", "--today", "2026-07-19"]
    coloured = CliRunner().invoke(main, args, color=True)
    plain = CliRunner(env={"NO_COLOR": "1"}).invoke(main, args, color=True)
    assert "\x1b[" in coloured.output
    assert "\x1b[" not in plain.output and "S ✓" in plain.output


def test_jsonl_reports_bad_lines_and_goes_on(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a", "text": "network more", "today": "2027-01-17"}),
        "{not json",
        json.dumps({"id": "c", "text": 5}),
        json.dumps(
            {
                "id": "d",
                "text": "earn 65k next year",
                "today": "2026-04-10",
                "context": {"salary": 62000},
            }
        ),
        json.dumps(["a list"]),
        "",
    ]
    path = tmp_path / "goals.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, output = run("check", "--jsonl", str(path))
    assert code == 0
    rows = [json.loads(line) for line in output.splitlines()]
    assert len(rows) == 5
    assert rows[0]["id"] == "a" and rows[0]["flags"] == ["vague_words"]
    assert "error" in rows[1] and rows[1]["id"] is None
    assert rows[2]["id"] == "c" and "text" in rows[2]["error"]
    assert rows[3]["id"] == "d" and rows[3]["attainable"] is True
    assert "error" in rows[4]


def test_jsonl_reads_standard_input() -> None:
    code, output = run("check", "--jsonl", "-", stdin='{"id": 7, "text": "get my MBA"}\n')
    assert code == 0
    row = json.loads(output)
    assert row["id"] == 7 and row["measurable"] is True


def test_smart_eval_prints_every_figure() -> None:
    code, output = run("smart-eval", str(DEV))
    assert code == 0
    for label in ("career", "specific", "measurable", "time", "period", "deadline",
                  "numbers", "flag not_career", "flag compound", "attainable", "relevant",
                  "all fields"):  # fmt: skip
        assert label in output


def test_smart_eval_json() -> None:
    code, output = run("smart-eval", str(DEV), "--json")
    assert code == 0
    summary = json.loads(output)
    assert summary["statements"] == 170
    assert set(summary["flags"]) == {"deadline_past", "deadline_invalid", "vague_words",
                                     "compound", "not_career"}  # fmt: skip
    assert summary["career"]["f1"] >= 0.95


def test_smart_eval_reports_a_bad_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "x"}\nnope\n', encoding="utf-8")
    code, output = run("smart-eval", str(path))
    assert code != 0
    assert "line 2" in output


def test_check_does_not_import_django() -> None:
    """`cairn check` must start fast: run it in a fresh interpreter and look."""
    script = (
        "import sys\n"
        "from cairn.cli import main\n"
        "try:\n"
        "    main(['check', 'earn 100K a year by 2027', '--json'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('django', 'dateparser'))\n"
        "print('HEAVY', heavy, file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=60, check=True)  # fmt: skip
    assert json.loads(done.stdout)["deadline"] == "2027-12-31"
    assert "HEAVY []" in done.stderr


def test_a_statement_piped_into_the_real_command() -> None:
    """`echo TEXT | cairn check --exit-code`, as a shell script runs it."""
    cairn = Path(sys.executable).with_name("cairn")
    done = subprocess.run([str(cairn), "check", "--exit-code"], input="get better at my job\n",
                          capture_output=True, text=True, timeout=60)  # fmt: skip
    assert done.returncode == 1, done.stderr
    assert "not SMART yet" in done.stdout and "\x1b[" not in done.stdout


def test_smart_package_imports_on_its_own() -> None:
    script = "import sys, cairn.smart; print('django' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=60, check=True)  # fmt: skip
    assert done.stdout.strip() == "False"


def test_smart_eval_puts_several_files_side_by_side() -> None:
    extra = DEV.with_name("extra.jsonl")
    code, output = run("smart-eval", str(DEV), str(extra), "--provider", "rules")
    assert code == 0
    header, count, *rows = output.splitlines()
    assert header.split()[1:] == ["dev.jsonl", "extra.jsonl"]
    assert count.split()[1:] == ["170", "150"]
    assert any(row.startswith("all fields accuracy") for row in rows)
    assert all(len(row.split()) >= 4 for row in rows)
