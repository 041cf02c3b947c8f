/* Filtres de la carte des expériences : par thème et par échelon, sans serveur.
   Chaque ligne de la liste des régions porte, dans data-comptes, le nombre de ses
   expériences pour chaque choix de filtres (« t-e:n » : t et e sont les positions
   du thème et de l'échelon dans leurs menus, 0 pour « tous ») ; la liste porte les
   mêmes comptes pour toutes les régions ensemble. Le script met à jour les nombres
   de la liste et de la carte, grise les régions sans expérience retenue et masque
   leur ligne. */
(function () {
  "use strict";
  var root = document.querySelector(".carte-experiences");
  if (!root) { return; }
  var form = root.querySelector(".carte-filtres");
  var theme = root.querySelector("#carte-filtre-theme");
  var level = root.querySelector("#carte-filtre-echelon");
  var status = root.querySelector(".carte-compte");
  var list = root.querySelector(".carte-liste-regions");

  function counted(el) {
    var key = theme.selectedIndex + "-" + level.selectedIndex + ":";
    var pairs = (el.getAttribute("data-comptes") || "").split(" ");
    for (var i = 0; i < pairs.length; i++) {
      if (pairs[i].indexOf(key) === 0) { return parseInt(pairs[i].slice(key.length), 10) || 0; }
    }
    return 0;
  }

  /* « 10 000 expériences » : chiffres groupés par trois, espace fine insécable. */
  function label(n) {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f") + " expérience" + (n > 1 ? "s" : "");
  }

  function update() {
    list.querySelectorAll("li[data-region]").forEach(function (item) {
      var shown = counted(item);
      item.hidden = shown === 0;
      var number = item.querySelector(".carte-liste-nombre");
      if (number) {
        number.textContent = String(shown);
        number.nextSibling.textContent = " expérience" + (shown > 1 ? "s" : "");
      }
      var region = item.getAttribute("data-region");
      var shape = root.querySelector('.carte-france [data-region="' + region + '"]');
      if (shape) {
        shape.classList.toggle("carte-region--filtree", shown === 0);
        var count = shape.querySelector(".carte-nombre");
        if (count) { count.textContent = String(shown); }
        var name = (shape.getAttribute("aria-label") || "").split("\u00a0:")[0];
        shape.setAttribute("aria-label", name + "\u00a0: " + label(shown));
      }
    });
    status.textContent = label(counted(list));
  }

  form.hidden = false;
  /* Le bouton « Filtrer » applique les choix sans recharger la page (ils s'appliquent aussi dès qu'on les change). */
  form.addEventListener("submit", function (event) { event.preventDefault(); update(); });
  theme.addEventListener("change", update);
  level.addEventListener("change", update);
})();
