"""A small server-side SVG line chart (no JavaScript, no inline style: CSP-safe, styled by site.css)."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from decimal import Decimal
from html import escape

from django.utils.safestring import SafeString, mark_safe

# Drawn at about the size it is shown (a card ~300 px wide), so the 12 px labels stay legible.
WIDTH, HEIGHT = 320, 150
PAD_LEFT, PAD_RIGHT, PAD_TOP, PAD_BOTTOM = 4, 4, 20, 22


def _scale(points: Sequence[tuple[datetime.date, Decimal]]) -> list[tuple[float, float]]:
    first, last = points[0][0], points[-1][0]
    span_days = max((last - first).days, 1)
    values = [float(v) for _, v in points]
    low, high = min(values), max(values)
    if high == low:  # a flat line (a peg, a held rate) sits in the middle
        low, high = low - 1, high + 1
    inner_w = WIDTH - PAD_LEFT - PAD_RIGHT
    inner_h = HEIGHT - PAD_TOP - PAD_BOTTOM
    return [
        (
            PAD_LEFT + inner_w * (day - first).days / span_days,
            PAD_TOP + inner_h * (1 - (float(value) - low) / (high - low)),
        )
        for day, value in points
    ]


def _text(x: float, y: float, anchor: str, text: str) -> str:
    return f'<text class="fx-chart-label" x="{x}" y="{y}" text-anchor="{anchor}">{escape(text)}</text>'


def line_chart(
    points: Sequence[tuple[datetime.date, Decimal]],
    *,
    chart_id: str,
    title: str,
    description: str,
    fmt_value: Callable[[Decimal], str],
    fmt_date: Callable[[datetime.date], str],
) -> SafeString:
    """An accessible <svg role="img"> with a title and a text description of the series."""
    if not points:
        return mark_safe("")
    coords = _scale(points)
    high = max(value for _, value in points)
    low = min(value for _, value in points)
    last_x, last_y = coords[-1]
    parts = [
        f'<svg class="fx-chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{chart_id}-t {chart_id}-d">',
        f'<title id="{chart_id}-t">{escape(title)}</title>',
        f'<desc id="{chart_id}-d">{escape(description)}</desc>',
        f'<line class="fx-chart-axis" x1="{PAD_LEFT}" y1="{HEIGHT - PAD_BOTTOM}" '
        f'x2="{WIDTH - PAD_RIGHT}" y2="{HEIGHT - PAD_BOTTOM}"/>',
    ]
    if len(coords) > 1:
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
        parts.append(f'<polyline class="fx-chart-line" points="{path}"/>')
    parts += [
        f'<circle class="fx-chart-dot" cx="{last_x:.1f}" cy="{last_y:.1f}" r="3.5"/>',
        _text(
            PAD_LEFT, 13, "start", f"{fmt_value(low)} – {fmt_value(high)}" if low != high else fmt_value(low)
        ),
        _text(PAD_LEFT, HEIGHT - 6, "start", fmt_date(points[0][0])),
        _text(WIDTH - PAD_RIGHT, HEIGHT - 6, "end", fmt_date(points[-1][0])),
        "</svg>",
    ]
    return mark_safe("".join(parts))
