#!/usr/bin/env python3
"""Draws the year-end run's scaling curve from the CSV YearEndScaleBenchmarkTests writes (target/scale-runs.csv,
kept in docs/benchmarks/scale-runs.csv): run time and peak heap against the number of subjects, as one SVG image
with two panels. Plain Python 3, no libraries.

    scripts/scale-chart.py docs/benchmarks/scale-runs.csv docs/benchmarks/scale-chart.svg

For each scale the best run is drawn (the first run of a JVM is a cold one); the dashed line is what a time
proportional to the size would be, through the middle scale's point.
"""
import csv
import sys
from collections import OrderedDict

WIDTH, HEIGHT = 900, 380
PANEL_W, PANEL_H = 340, 250
LEFT, TOP = 90, 60
GAP = 110


def best_runs(path):
    runs = OrderedDict()
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            subjects = int(row["members"]) + int(row["organizations"])
            run = {"scale": row["scale"], "subjects": subjects, "seconds": int(row["run_ms"]) / 1000.0,
                   "heap": int(row["peak_heap_mb"]), "max_heap": int(row["max_heap_mb"])}
            known = runs.get(row["scale"])
            if known is None or run["seconds"] < known["seconds"]:
                runs[row["scale"]] = run
    return sorted(runs.values(), key=lambda r: r["subjects"])


def nice_max(value):
    step = 10 ** (len(str(int(value))) - 1) if value >= 1 else 1
    top = step
    while top < value:
        top += step
    return top


def panel(out, x0, title, unit, points, y_of, reference=None, limit=None):
    max_x = nice_max(max(p["subjects"] for p in points))
    values = [y_of(p) for p in points] + ([limit] if limit else [])
    max_y = nice_max(max(values) * 1.1)

    def sx(v):
        return x0 + v / max_x * PANEL_W

    def sy(v):
        return TOP + PANEL_H - v / max_y * PANEL_H

    out.append(f'<text x="{x0 + PANEL_W / 2}" y="{TOP - 20}" text-anchor="middle" font-weight="bold">{title}</text>')
    out.append(f'<line x1="{x0}" y1="{TOP + PANEL_H}" x2="{x0 + PANEL_W}" y2="{TOP + PANEL_H}" stroke="black"/>')
    out.append(f'<line x1="{x0}" y1="{TOP}" x2="{x0}" y2="{TOP + PANEL_H}" stroke="black"/>')
    for i in range(6):
        xv, yv = max_x * i / 5, max_y * i / 5
        out.append(f'<text x="{sx(xv)}" y="{TOP + PANEL_H + 18}" text-anchor="middle" font-size="11">'
                   f'{xv / 1e6:g}M</text>')
        out.append(f'<text x="{x0 - 8}" y="{sy(yv) + 4}" text-anchor="end" font-size="11">{yv:g}</text>')
        out.append(f'<line x1="{x0}" y1="{sy(yv)}" x2="{x0 + PANEL_W}" y2="{sy(yv)}" stroke="#ddd"/>')
    out.append(f'<text x="{x0 + PANEL_W / 2}" y="{TOP + PANEL_H + 40}" text-anchor="middle" font-size="12">'
               f'subjects rated (members and organizations)</text>')
    out.append(f'<text x="{x0 - 55}" y="{TOP + PANEL_H / 2}" text-anchor="middle" font-size="12" '
               f'transform="rotate(-90 {x0 - 55} {TOP + PANEL_H / 2})">{unit}</text>')
    if reference:
        end_x = min(max_x, max_y / reference)
        out.append(f'<line x1="{sx(0)}" y1="{sy(0)}" x2="{sx(end_x)}" y2="{sy(reference * end_x)}" '
                   f'stroke="#888" stroke-dasharray="5,4"/>')
        out.append(f'<text x="{sx(end_x) - 4}" y="{sy(reference * end_x) + 14}" text-anchor="end" font-size="11" '
                   f'fill="#666">proportional to size</text>')
    if limit:
        out.append(f'<line x1="{x0}" y1="{sy(limit)}" x2="{x0 + PANEL_W}" y2="{sy(limit)}" stroke="#c33" '
                   f'stroke-dasharray="2,3"/>')
        out.append(f'<text x="{x0 + PANEL_W - 4}" y="{sy(limit) - 5}" text-anchor="end" font-size="11" '
                   f'fill="#c33">limit {limit:g}</text>')
    path = " ".join(f'{sx(p["subjects"])},{sy(y_of(p))}' for p in points)
    out.append(f'<polyline points="{path}" fill="none" stroke="#1f5fa8" stroke-width="2"/>')
    for p in points:
        out.append(f'<circle cx="{sx(p["subjects"])}" cy="{sy(y_of(p))}" r="4" fill="#1f5fa8"/>')
        out.append(f'<text x="{sx(p["subjects"]) + 6}" y="{sy(y_of(p)) - 6}" font-size="11">'
                   f'{p["scale"]}: {y_of(p):g}</text>')


def main(source, target):
    points = best_runs(source)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
           f'font-family="sans-serif" font-size="13">', f'<rect width="{WIDTH}" height="{HEIGHT}" fill="white"/>']
    first = points[0]
    middle = points[len(points) // 2] if len(points) > 2 else first
    panel(out, LEFT, "Year-end run, database to database: time", "seconds", points, lambda p: round(p["seconds"], 1),
          reference=middle["seconds"] / middle["subjects"])
    panel(out, LEFT + PANEL_W + GAP, "Peak heap used during the run", "MB", points, lambda p: p["heap"],
          limit=first["max_heap"])
    out.append("</svg>")
    with open(target, "w") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: scale-chart.py <scale-runs.csv> <chart.svg>")
    main(sys.argv[1], sys.argv[2])
