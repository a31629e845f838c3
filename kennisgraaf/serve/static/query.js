// The query page: pick a named query (or write one), run it, see the result as a table.
// Plain JavaScript, no libraries, nothing from the network but this server. Every value
// from a result is put on the page as text (textContent), never as HTML.
(function () {
  "use strict";

  var $ = function (id) { return document.getElementById(id); };
  var catalogue = JSON.parse($("catalogue").textContent);
  var config = JSON.parse($("config").textContent);
  var byName = {};
  catalogue.forEach(function (q) { byName[q.name] = q; });
  var RESERVED = { q: 1, query: 1, run: 1, format: 1 };
  var JSON_TYPES = "application/sparql-results+json, text/turtle;q=0.9";

  var editor = $("query");
  var form = $("query-form");
  var results = $("results");
  var statusLine = $("status");
  var selected = null; // the named query whose text is in the editor

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function safeHref(iri) {
    try {
      var url = new URL(iri, window.location.href);
      if (url.protocol !== "http:" && url.protocol !== "https:") { return null; }
    } catch (e) { return null; }
    if (iri.indexOf(config.idBase) === 0) { return "/id/" + iri.slice(config.idBase.length); }
    return iri;
  }

  function compact(iri) {
    var best = null;
    Object.keys(config.prefixes).forEach(function (prefix) {
      var ns = config.prefixes[prefix];
      if (iri.indexOf(ns) === 0 && (best === null || ns.length > config.prefixes[best].length)) { best = prefix; }
    });
    return best === null ? iri : best + ":" + iri.slice(config.prefixes[best].length);
  }

  function termCell(term) {
    var td = el("td");
    if (!term) { return td; }
    if (term.type === "uri") {
      var href = safeHref(term.value);
      var link = el(href ? "a" : "span", { title: term.value }, compact(term.value));
      if (href) { link.setAttribute("href", href); }
      td.appendChild(link);
    } else if (term.type === "bnode") {
      td.textContent = "_:" + term.value;
    } else {
      td.appendChild(el("span", { "class": "literal" }, term.value));
      var numeric = /#(integer|decimal|double|float|int|long|short|nonNegativeInteger|positiveInteger)$/;
      var plainType = numeric.test(term.datatype || "") || /#boolean$/.test(term.datatype || "");
      var lang = term["xml:lang"] && term["xml:lang"] !== "nl" ? "@" + term["xml:lang"] : "";
      var tag = lang || (term.datatype && !plainType ? compact(term.datatype) : "");
      if (tag) { td.appendChild(el("span", { "class": "tag" }, " " + tag)); }
      if (numeric.test(term.datatype || "")) { td.className = "num"; }
    }
    return td;
  }

  function setState(state, rows) {
    results.setAttribute("data-state", state);
    if (rows !== undefined) { results.setAttribute("data-rows", String(rows)); }
  }

  function showError(status, text) {
    results.textContent = "";
    results.appendChild(el("p", { "class": "error" }, (status ? "Fout " + status + ": " : "Fout: ") + text));
    statusLine.textContent = "";
    setState("error");
  }

  function renderTable(data, ms) {
    var vars = data.head.vars || [];
    var rows = data.results.bindings || [];
    var table = el("table", { id: "result-table", "class": "results" });
    var head = el("tr");
    vars.forEach(function (v) { head.appendChild(el("th", {}, v)); });
    table.appendChild(el("thead")).appendChild(head);
    var body = el("tbody");
    rows.forEach(function (row) {
      var tr = el("tr");
      vars.forEach(function (v) { tr.appendChild(termCell(row[v])); });
      body.appendChild(tr);
    });
    table.appendChild(body);
    results.textContent = "";
    results.appendChild(table);
    statusLine.textContent = rows.length + (rows.length === 1 ? " rij" : " rijen") + " in " + ms + " ms";
    setState("done", rows.length);
  }

  function paramValues() {
    var values = {};
    Array.prototype.forEach.call(document.querySelectorAll("#params input"), function (input) {
      if (input.value.trim() !== "") { values[input.name] = input.value.trim(); }
    });
    return values;
  }

  function renderParams(query, given) {
    var box = $("params");
    box.textContent = "";
    query.params.forEach(function (p) {
      var id = "param-" + p.name;
      var row = el("div", { "class": "param" });
      row.appendChild(el("label", { "for": id }, p.name + " (" + p.kind + (p.required ? ", verplicht" : "") + ")"));
      var input = el("input", { id: id, name: p.name, type: "text", placeholder: p.default || "" });
      if (given && given[p.name] !== undefined) { input.value = given[p.name]; }
      row.appendChild(input);
      row.appendChild(el("span", { "class": "hint" }, p.help));
      box.appendChild(row);
    });
  }

  function selectQuery(name, given) {
    var query = byName[name];
    if (!query) { showError(null, "onbekende vaste vraag: " + name); return false; }
    selected = query;
    editor.value = query.text;
    var info = $("query-info");
    info.textContent = "";
    info.appendChild(el("h2", {}, query.title));
    if (query.question) { info.appendChild(el("p", { "class": "question" }, query.question)); }
    if (query.returns) { info.appendChild(el("p", { "class": "hint" }, query.returns)); }
    renderParams(query, given);
    Array.prototype.forEach.call(document.querySelectorAll("#catalogue-list a"), function (a) {
      a.classList.toggle("active", a.getAttribute("data-name") === name);
    });
    return true;
  }

  // The request for what the editor holds: a named query (its parameters resolved by the
  // server) while its text is unchanged, otherwise the editor's text to /sparql.
  function currentRequest() {
    if (selected && editor.value === selected.text) {
      var params = new URLSearchParams(paramValues());
      return {
        url: "/api/queries/" + encodeURIComponent(selected.name) + "/run",
        params: params,
        page: new URLSearchParams([["q", selected.name]].concat(Array.from(params.entries()))),
      };
    }
    return {
      url: "/sparql",
      params: new URLSearchParams([["query", editor.value]]),
      page: new URLSearchParams([["query", editor.value]]),
      body: editor.value,
    };
  }

  function downloads(request) {
    var box = $("downloads");
    box.textContent = "";
    ["csv", "json", "tsv"].forEach(function (fmt) {
      var params = new URLSearchParams(request.params);
      params.set("format", fmt);
      var link = el("a", { href: request.url + "?" + params.toString(), download: "resultaat." + fmt }, fmt.toUpperCase());
      box.appendChild(link);
    });
  }

  function run() {
    var request = currentRequest();
    var init = { headers: { Accept: JSON_TYPES } };
    var url = request.url;
    if (request.body !== undefined) {
      init.method = "POST";
      init.headers["Content-Type"] = "application/sparql-query";
      init.body = request.body;
    } else {
      url += "?" + request.params.toString();
    }
    setState("running");
    statusLine.textContent = "Bezig…";
    var started = Date.now();
    var pageUrl = "?" + request.page.toString();
    if (pageUrl.length < 4000) { window.history.replaceState(null, "", pageUrl); }
    downloads(request);
    return fetch(url, init).then(function (response) {
      var type = (response.headers.get("Content-Type") || "").split(";")[0];
      return response.text().then(function (text) {
        var ms = Date.now() - started;
        if (!response.ok) { showError(response.status, text.trim()); return; }
        if (type.indexOf("json") >= 0) {
          var data = JSON.parse(text);
          if (typeof data.boolean === "boolean") {
            results.textContent = "";
            results.appendChild(el("p", { "class": "boolean" }, data.boolean ? "ja (true)" : "nee (false)"));
            statusLine.textContent = "antwoord in " + ms + " ms";
            setState("done", 1);
          } else {
            renderTable(data, ms);
          }
        } else {
          results.textContent = "";
          results.appendChild(el("pre", { "class": "graph" }, text));
          statusLine.textContent = "graaf (" + type + ") in " + ms + " ms";
          setState("done");
        }
      });
    }).catch(function (err) { showError(null, String(err)); });
  }

  form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
  editor.addEventListener("keydown", function (event) {
    if ((event.ctrlKey || event.metaKey) && event.key === "Enter") { event.preventDefault(); run(); }
  });
  Array.prototype.forEach.call(document.querySelectorAll("#catalogue-list a"), function (a) {
    a.addEventListener("click", function (event) {
      event.preventDefault();
      selectQuery(a.getAttribute("data-name"), {});
      window.history.replaceState(null, "", "?" + new URLSearchParams([["q", a.getAttribute("data-name")]]).toString());
    });
  });

  // Start from the address: ?q=<named query>&<param>=<value>&run=1, or ?query=<text>&run=1
  var start = new URLSearchParams(window.location.search);
  var ok = true;
  if (start.get("q")) {
    var given = {};
    start.forEach(function (value, key) { if (!RESERVED[key]) { given[key] = value; } });
    ok = selectQuery(start.get("q"), given);
  } else if (start.get("query") !== null) {
    editor.value = start.get("query");
  }
  if (ok && start.get("run") === "1") { run(); }
}());
