/* Filtres de la carte des expériences : par thème et par échelon, sans serveur. */
(function () {
  "use strict";
  var root = document.querySelector(".carte-experiences");
  if (!root) { return; }
  var form = root.querySelector(".carte-filtres");
  var theme = root.querySelector("#carte-filtre-theme");
  var level = root.querySelector("#carte-filtre-echelon");
  var status = root.querySelector(".carte-compte");

  function matches(el) {
    var t = theme.value, l = level.value;
    var themes = (el.getAttribute("data-themes") || "").split(" ");
    var levels = (el.getAttribute("data-echelons") || "").split(" ");
    return (!t || themes.indexOf(t) >= 0) && (!l || levels.indexOf(l) >= 0);
  }

  function update() {
    var total = 0;
    root.querySelectorAll(".carte-liste-region").forEach(function (section) {
      var shown = 0;
      section.querySelectorAll("li").forEach(function (item) {
        var ok = matches(item);
        item.hidden = !ok;
        if (ok) { shown += 1; }
      });
      section.hidden = shown === 0;
      total += shown;
      var region = section.getAttribute("data-region");
      /* La table des matières suit la liste : une région sans expérience visible en disparaît. */
      document.querySelectorAll('.md-nav--secondary a[href="#region-' + region + '"]').forEach(function (link) {
        var item = link.closest("li");
        if (item) { item.hidden = shown === 0; }
      });
      var shape = root.querySelector('.carte-france [data-region="' + region + '"]');
      if (shape) {
        shape.classList.toggle("carte-region--filtree", shown === 0);
        var count = shape.querySelector(".carte-nombre");
        if (count) { count.textContent = String(shown); }
        var name = (shape.getAttribute("aria-label") || "").split("\u00a0:")[0];
        shape.setAttribute("aria-label", name + "\u00a0: " + shown + " expérience" + (shown > 1 ? "s" : ""));
      }
    });
    status.textContent = total + " expérience" + (total > 1 ? "s" : "");
  }

  form.hidden = false;
  /* Le bouton « Filtrer » applique les choix sans recharger la page (ils s'appliquent aussi dès qu'on les change). */
  form.addEventListener("submit", function (event) { event.preventDefault(); update(); });
  theme.addEventListener("change", update);
  level.addEventListener("change", update);
})();
