/* Sigles du guide : leur forme développée au toucher, au clic, au survol et au clavier.

   La construction (hooks/guide_ess/text/abbreviations.py) écrit chaque sigle du glossaire
   <abbr title="forme développée">SIGLE</abbr>. Un attribut title ne s'affiche ni au
   toucher ni au clavier, et les lecteurs d'écran ne le lisent pas toujours : ce script fait
   de chaque sigle de l'article un bouton de divulgation.

     <span class="sigle">
       <button type="button" class="sigle__bouton" aria-expanded="false" aria-describedby="sigle-3">
         <abbr>ESS</abbr></button>
       <span class="sigle__bulle" id="sigle-3" hidden>économie sociale et solidaire</span>
     </span>

   - Un toucher ou un clic ouvre la bulle ; un second la referme, comme un toucher ailleurs,
     Échap, ou l'ouverture d'une autre bulle.
   - Le focus clavier l'ouvre (la première occurrence de chaque sigle de la page est dans
     l'ordre de tabulation ; les suivantes se touchent ou se cliquent, sans allonger la
     tabulation d'une centaine d'arrêts) ; le focus qui s'en va la referme.
   - Le survol à la souris l'ouvre aussi ; la bulle reste ouverte tant que le pointeur est
     sur le sigle ou sur elle (WCAG 1.4.13).
   - Les lecteurs d'écran lisent la forme développée comme description du bouton, et la
     bulle ouverte suit le bouton dans le texte.

   Un sigle dans un lien garde son title (un bouton ne va pas dans un lien). Sans script, les
   sigles restent des <abbr title>. Aucun stockage, aucun fichier chargé d'ailleurs. */
(function () {
  "use strict";

  var article = document.querySelector("article.md-content__inner");
  if (!article || !document.addEventListener) return;

  var ouverte = null;  // le sigle dont la bulle est ouverte : {bouton, bulle}
  var fermeture = null;  // minuterie de fermeture après le survol
  var vus = {};
  var numero = 0;

  function fermer() {
    clearTimeout(fermeture);
    if (!ouverte) return;
    ouverte.bouton.setAttribute("aria-expanded", "false");
    ouverte.bulle.hidden = true;
    ouverte = null;
  }

  /* La bulle, sous le sigle, ne sort pas de l'écran : décalée vers la gauche ou la droite au besoin. */
  function placer(bulle) {
    bulle.style.left = "";
    var marge = 8;
    var largeur = document.documentElement.clientWidth;
    var cadre = bulle.getBoundingClientRect();
    var decalage = 0;
    if (cadre.right > largeur - marge) decalage = largeur - marge - cadre.right;
    if (cadre.left + decalage < marge) decalage = marge - cadre.left;
    if (decalage) bulle.style.left = decalage + "px";
  }

  function ouvrir(sigle) {
    clearTimeout(fermeture);
    if (ouverte === sigle) return;
    fermer();
    ouverte = sigle;
    sigle.bouton.setAttribute("aria-expanded", "true");
    sigle.bulle.hidden = false;
    placer(sigle.bulle);
  }

  /* Un bouton se comporte comme un bloc en ligne : la ligne pourrait se couper entre « (PTCE » et
     « ) ». La ponctuation collée au sigle, avant et après, entre dans son conteneur (white-space:
     nowrap), comme elle reste collée à un mot. */
  var AVANT = /[(\[«\u00a0\u202f'’]+$/;
  var APRES = /^[)\].,;:!?»…\u00a0\u202f]+/;

  function accrocher(conteneur) {
    var avant = conteneur.previousSibling;
    var apres = conteneur.nextSibling;
    if (avant && avant.nodeType === 3) {
      var debut = AVANT.exec(avant.data);
      if (debut) {
        avant.data = avant.data.slice(0, debut.index);
        conteneur.insertBefore(document.createTextNode(debut[0]), conteneur.firstChild);
      }
    }
    if (apres && apres.nodeType === 3) {
      var fin = APRES.exec(apres.data);
      if (fin) {
        apres.data = apres.data.slice(fin[0].length);
        conteneur.appendChild(document.createTextNode(fin[0]));
      }
    }
  }

  function preparer(abbr) {
    var developpe = abbr.getAttribute("title");
    if (!developpe || abbr.closest("a, button, summary, label, .sigle")) return;
    var conteneur = document.createElement("span");
    conteneur.className = "sigle";
    var bouton = document.createElement("button");
    bouton.type = "button";
    bouton.className = "sigle__bouton";
    bouton.setAttribute("aria-expanded", "false");
    var bulle = document.createElement("span");
    bulle.className = "sigle__bulle";
    bulle.id = "sigle-" + (++numero);
    bulle.hidden = true;
    bulle.textContent = developpe;
    bouton.setAttribute("aria-describedby", bulle.id);
    var nom = abbr.textContent;
    if (vus[nom]) bouton.tabIndex = -1;
    vus[nom] = true;
    abbr.parentNode.insertBefore(conteneur, abbr);
    abbr.removeAttribute("title");  // la bulle remplace l'infobulle du navigateur
    bouton.appendChild(abbr);
    conteneur.appendChild(bouton);
    conteneur.appendChild(bulle);
    accrocher(conteneur);
    var sigle = { bouton: bouton, bulle: bulle };

    /* Le focus clavier ouvre ; le clic ou le toucher qui suit un focus donné par ce même
       clic ne doit pas refermer aussitôt : on retient si le pointeur est en cours. */
    var pointeur = false;
    bouton.addEventListener("pointerdown", function () { pointeur = true; });
    bouton.addEventListener("focus", function () {
      if (!pointeur) ouvrir(sigle);
    });
    bouton.addEventListener("blur", function () {
      pointeur = false;
      if (ouverte === sigle) fermer();
    });
    bouton.addEventListener("click", function () {
      pointeur = false;
      if (ouverte === sigle && !sigle.survol) fermer(); else ouvrir(sigle);
      sigle.survol = false;
    });
    conteneur.addEventListener("pointerenter", function (ev) {
      if (ev.pointerType !== "mouse") return;
      if (ouverte !== sigle) sigle.survol = true;
      ouvrir(sigle);
    });
    conteneur.addEventListener("pointerleave", function (ev) {
      if (ev.pointerType !== "mouse" || ouverte !== sigle || document.activeElement === bouton) return;
      sigle.survol = false;
      fermeture = setTimeout(fermer, 300);
    });
  }

  Array.prototype.slice.call(article.querySelectorAll("abbr[title]")).forEach(preparer);

  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape" && ouverte) {
      ouverte.bouton.setAttribute("aria-expanded", "false");
      ouverte.bulle.hidden = true;
      ouverte = null;
    }
  });
  document.addEventListener("pointerdown", function (ev) {
    if (ouverte && !ouverte.bouton.parentNode.contains(ev.target)) fermer();
  });
  window.addEventListener("resize", function () {
    if (ouverte) placer(ouverte.bulle);
  });
})();
