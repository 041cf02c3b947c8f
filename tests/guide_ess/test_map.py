"""The SVG map of the regions: links, labels, counts, escaping, shapes and their licence."""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

from helpers import ROOT

from guide_ess.content.vocabulary import load_vocabulary
from guide_ess.views import map as carte
from guide_ess.views.model import Block
from guide_ess.views.renderer import Renderer

SVG = "{http://www.w3.org/2000/svg}"
VOCABULARY = load_vocabulary((ROOT / "docs" / ".vocabulaires.yml").read_text(encoding="utf-8"))[0]
LABELS = dict(VOCABULARY.regions)
LINKS = {rid: f"../territoires/{rid}/" for rid in LABELS}
OVERSEAS = {"guadeloupe", "martinique", "guyane", "la-reunion", "mayotte"}
METROPOLITAN = set(LABELS) - OVERSEAS - set(carte.BOXES)
RENDERER = Renderer()


def draw(counts: dict[str, int], labels: dict[str, str] | None = None, links: dict[str, str] | None = None,
         themes: dict[str, list[str]] | None = None, levels: dict[str, list[str]] | None = None) -> str:
    drawing = carte.france_map(counts, labels or LABELS, links or LINKS, themes or {}, levels or {})
    return RENDERER.render(Block("carte_svg.html", {"map": drawing}))


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def region_links(root: ET.Element) -> dict[str, ET.Element]:
    return {a.get("data-region", ""): a for a in root.iter(f"{SVG}a")}


def test_one_link_per_region_with_cases_and_none_without() -> None:
    counts = {"bretagne": 3, "grand-est": 1, "la-reunion": 2, "etranger": 4, "corse": 0}
    root = parse(draw(counts))
    links = region_links(root)
    assert sorted(links) == ["bretagne", "etranger", "grand-est", "la-reunion"]
    assert len(list(root.iter(f"{SVG}a"))) == 4
    for rid, a in links.items():
        assert a.get("href") == LINKS[rid]
        assert "carte-region--avec" in (a.get("class") or "")
    grey = {g.get("data-region") for g in root.iter(f"{SVG}g") if "carte-region--sans" in (g.get("class") or "")}
    assert grey == (set(LABELS) - set(links))
    assert all(g.get("aria-hidden") == "true" for g in root.iter(f"{SVG}g") if g.get("data-region"))


def test_aria_labels_and_counts() -> None:
    root = parse(draw({"bretagne": 3, "corse": 1, "france-entiere": 12}))
    links = region_links(root)
    assert links["bretagne"].get("aria-label") == "Bretagne\u00a0: 3 expériences"
    assert links["corse"].get("aria-label") == "Corse\u00a0: 1 expérience"
    assert links["france-entiere"].get("aria-label") == "France entière\u00a0: 12 expériences"
    for rid, count in {"bretagne": 3, "corse": 1, "france-entiere": 12}.items():
        numbers = [t.text for t in links[rid].iter(f"{SVG}text") if t.get("class") == "carte-nombre"]
        assert numbers == [str(count)]
        assert len([c for c in links[rid].iter(f"{SVG}circle") if c.get("class") == "carte-marqueur"]) == 1
        assert len(list(links[rid].iter(f"{SVG}path"))) == (0 if rid in carte.BOXES else 1)


def test_filter_attributes_are_sorted_unique_ids() -> None:
    root = parse(draw({"bretagne": 2}, themes={"bretagne": ["transversalite", "co-construction", "transversalite"]},
                      levels={"bretagne": ["region", "commune"]}))
    a = region_links(root)["bretagne"]
    assert a.get("data-themes") == "co-construction transversalite"
    assert a.get("data-echelons") == "commune region"


def test_title_and_description_in_french() -> None:
    root = parse(draw({"bretagne": 2}))
    assert root.get("aria-labelledby") == carte.TITLE_ID
    assert root.get("aria-describedby") == carte.DESC_ID
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title is not None and title.get("id") == carte.TITLE_ID and title.text == "Carte des expériences par région"
    assert desc is not None and desc.get("id") == carte.DESC_ID and "(1)" in (desc.text or "")


