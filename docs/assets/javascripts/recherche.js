/* Recherche du guide : le formulaire de l'en-tête (premiers résultats pendant la
   frappe) et la page « Rechercher » (tous les résultats de ?q=…).

   Le moteur est Pagefind : son index, découpé en morceaux, est écrit à chaque
   construction par hooks/engine/search.py. Il n'est chargé qu'à la première
   utilisation (focus ou frappe dans un champ de recherche), puis seuls les
   morceaux utiles à la requête sont lus.

   Hors ligne (file://), un navigateur refuse fetch, les modules importés et les
   workers depuis une adresse file:. La construction hors ligne écrit alors chaque
   fichier de l'index dans un script ordinaire, pagefind/hors-ligne/<fichier>.js,
   qui remet ses octets (ou, pour les deux scripts de Pagefind, sa source) à
   window.GuideRecherche ; ce script remplace fetch pour les adresses de l'index,
   importe pagefind.js depuis une adresse blob: et y démarre aussi le worker de
   Pagefind, qui demande les fichiers de l'index à la page. */
(function () {
  "use strict";

  var formulaire = document.querySelector(".recherche__formulaire[data-index]");
  if (!formulaire || !window.URL || !window.Promise) return;

  var MAX_CARACTERES = 200;  // au-delà, la requête est coupée (comme le champ, maxlength)
  var DELAI_MS = 150;        // attente après la dernière frappe
  var DANS_LE_PANNEAU = 6;   // résultats sous le champ de l'en-tête
  var PAR_PAGE = 10;         // résultats ajoutés à chaque fois sur la page « Rechercher »
  var MOTS_CHERCHES = 8;     // mots d'une requête cherchés, au plus (voir combiner)
  var PRECHARGE_MIN = 3;     // lettres d'un mot avant que la frappe en précharge l'index (voir precharger)
  var MOT_COURANT = 1 / 3;   // un mot présent dans au moins cette part des pages est « courant »
  var BONUS_APERCU = 2.5;    // bonus des pages de vue d'ensemble pour une question de base (voir combiner)
  var TEMOINS = 3;           // pages dont les extraits disent si un mot est sur le site (voir surLeSite)
  var ASSEZ = 10;            // pages ayant tous les mots en deçà desquelles les mots courants sont cherchés seuls
  /* Articles, prépositions, pronoms et conjonctions du français, présents dans presque toutes
     les pages : ôtés des requêtes de plusieurs mots. Les mots interrogatifs restent (« pourquoi »
     est dans le titre d'un guide) ; « notre » et « votre » aussi (loi NOTRe). */
  var MOTS_OUTILS = {};
  ("a à au aux avec c ce ces cet cette d dans de des du elle elles en est et il ils j je l la le les " +
   "leur leurs lui m ma me mes moi mon n ne ni nous on ou par pas pour qu que qui s sa se ses son sont " +
   "sur t ta te tes toi ton tu un une vous y").split(" ").forEach(function (mot) { MOTS_OUTILS[mot] = true; });

  var reglages = {
    index: new URL(formulaire.getAttribute("data-index"), location.href).href,
    racine: formulaire.getAttribute("data-racine") || "./",
    horsLigne: formulaire.hasAttribute("data-hors-ligne"),
    classement: lireJson(formulaire.getAttribute("data-classement")),
    apercu: formulaire.getAttribute("data-apercu") || ""
  };

  function lireJson(texte) {
    try { return JSON.parse(texte || "{}"); } catch (e) { return {}; }
  }

  /* ------------------------------------------------------------------ moteur */

  var moteur = null;

  function charger() {
    if (!moteur) {
      /* importerHorsLigne d'abord : il remplace fetch, que parties() emploie. Chacun donne le module de
         Pagefind et s'il doit chercher sans worker. */
      var module = reglages.horsLigne ? importerHorsLigne() : import(reglages.index + "pagefind.js").then(
        function (pagefind) { return { pagefind: pagefind, sansTravailleur: false }; });
      moteur = Promise.all([module, parties()]).then(function (charges) {
        var pagefind = charges[0].pagefind;
        var communes = { baseUrl: "/", excerptLength: 24 };
        if (Object.keys(reglages.classement).length) communes.ranking = reglages.classement;
        var options = Object.assign({ basePath: reglages.index }, communes);
        if (charges[0].sansTravailleur) options.noWorker = true;
        return pagefind.options(options).then(function () { return pagefind.init(); }).then(function () {
          return Promise.all(charges[1].parties.map(function (dossier) {
            return pagefind.mergeIndex(reglages.index + dossier, Object.assign({}, communes));
          }));
        }).then(function () { return pagefind; });
      });
      moteur.catch(function () { moteur = null; });  // un nouvel essai à la prochaine requête
    }
    return moteur;
  }

  function importerHorsLigne() {
    var dossier = reglages.index + "hors-ligne/";
    var enCours = {};
    var fetchReel = window.fetch;

    function script(chemin) {
      return new Promise(function (resoudre, rejeter) {
        var balise = document.createElement("script");
        balise.src = dossier + chemin + ".js";
        balise.onload = function () { balise.remove(); resoudre(); };
        balise.onerror = function () { balise.remove(); rejeter(new Error("Fichier de recherche absent : " + chemin)); };
        document.head.appendChild(balise);
      });
    }

    /* Le contenu du fichier ``chemin`` de l'index : ses octets en base64, ou la source d'un script. */
    function lire(chemin) {
      if (!enCours[chemin]) {
        var attente = {};
        attente.promesse = new Promise(function (resoudre) { attente.resoudre = resoudre; });
        enCours[chemin] = attente;
        script(chemin).then(function () {
          if (enCours[chemin] === attente) throw new Error("Fichier de recherche vide : " + chemin);
        }).catch(function (erreur) {
          delete enCours[chemin];
          attente.resoudre(Promise.reject(erreur));
        });
      }
      return enCours[chemin].promesse;
    }

    function remettre(chemin, contenu) {
      var attente = enCours[chemin];
      if (!attente) return;
      delete enCours[chemin];
      attente.resoudre(contenu);
    }

    window.GuideRecherche = { file: remettre, source: remettre };

    /* Le chemin dans l'index d'une adresse (sans ?… ni #…), ou null pour une adresse hors de l'index. */
    function cheminDansLIndex(entree) {
      var adresse = new URL(typeof entree === "string" ? entree : (entree.url || String(entree)), location.href);
      adresse.search = "";
      adresse.hash = "";
      return adresse.href.indexOf(reglages.index) === 0 ? adresse.href.slice(reglages.index.length) : null;
    }

    window.fetch = function (entree) {
      var chemin = cheminDansLIndex(entree);
      if (chemin === null) return fetchReel.apply(this, arguments);
      return lire(chemin).then(function (base64) {
        return fetchReel("data:application/octet-stream;base64," + base64);
      });
    };

    /* Pagefind démarre son worker par new Worker(<index>pagefind-worker.js), une adresse file: que le
       navigateur refuse : le constructeur Worker de la page le démarre alors depuis une adresse blob:
       faite de sa source, précédée de TRAVAILLEUR_FETCH, qui y remplace fetch par une demande à la
       page. La page lit le fichier demandé comme ci-dessus et répond par ses octets en base64. Les
       autres workers (il n'y en a pas d'autre sur le site) démarrent comme avant. */
    function demarrerTravailleur(source) {
      var WorkerReel = window.Worker;
      if (typeof WorkerReel !== "function") return false;
      var adresse;
      try {
        adresse = URL.createObjectURL(new Blob(["(" + TRAVAILLEUR_FETCH.toString() + ")();\n", source],
                                               { type: "text/javascript" }));
      } catch (e) { return false; }
      window.Worker = function (demande, options) {
        if (cheminDansLIndex(String(demande)) !== "pagefind-worker.js") return new WorkerReel(demande, options);
        var travailleur = new WorkerReel(adresse, options);
        travailleur.addEventListener("message", function (evenement) {
          var message = evenement.data;
          if (!message || message.guideRecherche !== "lire") return;
          evenement.stopImmediatePropagation();  // Pagefind n'attend pas ce message
          var chemin = cheminDansLIndex(message.adresse);
          var contenu = chemin === null ? Promise.reject(new Error("Adresse hors de l'index : " + message.adresse))
                                        : lire(chemin);
          contenu.then(function (base64) {
            travailleur.postMessage({ guideRecherche: "octets", numero: message.numero, base64: base64 });
          }, function (erreur) {
            travailleur.postMessage({ guideRecherche: "octets", numero: message.numero,
                                      erreur: String((erreur && erreur.message) || erreur) });
          });
        });
        return travailleur;
      };
      return true;
    }

    return Promise.all([
      lire("pagefind.js"),
      lire("pagefind-worker.js").catch(function () { return null; })  // sans worker : la page cherche elle-même
    ]).then(function (sources) {
      var avecTravailleur = sources[1] !== null && demarrerTravailleur(sources[1]);
      var adresse = URL.createObjectURL(new Blob([sources[0]], { type: "text/javascript" }));
      return import(adresse).then(function (module) {
        URL.revokeObjectURL(adresse);
        return { pagefind: module, sansTravailleur: !avecTravailleur };
      });
    });
  }

  /* Exécuté dans le worker de Pagefind hors ligne, avant sa source (voir demarrerTravailleur) : fetch
     y demande chaque fichier à la page et rend ses octets. Placé avant la source de Pagefind, son
     écouteur passe le premier et arrête les réponses de la page, que Pagefind ne connaît pas. */
  function TRAVAILLEUR_FETCH() {
    var fetchReel = self.fetch;
    var attentes = {};
    var numero = 0;
    self.addEventListener("message", function (evenement) {
      var message = evenement.data;
      if (!message || message.guideRecherche !== "octets") return;
      evenement.stopImmediatePropagation();
      var attente = attentes[message.numero];
      delete attentes[message.numero];
      if (!attente) return;
      if (message.erreur) attente.rejeter(new Error(message.erreur));
      else attente.resoudre(fetchReel.call(self, "data:application/octet-stream;base64," + message.base64));
    });
    self.fetch = function (entree) {
      var adresse = typeof entree === "string" ? entree : (entree.url || String(entree));
      return new Promise(function (resoudre, rejeter) {
        numero += 1;
        attentes[numero] = { resoudre: resoudre, rejeter: rejeter };
        self.postMessage({ guideRecherche: "lire", numero: numero, adresse: adresse });
      });
    };
  }

  /* Pendant la frappe, Pagefind charge déjà les morceaux de l'index utiles aux mots tapés
     (pagefind.preload) : la recherche, après le délai, les trouve prêts. Seulement les mots
     porteurs d'au moins PRECHARGE_MIN lettres : le début d'un mot en cours de frappe (« m »,
     « ma ») couvre une grande part de l'index, des centaines de kilo-octets sur un grand site,
     que la requête finale n'utilise pas. */
  function precharger(requete) {
    requete = nettoyer(requete);
    if (!requete || !moteur) return;
    var mots = motsPorteurs(pourIndex(requete)).filter(function (mot) { return mot.length >= PRECHARGE_MIN; });
    if (!mots.length) return;
    moteur.then(function (pagefind) { return pagefind.preload(mots.join(" ")); }).catch(function () {});
  }

  /* Les résultats de ``requete`` : {total, liste, pages (les données des ``combien`` premiers), absents, mots
     (les mots cherchés, que chaque résultat montre surlignés : meilleureSection)}. */
  function chercher(requete, combien) {
    return charger().then(function (pagefind) {
      var texte = pourIndex(requete);
      var mots = motsPorteurs(texte);
      if (!mots.length) {  // mots outils seuls : tels quels
        return pagefind.search(texte).then(function (reponse) { return { liste: trouvees(reponse), absents: [], mots: [] }; });
      }
      var parMot = {};
      function seul(mot) { return parMot[mot] || (parMot[mot] = pagefind.search(mot)); }
      return surLeSite(pagefind, mots, seul).then(function (lu) {
        var sur = lu.sur;
        var absents = mots.filter(function (mot, i) { return !sur[i]; });
        var gardes = mots.filter(function (mot, i) { return sur[i]; });
        var exacts = lu.exacts.filter(function (compte, i) { return sur[i]; });
        var nommes = absents.map(function (mot) { return telQuel(texte, mot); });
        if (!gardes.length) return { liste: [], absents: nommes, mots: [] };
        return combiner(pagefind, absents.length ? sansMots(texte, absents) : texte, gardes, seul, exacts).then(function (liste) {
          return { liste: liste, absents: nommes, mots: gardes };
        });
      });
    }).then(function (trouve) {
      trouve.total = trouve.liste.length;
      return trouve;
    }).then(function (trouve) {
      return donnees(trouve.liste.slice(0, combien)).then(function (pages) {
        trouve.pages = pages;
        return trouve;
      });
    });
  }

  /* Les pages d'une réponse de Pagefind, sans celles de score nul : la page « vocabulaire » de chaque
     partie d'un index en parties (hooks/engine/search.py, VOCABULARY_PAGE), de poids nul, qui a tous
     les mots du site pour qu'une partie sans le mot cherché ne se rabatte pas sur un mot plus court
     (« en » pour « Enercoop »), comme Pagefind le fait quand son index n'a pas le mot. */
  function trouvees(reponse) {
    return ((reponse && reponse.results) || []).filter(function (r) { return r.score > 0; });
  }

  /* Un mot qu'aucune page n'a, Pagefind le remplace par le plus long mot de l'index qui le commence :
     « Dunkerque » trouvait les pages de « d'une », « Nanterre » celles de « Nantes », « Hamon » celles
     de « 9 h », sans rien en dire. Un mot est donc sur le site si son radical est dans l'index (une
     recherche exacte, « "mot" », dont Pagefind compte les pages avant le filtre des pages de vue
     d'ensemble : sans calculer de résultats, et avec le morceau d'index que le mot charge de toute
     façon), ou, mot en cours de frappe (« coop »), si l'un des mots surlignés dans les premières pages
     trouvées le prolonge (temoin). Sinon le mot est ôté de la requête et l'annonce le dit (nombre).
     Dans le doute (une recherche en échec), le mot est gardé. Les recherches exactes des mots partent
     ensemble. Donne, un par mot de ``mots`` : sur (booléens) et exacts (le nombre de pages qui ont le mot
     tel quel ou un mot de même radical, pages « vocabulaire » comprises ; null si la recherche a échoué). */
  function surLeSite(pagefind, mots, seul) {
    var filtre = {};
    filtre[reglages.apercu || "apercu"] = "oui";
    var comptes = Promise.all([parties()].concat(mots.map(function (mot) {
      return pagefind.search('"' + mot + '"', { filters: filtre }).then(function (reponse) {
        return reponse && typeof reponse.unfilteredResultCount === "number" ? reponse.unfilteredResultCount : null;
      }, function () { return null; });
    })));
    return comptes.then(function (lus) {
      var vocabulaire = lus[0].vocabulaire;
      return mots.reduce(function (avant, mot, i) {  // les témoins d'un mot après l'autre (voir temoin)
        return avant.then(function (sur) {
          var compte = lus[i + 1];
          if (compte === null || compte - vocabulaire > 0) return sur.concat([true]);
          return seul(mot).then(function (reponse) {
            return temoin(trouvees(reponse).slice(0, TEMOINS), mot);
          }).catch(function () { return true; }).then(function (oui) { return sur.concat([oui]); });
        });
      }, Promise.resolve([])).then(function (sur) {
        return { sur: sur, exacts: lus.slice(1) };
      });
    });
  }

  /* L'un des mots surlignés des ``resultats`` est-il ``mot`` ou l'un de ses prolongements (commencePar) ?
     La première page peut n'avoir qu'un mot du même radical (« décrit » pour « déci »), la suivante
     « décidé ». Les extraits sont lus l'un après l'autre : Pagefind écrit l'extrait d'une page sur
     un même objet, qu'une autre recherche de la même page réécrirait entre deux lectures. */
  function temoin(resultats, mot) {
    if (!resultats.length) return Promise.resolve(false);
    return resultats[0].data().then(function (donnee) {
      var cherche = simple(mot);
      if (surlignes((donnee && donnee.excerpt) || "").some(function (lu) { return commencePar(lu, cherche); })) return true;
      return temoin(resultats.slice(1), mot);
    });
  }

  /* Les mots surlignés de l'extrait ``html`` de Pagefind, en forme simple : le texte de chaque <mark> et
     ses parties (Pagefind surligne « d'articles » pour « art », « co-construction » pour « construction »,
     « pymdownx.snippets » pour « snip »). */
  function surlignes(html) {
    var lus = [];
    (html.match(/<mark>[\s\S]*?<\/mark>/g) || []).forEach(function (marque) {
      var texte = marque.slice(6, -7).replace(/&[#a-z0-9]+;/gi, "'");
      lus.push.apply(lus, [texte].concat(texte.split(/[^\p{L}\p{N}]+/u)).map(simple).filter(Boolean));
    });
    return lus;
  }

  /* Le mot surligné ``lu`` a-t-il les lettres du mot cherché ``cherche`` (tous deux en forme simple), la
     dernière exceptée ? Pagefind cherche le radical du mot tapé (« con » pour « conn », « dec » pour
     « déci ») ; quand il se rabat sur un mot plus court, ce mot s'écarte de la requête plus tôt
     (« nantes » de « nanterre », « d'une » de « dunkerque »). */
  function commencePar(lu, cherche) {
    var communes = 0;
    while (communes < lu.length && communes < cherche.length && lu[communes] === cherche[communes]) communes++;
    return communes >= cherche.length - 1;
  }

  /* Un mot comparé à un autre : minuscules, sans accents ni signes (« Coopération, » : « cooperation »). */
  function simple(texte) {
    return texte.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^a-z0-9]+/g, "");
  }

  /* La requête sans les parties (séparées par des espaces) qui portent l'un des ``mots``. */
  function sansMots(texte, mots) {
    return texte.split(/\s+/).filter(function (partie) {
      return !motsPorteurs(partie).some(function (mot) { return mots.indexOf(mot) !== -1; });
    }).join(" ");
  }

  /* ``mot`` (en minuscules) écrit comme dans la requête. */
  function telQuel(texte, mot) {
    var parties = texte.split(SEPARATEURS);
    for (var i = 0; i < parties.length; i++) if (parties[i].toLowerCase() === mot) return parties[i];
    return mot;
  }

  var SEPARATEURS = /[\s'’"«».,;:!?()\[\]{}<>\/\\|*+=~^$%&@#-]+/;

  /* Les mots d'une requête qui aident à trouver une page : sans les mots outils, chacun une fois. */
  function motsPorteurs(texte) {
    var vus = {};
    return texte.toLowerCase().split(SEPARATEURS).filter(function (mot) {
      if (!mot || MOTS_OUTILS[mot] || vus[mot]) return false;
      vus[mot] = true;
      return true;
    }).slice(0, MOTS_CHERCHES);
  }

  /* Pagefind ne rend que les pages qui contiennent tous les mots qu'on lui donne : une question
     (« pourquoi une collectivité soutient l'ESS ») manquerait la page qui y répond sans employer
     l'un de ses mots. Les mots sont donc aussi cherchés seuls ; une page est classée par la somme des
     scores de Pagefind pour ses mots, multipliée par la part des mots de la requête qu'elle
     contient (le facteur de coordination des moteurs classiques) : les pages qui ont tous les mots
     passent devant, sauf si une autre répond bien plus fortement à presque tous. Pour une page
     qui a tous les mots, le résultat gardé est celui de la requête entière, sans ses mots
     outils : son extrait les surligne tous, et eux seuls, et son score est la somme de ceux de ses
     mots (Pagefind additionne les scores de chaque mot).

     Un mot courant (sur au moins MOT_COURANT des pages) n'est pas cherché seul quand la requête en a
     d'autres : Pagefind calcule chaque page trouvée en parcourant toutes les pages du mot (un coût qui
     croît comme le carré de leur nombre : des secondes à 10 000 pages, processeur ralenti), et les
     pages qu'il ajouterait, sans aucun des autres mots, viendraient en fin de liste. Combien de pages
     ont chaque mot, Pagefind le dit sans ce coût (vueDEnsemble). Si les pages qui ont tous les mots
     sont moins de ASSEZ, les mots courants sont cherchés seuls aussi : une requête dont les mots se
     rencontrent peu trouve encore des pages. Une requête d'un seul mot passe par le même calcul, pour
     le bonus des pages de vue d'ensemble (plus bas). */
  function combiner(pagefind, texte, mots, seul, exacts) {
    /* La requête entière, sans ses mots outils, chaque mot une fois et MOTS_CHERCHES au plus : 200
       caractères d'un même mot répété faisaient chercher à Pagefind 16 fois le même mot (27 s à
       10 000 pages, processeur ralenti 4 fois). */
    var vus = {};
    var entiere = texte.split(/\s+/).filter(function (mot) {
      var cle = mot.toLowerCase();
      if (MOTS_OUTILS[cle] || vus[cle]) return false;
      vus[cle] = true;
      return true;
    }).slice(0, MOTS_CHERCHES).join(" ");
    var plusieurs = mots.length > 1;
    var requeteEntiere = plusieurs ? pagefind.search(entiere || texte) : Promise.resolve(null);
    if (!plusieurs) seul(mots[0]);  // nécessaire de toute façon : lancée tout de suite
    return Promise.all([parties(), vueDEnsemble(pagefind, mots)]).then(function (lus) {
      var site = lus[0];
      var apercu = lus[1];
      var courant = apercu.comptes.map(function (compte) { return courantSur(site, compte); });
      var tels = telsQuels(pagefind, mots, exacts || [], apercu.comptes, site);
      var seuls = [], autres = [];  // les indices des mots cherchés seuls tout de suite, et au besoin
      mots.forEach(function (mot, i) { (plusieurs && courant[i] ? autres : seuls).push(i); });
      function chaque(indices) { return Promise.all(indices.map(function (i) { return seul(mots[i]); })); }
      return Promise.all([requeteEntiere, chaque(seuls), tels])
        .then(function (reponses) {
          var entiers = trouvees(reponses[0]);
          if (entiers.length >= ASSEZ || !autres.length) return [entiers, seuls, reponses[1], reponses[2]];
          return chaque(autres).then(function (encore) {
            return [entiers, seuls.concat(autres), reponses[1].concat(encore), reponses[2]];
          });
        }).then(function (lu) {
          var pages = {};
          var liste = [];
          var tel = lu[3];
          /* Une page qui n'a du mot i qu'un prolongement (telsQuels) ne compte pas ce mot parmi les siens :
             pour « loi », une page qui n'a que « Loire » vient après les pages qui ont « loi ». */
          function aLeMot(i, id) { return !tel[i] || tel[i][id]; }
          function page(r) {
            var p = pages[r.id];
            if (!p) { p = pages[r.id] = { resultat: r, mots: 0, score: 0, meilleur: -1 }; liste.push(p); }
            return p;
          }
          lu[2].forEach(function (reponse, k) {
            var i = lu[1][k];
            trouvees(reponse).forEach(function (r) {
              var p = page(r);
              if (aLeMot(i, r.id)) p.mots += 1;
              p.score += r.score || 0;
              if ((r.score || 0) > p.meilleur) { p.meilleur = r.score || 0; p.resultat = r; }
            });
          });
          lu[0].forEach(function (r) {  // les pages qui ont tous les mots
            var p = page(r);
            p.mots = mots.filter(function (mot, i) { return aLeMot(i, r.id); }).length;
            p.score = Math.max(p.score, r.score || 0);
            p.resultat = r;
          });
          /* Une question de base (« qu'est-ce que l'ESS », « ESS et collectivités ») n'a que des mots
             que la plupart des pages emploient : aucun ne désigne une page précise, et la page qui y
             répond est celle qui donne la vue d'ensemble (hooks/engine/search.py, OVERVIEW_PAGES). Elle
             reçoit un bonus proportionnel à la part des mots courants de la requête. */
          var courants = courant.filter(Boolean).length;
          var bonus = 1 + BONUS_APERCU * courants / mots.length;
          liste.forEach(function (p) {
            var vue = mots.some(function (mot, i) { return courant[i] && apercu.ids[i][p.resultat.id]; });
            p.classement = p.score * p.mots / mots.length * (vue ? bonus : 1);
          });
          liste.sort(function (a, b) { return b.classement - a.classement || b.mots - a.mots; });
          return liste.map(function (p) { return p.resultat; });
        });
    });
  }

  /* Pagefind trouve aussi, pour un mot, les pages qui n'en ont qu'un mot plus long (« Loire », « loin »
     pour « loi ») et les classe parfois avant celles qui ont le mot : une page courte qui a « Loire »
     dans son titre passait devant les pages sur la loi. Pour chaque mot peu courant que des pages ont
     tel quel et que d'autres n'ont que prolongé, les pages qui l'ont tel quel (ids d'une recherche
     exacte, « "mot" », qui trouve aussi les mots de même radical, « marché » pour « marchés ») ou au
     pluriel (« emplois » pour « emploi » : le radical français de Pagefind les sépare) ; null pour un
     mot sans telles pages (un mot en cours de frappe, « coop »), sans pages seulement prolongées (ce
     que disent les nombres de pages des deux recherches déjà faites, ``exacts`` et ``comptes`` : pas
     de recherche de plus pour ces mots, la plupart) ou que MOT_COURANT des pages ont tel quel : sa
     recherche exacte, sans filtre, calculerait toutes ces pages (des secondes à 10 000 pages). */
  function telsQuels(pagefind, mots, exacts, comptes, site) {
    return Promise.all(mots.map(function (mot, i) {
      var exact = exacts[i], compte = comptes[i];
      if (typeof exact !== "number" || typeof compte !== "number" || exact - site.vocabulaire <= 0 ||
          compte <= exact || courantSur(site, exact)) return null;
      var formes = [mot].concat(/[sxz]$/i.test(mot) ? [] : [mot + "s"], /[aeo]u$/i.test(mot) ? [mot + "x"] : []);
      return Promise.all(formes.map(function (forme) { return pagefind.search('"' + forme + '"'); }))
        .then(function (reponses) {
          var ids = {};
          reponses.forEach(function (reponse) {
            ((reponse && reponse.results) || []).forEach(function (r) { ids[r.id] = true; });
          });
          return ids;
        }, function () { return null; });
    }));
  }

  /* Un mot que ``compte`` pages ont est-il courant : sur au moins MOT_COURANT des pages du site, pages
     « vocabulaire » (parties) ôtées ? */
  function courantSur(site, compte) {
    return site.pages > 0 && compte !== null && compte - site.vocabulaire >= site.pages * MOT_COURANT;
  }

  /* Pour chaque mot, cherché avec le filtre des pages de vue d'ensemble (le petit fichier du filtre, et
     le morceau de l'index du mot, que sa recherche charge de toute façon) : les pages de vue d'ensemble
     qui l'ont (ids) et le nombre de pages qui l'ont (comptes : unfilteredResultCount, que Pagefind compte
     avant le filtre, sans calculer ces pages ; null si la recherche a échoué). Jamais
     pagefind.search(null), avec ou sans filtre : Pagefind charge alors tous les morceaux de l'index
     (48 Mo à 10 000 expériences). */
  function vueDEnsemble(pagefind, mots) {
    var filtre = {};
    filtre[reglages.apercu] = "oui";
    return Promise.all(mots.map(function (mot) {
      if (!reglages.apercu) return null;
      return pagefind.search(mot, { filters: filtre }).catch(function () { return null; });
    })).then(function (reponses) {
      return {
        comptes: reponses.map(function (reponse) {
          return reponse && typeof reponse.unfilteredResultCount === "number" ? reponse.unfilteredResultCount : null;
        }),
        ids: reponses.map(function (reponse) {
          var ids = {};
          trouvees(reponse).forEach(function (r) { ids[r.id] = true; });
          return ids;
        })
      };
    });
  }

  /* L'index d'un grand site est fait de parties (hooks/engine/search.py, PAGES_PER_PART) :
     parties.json, un petit fichier lu une fois, donne les dossiers des parties après la première,
     que Pagefind fusionne (mergeIndex), et le nombre de pages indexées, pour savoir quels mots de la
     requête la plupart des pages emploient. Sans lui, pas de recherche : une partie manquerait. */
  var promesseParties = null;

  function parties() {
    if (!promesseParties) {
      promesseParties = fetch(reglages.index + "parties.json").then(function (reponse) {
        if (!reponse.ok) throw new Error("parties.json : " + reponse.status);
        return reponse.json();
      }).then(function (lu) {
        var dossiers = (lu && Array.isArray(lu.parties)) ? lu.parties : [];
        dossiers = dossiers.filter(function (d) { return typeof d === "string" && /^[a-z0-9-]+\/$/.test(d); });
        return {
          pages: Number(lu && lu.pages) || 0,
          parties: dossiers,
          vocabulaire: dossiers.length ? dossiers.length + 1 : 0  // une page « vocabulaire » par partie
        };
      });
      promesseParties.catch(function () { promesseParties = null; });
    }
    return promesseParties;
  }

  function donnees(resultats) {
    return Promise.all(resultats.map(function (resultat) { return resultat.data(); }));
  }

  /* ------------------------------------------------------------------ affichage */

  function element(nom, classe, texte) {
    var el = document.createElement(nom);
    if (classe) el.className = classe;
    if (texte) el.textContent = texte;
    return el;
  }

  /* Lien relatif à la page courante vers l'adresse ``/chemin/`` que donne Pagefind (depuis la
     racine du site) : marche sous un sous-dossier (GitHub Pages) comme depuis file://. */
  function lien(adresse) {
    return reglages.racine + String(adresse || "").replace(/^\/+/, "");
  }

  /* La section de la page qui répond le mieux : celle dont les mots trouvés pèsent le plus, parmi
     celles dont l'extrait surligne l'un des ``mots`` de la requête tel quel (telQuelSurligne) s'il y en
     a : pour « loi », la section qui dit « loi » plutôt que l'intertitre « Pour aller plus loin ». */
  function meilleureSection(page, mots) {
    var sections = page.sub_results && page.sub_results.length ? page.sub_results : [page];
    var meilleure = sections[0];
    var cle = [-1, -1];
    sections.forEach(function (section) {
      var total = 0;
      (section.weighted_locations || []).forEach(function (mot) { total += mot.balanced_score || mot.weight || 0; });
      var tel = telQuelSurligne(section.excerpt || "", mots) ? 1 : 0;
      if (tel > cle[0] || (tel === cle[0] && total > cle[1])) { cle = [tel, total]; meilleure = section; }
    });
    return meilleure;
  }

  /* L'extrait ``html`` surligne-t-il l'un des ``mots`` tel quel, accordé (« lois », « réservées » pour
     « réservé ») ou plus court (« marché » pour « marchés ») ? Pas un mot plus long (« loin », « Loire »
     pour « loi »), que Pagefind surligne aussi. Le dernier mot d'une élision compte (« l'achat »). */
  var ACCORDS = ["", "s", "x", "e", "es"];

  function telQuelSurligne(html, mots) {
    var cherches = mots.map(simple).filter(Boolean);
    return surlignes(html).some(function (lu) {
      return cherches.some(function (mot) {
        return mot.indexOf(lu) === 0 || (lu.indexOf(mot) === 0 && ACCORDS.indexOf(lu.slice(mot.length)) !== -1);
      });
    });
  }

  /* Pagefind lit les pages avec des apostrophes droites (hooks/engine/search.py : il coupe
     « l'achat » en deux mots, pas « l’achat ») : les résultats retrouvent celles du site. */
  function typo(texte) {
    return String(texte || "").replace(/'/g, "\u2019");
  }

  /* Pagefind écrit une espace ordinaire à la place des espaces insécables des pages
     (hooks/guide_ess/text/typography.py) : l'extrait les retrouve, sans changer sa longueur,
     pour que « 30 % », « 25 000 € » ou « » ne soient pas coupés en fin de ligne. */
  var INSECABLES = [
    [/(\d) (?=%(?![\w]))/g, "$1\u202f"],
    [/(\d) (?=(?:[kM]|Md)?€)/g, "$1\u00a0"],
    [/(^|[^\w.,])(\d{1,3}(?: \d{3})+)(?![\d\w])/g, function (tout, avant, nombre) {
      return avant + nombre.replace(/ /g, "\u202f");
    }],
    [/(\S) (?=[;!?](?:\s|$))/g, "$1\u202f"],
    [/(\S) (?=[:»](?:\s|$|[,.]))/g, "$1\u00a0"],
    [/« /g, "«\u00a0"],
    [/(\bn°) (?=\d)/g, "$1\u00a0"]
  ];

  function espaces(texte) {
    INSECABLES.forEach(function (regle) { texte = texte.replace(regle[0], regle[1]); });
    return texte;
  }

  /* L'extrait de Pagefind : du texte (où < et > sont écrits &lt; et &gt;) et des <mark>.
     Seuls les <mark> deviennent des balises ; tout le reste est écrit comme du texte. Les
     espaces sont rétablies sur le texte entier (un nombre peut être à cheval sur un <mark>),
     puis le texte est recoupé aux mêmes endroits. Pagefind marque tout ce qui touche le mot
     (« réservés. », « (ESS), ») : seul le mot est surligné, la ponctuation autour reste du texte. */
  var BORDS_DU_MOT = /^([^\p{L}\p{N}]*)([\s\S]*?)([^\p{L}\p{N}]*)$/u;

  function surligner(cible, texte) {
    var bords = BORDS_DU_MOT.exec(texte);
    if (!bords || !bords[2]) { cible.appendChild(element("mark", "", texte)); return; }
    if (bords[1]) cible.appendChild(document.createTextNode(bords[1]));
    cible.appendChild(element("mark", "", bords[2]));
    if (bords[3]) cible.appendChild(document.createTextNode(bords[3]));
  }

  function extrait(cible, html) {
    var marque = false;
    var morceaux = [];
    String(html || "").split(/(<\/?mark>)/).forEach(function (morceau) {
      if (morceau === "<mark>") { marque = true; return; }
      if (morceau === "</mark>") { marque = false; return; }
      if (!morceau) return;
      morceaux.push({ marque: marque, texte: typo(morceau.replace(/&lt;/g, "<").replace(/&gt;/g, ">")) });
    });
    var entier = espaces(morceaux.map(function (m) { return m.texte; }).join(""));
    var debut = 0;
    morceaux.forEach(function (m) {
      var texte = entier.slice(debut, debut + m.texte.length);
      debut += m.texte.length;
      if (m.marque) surligner(cible, texte); else cible.appendChild(document.createTextNode(texte));
    });
  }

  function resultat(page, mots) {
    var section = meilleureSection(page, mots);
    var titre = typo((page.meta && page.meta.title) || page.url);
    var item = element("li", "recherche-resultat");
    var a = element("a", "recherche-resultat__lien");
    a.href = lien(section.url || page.url);
    a.appendChild(element("span", "recherche-resultat__titre", titre));
    if (section.anchor && section.title && typo(section.title) !== titre) {
      a.appendChild(element("span", "recherche-resultat__section", typo(section.title)));
    }
    item.appendChild(a);
    var texte = element("p", "recherche-resultat__extrait");
    extrait(texte, section.excerpt || page.excerpt);
    item.appendChild(texte);
    return item;
  }

  /* L'annonce : combien de pages, et les mots qu'aucune page n'a (surLeSite), que la recherche a ôtés. */
  function nombre(total, requete, absents) {
    var citee = "« " + requete + " »";
    if (total === 0) return "Aucun résultat pour " + citee + ".";
    var sans = (absents || []).length ? ", sans " + absents.map(function (mot) { return "« " + mot + " »"; }).join(" ni ") +
      ", qu'aucune page ne contient" : "";
    return total + (total === 1 ? " résultat pour " : " résultats pour ") + citee + sans + ".";
  }

  var ECHEC = "La recherche n'a pas pu se charger. Rechargez la page pour réessayer.";

  /* La requête telle qu'on la cherche : espaces réduits, longueur bornée, apostrophes
     typographiques (claviers de téléphone) écrites droites, comme dans l'index. */
  function nettoyer(requete) {
    return String(requete || "").replace(/\s+/g, " ").trim().slice(0, MAX_CARACTERES).trim();
  }

  function pourIndex(requete) {
    return requete.replace(/[\u2019\u02bc]/g, "'");
  }

  /* Une zone de recherche : un champ, une liste, une annonce (role=status) ; ``rendu`` est
     appelé à chaque réponse. Les réponses d'anciennes requêtes sont ignorées. */
  function zone(champ, combien, rendu) {
    var numero = 0;
    var minuterie = null;

    function lancer(requete, nombreVoulu) {
      requete = nettoyer(requete);
      var ceNumero = ++numero;
      if (!requete) { rendu(null, ""); return; }
      chercher(requete, nombreVoulu || combien).then(function (trouve) {
        if (ceNumero === numero) rendu(trouve, requete);
      }, function () {
        if (ceNumero === numero) rendu({ erreur: true }, requete);
      });
    }

    champ.addEventListener("focus", function () { charger().catch(function () {}); });
    champ.addEventListener("input", function () {
      clearTimeout(minuterie);
      minuterie = setTimeout(function () { lancer(champ.value); }, DELAI_MS);
      precharger(champ.value);
    });
    return { lancer: lancer };
  }

  /* ------------------------------------------------------------------ en-tête */

  var conteneur = formulaire.closest(".recherche");
  var champ = formulaire.querySelector(".recherche__champ");
  var ouvrir = conteneur.querySelector(".recherche__ouvrir");
  var fermer = conteneur.querySelector(".recherche__fermer");
  var annonce = conteneur.querySelector(".recherche__annonce");
  var panneau = conteneur.querySelector(".recherche__panneau");
  var resume = panneau.querySelector(".recherche__resume");
  var liste = panneau.querySelector(".recherche__resultats");
  var tout = panneau.querySelector(".recherche__tout a");
  var pageRecherche = tout.getAttribute("href");
  conteneur.classList.add("recherche--active");

  /* Le panneau ouvert, sa requête est gardée dans l'entrée de l'historique de la page
     (history.replaceState, comme l'adresse : rien n'est écrit dans le stockage du navigateur) ;
     revenu sur la page par « Précédent », le lecteur retrouve sa requête et ses résultats. Le
     panneau refermé, elle est oubliée. */
  var ETAT = "guideRecherche";

  function memoriser(requete) {
    try {
      var etat = history.state && typeof history.state === "object" ? Object.assign({}, history.state) : {};
      if (requete) etat[ETAT] = requete; else delete etat[ETAT];
      if ((history.state && history.state[ETAT]) === etat[ETAT]) return;
      history.replaceState(etat, "");
    } catch (e) { /* file:// : certains navigateurs refusent ; la recherche marche quand même */ }
  }

  function montrerPanneau(visible) {
    panneau.hidden = !visible;
    memoriser(visible ? conteneur.getAttribute("data-requete") : "");
  }

  var entete = zone(champ, DANS_LE_PANNEAU, function (trouve, requete) {
    liste.textContent = "";
    conteneur.removeAttribute("data-requete");
    if (!trouve) { annonce.textContent = ""; montrerPanneau(false); return; }
    var message = trouve.erreur ? ECHEC : nombre(trouve.total, requete, trouve.absents);
    annonce.textContent = message;
    resume.textContent = message;
    (trouve.pages || []).forEach(function (page) { liste.appendChild(resultat(page, trouve.mots)); });
    tout.href = pageRecherche + "?q=" + encodeURIComponent(requete);
    tout.parentNode.hidden = !trouve.total || trouve.total <= DANS_LE_PANNEAU;
    conteneur.setAttribute("data-requete", requete);
    montrerPanneau(conteneur.contains(document.activeElement));
  });

  function ouvrirSurTelephone(ouvert) {
    conteneur.classList.toggle("recherche--ouverte", ouvert);
    ouvrir.setAttribute("aria-expanded", ouvert ? "true" : "false");
    if (ouvert) champ.focus();
  }

  ouvrir.addEventListener("click", function () {
    ouvrirSurTelephone(!conteneur.classList.contains("recherche--ouverte"));
  });
  fermer.addEventListener("click", function () {
    montrerPanneau(false);
    ouvrirSurTelephone(false);
    ouvrir.focus();
  });
  /* Un clic dans le champ, ou la flèche vers le bas, rouvre les derniers résultats (pas le
     simple focus : Échap, qui ferme le panneau, rend le focus au champ). */
  function rouvrir() {
    if (champ.value.trim() && (liste.children.length || resume.textContent)) montrerPanneau(true);
  }
  champ.addEventListener("click", rouvrir);

  function liens() {
    return Array.prototype.slice.call(panneau.querySelectorAll("a[href]")).filter(function (a) {
      return a.getClientRects().length > 0;
    });
  }

  conteneur.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape") {
      if (!panneau.hidden) {
        montrerPanneau(false);
        champ.focus();
      } else if (conteneur.classList.contains("recherche--ouverte")) {
        ouvrirSurTelephone(false);
        ouvrir.focus();
      } else {
        return;
      }
      ev.preventDefault();
      return;
    }
    if (ev.key !== "ArrowDown" && ev.key !== "ArrowUp") return;
    if (panneau.hidden && ev.key === "ArrowDown" && ev.target === champ) rouvrir();
    var tous = liens();
    if (!tous.length || panneau.hidden) return;
    var ici = tous.indexOf(document.activeElement);
    var suivant = ev.key === "ArrowDown" ? ici + 1 : ici - 1;
    if (ici === -1 && ev.key === "ArrowUp") return;
    ev.preventDefault();
    if (suivant < 0) champ.focus();
    else tous[Math.min(suivant, tous.length - 1)].focus();
  });

  /* Le panneau se ferme quand le focus ou un clic sort de la recherche. */
  conteneur.addEventListener("focusout", function (ev) {
    if (ev.relatedTarget && !conteneur.contains(ev.relatedTarget)) {
      montrerPanneau(false);
      if (conteneur.classList.contains("recherche--ouverte")) ouvrirSurTelephone(false);
    }
  });
  document.addEventListener("pointerdown", function (ev) {
    if (!conteneur.contains(ev.target) && !panneau.hidden) montrerPanneau(false);
  });

  /* Retour sur la page (« Précédent ») : la requête gardée est cherchée de nouveau et le panneau
     rouvert, le focus dans le champ (sur téléphone, le formulaire est rouvert). Une page gardée
     telle quelle par le navigateur (pageshow « persisted ») rouvre seulement son panneau. */
  function restaurer(persistee) {
    var gardee = nettoyer(history.state && history.state[ETAT]);
    if (!gardee) return;
    champ.value = gardee;
    if (getComputedStyle(ouvrir).display !== "none") ouvrirSurTelephone(true); else champ.focus();
    if (persistee && conteneur.getAttribute("data-requete") === gardee && liste.children.length) montrerPanneau(true);
    else entete.lancer(gardee);
  }
  restaurer(false);
  window.addEventListener("pageshow", function (ev) { if (ev.persisted) restaurer(true); });

  /* ------------------------------------------------------------------ page « Rechercher » */

  var formulairePage = document.querySelector("form.recherche-page");
  if (!formulairePage) return;
  var champPage = formulairePage.querySelector("input[type=search]");
  var article = formulairePage.parentNode;
  var etat = article.querySelector(".recherche-page__etat");
  var listePage = article.querySelector(".recherche-page__resultats");
  var plus = article.querySelector(".recherche-page__plus");
  var montres = PAR_PAGE;
  var derniere = null;

  var page = zone(champPage, PAR_PAGE, function (trouve, requete) {
    listePage.textContent = "";
    article.removeAttribute("data-requete");
    plus.hidden = true;
    if (!trouve) { etat.textContent = ""; return; }
    etat.textContent = trouve.erreur ? ECHEC : nombre(trouve.total, requete, trouve.absents);
    (trouve.pages || []).forEach(function (p) { listePage.appendChild(resultat(p, trouve.mots)); });
    plus.hidden = !(trouve.total > (trouve.pages || []).length);
    derniere = trouve;
    article.setAttribute("data-requete", requete);
  });

  formulairePage.addEventListener("submit", function (ev) {
    ev.preventDefault();
    montres = PAR_PAGE;
    adresse(champPage.value);
    page.lancer(champPage.value, montres);
  });
  champPage.addEventListener("input", function () {
    montres = PAR_PAGE;
    adresse(champPage.value);
  });
  plus.querySelector("button").addEventListener("click", function () {
    if (!derniere || !derniere.liste) return;
    var debut = listePage.children.length;
    var suite = derniere.liste.slice(debut, debut + PAR_PAGE);
    donnees(suite).then(function (pages) {
      pages.forEach(function (p) { listePage.appendChild(resultat(p, derniere.mots)); });
      plus.hidden = listePage.children.length >= derniere.total;
      var premier = listePage.children[debut] && listePage.children[debut].querySelector("a");
      if (premier) premier.focus();
    });
  });

  /* L'adresse de la page garde la requête (?q=…), pour la partager ou y revenir. */
  function adresse(requete) {
    try {
      var url = new URL(location.href);
      requete = nettoyer(requete);
      if (requete) url.searchParams.set("q", requete); else url.searchParams.delete("q");
      history.replaceState(null, "", url.href);
    } catch (e) { /* file:// : certains navigateurs refusent ; la recherche marche quand même */ }
  }

  var demandee = nettoyer(new URLSearchParams(location.search).get("q"));
  if (demandee) {
    champPage.value = demandee;
    page.lancer(demandee, PAR_PAGE);
  }
})();
