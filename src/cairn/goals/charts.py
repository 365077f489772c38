"""Server-rendered SVG charts: a metric goal's progress against its required line, and one bar
per period for a frequency goal.

Pure Python (no Django, no JavaScript): each chart is a string of SVG plus the text alternative
and the data rows it shows, so the page can offer the same facts as a table. Every piece of
text goes through `html.escape`; colours come from classes the site's stylesheet styles
(`web/static/cairn/cairn.css`, the file served), which reads the site's custom properties
and so follows its light and dark schemes.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from decimal import Decimal
from html import escape

from cairn.goals.pace import (
    PREFIX_UNITS,
    MetricTrack,
    format_amount,
    format_short_date,
    pace,
    with_unit,
)
from cairn.goals.periods import PLURALS, FrequencyProgress, PeriodTally

WIDTH, HEIGHT = 640, 240
LEFT, RIGHT, TOP, BOTTOM = 72, 620, 20, 196  # the plot area inside the viewBox
# Hundreds of dots turn into a smear and a heavy page; past this the line alone shows the shape.
MAX_DOTS = 120
EMPTY_MESSAGE = "No check-ins yet"

# Used when the stylesheet is absent (an exported page, a feed reader): the chart stays legible.
_FALLBACK = {
    "chart-axis": {"stroke": "currentColor", "stroke-opacity": "0.3", "fill": "none"},
    "chart-line": {"stroke": "currentColor", "stroke-width": "2.5", "fill": "none"},
    "chart-point": {"fill": "currentColor"},
    "chart-required": {"stroke": "currentColor", "stroke-dasharray": "6 4", "fill": "none"},
    "chart-today": {"stroke": "currentColor", "stroke-dasharray": "2 3", "stroke-opacity": "0.5"},
    "chart-bar": {"fill": "none", "stroke": "currentColor"},
    "chart-bar-met": {"fill": "currentColor"},
}


@dataclass(frozen=True)
class Chart:
    svg: str  # trusted markup: every text inside is escaped already
    title: str
    description: str
    headers: tuple[str, ...]  # the data table's column names
    rows: tuple[tuple[str, ...], ...]  # the data the chart shows, ready to print

    @property
    def text(self) -> str:
        """The whole text alternative in one sentence."""
        return f"{self.title}: {self.description}"


def _tag(name: str, attrs: dict[str, object], text: str | None = None, inner: str = "") -> str:
    """One element; `text` is escaped here, `inner` is markup built by this function."""
    fallback: dict[str, object] = {}
    for css_class in str(attrs.get("class", "")).split():
        fallback.update(_FALLBACK.get(css_class, {}))
    rendered = "".join(f' {key}="{_attr(value)}"' for key, value in {**fallback, **attrs}.items())
    if text is None and not inner:
        return f"<{name}{rendered}/>"
    return f"<{name}{rendered}>{escape(text or '')}{inner}</{name}>"


def _attr(value: object) -> str:
    # Coordinates rounded to a tenth: the viewBox is 640 wide, finer gains nothing but bytes.
    return f"{value:.1f}" if isinstance(value, float) else escape(str(value))


def _hline(y: float, css_class: str = "chart-axis") -> str:
    return _tag("line", {"class": css_class, "x1": LEFT, "y1": y, "x2": RIGHT, "y2": y})


def _text(x: float, y: float, label: str, anchor: str = "middle", css_class: str = "") -> str:
    attrs: dict[str, object] = {"class": css_class} if css_class else {}
    return _tag("text", {**attrs, "x": x, "y": y, "text-anchor": anchor}, label)


def _svg(id_prefix: str, title: str, description: str, body: list[str], kind: str) -> str:
    ids = f"{id_prefix}-title {id_prefix}-desc"
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img"'
        f' aria-labelledby="{escape(ids)}" class="chart chart-{kind}" font-size="11"'
        f' font-family="sans-serif">'
    )
    heading = _tag("title", {"id": f"{id_prefix}-title"}, title)
    heading += _tag("desc", {"id": f"{id_prefix}-desc"}, description)
    return head + heading + "".join(body) + "</svg>"


def _empty_message() -> str:
    return _text((LEFT + RIGHT) / 2, (TOP + BOTTOM) / 2, EMPTY_MESSAGE, css_class="chart-empty")


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round values covering low..high, about `count` of them: 0, 25, 50... not 0, 23.7, 47.4."""
    if high <= low:
        pad = abs(low) * 0.1 or 1.0
        low, high = low - pad, high + pad
    rough = (high - low) / (count - 1)
    magnitude = 10 ** math.floor(math.log10(rough))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= rough)
    first = math.floor(low / step) * step
    last = math.ceil(high / step) * step
    return [first + i * step for i in range(round((last - first) / step) + 1)]


