"""SVG charts checked as XML: well-formed, the right marks, an accessible name, text escaped."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path

import pytest

import cairn
from cairn.goals.charts import Chart, nice_ticks, period_bars, progress_chart
from cairn.goals.pace import MetricTrack, Number, format_short_date, metric_track
from cairn.goals.periods import FrequencyProgress, frequency_progress

D = dt.date
SVG = "{http://www.w3.org/2000/svg}"
TODAY = D(2026, 11, 21)
START = D(2026, 1, 1)
# 648 days: on TODAY (day 324) the required line is exactly halfway, at 80,000.
DEADLINE = START + dt.timedelta(days=648)
EVIL = "Earn <script>alert('x')</script> & more"


def earnings(check_ins: Sequence[tuple[dt.date, Number | None]], **kwargs: object) -> MetricTrack:
    values: dict[str, object] = {
        "start": START,
        "start_value": 60000,
        "target": 100000,
        "deadline": DEADLINE,
        "unit": "USD",
    }
    return metric_track(check_ins=check_ins, **{**values, **kwargs})  # type: ignore[arg-type]


def parse(chart: Chart) -> ET.Element:
    return ET.fromstring(chart.svg)


def with_class(root: ET.Element, css_class: str) -> list[ET.Element]:
    return [el for el in root.iter() if css_class in el.get("class", "").split()]


def polylines(root: ET.Element, css_class: str) -> list[ET.Element]:
    """The chart's lines proper, not the samples in its legend."""
    return [el for el in with_class(root, css_class) if el.tag == f"{SVG}polyline"]


def texts(root: ET.Element) -> list[str]:
    return [el.text or "" for el in root.iter(f"{SVG}text")]


def assert_accessible(root: ET.Element) -> None:
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("viewBox") == "0 0 640 240"
    title_id, desc_id = root.get("aria-labelledby", "").split()
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title is not None and title.get("id") == title_id and title.text
    assert desc is not None and desc.get("id") == desc_id and desc.text
    assert list(root)[:2] == [title, desc]  # first children, as assistive technology expects


# --- progress chart ------------------------------------------------------------------------


def test_progress_chart_is_accessible_svg() -> None:
    chart = progress_chart("Earn $100K", earnings([(TODAY, 75000)]), TODAY, id_prefix="goal-7")
    root = parse(chart)
    assert_accessible(root)
    assert root.get("aria-labelledby") == "goal-7-title goal-7-desc"
    assert chart.title == "Progress of 'Earn $100K'"
    assert chart.description == (
        "75,000 of 100,000 USD on 21 Nov 2026; required by now 80,000; "
        "behind by 5,000 USD (540.1 per week needed from now); no trend yet"
    )
    assert chart.text == f"{chart.title}: {chart.description}"
    assert root.findtext(f"{SVG}desc") == chart.description


def test_one_point_per_check_in_day_and_a_line_through_them() -> None:
    check_ins = [(D(2026, 3, 1), 65000), (D(2026, 6, 1), 70000), (D(2026, 6, 1), 71000)]
    check_ins.append((TODAY, 75000))
    root = parse(progress_chart("Earn", earnings(check_ins), TODAY))
    assert len(with_class(root, "chart-point")) == 3
    (line,) = polylines(root, "chart-line")
    assert len(line.get("points", "").split()) == 3


def test_points_carry_their_value_as_a_tooltip() -> None:
    root = parse(progress_chart("Earn", earnings([(TODAY, 75000)]), TODAY))
    (point,) = with_class(root, "chart-point")
    assert point.findtext(f"{SVG}title") == "21 Nov 2026: 75,000 USD"


def test_points_lie_inside_the_plot() -> None:
    check_ins = [(D(2025, 12, 1), 10000), (D(2027, 3, 1), 120000)]  # before start, past target
    root = parse(progress_chart("Earn", earnings(check_ins), TODAY))
    for point in with_class(root, "chart-point"):
        assert 72 <= float(point.get("cx", "")) <= 620
        assert 20 <= float(point.get("cy", "")) <= 196


def test_required_line_runs_from_start_to_deadline() -> None:
    root = parse(progress_chart("Earn", earnings([(TODAY, 75000)]), TODAY))
    (required,) = polylines(root, "chart-required")
    first, last = required.get("points", "").split()
    assert first.startswith("72.0,") and last.startswith("620.0,")  # deadline is the last day


def test_without_deadline_there_is_no_required_line() -> None:
    chart = progress_chart("Earn", earnings([(TODAY, 75000)], deadline=None), TODAY)
    assert not polylines(parse(chart), "chart-required")
    assert "required" not in chart.description
    assert chart.rows == (("21 Nov 2026", "75,000", ""),)


