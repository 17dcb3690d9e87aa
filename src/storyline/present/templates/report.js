// storyline dossier: status filters, fact search, and opening collapsed sections on demand.
// Loaded under a hash-pinned Content-Security-Policy; no inline handlers, no network.
(function () {
  "use strict";
  var facts = Array.prototype.slice.call(document.querySelectorAll(".fact"));
  var hidden = {};
  var query = "";

  function apply() {
    // A search looks into the collapsed long tails of the fact groups too.
    if (query) {
      Array.prototype.forEach.call(document.querySelectorAll("details.more-facts"), function (d) { d.open = true; });
    }
    facts.forEach(function (f) {
      var ok = !hidden[f.getAttribute("data-status")] &&
        (!query || f.textContent.toLowerCase().indexOf(query) >= 0);
      f.classList.toggle("filtered-out", !ok);
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-filter]"), function (b) {
    b.addEventListener("click", function () {
      var s = b.getAttribute("data-filter");
      hidden[s] = !hidden[s];
      b.setAttribute("aria-pressed", hidden[s] ? "false" : "true");
      apply();
    });
  });
  var search = document.getElementById("fact-search");
  if (search) {
    search.addEventListener("input", function () {
      query = search.value.trim().toLowerCase();
      apply();
    });
  }

  // A link into a closed <details> (a claim card, an article) should open it.
  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && document.getElementById(id);
    if (!el) return;
    for (var p = el; p; p = p.parentElement) {
      if (p.tagName === "DETAILS") p.open = true;
      if (p.classList && p.classList.contains("filtered-out")) p.classList.remove("filtered-out");
    }
    el.scrollIntoView();
    el.classList.add("flash");
    setTimeout(function () { el.classList.remove("flash"); }, 1600);
  }
  window.addEventListener("hashchange", openTarget);
  if (location.hash) openTarget();

  var toggle = document.getElementById("toggle-articles");
  if (toggle) {
    toggle.addEventListener("click", function () {
      var all = document.querySelectorAll("#articles details");
      var open = toggle.getAttribute("data-open") !== "1";
      Array.prototype.forEach.call(all, function (d) { d.open = open; });
      toggle.setAttribute("data-open", open ? "1" : "0");
      toggle.textContent = open ? "Collapse all" : "Expand all";
    });
  }

  // Printing a closed <details> prints only its summary: open everything for print.
  var reopened = [];
  window.addEventListener("beforeprint", function () {
    Array.prototype.forEach.call(document.querySelectorAll("details:not([open])"), function (d) {
      d.open = true;
      reopened.push(d);
    });
  });
  window.addEventListener("afterprint", function () {
    reopened.forEach(function (d) { d.open = false; });
    reopened = [];
  });
})();
