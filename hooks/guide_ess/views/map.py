"""The « Carte des expériences »: an inline SVG map of France, one shape per region.

The region shapes come from data/regions_svg.json (made once by
tools/make_region_shapes.py from Natural Earth, public domain; see
data/LICENCE-regions.txt). Overseas regions are drawn in insets under the
mainland; « France entière » and « Hors de France » are boxes in the top-left
corner (the Channel, empty on the map). A region with cases is a link carrying
a marker with its count; a region without is grey and no link.

The output holds no style attribute, no script, no event handler and no
external reference: the stylesheet draws it through these classes:

    carte-france            the <svg>
    carte-region            a region (metropolitan or overseas), <a> or <g>
    carte-region--avec      ... that has cases: an <a> link
    carte-region--sans      ... that has none: a grey <g>, hidden from assistive technologies
    carte-region--encart    ... drawn in an overseas inset
    carte-hors-region       « France entière » and « Hors de France » (also carry
                            carte-region--avec or carte-region--sans)
    carte-forme             a region's <path>
    carte-cadre             the frame (<rect>) of an inset or box
    carte-nom               the name written in an inset or box
    carte-marqueur          the circle holding a count
    carte-nombre            the count, written in the circle
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Mapping, Sequence

DATA_FILE = Path(__file__).resolve().parent / "data" / "regions_svg.json"
NBSP = "\u00a0"  # before « : »
NNBSP = "\u202f"  # before « ; »
TITLE_ID = "carte-france-titre"
DESC_ID = "carte-france-desc"
TITLE = "Carte des expériences par région"
# Values of the regions vocabulary that are no place on the map: each gets a box.
BOXES: Mapping[str, tuple[float, float, float, float]] = {  # id -> x, y, width, height
    "france-entiere": (8.0, 8.0, 140.0, 34.0),
    "etranger": (8.0, 50.0, 140.0, 34.0),
}
BOX_LABELS = {"france-entiere": "France entière", "etranger": "Hors de France"}
NAME_HEIGHT = 14.0  # the band at the top of an inset or box holding its name


@dataclass(frozen=True)
class RegionShape:
    """One region: SVG path data, where its marker goes, and its inset box if overseas."""

    id: str
    d: str
    label: tuple[float, float]
    inset: tuple[float, float, float, float] | None = None


@dataclass(frozen=True)
class Shapes:
    view_box: tuple[float, float, float, float]
    regions: tuple[RegionShape, ...]  # in the data file's order: metropolitan, then overseas
    source: Mapping[str, str]


def _box(values: Sequence[float]) -> tuple[float, float, float, float]:
    x, y, w, h = (float(v) for v in values)
    return (x, y, w, h)


@lru_cache(maxsize=1)
def load_shapes(path: Path = DATA_FILE) -> Shapes:
    """The committed region shapes."""
    data = json.loads(path.read_text(encoding="utf-8"))
    regions = tuple(
        RegionShape(id=rid, d=str(r["d"]), label=(float(r["label"][0]), float(r["label"][1])),
                    inset=_box(r["inset"]) if "inset" in r else None)
        for rid, r in data["regions"].items())
    return Shapes(view_box=_box(data["viewBox"]), regions=regions,
                  source={k: str(v) for k, v in data["source"].items()})


def num(value: float) -> str:
    """A coordinate as the SVG writes it: one decimal at most, no « -0 »."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def count_label(label: str, count: int) -> str:
    """« Bretagne : 3 expériences »."""
    return f"{label}{NBSP}: {count} expérience{'s' if count > 1 else ''}"


@dataclass(frozen=True)
class Frame:
    """The frame of an overseas inset (its name centred in a band on top) or of a box (name on the left)."""

    x: str
    y: str
    width: str
    height: str
    name: str
    name_x: str
    name_y: str
    centred: bool


@dataclass(frozen=True)
class Marker:
    """The circle holding a region's count."""

    x: str
    y: str
    radius: str
    count: int


