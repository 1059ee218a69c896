// talkwatch dashboard: small progressive enhancements; every page works without this file.
"use strict";

(function () {
  // Attendance grid: a selected cell shows its evidence in the side panel.
  function showCell(button) {
    var panel = document.getElementById("evidence-panel");
    var source = document.getElementById(button.getAttribute("data-cell"));
    if (!panel || !source) return;
    document.querySelectorAll(".cell-button[aria-expanded='true']").forEach(function (b) {
      b.setAttribute("aria-expanded", "false");
    });
    button.setAttribute("aria-expanded", "true");
    while (panel.firstChild) panel.removeChild(panel.firstChild);
    Array.prototype.forEach.call(source.childNodes, function (node) {
      panel.appendChild(node.cloneNode(true));  // copies parsed nodes: nothing is re-parsed as HTML
    });
    panel.setAttribute("data-cell", button.getAttribute("data-cell"));
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".cell-button");
    if (button) {
      showCell(button);
      if (button.id && history.replaceState) history.replaceState(null, "", "#" + button.id);
    }
  });

  // Permalink to a cell of the grid (or a fact): #cell-ACTOR-MEETING opens its evidence.
  function openHash() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (!target) return;
    if (target.classList.contains("cell-button")) showCell(target);
    target.scrollIntoView({ block: "center" });
    target.focus({ preventScroll: true });
  }
  window.addEventListener("hashchange", openHash);
  openHash();

  // "permalink" links carry the page's full address, filters included.
  document.querySelectorAll("a.permalink").forEach(function (a) { a.href = location.href; });

  // Timeline: + - arrows 0 on the focused figure, Ctrl + wheel, follow the zoom links.
  var zoomKeys = { "+": "in", "=": "in", "-": "out", "ArrowLeft": "earlier",
                   "ArrowRight": "later", "0": "reset" };
  function zoomTo(name) {
    var link = document.querySelector("a[data-zoom='" + name + "']");
    if (link) location.href = link.href;
  }
  document.querySelectorAll(".figure").forEach(function (fig) {
    fig.addEventListener("keydown", function (event) {
      var name = zoomKeys[event.key];
      if (!name) return;
      event.preventDefault();
      zoomTo(name);
    });
    fig.addEventListener("wheel", function (event) {
      if (!event.ctrlKey) return;
      event.preventDefault();
      zoomTo(event.deltaY < 0 ? "in" : "out");
    }, { passive: false });
  });

  // Article page: facts <-> highlighted spans.
  var text = document.getElementById("article-text");
  if (!text) return;
  var spans = Array.prototype.slice.call(text.querySelectorAll(".seg"));
  var byMark = {};
  spans.forEach(function (span) {
    span.getAttribute("data-m").trim().split(/\s+/).forEach(function (i) {
      (byMark[i] = byMark[i] || []).push(span);
    });
  });
  function clear() {
    text.querySelectorAll(".seg.hl").forEach(function (s) { s.classList.remove("hl"); });
    document.querySelectorAll(".fact.hl").forEach(function (f) { f.classList.remove("hl"); });
  }
  function light(i) {
    (byMark[i] || []).forEach(function (s) { s.classList.add("hl"); });
  }
  document.querySelectorAll(".fact").forEach(function (fact) {
    var i = fact.getAttribute("data-i");
    fact.addEventListener("mouseenter", function () { clear(); light(i); });
    fact.addEventListener("focus", function () { clear(); light(i); });
    fact.addEventListener("click", function () {
      clear(); light(i);
      var first = (byMark[i] || [])[0];
      if (first) first.scrollIntoView({ block: "center", behavior: "smooth" });
    });
  });
  text.addEventListener("click", function (event) {
    var span = event.target.closest(".seg");
    if (!span) return;
    clear();
    var ids = span.getAttribute("data-m").trim().split(/\s+/);
    ids.forEach(function (i) {
      light(i);
      var fact = document.getElementById("f" + i);
      if (fact) fact.classList.add("hl");
    });
    var first = document.getElementById("f" + ids[0]);
    if (first) first.scrollIntoView({ block: "nearest" });
  });
  document.querySelectorAll("input[data-kind]").forEach(function (box) {
    box.addEventListener("change", function () {
      text.classList.toggle("hide-" + box.getAttribute("data-kind"), !box.checked);
    });
  });
})();
