import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from engine.search_index import (FOLDED_TEXT, FOLDED_TITLE, add_folded_fields, fold, fold_search_index,
                                    folded_words)

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("word", "folded"), [
    ("réservés", "reserves"),
    ("Réservés", "reserves"),
    ("coopération", "cooperation"),
    ("Île", "ile"),
    ("chômeur", "chomeur"),
    ("Noël", "noel"),
    ("français", "francais"),
    ("Œuvre", "oeuvre"),
    ("cœur", "coeur"),
    ("reserves", "reserves"),
])
def test_fold_strips_accents_and_lowercases(word: str, folded: str) -> None:
    assert fold(word) == folded


def test_only_words_with_an_accent_are_kept_each_once() -> None:
    assert folded_words("Les marchés réservés et les marchés publics") == ["marches", "reserves"]


def test_elided_words_are_split_from_their_article() -> None:
    assert folded_words("l'économie, d’intérêt, qu'élu") == ["economie", "interet", "elu"]


def test_hyphenated_words_are_also_given_joined() -> None:
    assert folded_words("la co-construction en Auvergne-Rhône-Alpes") == [
        "rhone", "coconstruction", "auvergnerhonealpes"]


def test_numbers_joined_by_a_hyphen_are_not_words() -> None:
    assert folded_words("période 2016-2017") == ["periode"]


def test_a_lone_a_grave_gives_nothing() -> None:
    assert folded_words("à Lille") == []


def test_html_tags_and_entities_are_not_words() -> None:
    assert folded_words('<p class="été">Guide ESS &amp; collectivités <code>&lt;thème&gt;</code></p>') == [
        "collectivites", "theme"]


def test_entry_gets_folded_title_and_text_and_keeps_what_readers_see() -> None:
    entry = {"location": "guides/commande-publique/", "title": "Marchés réservés", "text": "<p>Un SPASER.</p>"}
    add_folded_fields(entry)
    assert entry == {"location": "guides/commande-publique/", "title": "Marchés réservés",
                     "text": "<p>Un SPASER.</p>", FOLDED_TITLE: "marches reserves"}


def test_folding_twice_gives_the_same_entry() -> None:
    entry: dict[str, Any] = {"location": "a/", "title": "Élus", "text": "réservés"}
    once = dict(add_folded_fields(entry))
    assert add_folded_fields(entry) == once


def test_index_keeps_its_config_its_order_and_the_plugin_layout() -> None:
    index = {
        "config": {"lang": ["fr"], "separator": "[\\s]+"},
        "docs": [
            {"location": "", "title": "Accueil", "text": "Économie solidaire"},
            {"location": "#a", "title": "Élus", "text": "", "tags": ["Coopération"], "boost": 2},
        ],
    }
    data = json.dumps(index, separators=(",", ":"))
    folded = fold_search_index(data)
    assert folded.isascii() and ", " not in folded  # non-ASCII escaped, compact, as the search plugin writes it
    result = json.loads(folded)
    assert result["config"] == index["config"]
    assert [d["location"] for d in result["docs"]] == ["", "#a"]
    assert result["docs"][0][FOLDED_TEXT] == "economie" and FOLDED_TITLE not in result["docs"][0]
    assert result["docs"][1][FOLDED_TITLE] == "elus" and result["docs"][1]["tags"] == ["Coopération"]


def test_index_without_accents_is_unchanged() -> None:
    data = json.dumps({"config": {}, "docs": [{"location": "", "title": "ESS", "text": "Lille"}]},
                      separators=(",", ":"))
    assert fold_search_index(data) == data


# The separator of the search plugin (mkdocs.yml) is a JavaScript regular expression;
# the parts it uses behave the same with Python's re.

def _search_config() -> dict[str, Any]:
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "search" in plugin:
            return dict(plugin["search"])
    raise AssertionError("mkdocs.yml : greffon search introuvable")


def _tokens(text: str) -> list[str]:
    return [t for t in re.split(_search_config()["separator"], text) if t]


@pytest.mark.parametrize(("query", "tokens"), [
    ("l'achat public", ["achat", "public"]),
    ("l’achat public", ["achat", "public"]),
    ("subvention ou marché public", ["subvention", "marché", "public"]),
    ("Les marchés réservés de la Région", ["marchés", "réservés", "Région"]),
    ("société coopérative d'intérêt collectif", ["société", "coopérative", "intérêt", "collectif"]),
    ("qu'est-ce que l'ESS", ["ESS"]),
    ("Île-de-France", ["Île", "France"]),
    ("aujourd'hui", ["aujourd", "hui"]),
    ("outil dessin surtout lesquels unes", ["outil", "dessin", "surtout", "lesquels", "unes"]),
    ("« Osez l'ESS »", ["Osez", "ESS"]),
])
def test_separator_splits_words_and_drops_short_stop_words(query: str, tokens: list[str]) -> None:
    assert _tokens(query) == tokens


def test_folded_fields_weigh_as_title_and_text() -> None:
    fields = _search_config()["fields"]
    assert fields[FOLDED_TITLE] == {"boost": 1000} and fields[FOLDED_TEXT] == {"boost": 1}
