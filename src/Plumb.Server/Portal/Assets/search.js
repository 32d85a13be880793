// Offline search for a published Plumb portal: every word must occur (the start of a word is enough).
(function () {
  "use strict";
  var entries = window.PLUMB_SEARCH || [];
  var params = new URLSearchParams(window.location.search);
  var query = (params.get("q") || "").trim();
  var input = document.getElementById("q");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!list || !status) return;
  if (input) input.value = query;
  function words(text) { return (text || "").toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean); }
  var terms = words(query);
  if (terms.length === 0) return;
  var hits = [];
  entries.forEach(function (e) {
    var title = words(e.t), all = title.concat(words(e.x), words(e.c)), score = 0;
    for (var i = 0; i < terms.length; i++) {
      var t = terms[i];
      var inTitle = title.some(function (w) { return w.indexOf(t) === 0; });
      if (!inTitle && !all.some(function (w) { return w.indexOf(t) === 0; })) return;
      score += inTitle ? 5 : 1;
    }
    hits.push({ e: e, s: score });
  });
  hits.sort(function (a, b) { return b.s - a.s || a.e.t.localeCompare(b.e.t); });
  status.textContent = hits.length + " result(s) for \u201c" + query + "\u201d.";
  hits.slice(0, 50).forEach(function (h) {
    var li = document.createElement("li");
    var a = document.createElement("a");
    a.href = "../" + h.e.u;
    a.textContent = h.e.t;
    li.appendChild(a);
    var kind = document.createElement("span");
    kind.className = "badge";
    kind.textContent = h.e.k;
    li.appendChild(document.createTextNode(" "));
    li.appendChild(kind);
    if (h.e.c) {
      var context = document.createElement("span");
      context.className = "meta";
      context.textContent = " " + h.e.c;
      li.appendChild(context);
    }
    list.appendChild(li);
  });
})();
