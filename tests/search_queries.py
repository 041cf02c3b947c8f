"""Realistic French search queries and the page each should bring up in the top 3 results.

Each row is (query as a reader types it, expected page path as in the site's URLs,
note). tests/browser/test_search_quality.py types every query into the search box
of the served site and of the offline bundle, and fails under 90 % found.
"""
from __future__ import annotations

QUERIES: list[tuple[str, str, str]] = [
    # Accents, with and without
    ("marchés réservés", "guides/commande-publique/", "avec accents"),
    ("marches reserves", "guides/commande-publique/", "sans accents"),
    ("marché réservé", "guides/commande-publique/", "singulier"),
    ("marche reserve", "guides/commande-publique/", "singulier, sans accents"),
    ("coopération économique", "guides/cooperation-economique/", "avec accents"),
    ("cooperation economique", "guides/cooperation-economique/", "sans accents"),
    ("coopératives", "guides/cooperation-economique/", "pluriel"),
    ("transversalité", "guides/transversalite/", "avec accent"),
    ("transversalite", "guides/transversalite/", "sans accent"),
    ("économie sociale et solidaire", "guides/ess-et-collectivites/", "expression complète"),
    ("economie sociale et solidaire", "guides/ess-et-collectivites/", "sans accent"),
    ("electricite renouvelable", "experiences/lille-enercoop/", "sans accents"),
    ("territoires zero chomeur", "guides/cooperation-economique/", "sans accents"),
    ("referents ESS", "experiences/bordeaux-metropole-referents-ess/", "sans accent"),
    ("trophees de l'ESS", "experiences/roissy-pays-de-france-trophees-ess/", "sans accent, élision"),
    ("echelons territoriaux", "guides/cooperation-territoriale/", "sans accent"),
    # Elisions
    ("l'achat public", "experiences/mel-osez-l-ess/", "élision, apostrophe droite"),
    ("l’achat public responsable", "experiences/mel-osez-l-ess/", "élision, apostrophe typographique"),
    ("insertion par l'activité économique", "guides/commande-publique/", "élision dans l'expression"),
    ("délégation de service public", "guides/contractualisation/", "mode de contractualisation"),
    ("convention pluriannuelle d'objectifs", "guides/contractualisation/", "élision, développé de CPO"),
    # Plurals and singulars
    ("clauses sociales", "guides/commande-publique/", "pluriel"),
    ("clause sociale", "guides/commande-publique/", "singulier"),
    ("départements et régions", "guides/cooperation-territoriale/", "pluriels"),
    ("musiques actuelles", "experiences/solima-fedelima/", "pluriel"),
    # Acronyms and their expansions
    ("SCIC", "guides/cooperation-economique/", "sigle"),
    ("société coopérative d'intérêt collectif", "guides/cooperation-economique/", "développé de SCIC"),
    ("societe cooperative d'interet collectif", "guides/cooperation-economique/", "développé de SCIC, sans accents"),
    ("SPASER", "guides/commande-publique/", "sigle"),
    ("schéma de promotion des achats socialement et écologiquement responsables", "guides/commande-publique/",
     "développé de SPASER"),
    ("PTCE", "guides/cooperation-economique/", "sigle"),
    ("pole territorial de cooperation economique", "guides/cooperation-economique/", "développé de PTCE, sans accents"),
    ("TZCLD", "guides/cooperation-economique/", "sigle"),
    ("SIEG", "sources/rtes-sieg/", "sigle"),
    ("services d'intérêt économique général", "sources/rtes-sieg/", "développé de SIEG"),
    ("CTE", "experiences/pays-de-grasse-cte-french-impact/", "sigle"),
    ("loi NOTRe", "guides/ess-et-collectivites/", "sigle dans une expression"),
    # Places
    ("Grenoble", "experiences/grenoble-alpes-metropole-marches-reserves/", "ville"),
    ("Lille", "experiences/lille-enercoop/", "ville"),
    ("metropole europeenne de lille", "experiences/mel-osez-l-ess/", "nom développé de la MEL, sans accents"),
    ("Strasbourg", "experiences/strasbourg-conseil-ess-spaser/", "ville"),
    ("Clermont-Ferrand", "experiences/clermont-rencontre-aura-scic-2018/", "ville, trait d'union"),
    ("auvergne rhone alpes", "experiences/clermont-rencontre-aura-scic-2018/", "région, sans accent ni trait d'union"),
    ("Serbie", "experiences/alda-serbie-nos-citoyens/", "pays"),
    # Questions as people type them
    ("subvention ou marché public", "guides/contractualisation/", "question"),
    ("subvention ou marche public", "guides/contractualisation/", "question, sans accent"),
    ("comment co-construire une politique publique", "guides/co-construction/", "question"),
    ("pourquoi une collectivite soutient l'ess", "guides/ess-et-collectivites/", "question, sans accent"),
]
