"""Realistic French search queries and the page each should bring up in the top 3 results.

Each row is (query as a reader types it, expected page path as in the site's URLs,
note). tests/browser/test_search_quality.py types every query into the search box
of the served site and of the offline bundle, and fails under 90 % found.

The expected page is a page that answers the query; when several do, the most
specific one (the page of a lever, of a source, of an experience), since Material
ranks a page whose title holds the query words far above a guide that only uses
them in its text. Pairs with and without accents expect the same page.

Two rows are known misses, kept to show the limits (see their notes): « loi NOTRe »
(« notre » is a French stop word, dropped from the index) and « subvention ou
marché public » (the guide that answers it has neither word in its title or headings).
"""
from __future__ import annotations

QUERIES: list[tuple[str, str, str]] = [
    # Accents, with and without
    ("marchés réservés", "leviers/marches-reserves/", "avec accents"),
    ("marches reserves", "leviers/marches-reserves/", "sans accents"),
    ("coopération économique", "guides/cooperation-economique/", "avec accents"),
    ("cooperation economique", "guides/cooperation-economique/", "sans accents"),
    ("transversalité", "sources/rtes-fiche-transversalite/", "avec accent"),
    ("transversalite", "sources/rtes-fiche-transversalite/", "sans accent"),
    ("économie sociale et solidaire", "sources/fiche-ess-collectivites/", "avec accent"),
    ("economie sociale et solidaire", "sources/fiche-ess-collectivites/", "sans accent"),
    ("électricité renouvelable", "experiences/lille-enercoop/", "avec accents"),
    ("electricite renouvelable", "experiences/lille-enercoop/", "sans accents"),
    ("referents ESS", "experiences/bordeaux-metropole-referents-ess/", "sans accent"),
    ("cooperer entre collectivites", "guides/cooperation-territoriale/", "sans accents"),
    # Hyphens
    ("co-construction", "sources/rtes-conference-co-construction-2018/", "trait d'union"),
    ("coconstruction", "sources/rtes-conference-co-construction-2018/", "soudé, orthographe de 1990"),
    ("outre mer", "guides/ess-et-collectivites/", "espace au lieu du trait d'union"),
    # Elisions
    ("l'achat public", "experiences/mel-osez-l-ess/", "élision, apostrophe droite"),
    ("l’achat public responsable", "experiences/mel-osez-l-ess/", "élision, apostrophe typographique"),
    ("trophees de l'ESS", "experiences/roissy-pays-de-france-trophees-ess/", "élision, sans accent"),
    ("structures d'insertion", "guides/commande-publique/", "élision"),
    ("services d'intérêt économique général", "sources/rtes-sieg/", "élision, développé de SIEG"),
    # Plurals and singulars
    ("marché réservé", "leviers/marches-reserves/", "singulier"),
    ("marche reserve", "leviers/marches-reserves/", "singulier, sans accents"),
    ("clauses sociales", "leviers/clauses-sociales-environnementales/", "pluriel"),
    ("clause sociale", "leviers/clauses-sociales-environnementales/", "singulier"),
    ("coopératives", "guides/cooperation-economique/", "pluriel"),
    ("communes et intercommunalités", "guides/cooperation-territoriale/", "pluriels"),
    ("appel a projets", "leviers/appels-a-projets/", "singulier, sans accent"),
    ("musique", "experiences/normandie-musiques-actuelles/", "singulier de « musiques actuelles »"),
    # Acronyms and their expansions
    ("SCIC", "guides/cooperation-economique/", "sigle"),
    ("comment soutenir une SCIC", "guides/cooperation-economique/", "sigle dans une question"),
    ("PTCE", "guides/cooperation-economique/", "sigle"),
    ("pole territorial de cooperation economique", "guides/cooperation-economique/", "développé de PTCE, sans accents"),
    ("TZCLD", "guides/cooperation-economique/", "sigle"),
    ("SPASER", "experiences/strasbourg-conseil-ess-spaser/", "sigle"),
    ("schéma de promotion des achats socialement et écologiquement responsables", "leviers/spaser/",
     "développé de SPASER"),
    ("SIEG", "guides/contractualisation/", "sigle, le guide du glossaire"),
    ("CTE", "experiences/pays-de-grasse-cte-french-impact/", "sigle"),
    ("loi NOTRe", "guides/ess-et-collectivites/",
     "RATÉ CONNU : « notre » est un mot vide du français, ôté de l'index ; « loi » trouve « Loire »"),
    # Places
    ("Grenoble", "experiences/grenoble-alpes-metropole-marches-reserves/", "ville"),
    ("Lille", "experiences/lille-enercoop/", "ville"),
    ("metropole europeenne de lille", "experiences/mel-osez-l-ess/", "nom développé de la MEL, sans accents"),
    ("Strasbourg", "experiences/strasbourg-conseil-ess-spaser/", "ville"),
    ("Clermont-Ferrand", "experiences/clermont-rencontre-aura-scic-2018/", "ville, trait d'union"),
    ("auvergne rhone alpes", "experiences/clermont-rencontre-aura-scic-2018/", "région, sans accent ni trait d'union"),
    ("ile de france", "territoires/ile-de-france/", "région, sans accent ni trait d'union"),
    ("Serbie", "experiences/alda-serbie-nos-citoyens/", "pays"),
    # Questions as people type them
    ("comment co-construire une politique publique", "guides/co-construction/", "question"),
    ("pourquoi une collectivite soutient l'ess", "guides/ess-et-collectivites/", "question, sans accent"),
    ("quelle place pour l'ESS dans la commande publique", "guides/commande-publique/", "question"),
    ("comment faire un marché réservé", "leviers/marches-reserves/", "question"),
    ("subvention ou marché public", "guides/contractualisation/",
     "RATÉ CONNU : ni le titre ni les intertitres du guide ne disent « subvention » ou « marché public »"),
]