@dataclass(frozen=True)
class _Frame:
    """Maps dates and values to the plot area."""

    first_day: dt.date
    last_day: dt.date
    low: float
    high: float

    def x(self, day: dt.date) -> float:
        share = (day - self.first_day).days / max(1, (self.last_day - self.first_day).days)
        return LEFT + share * (RIGHT - LEFT)

    def y(self, value: float | Decimal) -> float:
        share = (float(value) - self.low) / (self.high - self.low)
        return BOTTOM - share * (BOTTOM - TOP)

    def point(self, day: dt.date, value: Decimal) -> str:
        return f"{self.x(day):.1f},{self.y(value):.1f}"


def _progress_frame(track: MetricTrack, today: dt.date) -> tuple[_Frame, list[float]]:
    days = [track.start, today, *(d for d, _ in track.points)]
    if track.deadline:
        days.append(track.deadline)
    values = [float(v) for v in (track.start_value, track.target, *(v for _, v in track.points))]
    ticks = nice_ticks(min(values), max(values), 5)
    return _Frame(min(days), max(days), ticks[0], ticks[-1]), ticks


def _value_axis(frame: _Frame, ticks: list[float]) -> list[str]:
    parts = [_hline(frame.y(tick)) for tick in ticks]
    return parts + [_y_label(frame.y(tick), format_amount(tick)) for tick in ticks]


def _y_label(y: float, label: str) -> str:
    return _text(LEFT - 6, y + 4, label, "end")


def _date_axis(frame: _Frame, count: int = 4) -> list[str]:
    span = (frame.last_day - frame.first_day).days
    days = sorted(
        {frame.first_day + dt.timedelta(days=round(span * i / (count - 1))) for i in range(count)}
    )
    parts = []
    for index, day in enumerate(days):
        anchor = "start" if index == 0 else "end" if index == len(days) - 1 else "middle"
        parts.append(_text(frame.x(day), BOTTOM + 18, format_short_date(day), anchor))
    return parts


def _today_marker(frame: _Frame, today: dt.date) -> list[str]:
    x = frame.x(today)
    line = _tag("line", {"class": "chart-today", "x1": x, "y1": TOP, "x2": x, "y2": BOTTOM})
    return [line, _text(x, TOP - 6, "today")]


def _legend(with_required: bool) -> list[str]:
    """Which line is which, below the date axis: sighted readers should not need the desc."""
    y = HEIGHT - 8
    entries = [("chart-line", "check-ins"), ("chart-required", "required pace")]
    entries = entries[: 1 + with_required]
    parts = []
    for index, (css_class, label) in enumerate(entries):
        x = LEFT + index * 130
        parts.append(
            _tag("line", {"class": css_class, "x1": x, "y1": y - 4, "x2": x + 24, "y2": y - 4})
        )
        parts.append(_text(x + 30, y, label, "start"))
    return parts


def _required_line(track: MetricTrack, frame: _Frame) -> list[str]:
    if track.deadline is None:
        return []
    start, end = (
        frame.point(track.start, track.start_value),
        frame.point(track.deadline, track.target),
    )
    return [_tag("polyline", {"class": "chart-required", "points": f"{start} {end}"})]


def _actual_line(track: MetricTrack, frame: _Frame) -> list[str]:
    parts = []
    if len(track.points) >= 2:
        line = " ".join(frame.point(day, value) for day, value in track.points)
        parts.append(_tag("polyline", {"class": "chart-line", "points": line}))
    if len(track.points) <= MAX_DOTS:
        for day, value in track.points:
            label = f"{format_short_date(day)}: {with_unit(format_amount(value), track.unit)}"
            attrs = {"class": "chart-point", "cx": frame.x(day), "cy": frame.y(value), "r": 3.5}
            parts.append(_tag("circle", attrs, inner=_tag("title", {}, label)))
    return parts


def _progress_description(track: MetricTrack, today: dt.date) -> str:
    target = with_unit(format_amount(track.target), track.unit)
    if track.latest is None:
        by = f" by {format_short_date(track.deadline)}" if track.deadline else ""
        return f"{EMPTY_MESSAGE.lower()}; target {target}{by}"
    parts = [_latest_phrase(track, *track.latest)]
    status = pace(track, today)
    if status.required_today is not None:
        parts.append(f"required by now {format_amount(status.required_today)}")
    parts.append(status.summary())
    return "; ".join(parts)


def _latest_phrase(track: MetricTrack, day: dt.date, value: Decimal) -> str:
    """'75,000 of 100,000 USD on 21 Nov 2026', or with the target apart when lower is better
    ("23 of 20%" reads wrong)."""
    target = with_unit(format_amount(track.target), track.unit)
    when = format_short_date(day)
    if track.direction < 0:
        return f"{with_unit(format_amount(value), track.unit)} on {when}, target {target}"
    attached = track.unit.strip() in (*PREFIX_UNITS, "%")  # "$75,000 of $100,000", "75% of 100%"
    amount = with_unit(format_amount(value), track.unit) if attached else format_amount(value)
    return f"{amount} of {target} on {when}"


