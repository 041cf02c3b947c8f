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

import html
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


def _num(value: float) -> str:
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _attr(value: str) -> str:
    return html.escape(value, quote=True)


def count_label(label: str, count: int) -> str:
    """« Bretagne : 3 expériences »."""
    return f"{label}{NBSP}: {count} expérience{'s' if count > 1 else ''}"


def _marker(x: float, y: float, count: int) -> list[str]:
    radius = 11.0 if count < 100 else 14.0
    return [f'<circle class="carte-marqueur" cx="{_num(x)}" cy="{_num(y)}" r="{_num(radius)}"/>',
            f'<text class="carte-nombre" x="{_num(x)}" y="{_num(y)}" text-anchor="middle" '
            f'dominant-baseline="central">{count}</text>']


def _frame(box: tuple[float, float, float, float], name: str) -> list[str]:
    x, y, w, h = box
    return [f'<rect class="carte-cadre" x="{_num(x)}" y="{_num(y)}" width="{_num(w)}" height="{_num(h)}"/>',
            f'<text class="carte-nom" x="{_num(x + w / 2)}" y="{_num(y + NAME_HEIGHT / 2 + 2)}" '
            f'text-anchor="middle" dominant-baseline="central">{html.escape(name)}</text>']


def _box_frame(box: tuple[float, float, float, float], name: str) -> list[str]:
    x, y, w, h = box
    return [f'<rect class="carte-cadre" x="{_num(x)}" y="{_num(y)}" width="{_num(w)}" height="{_num(h)}"/>',
            f'<text class="carte-nom" x="{_num(x + 8)}" y="{_num(y + h / 2)}" '
            f'dominant-baseline="central">{html.escape(name)}</text>']


def _ids(values: Sequence[str] | None) -> str:
    return " ".join(sorted(set(values or ())))


def _region(rid: str, classes: str, body: list[str], marker: tuple[float, float], name: str, count: int,
            links: Mapping[str, str], themes: Mapping[str, Sequence[str]], levels: Mapping[str, Sequence[str]]) -> list[str]:
    """A region or box: a link around its drawing and marker if it has cases, else a grey group."""
    if count <= 0:
        return [f'<g class="carte-region carte-region--sans{classes}" data-region="{_attr(rid)}" aria-hidden="true">',
                *body, "</g>"]
    return [f'<a class="carte-region carte-region--avec{classes}" href="{_attr(links[rid])}" '
            f'aria-label="{_attr(count_label(name, count))}" data-region="{_attr(rid)}" '
            f'data-themes="{_attr(_ids(themes.get(rid)))}" data-echelons="{_attr(_ids(levels.get(rid)))}">',
            *body, *_marker(marker[0], marker[1], count), "</a>"]


def france_map_svg(counts: Mapping[str, int], labels: Mapping[str, str], links: Mapping[str, str],
                   themes_by_region: Mapping[str, Sequence[str]],
                   levels_by_region: Mapping[str, Sequence[str]]) -> str:
    """Inline SVG markup of the map.

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
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="carte-france" '
           f'viewBox="{_num(x)} {_num(y)} {_num(w)} {_num(h)}" '
           f'aria-labelledby="{TITLE_ID}" aria-describedby="{DESC_ID}">',
           f'<title id="{TITLE_ID}">{html.escape(TITLE)}</title>',
           f'<desc id="{DESC_ID}">{html.escape(desc)}</desc>']
    ordered = sorted(shapes.regions, key=lambda r: counts.get(r.id, 0) > 0)  # grey first: links drawn on top
    for shape in ordered:
        name = labels.get(shape.id, shape.id)
        count = counts.get(shape.id, 0)
        body = [f'<path class="carte-forme" d="{shape.d}"/>']
        classes = ""
        if shape.inset is not None:
            body = [*_frame(shape.inset, name), *body]
            classes = " carte-region--encart"
        out += _region(shape.id, classes, body, shape.label, name, count, links, themes_by_region, levels_by_region)
    for rid, box in BOXES.items():
        name = labels.get(rid, BOX_LABELS[rid])
        bx, by, bw, bh = box
        out += _region(rid, " carte-hors-region", _box_frame(box, name), (bx + bw - bh / 2, by + bh / 2), name,
                       counts.get(rid, 0), links, themes_by_region, levels_by_region)
    out.append("</svg>")
    return "\n".join(out)
