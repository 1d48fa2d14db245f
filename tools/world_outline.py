"""Build the world outline the web UI's map draws (src/dateline/web/static/world.svgpath).

Reads ``countries-110m.json`` of the npm package world-atlas 2.0.2 (ISC licence; Natural
Earth data, public domain): ``npm pack world-atlas@2.0.2`` and unpack it. Decodes the
TopoJSON arcs and writes one SVG path in an equirectangular projection: x = longitude + 180,
y = 90 - latitude (a 360 x 180 view box), rounded to 0.1 degree. Run once; the output is
package data, so nothing is fetched at run time.

    python tools/world_outline.py package/countries-110m.json src/dateline/web/static/world.svgpath
"""

from __future__ import annotations

import json
import sys
from itertools import pairwise
from pathlib import Path


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(arcs, indexes: list[int]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    return points


def path(topology: dict) -> str:
    arcs = decode_arcs(topology)
    parts = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = geometry.get("arcs", [])
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        for polygon in polygons:
            for indexes in polygon:
                points = ring(arcs, indexes)
                if len(points) > 2:
                    parts.append(_subpaths(points))
    return "".join(parts)


def _subpaths(points: list[tuple[float, float]]) -> str:
    """A ring as SVG; a ring that crosses the antimeridian (Russia, Fiji, Antarctica) is cut
    where it jumps across the map, so no stroke runs from one edge to the other."""
    pieces, current = [], [points[0]]
    for previous, point in pairwise(points):
        if abs(point[0] - previous[0]) > 180:
            pieces.append(current)
            current = []
        current.append(point)
    pieces.append(current)
    closed = len(pieces) == 1
    return "".join("M" + "L".join(f"{lon + 180:.1f},{90 - lat:.1f}" for lon, lat in piece) + ("Z" if closed else "")
                   for piece in pieces if len(piece) > 1)  # fmt: skip


def main() -> int:
    source, target = Path(sys.argv[1]), Path(sys.argv[2])
    target.write_text(path(json.loads(source.read_text(encoding="utf-8"))) + "\n", encoding="utf-8")
    print(f"{target}: {target.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
