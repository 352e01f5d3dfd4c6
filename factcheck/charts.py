"""Charts drawn on the server as inline SVG: no chart library, no script, nothing to download.

Pure code (no Django): every text that reaches the SVG goes through `esc`, so a party called
`<script>` is drawn as those characters. Each chart has a <title> and <desc> for screen readers,
and each verdict has a pattern as well as a colour and its figures written out, so the charts read
in greyscale and without colour vision.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from factcheck.models import Verdicts

# The verdicts the desk draws, in the order they are stacked and listed.
SERIES = ("confirmed", "denied", "disputed")
COLOURS = {
    "confirmed": "#17643d",
    "denied": "#a8201a",
    "disputed": "#8a5300",
    "unsettled": "#7b6fc0",
    "bar": "#2c5e9e",
}
LABELS = {**dict(Verdicts.choices), "unsettled": "Not settled"}
INK, INK_3, RULE = "#1b1c1e", "#5d6168", "#e2ded6"
FONT = "Inter, system-ui, -apple-system, 'Segoe UI', Roboto, 'Liberation Sans', sans-serif"


class Svg(str):
    """Markup this module built and escaped itself; template engines honour __html__."""

    def __html__(self) -> str:
        return self


def esc(text: object) -> str:
    return escape(str(text), quote=True)


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _patterns(uid: str) -> str:
    """Solid for confirmed, diagonal hatching for denied, dots for disputed."""
    c = COLOURS
    return (
        "<defs>"
        f'<pattern id="{uid}-confirmed" width="8" height="8" patternUnits="userSpaceOnUse">'
        f'<rect width="8" height="8" fill="{c["confirmed"]}"/></pattern>'
        f'<pattern id="{uid}-denied" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)">'
        f'<rect width="6" height="6" fill="{c["denied"]}"/>'
        '<rect width="2" height="6" fill="#ffffff" fill-opacity="0.55"/></pattern>'
        f'<pattern id="{uid}-disputed" width="6" height="6" patternUnits="userSpaceOnUse">'
        f'<rect width="6" height="6" fill="{c["disputed"]}"/>'
        '<circle cx="3" cy="3" r="1.3" fill="#ffffff" fill-opacity="0.7"/></pattern>'
        f'<pattern id="{uid}-unsettled" width="8" height="8" patternUnits="userSpaceOnUse">'
        f'<rect width="8" height="8" fill="{c["unsettled"]}" fill-opacity="0.35"/></pattern>'
        f'<pattern id="{uid}-bar" width="8" height="8" patternUnits="userSpaceOnUse">'
        f'<rect width="8" height="8" fill="{c["bar"]}"/></pattern>'
        "</defs>"
    )


def _fill(uid: str, kind: str) -> str:
    return f"url(#{uid}-{kind})" if kind in COLOURS else COLOURS["bar"]


def _open(uid: str, width: int, height: int, title: str, desc: str) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="{esc(uid)}" '
        f'viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-labelledby="{esc(uid)}-title {esc(uid)}-desc" font-family="{FONT}">',
        f'<title id="{esc(uid)}-title">{esc(title)}</title>',
        f'<desc id="{esc(uid)}-desc">{esc(desc)}</desc>',
        _patterns(esc(uid)),
    ]


def _legend(uid: str, kinds: Sequence[str], y: int, x: int = 0) -> list[str]:
    out = []
    for kind in kinds:
        out.append(
            f'<rect x="{x}" y="{y - 10}" width="14" height="14" rx="2" '
            f'fill="{_fill(uid, kind)}" stroke="{INK}" stroke-width="0.5"/>'
        )
        out.append(
            f'<text x="{x + 20}" y="{y + 1}" font-size="13" fill="{INK}">{esc(LABELS[kind])}</text>'
        )
        x += 30 + 8 * len(LABELS[kind])
    return out


def share_bar(uid: str, counts: dict[str, int], *, title: str, width: int = 640) -> Svg:
    """One bar split into the share of each verdict, each part labelled with its percentage."""
    total = sum(counts.get(k, 0) for k in SERIES)
    parts = [(k, counts.get(k, 0)) for k in SERIES]
    if total:
        desc = "; ".join(
            f"{LABELS[k]}: {n} of {total} ({_num(100 * n / total)}%)" for k, n in parts
        )
    else:
        desc = "No settled statements yet."
    height = 86
    out = _open(uid, width, height, title, desc)
    bar_y, bar_h = 8, 34
    if not total:
        out.append(
            f'<rect x="0" y="{bar_y}" width="{width}" height="{bar_h}" rx="4" fill="{RULE}"/>'
            f'<text x="{width / 2}" y="{bar_y + 22}" font-size="14" text-anchor="middle" '
            f'fill="{INK_3}">No settled statements yet</text>'
        )
    x = 0.0
    for kind, n in parts:
        if not n:
            continue
        w = width * n / total
        share = 100 * n / total
        out.append(
            f'<rect x="{_num(x)}" y="{bar_y}" width="{_num(w)}" height="{bar_h}" '
            f'fill="{_fill(uid, kind)}" stroke="#ffffff" stroke-width="1">'
            f"<title>{esc(LABELS[kind])}: {n} ({_num(share)}%)</title></rect>"
        )
        if w >= 46:
            out.append(
                f'<text x="{_num(x + w / 2)}" y="{bar_y + 22}" font-size="14" font-weight="700" '
                f'text-anchor="middle" fill="#ffffff" stroke="{COLOURS[kind]}" '
                f'stroke-width="3" paint-order="stroke">{_num(share)}%</text>'
            )
        x += w
    legend_y = bar_y + bar_h + 30
    lx = 0
    for kind, n in parts:
        share = f" {_num(100 * n / total)}%" if total else ""
        label = f"{LABELS[kind]} {n}{share}"
        out.append(
            f'<rect x="{lx}" y="{legend_y - 11}" width="14" height="14" rx="2" '
            f'fill="{_fill(uid, kind)}" stroke="{INK}" stroke-width="0.5"/>'
            f'<text x="{lx + 20}" y="{legend_y}" font-size="13" fill="{INK}">{esc(label)}</text>'
        )
        lx += 40 + 7 * len(label)
    out.append("</svg>")
    return Svg("".join(out))


@dataclass
class Bar:
    label: str
    value: float
    kind: str = "bar"
    note: str = ""


def bar_chart(
    uid: str, bars: Sequence[Bar], *, title: str, width: int = 520, unit: str = ""
) -> Svg:
    """Horizontal bars, one a row, each with its label on the left and its figure at its end."""
    row, label_w = 30, min(150, int(width * 0.3))
    height = max(1, len(bars)) * row + 8
    top = max((b.value for b in bars), default=0) or 1
    desc = "; ".join(f"{b.label}: {_num(b.value)}{unit}" for b in bars) or "Nothing to show."
    out = _open(uid, width, height, title, desc)
    span = width - label_w - 60
    for i, bar in enumerate(bars):
        y = 4 + i * row
        w = span * bar.value / top
        fits = label_w // 8
        label = bar.label if len(bar.label) <= fits else bar.label[: fits - 1] + "…"
        out.append(
            f'<text x="{label_w - 10}" y="{y + 17}" font-size="13" text-anchor="end" '
            f'fill="{INK}">{esc(label)}</text>'
            f'<rect x="{label_w}" y="{y + 3}" width="{span}" height="20" fill="{RULE}" '
            'fill-opacity="0.5" rx="2"/>'
            f'<rect x="{label_w}" y="{y + 3}" width="{_num(max(w, 1.5))}" height="20" rx="2" '
            f'fill="{_fill(uid, bar.kind)}"><title>{esc(bar.label)}: {_num(bar.value)}{unit}'
            f"</title></rect>"
            f'<text x="{_num(label_w + w + 6)}" y="{y + 18}" font-size="13" font-weight="700" '
            f'fill="{INK}">{_num(bar.value)}{esc(unit)}{esc(bar.note)}</text>'
        )
    if not bars:
        out.append(
            f'<text x="0" y="20" font-size="13" fill="{INK_3}">Nothing in this period.</text>'
        )
    out.append("</svg>")
    return Svg("".join(out))


def stacked_columns(
    uid: str,
    periods: Sequence[tuple[str, dict[str, int]]],
    *,
    title: str,
    width: int = 640,
    height: int = 220,
) -> Svg:
    """Columns per period stacked by verdict, with the total above each column."""
    totals = [sum(v.get(k, 0) for k in SERIES) for _, v in periods]
    top = max(totals, default=0) or 1
    desc = (
        "; ".join(
            f"{label}: " + ", ".join(f"{v.get(k, 0)} {LABELS[k].lower()}" for k in SERIES)
            for label, v in periods
        )
        or "No settled statements yet."
    )
    out = _open(uid, width, height, title, desc)
    left, bottom, legend_h = 8, height - 46, 20
    plot_h = bottom - 18
    slot = (width - left) / max(1, len(periods))
    col_w = min(36.0, slot * 0.7)
    out.append(
        f'<line x1="{left}" x2="{width}" y1="{bottom}" y2="{bottom}" stroke="{INK_3}" '
        'stroke-width="1"/>'
    )
    every = max(1, round(len(periods) / 12))
    for i, ((label, values), total) in enumerate(zip(periods, totals, strict=True)):
        x = left + i * slot + (slot - col_w) / 2
        y = float(bottom)
        for kind in SERIES:
            n = values.get(kind, 0)
            if not n:
                continue
            h = plot_h * n / top
            y -= h
            out.append(
                f'<rect x="{_num(x)}" y="{_num(y)}" width="{_num(col_w)}" height="{_num(h)}" '
                f'fill="{_fill(uid, kind)}" stroke="#ffffff" stroke-width="0.75">'
                f"<title>{esc(label)}: {n} {esc(LABELS[kind].lower())}</title></rect>"
            )
        if total:
            out.append(
                f'<text x="{_num(x + col_w / 2)}" y="{_num(y - 4)}" font-size="11" '
                f'text-anchor="middle" fill="{INK}">{total}</text>'
            )
        if i % every == 0:
            out.append(
                f'<text x="{_num(x + col_w / 2)}" y="{bottom + 15}" font-size="11" '
                f'text-anchor="middle" fill="{INK_3}">{esc(label)}</text>'
            )
    if not periods:
        out.append(
            f'<text x="{width / 2}" y="{bottom / 2}" font-size="13" text-anchor="middle" '
            f'fill="{INK_3}">No settled statements yet</text>'
        )
    out += _legend(uid, SERIES, height - legend_h + 14)
    out.append("</svg>")
    return Svg("".join(out))


def line_chart(
    uid: str,
    points: Sequence[tuple[str, float | None]],
    *,
    title: str,
    width: int = 520,
    height: int = 200,
    unit: str = "%",
    top: float = 100,
) -> Svg:
    """A line over periods with every point marked and its figure written beside it;
    a period without data is a gap, not a zero."""
    desc = (
        "; ".join(f"{label}: {'no data' if v is None else _num(v) + unit}" for label, v in points)
        or "No data yet."
    )
    out = _open(uid, width, height, title, desc)
    left, right, bottom, top_y = 36, 16, height - 26, 14
    plot_h = bottom - top_y
    for tick in (0, 50, 100) if top == 100 else (0, top / 2, top):
        y = bottom - plot_h * tick / top
        out.append(
            f'<line x1="{left}" x2="{width - right}" y1="{_num(y)}" y2="{_num(y)}" '
            f'stroke="{RULE}" stroke-width="1"/>'
            f'<text x="{left - 6}" y="{_num(y + 4)}" font-size="11" text-anchor="end" '
            f'fill="{INK_3}">{_num(tick)}{esc(unit)}</text>'
        )
    step = (width - left - right) / max(1, len(points) - 1)
    lines: list[str] = []
    marks: list[str] = []
    path: list[str] = []
    for i, (label, value) in enumerate(points):
        x = left + i * step if len(points) > 1 else (left + width - right) / 2
        marks.append(
            f'<text x="{_num(x)}" y="{height - 8}" font-size="11" text-anchor="middle" '
            f'fill="{INK_3}">{esc(label)}</text>'
        )
        if value is None:
            lines.append(_polyline(path))
            path = []
            continue
        y = bottom - plot_h * min(value, top) / top
        path.append(f"{_num(x)},{_num(y)}")
        marks.append(
            f'<circle cx="{_num(x)}" cy="{_num(y)}" r="4" fill="#ffffff" stroke="{INK}" '
            f'stroke-width="2"><title>{esc(label)}: {_num(value)}{esc(unit)}</title></circle>'
            f'<text x="{_num(x)}" y="{_num(y - 9)}" font-size="11" font-weight="700" '
            f'text-anchor="middle" fill="{INK}">{_num(value)}{esc(unit)}</text>'
        )
    lines.append(_polyline(path))
    out += [*lines, *marks, "</svg>"]
    return Svg("".join(out))


def _polyline(points: list[str]) -> str:
    if len(points) < 2:
        return ""
    return (
        f'<polyline points="{" ".join(points)}" fill="none" stroke="{INK}" stroke-width="2" '
        'stroke-linejoin="round"/>'
    )


def grouped_bars(
    uid: str,
    rows: Sequence[tuple[str, float, float]],
    *,
    series: tuple[str, str],
    title: str,
    width: int = 560,
) -> Svg:
    """Two bars per row (a short and a long period, say): solid and hatched, figures written."""
    row, label_w = 44, min(150, int(width * 0.3))
    height = max(1, len(rows)) * row + 34
    top = max((max(a, b) for _, a, b in rows), default=0) or 1
    desc = (
        "; ".join(f"{name}: {a} ({series[0]}), {b} ({series[1]})" for name, a, b in rows)
        or "Nothing in this period."
    )
    out = _open(uid, width, height, title, desc)
    span = width - label_w - 50
    fills = (f"url(#{esc(uid)}-bar)", f"url(#{esc(uid)}-unsettled)")
    for i, (label, a, b) in enumerate(rows):
        y = 4 + i * row
        fits = label_w // 8
        short = label if len(label) <= fits else label[: fits - 1] + "…"
        out.append(
            f'<text x="{label_w - 10}" y="{y + 22}" font-size="13" text-anchor="end" '
            f'fill="{INK}">{esc(short)}</text>'
        )
        for j, value in enumerate((a, b)):
            w = max(span * value / top, 1.5)
            by = y + 4 + j * 18
            out.append(
                f'<rect x="{label_w}" y="{by}" width="{_num(w)}" height="15" rx="2" '
                f'fill="{fills[j]}" stroke="{COLOURS["bar"]}" stroke-width="1">'
                f"<title>{esc(label)}, {esc(series[j].lower())}: {_num(value)}</title></rect>"
                f'<text x="{_num(label_w + w + 6)}" y="{by + 12}" font-size="12" '
                f'font-weight="{700 if j == 0 else 400}" fill="{INK}">{_num(value)}</text>'
            )
    if not rows:
        out.append(f'<text x="0" y="20" font-size="13" fill="{INK_3}">No verdicts yet.</text>')
    ly = height - 12
    x = 0
    for j, name in enumerate(series):
        out.append(
            f'<rect x="{x}" y="{ly - 11}" width="14" height="14" rx="2" fill="{fills[j]}" '
            f'stroke="{COLOURS["bar"]}" stroke-width="1"/>'
            f'<text x="{x + 20}" y="{ly}" font-size="13" fill="{INK}">{esc(name)}</text>'
        )
        x += 40 + 8 * len(name)
    out.append("</svg>")
    return Svg("".join(out))