def test_axes_have_value_and_date_ticks() -> None:
    labels = texts(parse(progress_chart("Earn", earnings([(TODAY, 75000)]), TODAY)))
    assert {"60,000", "80,000", "100,000"} <= set(labels)
    assert "1 Jan 2026" in labels and format_short_date(DEADLINE) in labels


def test_data_rows_match_the_points() -> None:
    chart = progress_chart("Earn", earnings([(D(2026, 3, 1), 65000), (TODAY, 75000)]), TODAY)
    assert chart.headers == ("Date", "Value (USD)", "Required")
    assert chart.rows == (
        ("1 Mar 2026", "65,000", "63,641.98"),
        ("21 Nov 2026", "75,000", "80,000"),
    )


def test_no_check_ins_yet() -> None:
    chart = progress_chart("Earn", earnings([]), TODAY)
    root = parse(chart)
    assert_accessible(root)
    assert "No check-ins yet" in texts(root)
    assert not with_class(root, "chart-point") and not polylines(root, "chart-line")
    assert chart.rows == ()
    assert (
        chart.description
        == f"no check-ins yet; target 100,000 USD by {format_short_date(DEADLINE)}"
    )


def test_lower_is_better_reads_with_the_target_apart() -> None:
    turnover = metric_track(
        start=START,
        start_value=30,
        target=20,
        deadline=D(2026, 12, 31),
        check_ins=[(TODAY, 23)],
        unit="%",
    )
    description = progress_chart("Cut turnover", turnover, TODAY).description
    assert description.startswith(
        "23% on 21 Nov 2026, target 20%; required by now 21.1; behind by 1.9%"
    )


def test_currency_symbols_go_in_front() -> None:
    chart = progress_chart("Earn", earnings([(TODAY, 75000)], unit="$"), TODAY)
    assert chart.description.startswith("$75,000 of $100,000 on 21 Nov 2026")


def test_a_single_day_goal_still_draws() -> None:
    same_day = earnings([(START, 70000)], deadline=START)
    assert_accessible(parse(progress_chart("Earn", same_day, START)))


def test_many_check_ins_draw_the_line_without_dots() -> None:
    daily = [(START + dt.timedelta(days=n), 60000 + n * 50) for n in range(300)]
    root = parse(progress_chart("Earn", earnings(daily), TODAY))
    assert not with_class(root, "chart-point")
    assert len(polylines(root, "chart-line")[0].get("points", "").split()) == 300


# --- escaping ------------------------------------------------------------------------------


def test_statement_text_is_escaped_in_the_progress_chart() -> None:
    chart = progress_chart(EVIL, earnings([(TODAY, 75000)]), TODAY, id_prefix='x" onload="y')
    assert "<script>" not in chart.svg and "& more" not in chart.svg
    root = parse(chart)
    assert root.findtext(f"{SVG}title") == f"Progress of '{EVIL}'"
    assert root.get("onload") is None
    assert not list(root.iter(f"{SVG}script"))


def test_unit_text_is_escaped() -> None:
    chart = progress_chart("Earn", earnings([(TODAY, 75000)], unit="<b>&"), TODAY)
    root = parse(chart)
    (point,) = with_class(root, "chart-point")
    assert point.findtext(f"{SVG}title") == "21 Nov 2026: 75,000 <b>&"


def test_statement_text_is_escaped_in_the_bar_chart() -> None:
    chart = period_bars(EVIL, quarters([3, 1]))
    assert "<script>" not in chart.svg
    assert parse(chart).findtext(f"{SVG}title") == f"Check-ins per quarter for '{EVIL}'"


# --- period bars ---------------------------------------------------------------------------


