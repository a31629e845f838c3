/* Zoeken in de kennisgraaf-site: MiniSearch over zoekindex.js (gemaakt door `kennisgraaf site`).
   De documenten bevatten hun termen al gevouwen (zie kennisgraaf/site/search.py); de zoekvraag
   wordt hier op dezelfde manier gevouwen als slugs.normalise in Python doet. */
(function () {
  "use strict";

  // slugs.normalise: NFKD, zonder accenten, kleine letters, & is "en", alleen [0-9a-z]
  function fold(text) {
    return String(text)
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .replace(/ß/g, "ss")
      .replace(/&/g, " en ")
      .replace(/[^0-9a-z]+/g, " ")
      .trim()
      .split(/ +/)
      .filter(Boolean);
  }
  window.kennisgraafFold = fold;

  function buildIndex(data) {
    var index = new MiniSearch({
      fields: data.velden,
      storeFields: ["href", "titel", "soort", "fragment"],
      tokenize: function (text) { return text.split(" "); },
      processTerm: function (term) { return term; },
      searchOptions: {
        boost: data.boost,
        prefix: true,
        weights: { prefix: data.prefixgewicht, fuzzy: 0.45 },
        tokenize: fold,
        processTerm: function (term) { return term; }
      }
    });
    index.addAll(data.documenten.map(function (row) {
      return { id: row[0], href: row[1], titel: row[2], soort: row[3], fragment: row[4],
               naam: row[5], anders: row[6], tekst: row[7] };
    }));
    return index;
  }

  function show(list, status, hits, query) {
    while (list.firstChild) list.removeChild(list.firstChild);
    status.textContent = query ? hits.length + " resultaten voor \u201c" + query + "\u201d" : "Typ een zoekterm.";
    hits.slice(0, 100).forEach(function (hit) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = hit.href;
      a.textContent = hit.titel;
      li.appendChild(a);
      var kind = document.createElement("span");
      kind.className = "tag";
      kind.textContent = " " + hit.soort;
      li.appendChild(kind);
      if (hit.fragment) {
        var p = document.createElement("div");
        p.className = "fragment";
        p.textContent = hit.fragment;
        li.appendChild(p);
      }
      list.appendChild(li);
    });
  }

  function start() {
    var data = window.KENNISGRAAF_ZOEKINDEX;
    var input = document.getElementById("zoekterm");
    var list = document.getElementById("zoekresultaten");
    var status = document.getElementById("zoekstatus");
    if (!data || !input || !list) return;
    var index = buildIndex(data);
    window.kennisgraafZoek = function (query) { return index.search(query); };
    function run() {
      var query = input.value.trim();
      show(list, status, query ? index.search(query) : [], query);
    }
    var params = new URLSearchParams(window.location.search);
    if (params.get("q")) input.value = params.get("q");
    input.addEventListener("input", run);
    document.getElementById("zoekformulier").addEventListener("submit", function (event) {
      event.preventDefault();
      run();
    });
    run();
    document.body.setAttribute("data-zoek", "klaar");
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