@dataclass(frozen=True)
class DrawnRegion:
    """One region or box as the template draws it: a link when it has cases, else a grey group."""

    id: str
    classes: str  # « carte-region carte-region--avec … »
    frame: Frame | None
    d: str | None  # the shape's path data; None for a box
    href: str | None = None  # the rest is set only for a region with cases
    aria_label: str = ""
    themes: str = ""
    levels: str = ""
    marker: Marker | None = None


@dataclass(frozen=True)
class FranceMap:
    """Everything the map template (templates/carte_svg.html) needs."""

    view_box: str
    title_id: str
    title: str
    desc_id: str
    desc: str
    regions: tuple[DrawnRegion, ...]


def _ids(values: Sequence[str] | None) -> str:
    return " ".join(sorted(set(values or ())))


def _inset_frame(box: tuple[float, float, float, float], name: str) -> Frame:
    x, y, w, h = box
    return Frame(num(x), num(y), num(w), num(h), name, num(x + w / 2), num(y + NAME_HEIGHT / 2 + 2), True)


def _box_frame(box: tuple[float, float, float, float], name: str) -> Frame:
    x, y, w, h = box
    return Frame(num(x), num(y), num(w), num(h), name, num(x + 8), num(y + h / 2), False)


def _region(rid: str, classes: str, frame: Frame | None, d: str | None, marker: tuple[float, float], name: str,
            count: int, links: Mapping[str, str], themes: Mapping[str, Sequence[str]],
            levels: Mapping[str, Sequence[str]]) -> DrawnRegion:
    if count <= 0:
        return DrawnRegion(rid, f"carte-region carte-region--sans{classes}", frame, d)
    return DrawnRegion(rid, f"carte-region carte-region--avec{classes}", frame, d, href=links[rid],
                       aria_label=count_label(name, count), themes=_ids(themes.get(rid)), levels=_ids(levels.get(rid)),
                       marker=Marker(num(marker[0]), num(marker[1]), num(11.0 if count < 100 else 14.0), count))


def france_map(counts: Mapping[str, int], labels: Mapping[str, str], links: Mapping[str, str],
               themes_by_region: Mapping[str, Sequence[str]],
               levels_by_region: Mapping[str, Sequence[str]]) -> FranceMap:
    """The map's data.

    ``counts``: region id -> number of cases (missing means none); ``labels``:
    region id -> French name; ``links``: region id -> href of its list of
    cases, needed for every region with cases; ``themes_by_region`` and
    ``levels_by_region``: region id -> theme and level ids of its cases, written
    sorted in data-themes and data-echelons for a filtering script.
    """
    shapes = load_shapes()
    x, y, w, h = shapes.view_box
    with_cases = sum(1 for rid in [*(r.id for r in shapes.regions), *BOXES] if counts.get(rid, 0) > 0)
    desc = (f"Les régions de France métropolitaine, les cinq régions d'outre-mer en médaillons, chacune à sa "
            f"propre échelle, et deux cases{NBSP}: «{NBSP}France entière{NBSP}» et «{NBSP}Hors de France{NBSP}». "
            f"Celles qui ont des expériences ({with_cases}) sont des liens vers leur liste et portent leur "
            f"nombre{NNBSP}; les autres sont en gris.")
    drawn: list[DrawnRegion] = []
    ordered = sorted(shapes.regions, key=lambda r: counts.get(r.id, 0) > 0)  # grey first: links drawn on top
    for shape in ordered:
        name = labels.get(shape.id, shape.id)
        frame = _inset_frame(shape.inset, name) if shape.inset is not None else None
        classes = " carte-region--encart" if shape.inset is not None else ""
        drawn.append(_region(shape.id, classes, frame, shape.d, shape.label, name, counts.get(shape.id, 0), links,
                             themes_by_region, levels_by_region))
    for rid, box in BOXES.items():
        name = labels.get(rid, BOX_LABELS[rid])
        bx, by, bw, bh = box
        drawn.append(_region(rid, " carte-hors-region", _box_frame(box, name), None, (bx + bw - bh / 2, by + bh / 2),
                             name, counts.get(rid, 0), links, themes_by_region, levels_by_region))
    return FranceMap(f"{num(x)} {num(y)} {num(w)} {num(h)}", TITLE_ID, TITLE, DESC_ID, desc, tuple(drawn))