def quarters(counts: list[int], target: int = 3) -> FrequencyProgress:
    """One quarter per count from Q1 2026; the last is the current quarter."""
    dates = [D(2026 + i // 4, i % 4 * 3 + 1, 5) for i, n in enumerate(counts) for _ in range(n)]
    last = len(counts) - 1
    today = D(2026 + last // 4, last % 4 * 3 + 1, 20)
    return frequency_progress(
        kind="quarter", target=target, check_in_dates=dates, start=D(2026, 1, 1), today=today
    )


def bars(root: ET.Element) -> list[ET.Element]:
    return [el for el in with_class(root, "chart-bar") if el.tag == f"{SVG}rect"]


def test_one_bar_per_period() -> None:
    chart = period_bars("Network", quarters([3, 1, 4, 2]), id_prefix="goal-8-periods")
    root = parse(chart)
    assert_accessible(root)
    assert len(bars(root)) == 4
    assert chart.description == (
        "2 of 3 this quarter (Q4 2026); target met in 2 of the 3 previous quarters shown; "
        "streak: 1 quarter"
    )


def test_met_bars_are_marked_not_only_by_colour() -> None:
    root = parse(period_bars("Network", quarters([3, 1, 4, 2])))
    met = [bar for bar in bars(root) if "chart-bar-met" in bar.get("class", "")]
    assert len(met) == 2
    marks = [el.text for el in with_class(root, "chart-mark")]
    assert marks == ["3 \u2713", "1", "4 \u2713", "2"]
    assert [bar.findtext(f"{SVG}title") for bar in bars(root)] == [
        "Q1 2026: 3 of 3 (met)",
        "Q2 2026: 1 of 3 (not met)",
        "Q3 2026: 4 of 3 (met)",
        "Q4 2026: 2 of 3 (in progress)",
    ]


def test_the_current_period_is_drawn_as_in_progress() -> None:
    root = parse(period_bars("Network", quarters([3, 1])))
    assert ["chart-bar-current" in bar.get("class", "") for bar in bars(root)] == [False, True]


def test_bar_heights_follow_the_counts() -> None:
    root = parse(period_bars("Network", quarters([3, 0, 6, 1])))
    heights = [float(bar.get("height", "")) for bar in bars(root)]
    assert heights[1] == 0 and heights[2] == pytest.approx(2 * heights[0], abs=0.1)
    assert heights[3] == pytest.approx(heights[0] / 3, abs=0.1)


def test_target_is_a_labelled_line() -> None:
    root = parse(period_bars("Network", quarters([3, 1])))
    (target,) = with_class(root, "chart-target")
    assert target.get("y1") == target.get("y2")
    assert "target 3" in texts(root)


def test_only_the_latest_periods_are_drawn() -> None:
    chart = period_bars("Network", quarters([1] * 20), max_bars=12)
    assert len(bars(parse(chart))) == 12
    assert len(chart.rows) == 12
    assert chart.rows[0][0] == "Q1 2028" and chart.rows[-1][0] == "Q4 2030"


def test_bar_data_rows() -> None:
    chart = period_bars("Network", quarters([3, 1, 2]))
    assert chart.headers == ("Period", "Count", "Target", "Met")
    assert chart.rows == (
        ("Q1 2026", "3", "3", "yes"),
        ("Q2 2026", "1", "3", "no"),
        ("Q3 2026", "2", "3", "not yet"),
    )


def test_no_check_ins_in_any_period() -> None:
    root = parse(period_bars("Network", quarters([0, 0])))
    assert_accessible(root)
    assert "No check-ins yet" in texts(root)
    assert not bars(root)


# --- styling -------------------------------------------------------------------------------

# The stylesheet the site serves: the chart rules are tested where people get them.
SERVED_CSS = (Path(cairn.__file__).parent / "web" / "static" / "cairn" / "cairn.css").read_text(
    encoding="utf-8"
)
CHART_CSS = "\n".join(line for line in SERVED_CSS.splitlines() if ".chart" in line)


def test_every_class_the_charts_use_is_styled() -> None:
    progress = progress_chart("Earn", earnings([(D(2026, 3, 1), 65000), (TODAY, 75000)]), TODAY)
    periods = period_bars("Network", quarters([3, 1]))
    used = set(re.findall(r'class="([^"]+)"', progress.svg + periods.svg))
    # The chart's kind and the target line are hooks for the site; they need no rule of their own.
    hooks = {"chart-progress", "chart-periods", "chart-target"}
    classes = {name for value in used for name in value.split()} - hooks
    assert {name for name in classes if f".{name}" not in CHART_CSS} == set()


def test_colours_come_from_the_site_palette() -> None:
    assert "var(--accent)" in CHART_CSS and "var(--fg)" in CHART_CSS
    assert not re.search(r"#[0-9a-fA-F]{3,6}\b", CHART_CSS)  # no fixed colours: dark mode works


@pytest.mark.parametrize(
    ("low", "high", "ticks"),
    [
        (0, 100, [0, 25, 50, 75, 100]),
        (60000, 100000, [60000, 70000, 80000, 90000, 100000]),
        (20, 30, [20, 22.5, 25, 27.5, 30]),
        (5, 5, [4.5, 4.75, 5, 5.25, 5.5]),
        (0, 0, [-1, -0.5, 0, 0.5, 1]),
    ],
)
def test_nice_ticks(low: float, high: float, ticks: list[float]) -> None:
    assert nice_ticks(low, high) == pytest.approx(ticks)


def test_a_legend_names_the_lines() -> None:
    labels = texts(parse(progress_chart("Earn", earnings([(TODAY, 75000)]), TODAY)))
    assert {"check-ins", "required pace"} <= set(labels)
    no_deadline = progress_chart("Earn", earnings([(TODAY, 75000)], deadline=None), TODAY)
    assert "required pace" not in texts(parse(no_deadline))