def test_every_text_is_escaped() -> None:
    labels = {**LABELS, "bretagne": 'Bre<script>alert("x")</script>&tagne', "corse": "Corse & <b>"}
    links = {**LINKS, "bretagne": '../x/?a=1&b="2"'}
    svg = draw({"bretagne": 1}, labels=labels, links=links, themes={"bretagne": ['"><script>']})
    assert "<script" not in svg and "<b>" not in svg
    root = parse(svg)
    a = region_links(root)["bretagne"]
    assert a.get("href") == '../x/?a=1&b="2"'
    assert a.get("aria-label") == 'Bre<script>alert("x")</script>&tagne\u00a0: 1 expérience'
    assert a.get("data-themes") == '"><script>'


def test_no_style_script_handler_or_external_reference() -> None:
    svg = draw({rid: 1 for rid in LABELS})
    root = parse(svg)
    for element in root.iter():
        assert "style" not in element.attrib
        assert not [name for name in element.attrib if name.lower().startswith("on")]
        assert element.tag not in {f"{SVG}script", f"{SVG}style", f"{SVG}image", f"{SVG}use", f"{SVG}foreignObject"}
    assert "xlink" not in svg and "url(" not in svg
    hrefs = [e.get("href") for e in root.iter() if e.get("href") is not None]
    assert sorted(hrefs) == sorted(LINKS.values())


def test_output_is_deterministic() -> None:
    counts = {"bretagne": 2, "occitanie": 5, "mayotte": 1}
    themes = {"bretagne": ["b", "a"], "occitanie": ["c"]}
    assert draw(counts, themes=themes) == draw(dict(reversed(counts.items())), themes=themes)


def test_every_region_of_the_vocabulary_has_a_shape_or_a_box() -> None:
    shapes = {s.id: s for s in carte.load_shapes().regions}
    assert METROPOLITAN <= set(shapes)
    assert len(METROPOLITAN) == 13
    for rid in METROPOLITAN:
        assert shapes[rid].inset is None and shapes[rid].d.startswith("M")
    for rid in OVERSEAS:
        assert shapes[rid].inset is not None and shapes[rid].d.startswith("M")
    assert set(shapes) == METROPOLITAN | OVERSEAS
    assert set(carte.BOXES) == {"france-entiere", "etranger"} <= set(LABELS)


def _points(d: str) -> list[tuple[float, float]]:
    """Absolute points of the paths the tool writes (M, relative l, z)."""
    points: list[tuple[float, float]] = []
    for sub in re.findall(r"M([^Mz]*)l([^Mz]*)z", d):
        numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", sub[0] + " " + sub[1])]
        x, y = numbers[0], numbers[1]
        points.append((x, y))
        for dx, dy in zip(numbers[2::2], numbers[3::2]):
            x, y = x + dx, y + dy
            points.append((x, y))
    return points


def test_shapes_fit_the_view_box_and_boxes_cover_no_region() -> None:
    shapes = carte.load_shapes()
    _, _, width, height = shapes.view_box
    frames = list(carte.BOXES.values()) + [s.inset for s in shapes.regions if s.inset is not None]
    for shape in shapes.regions:
        points = _points(shape.d)
        assert len(points) >= 10, shape.id
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        assert 0 <= min(xs) and max(xs) <= width and 0 <= min(ys) and max(ys) <= height, shape.id
        lx, ly = shape.label
        assert min(xs) <= lx <= max(xs) and min(ys) <= ly <= max(ys), shape.id
        if shape.inset is None:
            for fx, fy, fw, fh in frames:
                assert max(xs) < fx or min(xs) > fx + fw or max(ys) < fy or min(ys) > fy + fh, shape.id


def test_data_file_is_small_and_openly_licensed() -> None:
    assert carte.DATA_FILE.stat().st_size < 60_000
    data = json.loads(carte.DATA_FILE.read_text(encoding="utf-8"))
    licence = data["source"]["licence"]
    assert "Public domain" in licence
    assert not re.search(r"\bNC\b|non[- ]?commercial", licence, re.IGNORECASE)
    assert data["source"]["name"] and data["source"]["version"]
    notice = (carte.DATA_FILE.parent / "LICENCE-regions.txt").read_text(encoding="utf-8")
    assert "Natural Earth" in notice and "domaine public" in notice
    assert not re.search(r"\bNC\b|non[- ]?commercial", notice, re.IGNORECASE)
