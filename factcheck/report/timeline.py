"""A timeline of one series as inline SVG: each value at its as_of date, naming its sources; two
values at one date (a contradiction) are two red points joined by a dashed line.

Hand-written SVG rather than a charting library: the chart is a handful of points on two axes, and
inline SVG needs no script (the report's Content-Security-Policy allows none but its own filter
code), weighs 2-4 KB a chart instead of the 200 KB-1 MB of JavaScript a library would embed in
every report, prints sharply, and each point carries a <title> a screen reader and a hover read.
"""

from __future__ import annotations

from datetime import date
from html import escape

from factcheck.report.grouping import Point, Series, num
from factcheck.report.safe import plain

W, H = 640, 240
LEFT, RIGHT, TOP, BOTTOM = 70, 150, 20, 40


def _day(as_of: str) -> float:
    """An as_of (2024, 2024-06 or 2024-06-30) as a day number at the middle of its period."""
    parts = [int(p) for p in as_of[:10].split("-") if p.isdigit()]
    try:
        if len(parts) >= 3:
            return date(parts[0], parts[1], parts[2]).toordinal()
        if len(parts) == 2:
            return date(parts[0], parts[1], 15).toordinal()
        return date(parts[0], 7, 1).toordinal()
    except (ValueError, IndexError):
        return 0.0


def _e(text: str) -> str:
    return escape(plain(text), quote=True)


def _sources(p: Point, outlet_of) -> str:
    names = []
    for c in p.value.claims:
        name = outlet_of(c.document)
        if name not in names:
            names.append(name)
    return ", ".join(names)


def render_timeline(series: Series, outlet_of) -> str:
    """The SVG of one series. outlet_of(document id) names a source as the report does."""
    days = [_day(p.as_of) for p in series.points]
    lo_d, hi_d = min(days), max(days)
    span_d = (hi_d - lo_d) or 1.0
    top_v = max(p.value.number or 0 for p in series.points) or 1.0
    top_v *= 1.15

    def x(d: float) -> float:
        return LEFT + (d - lo_d) / span_d * (W - LEFT - RIGHT)

    def y(v: float) -> float:
        return H - BOTTOM - (v / top_v) * (H - TOP - BOTTOM)

    label = f"{series.subject} · {series.metric} ({series.unit}) over time"
    out = [f'<svg class="timeline" viewBox="0 0 {W} {H}" role="img" aria-label="{_e(label)}" '
           f'xmlns="http://www.w3.org/2000/svg" data-points="{len(series.points)}">',
           f"<title>{_e(label)}</title>",
           f'<line class="axis" x1="{LEFT}" y1="{H - BOTTOM}" x2="{W - RIGHT + 10}" y2="{H - BOTTOM}"/>',
           f'<line class="axis" x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{H - BOTTOM}"/>']
    for frac in (0.0, 0.5, 1.0):
        v = top_v / 1.15 * frac
        out.append(f'<line class="grid" x1="{LEFT}" y1="{y(v):.1f}" x2="{W - RIGHT + 10}" y2="{y(v):.1f}"/>')
        out.append(f'<text class="tick" x="{LEFT - 6}" y="{y(v) + 4:.1f}" text-anchor="end">{_e(num(round(v, 3)))}</text>')
    out.append(f'<text class="tick" x="{LEFT - 6}" y="{TOP - 6}" text-anchor="end">{_e(series.unit)}</text>')
    dates = sorted({(d, p.as_of) for d, p in zip(days, series.points, strict=True)})
    step = max(1, len(dates) // 6)
    for i, (d, as_of) in enumerate(dates):
        if i % step == 0 or i == len(dates) - 1:
            out.append(f'<text class="tick" x="{x(d):.1f}" y="{H - BOTTOM + 16}" text-anchor="middle">{_e(as_of)}</text>')
    # the line through the dates, by the value most origins give at each date
    best: dict[float, Point] = {}
    for d, p in zip(days, series.points, strict=True):
        if d not in best or p.value.origins > best[d].value.origins:
            best[d] = p
    path = " ".join(f"{x(d):.1f},{y(best[d].value.number or 0):.1f}" for d in sorted(best))
    out.append(f'<polyline class="trend" points="{path}"/>')
    # contradictions: a dashed line between the values at one date
    by_day: dict[float, list[Point]] = {}
    for d, p in zip(days, series.points, strict=True):
        by_day.setdefault(d, []).append(p)
    for d, points in by_day.items():
        if len(points) > 1:
            ys = [y(p.value.number or 0) for p in points]
            out.append(f'<line class="clash" x1="{x(d):.1f}" y1="{min(ys):.1f}" x2="{x(d):.1f}" y2="{max(ys):.1f}"/>')
    label_y: dict[int, float] = {}
    for points in by_day.values():  # labels of points at one date stacked, never over each other
        below = -1e9
        for p in sorted(points, key=lambda p: y(p.value.number or 0)):
            label_y[id(p)] = max(y(p.value.number or 0) - 6, below + 26)
            below = label_y[id(p)]
    for d, p in zip(days, series.points, strict=True):
        px, py = x(d), y(p.value.number or 0)
        ly = label_y[id(p)]
        sources = _sources(p, outlet_of)
        cls = "point clash" if p.contradicted else "point"
        tip = f"{p.value.text} as of {p.as_of}: {sources}"
        out.append(f'<g class="{cls}" data-sources="{_e(sources)}"><circle cx="{px:.1f}" cy="{py:.1f}" r="5">'
                   f"<title>{_e(tip)}</title></circle>"
                   f'<text class="label" x="{px + 8:.1f}" y="{ly:.1f}">{_e(p.value.text)}</text>'
                   f'<text class="src" x="{px + 8:.1f}" y="{ly + 13:.1f}">{_e(_short(sources))}</text></g>')
    out.append("</svg>")
    return "".join(out)


def _short(text: str, limit: int = 28) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