def progress_chart(
    statement: str, track: MetricTrack, today: dt.date, *, id_prefix: str = "progress"
) -> Chart:
    """A metric goal's check-ins as a line against the dashed straight line it needs.

    `id_prefix` must be unique on the page: it names the title and desc the chart points to.
    """
    frame, ticks = _progress_frame(track, today)
    body = [*_value_axis(frame, ticks), *_date_axis(frame), *_today_marker(frame, today)]
    body += _required_line(track, frame) + _legend(track.deadline is not None)
    body += _actual_line(track, frame) if track.points else [_empty_message()]
    title = f"Progress of '{statement}'"
    description = _progress_description(track, today)
    rows = tuple(
        (
            format_short_date(day),
            format_amount(value),
            format_amount(track.required_on(day)) if track.deadline else "",
        )
        for day, value in track.points
    )
    value_header = f"Value ({track.unit})" if track.unit else "Value"
    svg = _svg(id_prefix, title, description, body, "progress")
    return Chart(svg, title, description, ("Date", value_header, "Required"), rows)


def _bar_axis(top: int, target: int) -> tuple[list[str], float]:
    """Whole-number gridlines from 0 to `top`, and the target's line labelled in the margin.

    Returns them and the height of one unit. Ticks too close to the target give way to it.
    """
    unit_height = (BOTTOM - TOP) / top
    target_y = BOTTOM - target * unit_height
    parts = [
        _hline(target_y, "chart-required chart-target"),
        _y_label(target_y, f"target {target}"),
    ]
    for tick in range(0, top + 1, max(1, math.ceil(top / 4))):
        y = BOTTOM - tick * unit_height
        parts.append(_hline(y))
        if abs(y - target_y) >= 12:
            parts.append(_y_label(y, str(tick)))
    return parts, unit_height


def _bars(shown: tuple[PeriodTally, ...], unit_height: float) -> list[str]:
    slot = (RIGHT - LEFT) / len(shown)
    label_every = math.ceil(len(shown) / 12)  # keep axis labels from overlapping
    parts = []
    for index, tally in enumerate(shown):
        centre = LEFT + slot * (index + 0.5)
        parts.append(_bar(tally, centre, slot * 0.6, unit_height))
        # Met is shown by a check mark and a solid fill, not by colour alone.
        mark = f"{tally.count} \u2713" if tally.met else str(tally.count)
        y_mark = BOTTOM - tally.count * unit_height - 5
        parts.append(_text(centre, y_mark, mark, css_class="chart-mark"))
        if index % label_every == 0:
            parts.append(_text(centre, BOTTOM + 18, tally.short_label))
    return parts


def _bar(tally: PeriodTally, centre: float, width: float, unit_height: float) -> str:
    height = tally.count * unit_height
    classes = "chart-bar" + (" chart-bar-met" if tally.met else "")
    classes += " chart-bar-current" if tally.current else ""
    state = "met" if tally.met else "in progress" if tally.current else "not met"
    attrs = {"class": classes, "x": centre - width / 2, "y": BOTTOM - height}
    attrs |= {"width": width, "height": height}
    hint = _tag("title", {}, f"{tally.label}: {tally.count} of {tally.target} ({state})")
    return _tag("rect", attrs, inner=hint)


def _bars_description(progress: FrequencyProgress, shown: tuple[PeriodTally, ...]) -> str:
    current = progress.current
    parts = [f"{current.count} of {progress.target} this {progress.kind} ({current.label})"]
    complete = [t for t in shown if not t.current]
    if complete:
        met = sum(t.met for t in complete)
        parts.append(
            f"target met in {met} of the {len(complete)} previous {PLURALS[progress.kind]} shown"
        )
    if progress.streak:
        parts.append(progress.streak_phrase())
    return "; ".join(parts)


def period_bars(
    statement: str, progress: FrequencyProgress, *, id_prefix: str = "periods", max_bars: int = 12
) -> Chart:
    """One bar per period (the latest `max_bars`), with the target as a dashed line."""
    shown = progress.periods[-max_bars:]
    top = max(progress.target, *(t.count for t in shown), 1)
    body, unit_height = _bar_axis(top, progress.target)
    body += _bars(shown, unit_height) if any(t.count for t in shown) else [_empty_message()]
    title = f"Check-ins per {progress.kind} for '{statement}'"
    description = _bars_description(progress, shown)
    rows = tuple((t.label, str(t.count), str(t.target), _met_word(t)) for t in shown)
    svg = _svg(id_prefix, title, description, body, "periods")
    return Chart(svg, title, description, ("Period", "Count", "Target", "Met"), rows)


def _met_word(tally: PeriodTally) -> str:
    return "yes" if tally.met else "not yet" if tally.current else "no"
