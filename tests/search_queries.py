"""Realistic French search queries and the page each should bring up in the top 3 results.

Each row is (query as a reader types it, expected page path as in the site's URLs,
note). tests/browser/test_search_quality.py types every query into the search box
of the served site and of the offline bundle, and fails under 95 % found.

The expected page is the page that answers the query best; when several do, the most
specific one (the page of a lever, of a source, of an experience). Pairs with and
without accents expect the same page.

The last block holds multi-word queries of the kinds readers type and a title-heavy
ranking gets wrong: one rare word with frequent ones (« monnaie locale ESS »), an
acronym with the guide that explains it, a law with its year, a place with what it
did. Each was written from what the expected page says, before any tuning.
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
    ("schéma de promotion des achats socialement et écologiquement responsables", "guides/commande-publique/",
     "développé de SPASER"),
    ("SIEG", "guides/contractualisation/", "sigle, le guide du glossaire"),
    ("CTE", "experiences/pays-de-grasse-cte-french-impact/", "sigle"),
    ("loi NOTRe", "guides/ess-et-collectivites/", "sigle qui est aussi un mot courant (« notre »)"),
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
    ("comment faire un marché réservé", "guides/commande-publique/",
     "question ; le guide dit comment faire (sa section « Comment faire »), la page du levier ne fait que lister"),
    ("subvention ou marché public", "guides/contractualisation/",
     "question ; ni le titre ni les intertitres du guide ne disent « subvention » ou « marché public »"),
    # One rare word with frequent ones: the rare word decides
    ("cantines scolaires ESS", "guides/transversalite/", "mot rare + mots fréquents"),
    ("monnaie locale ESS", "guides/innovation-sociale-urbaine/", "mot rare + mots fréquents"),
    ("pépinière solidaire collectivité", "guides/innovation-sociale-urbaine/", "mot rare + mots fréquents"),
    ("foncières solidaires locaux", "guides/innovation-sociale-urbaine/", "mot rare + mots fréquents"),
    ("incubateur innovation sociale ville", "guides/innovation-sociale-urbaine/", "mot rare + mots fréquents"),
    ("biodiversité économie sociale et solidaire", "experiences/pays-de-grasse-cte-french-impact/",
     "mot rare + mots fréquents"),
    ("organigramme ESS collectivité", "guides/transversalite/", "mot rare + mots fréquents"),
    ("quartiers prioritaires ESS", "guides/transversalite/", "mot rare + mots fréquents"),
    ("logement mobilité déchets ESS", "guides/transversalite/", "mots rares + sigle fréquent"),
    ("trésorerie des associations subvention", "guides/contractualisation/", "mot rare + mots fréquents"),
    ("plafond capital SCIC collectivité", "guides/cooperation-economique/", "mot rare + mots fréquents"),
    ("goût agents ESS", "experiences/bordeaux-metropole-referents-ess/", "mot rare + mots fréquents"),
    ("délibération politique publique co-construction", "guides/co-construction/", "mot rare + mots fréquents"),
    ("cérémonie ESS élus", "experiences/roissy-pays-de-france-trophees-ess/", "mot rare + mots fréquents"),
    ("visioconférence outre-mer ESS", "experiences/antilles-guyane-visioconference-2017/",
     "mot rare + mots fréquents"),
    ("juste proportion marchés réservés", "guides/commande-publique/", "expression rare + mots fréquents"),
    ("médiathèques électricité", "experiences/lille-enercoop/", "mot rare + mot du titre"),
    # An acronym with the guide that explains it
    ("SCIC coopération économique", "guides/cooperation-economique/", "sigle + guide"),
    ("SPASER commande publique responsable", "guides/commande-publique/", "sigle + guide"),
    ("SIEG modes de contractualisation", "guides/contractualisation/", "sigle + guide"),
    ("CTE transversalité", "experiences/pays-de-grasse-cte-french-impact/",
     "sigle + guide ; le guide Transversalité ne nomme pas le CTE, cette expérience l’explique"),
    ("DLA innovation sociale", "guides/innovation-sociale-urbaine/", "sigle + guide"),
    ("CPO subvention association", "guides/contractualisation/", "sigle + mots du guide"),
    ("EPCI coopération territoriale", "guides/cooperation-territoriale/", "sigle + guide"),
    ("SRDEII coopération territoriale", "guides/cooperation-territoriale/", "sigle + guide"),
    ("TZCLD coopération économique", "guides/cooperation-economique/", "sigle + guide"),
    # A law with its year
    ("loi ESS 2014", "guides/ess-et-collectivites/", "loi + année"),
    ("loi NOTRe 2015", "guides/ess-et-collectivites/", "loi + année"),
    ("réforme des marchés publics 2016", "guides/commande-publique/", "réforme + année"),
    ("circulaire 2015 associations", "guides/contractualisation/", "circulaire + année"),
    ("loi du 31 juillet 2014 SCIC", "guides/cooperation-economique/", "loi + date + sigle"),
    ("loi 2016 musiques actuelles", "experiences/solima-fedelima/", "loi + année + domaine"),
    # A place with what it did
    ("Grenoble marchés réservés", "experiences/grenoble-alpes-metropole-marches-reserves/", "lieu + action"),
    ("Strasbourg schéma d'achats", "experiences/strasbourg-conseil-ess-spaser/", "lieu + action"),
    ("Rennes cofinancement", "experiences/rennes-metropole-cofinancements/", "lieu + action"),
    ("Nantes pôles sectoriels", "experiences/nantes-metropole-poles-sectoriels/", "lieu + action"),
    ("Bordeaux convention quatre collectivités", "experiences/convention-ess-metropole-bordelaise/",
     "lieu + action"),
    ("Grasse transition écologique", "experiences/pays-de-grasse-cte-french-impact/", "lieu + action"),
    ("Sceaux villes européennes", "experiences/sceaux-co-created/", "lieu + action"),
    ("Marseille tribunal marchés réservés", "guides/commande-publique/", "lieu + décision"),
    ("Grand Est petits marchés", "experiences/region-grand-est-achats-responsables/", "région + action"),
    ("Lille acheteurs publics rencontre", "experiences/mel-osez-l-ess/", "ville + action"),
    # Questions written for the combined ranking (session 3), before running them: readers' words
    # that the answering page does not all use.
    ("comment choisir entre subvention et appel à projets", "guides/contractualisation/", "question"),
    ("qu'est-ce qu'une SCIC", "guides/cooperation-economique/", "question + sigle"),
    ("comment donner un emploi aux chômeurs de longue durée", "guides/cooperation-economique/",
     "question ; le guide parle de « personnes durablement privées d'emploi »"),
    ("quelles clauses sociales dans un marché public", "guides/commande-publique/", "question"),
    ("qui sont les référents ESS de Bordeaux", "experiences/bordeaux-metropole-referents-ess/", "question + lieu"),
    ("comment faire travailler ensemble les services", "guides/transversalite/", "question"),
    ("filière musiques actuelles Normandie contrat", "experiences/normandie-musiques-actuelles/", "lieu + domaine"),
    ("que dit la loi NOTRe sur la compétence économique", "guides/ess-et-collectivites/", "question + loi"),
    # Basic questions (issue 21): a newcomer's words, all of them used by most pages; the guide that lays
    # the bases answers them. The first three come from readers' trials, the others were written before
    # tuning. tests/browser/test_search_quality.py requires every one of them in the top 3.
    ("définition de l'ESS", "guides/ess-et-collectivites/", "question de base"),
    ("qu'est-ce que l'économie sociale et solidaire", "guides/ess-et-collectivites/", "question de base"),
    ("ESS petite commune", "guides/ess-et-collectivites/", "question de base"),
    ("qu'est-ce que l'ESS", "guides/ess-et-collectivites/", "question de base"),
    ("c'est quoi l'ESS", "guides/ess-et-collectivites/", "question de base"),
    ("par où commencer", "guides/ess-et-collectivites/", "question de base"),
    ("rôle des collectivités dans l'ESS", "guides/ess-et-collectivites/", "question de base"),
    ("ESS collectivités", "guides/ess-et-collectivites/", "question de base"),
    ("comment une commune peut soutenir l'ESS", "guides/ess-et-collectivites/", "question de base"),
    # Words of the contributors' templates (« Contribuer ») that are also the subject of a guide.
    ("code de la commande publique", "guides/commande-publique/", "le guide avant les modèles des contributeurs"),
]
BASIC = "question de base"
