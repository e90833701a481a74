"""A timeline of matches by month, drawn on the server as inline SVG: no script, no chart
library, readable by screen readers (a title per bar and a summary label)."""

from __future__ import annotations

import calendar
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

WIDTH = 800
HEIGHT = 80
AXIS = 18  # pixels under the bars for year labels
MAX_BARS = 180  # 15 years by month; a longer span is drawn by year


@dataclass(frozen=True)
class Bucket:
    key: str  # YYYY-MM or YYYY
    label: str
    count: int


def _month_range(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    months = []
    while f"{year:04d}-{month:02d}" <= last:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def buckets(months: Sequence[tuple[str, int]]) -> list[Bucket]:
    """Every month from the first match to the last (empty months too, so gaps show), or
    every year when that would be too many bars."""
    counts = {key: n for key, n in months if len(key) == 7}
    if not counts:
        return []
    keys = _month_range(min(counts), max(counts))
    if len(keys) <= MAX_BARS:
        return [Bucket(k, month_label(k), counts.get(k, 0)) for k in keys]
    years: dict[str, int] = {}
    for key in keys:
        years[key[:4]] = years.get(key[:4], 0) + counts.get(key, 0)
    return [Bucket(y, y, n) for y, n in years.items()]


def month_label(key: str) -> str:
    return f"{calendar.month_name[int(key[5:7])]} {key[:4]}"


def period(key: str) -> tuple[str, str]:
    """The first and last day of a bucket, for a link that narrows the search to it."""
    if len(key) == 4:
        return f"{key}-01-01", f"{key}-12-31"
    last = calendar.monthrange(int(key[:4]), int(key[5:7]))[1]
    return f"{key}-01", f"{key}-{last:02d}"


def timeline_svg(months: Sequence[tuple[str, int]], link: Callable[[str], str]) -> Markup:
    """Bars scaled to the busiest bucket; each bar links (via `link(key)`) to its period."""
    bars = buckets(months)
    if not bars:
        return Markup("")
    top = max(b.count for b in bars) or 1
    step = WIDTH / len(bars)
    width = max(step * 0.8, 1.0)
    total = sum(b.count for b in bars)
    summary = f"{total} matches from {bars[0].label} to {bars[-1].label}"
    parts = [
        f'<svg class="timeline" viewBox="0 0 {WIDTH} {HEIGHT + AXIS}" role="img" '
        f'aria-label="{escape(summary)}" '
        'xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(summary)}</title>",
        f'<line x1="0" y1="{HEIGHT}" x2="{WIDTH}" y2="{HEIGHT}" class="axis"/>',
    ]
    for i, bar in enumerate(bars):
        x = i * step + (step - width) / 2
        h = HEIGHT * bar.count / top if bar.count else 0
        tip = f"{bar.label}: {bar.count} {'match' if bar.count == 1 else 'matches'}"
        if bar.count:
            parts.append(
                f'<a href="{escape(link(bar.key))}"><rect x="{x:.1f}" y="{HEIGHT - h:.1f}" '
                f'width="{width:.1f}" height="{h:.1f}" class="bar">'
                f"<title>{escape(tip)}</title></rect></a>"
            )
        if bar.key.endswith("-01") or len(bar.key) == 4 or i == 0:
            parts.append(
                f'<text x="{i * step:.1f}" y="{HEIGHT + AXIS - 4}" class="year">'
                f"{escape(bar.key[:4])}</text>"
            )
    parts.append("</svg>")
    return Markup("".join(parts))
