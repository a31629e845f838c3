/* kennisgraaf network views: draws the data block with vis-network, builds tooltips from
   text nodes (never HTML), searches names, filters kinds and records how long the layout took.
   Everything shown comes from the JSON block #kg-data; nothing is fetched. */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var progress = document.getElementById("kg-progress");
  var percent = document.getElementById("kg-progress-pct");
  var stats = { nodes: data.nodes.length, edges: data.edges.length, view: data.view };

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function tipElement(tip) {
    var box = el("div", "kg-tip");
    if (tip.s) { box.appendChild(el("div", "kg-tip-kind", tip.s)); }
    box.appendChild(el("div", "kg-tip-head", tip.h));
    if (tip.r && tip.r.length) {
      var table = el("table");
      tip.r.forEach(function (row) {
        var tr = el("tr");
        var td = el("td", "", row[1]);
        if (row[2] && row[2].length) { td.appendChild(el("div", "kg-tip-src", "bron: " + row[2].join("; "))); }
        tr.appendChild(el("th", "", row[0]));
        tr.appendChild(td);
        table.appendChild(tr);
      });
      box.appendChild(table);
    }
    if (tip.b && tip.b.length) { box.appendChild(el("div", "kg-tip-src", "Bron: " + tip.b.join("; "))); }
    return box;
  }

  data.nodes.forEach(function (n) { if (n.tip) { n.title = tipElement(n.tip); } });
  data.edges.forEach(function (e) { if (e.tip) { e.title = tipElement(e.tip); } });

  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var started = performance.now();
  var network = new vis.Network(document.getElementById("kg-network"), { nodes: nodes, edges: edges }, data.options);
  window.kgNetwork = network;

  function ready() {
    if (window.kgStats) { return; }
    network.setOptions({ physics: { enabled: false } });
    progress.hidden = true;
    stats.layoutMs = Math.round(performance.now() - started);
    stats.stabilisedMs = Math.round(performance.now());
    if (data.focus && nodes.get(data.focus)) {
      network.selectNodes([data.focus]);
    }
    window.kgStats = stats;
    document.body.setAttribute("data-kg-ready", "1");
  }

  network.on("stabilizationProgress", function (p) {
    percent.textContent = String(Math.round((100 * p.iterations) / p.total));
  });
  network.once("stabilizationIterationsDone", ready);
  network.once("afterDrawing", function () {
    stats.firstDrawMs = Math.round(performance.now());
    var physics = data.options.physics || {};
    if (!data.nodes.length || physics.enabled === false) { ready(); }
  });

  /* search by name: the full name (tooltip heading) or the label on the canvas */
  var names = {};
  data.nodes.forEach(function (n) {
    var name = (n.tip && n.tip.h) || n.label;
    names[name] = true;
  });
  var list = document.getElementById("kg-names");
  Object.keys(names).sort(function (a, b) { return a.localeCompare(b, "nl"); }).forEach(function (name) {
    var option = document.createElement("option");
    option.value = name;
    list.appendChild(option);
  });
  var input = document.getElementById("kg-search");
  var status = document.getElementById("kg-search-status");

  function search(query) {
    var q = query.trim().toLocaleLowerCase("nl");
    if (!q) { status.textContent = ""; network.unselectAll(); return; }
    var exact = [], partial = [];
    nodes.get({ filter: function (n) { return !n.hidden; } }).forEach(function (n) {
      var full = ((n.tip && n.tip.h) || n.label || "").toLocaleLowerCase("nl");
      var label = (n.label || "").toLocaleLowerCase("nl");
      if (full === q || label === q) { exact.push(n.id); } else if (full.indexOf(q) >= 0 || label.indexOf(q) >= 0) { partial.push(n.id); }
    });
    var found = exact.concat(partial);
    if (!found.length) {
      status.textContent = "Niets gevonden voor \u201c" + query.trim() + "\u201d.";
      network.unselectAll();
      return;
    }
    network.selectNodes(found.slice(0, 50));
    network.focus(found[0], { scale: 1.2, animation: { duration: 400, easingFunction: "easeInOutQuad" } });
    status.textContent = found.length === 1 ? "1 treffer." : found.length + " treffers; de eerste staat in het midden.";
  }

  document.getElementById("kg-search-form").addEventListener("submit", function (event) {
    event.preventDefault();
    search(input.value);
  });
  input.addEventListener("change", function () { search(input.value); });
  document.getElementById("kg-fit").addEventListener("click", function () {
    network.fit({ animation: { duration: 400, easingFunction: "easeInOutQuad" } });
  });

  /* filter by kind (the 'alles' view): hide a kind's nodes and every line that touches them */
  var counts = document.getElementById("kg-counts");
  function applyFilter() {
    var hidden = {};
    document.querySelectorAll("input[data-kind]").forEach(function (box) {
      if (!box.checked) { hidden[box.getAttribute("data-kind")] = true; }
    });
    var hiddenNodes = {};
    var nodeUpdates = data.nodes.map(function (n) {
      var hide = !!hidden[n.kind];
      if (hide) { hiddenNodes[n.id] = true; }
      return { id: n.id, hidden: hide };
    });
    var shownEdges = 0;
    var edgeUpdates = data.edges.map(function (e) {
      var hide = !!(hiddenNodes[e.from] || hiddenNodes[e.to]);
      if (!hide) { shownEdges += 1; }
      return { id: e.id, hidden: hide };
    });
    nodes.update(nodeUpdates);
    edges.update(edgeUpdates);
    var shown = data.nodes.length - Object.keys(hiddenNodes).length;
    counts.textContent = "Zichtbaar: " + shown + " van " + data.nodes.length + " knopen, " +
      shownEdges + " van " + data.edges.length + " lijnen.";
  }
  document.querySelectorAll("input[data-kind]").forEach(function (box) {
    box.addEventListener("change", applyFilter);
  });
})();
