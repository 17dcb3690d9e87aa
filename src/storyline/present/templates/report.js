// storyline dossier: renders facts, claims and articles from the page's data block, on demand.
// Loaded under a hash-pinned Content-Security-Policy with Trusted Types enforced: no inline
// handlers, no network, and every string from the data goes into the page as a text node.
(function () {
  "use strict";
  var PAGE = 40; // fact cards per page
  var ARTICLE_PAGE = 60;
  var CONTEXT = 140; // characters of context around a claim that has no sentence
  var CERTAINTY = { probable: "stated as probable", possible: "stated as possible", unknown: "certainty unclear" };

  var D = null; // the data block, decoded
  var byArticle = []; // article index -> its claim indices
  var factByAnchor = {};
  var articleByAnchor = {};
  var hay = null; // fact index -> lower-case search text (built at the first search)
  var state = { off: {}, kinds: {}, outlet: "", person: "", dateOf: "reported", from: "", to: "", q: "", limit: PAGE };
  var open = {}; // fact index -> claims shown
  var reader = { a: -1, c: -1, f: -1, all: false };
  var articleLimit = ARTICLE_PAGE;

  // --- DOM helpers: text only ---------------------------------------------------------------
  function h(tag, attrs) {
    var el = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        var v = attrs[k];
        if (v === null || v === undefined || v === false) return;
        if (k === "href" && !/^(#|https?:\/\/)/i.test(String(v))) return; // never javascript: or data:
        el.setAttribute(k, String(v));
      });
    }
    for (var i = 2; i < arguments.length; i++) add(el, arguments[i]);
    return el;
  }
  function add(el, child) {
    if (child === null || child === undefined || child === false) return;
    if (Array.isArray(child)) { child.forEach(function (c) { add(el, c); }); return; }
    el.appendChild(typeof child === "object" ? child : document.createTextNode(String(child)));
  }
  function clear(el) { while (el.firstChild) el.removeChild(el.firstChild); }
  function $(id) { return document.getElementById(id); }
  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }
  function fmt(n) { return n.toLocaleString("en-GB"); }

  function statusName(f) { return f.s >= 0 ? D.statuses[f.s][0] : f.sn; }
  function statusLabel(f) { return f.s >= 0 ? D.statuses[f.s][1] : (f.sn || "Other"); }
  function kindBadge(k, extra) {
    var kind = D.kinds[k] || ["unknown", "Unknown"];
    return h("span", { "class": "kind k-" + kind[0] }, kind[1] + (extra || ""));
  }
  function titleText(f) { return f.t.map(function (p) { return p[0]; }).join(""); }
  function titleNodes(f) {
    return f.t.map(function (p) {
      return p[1] ? h("span", { "class": "ins", title: "Name put in by storyline for a pronoun or a missing subject; the article's words are: " + f.st }, p[0]) : p[0];
    });
  }

  // --- Loading ---------------------------------------------------------------------------------
  function load() {
    var node = $("dossier-data");
    var bin = atob(node.textContent.trim());
    var bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    if (typeof DecompressionStream === "undefined") {
      return Promise.reject(new Error("this browser has no DecompressionStream (Chrome 80+, Firefox 113+ or Safari 16.4+ have it)"));
    }
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream).text().then(JSON.parse);
  }

  function index() {
    D.articles.forEach(function (a, i) { byArticle[i] = []; articleByAnchor[a.an] = i; });
    D.claims.forEach(function (c, i) { byArticle[c.a].push(i); });
    D.facts.forEach(function (f, i) { factByAnchor[f.an] = i; });
  }

  // --- Filters ---------------------------------------------------------------------------------
  function haystack(fi) {
    if (!hay) {
      hay = D.facts.map(function (f) {
        var parts = [titleText(f), f.st, f.b, f.wh || ""];
        f.o.forEach(function (o) { parts.push(D.outlets[o]); });
        f.pp.forEach(function (p) { parts.push(D.people[p][0]); });
        f.c.forEach(function (ci) { var c = D.claims[ci]; parts.push(claimText(c), c.w || "", c.c || "", c.v || ""); });
        return parts.join(" \u0001 ").toLowerCase();
      });
    }
    return hay[fi];
  }
  function overlaps(span, from, to) {
    if (!span || !span.length) return false;
    return (!from || span[1] >= from) && (!to || span[0] <= to);
  }
  function matches(f, fi) {
    if (state.off[statusName(f)]) return false;
    var kinds = Object.keys(state.kinds);
    if (kinds.length && !f.k.some(function (kn) { return state.kinds[D.kinds[kn[0]][0]]; })) return false;
    if (state.outlet !== "" && f.o.indexOf(+state.outlet) < 0) return false;
    if (state.person !== "" && f.pp.indexOf(+state.person) < 0) return false;
    if ((state.from || state.to) && !overlaps(state.dateOf === "happened" ? f.ed : f.pd, state.from, state.to)) return false;
    if (state.q) {
      var text = haystack(fi);
      var words = state.q.split(/\s+/);
      for (var i = 0; i < words.length; i++) if (words[i] && text.indexOf(words[i]) < 0) return false;
    }
    return true;
  }
  function filtered() {
    var out = [];
    D.facts.forEach(function (f, i) { if (matches(f, i)) out.push(i); });
    return out;
  }
  function filtersActive() {
    return Object.keys(state.off).some(function (k) { return state.off[k]; }) || Object.keys(state.kinds).length ||
      state.outlet !== "" || state.person !== "" || state.from || state.to || state.q;
  }
  function syncControls() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-status]"), function (b) {
      b.setAttribute("aria-pressed", state.off[b.getAttribute("data-status")] ? "false" : "true");
    });
    Array.prototype.forEach.call(document.querySelectorAll("[data-kind]"), function (b) {
      b.setAttribute("aria-pressed", state.kinds[b.getAttribute("data-kind")] ? "true" : "false");
    });
    $("f-outlet").value = state.outlet; $("f-person").value = state.person; $("f-dateof").value = state.dateOf;
    $("f-from").value = state.from; $("f-to").value = state.to; $("f-search").value = state.q;
  }
  function resetFilters() {
    state.off = {}; state.kinds = {}; state.outlet = ""; state.person = ""; state.from = ""; state.to = ""; state.q = "";
    state.limit = PAGE;
  }
  function setupFilters() {
    if (!$("filters")) return;
    var outlets = D.outlets.map(function (name, i) { return [name, i]; });
    var nFacts = D.outlets.map(function () { return 0; });
    D.facts.forEach(function (f) { f.o.forEach(function (o) { nFacts[o]++; }); });
    outlets.sort(function (a, b) { return a[0].localeCompare(b[0]); });
    outlets.forEach(function (o) { $("f-outlet").appendChild(h("option", { value: o[1] }, o[0] + " (" + nFacts[o[1]] + ")")); });
    D.people.forEach(function (p, i) { $("f-person").appendChild(h("option", { value: i }, p[0])); });
    var dates = [];
    D.articles.forEach(function (a) { if (a.d) dates.push(a.d); });
    D.facts.forEach(function (f) { if (f.ed.length) dates.push(f.ed[0], f.ed[1]); });
    dates.sort();
    if (dates.length) {
      ["f-from", "f-to"].forEach(function (id) { $(id).min = dates[0]; $(id).max = dates[dates.length - 1]; });
    }
    Array.prototype.forEach.call(document.querySelectorAll("[data-status]"), function (b) {
      b.addEventListener("click", function () {
        var s = b.getAttribute("data-status");
        state.off[s] = !state.off[s];
        update();
      });
    });
    Array.prototype.forEach.call(document.querySelectorAll("[data-kind]"), function (b) {
      b.addEventListener("click", function () {
        var k = b.getAttribute("data-kind");
        if (state.kinds[k]) delete state.kinds[k]; else state.kinds[k] = true;
        update();
      });
    });
    [["f-outlet", "outlet"], ["f-person", "person"], ["f-dateof", "dateOf"], ["f-from", "from"], ["f-to", "to"]].forEach(function (p) {
      $(p[0]).addEventListener("change", function () { state[p[1]] = $(p[0]).value; update(); });
    });
    $("f-search").addEventListener("input", function () { state.q = $("f-search").value.trim().toLowerCase(); update(); });
    $("f-reset").addEventListener("click", function () { resetFilters(); update(); });
    $("filters").addEventListener("submit", function (e) { e.preventDefault(); });
  }
  function update() {
    state.limit = PAGE;
    syncControls();
    renderFacts();
  }

  // --- Facts -----------------------------------------------------------------------------------
  function renderFacts() {
    var list = $("fact-list");
    if (!list) return;
    var shown = filtered();
    clear(list);
    var count = "Showing " + fmt(Math.min(shown.length, state.limit)) + " of " + fmt(shown.length) + " matching facts";
    $("fact-count").textContent = shown.length === D.facts.length ? count.replace(" matching", "") : count + " (" + fmt(D.facts.length) + " in all)";
    if (!shown.length) {
      list.appendChild(h("p", { "class": "empty" }, "No fact matches these filters. ", h("button", { type: "button", "class": "small-btn", "data-reset": "1" }, "Reset filters")));
      return;
    }
    var last = null;
    shown.slice(0, state.limit).forEach(function (fi) {
      var f = D.facts[fi];
      var s = statusName(f);
      if (s !== last) {
        var meaning = f.s >= 0 ? D.statuses[f.s][2] : "";
        var n = shown.filter(function (x) { return statusName(D.facts[x]) === s; }).length;
        list.appendChild(h("h3", { "class": "group-title", id: "status-" + s }, h("span", { "class": "swatch s-" + s }), statusLabel(f), " ", h("span", { "class": "count" }, fmt(n))));
        if (meaning) list.appendChild(h("p", { "class": "group-desc" }, meaning));
        last = s;
      }
      list.appendChild(factCard(fi));
    });
    if (shown.length > state.limit) {
      var rest = shown.length - state.limit;
      list.appendChild(h("button", { type: "button", "class": "more", "data-more": "1" }, "Show " + fmt(Math.min(rest, PAGE)) + " more (" + fmt(rest) + " not shown)"));
    }
  }

  function factCard(fi) {
    var f = D.facts[fi];
    var s = statusName(f);
    var card = h("article", { "class": "fact s-" + s, id: f.an, "data-fact": fi });
    var meta = h("dl", { "class": "fact-meta" },
      h("div", null, h("dt", null, "Independent sources"), h("dd", { "class": "big" }, f.i)),
      h("div", null, h("dt", null, "Evidence grade"), h("dd", null, f.g)),
      f.wh ? h("div", null, h("dt", null, "When"), h("dd", null, f.wh)) : null,
      h("div", null, h("dt", null, "Claims"), h("dd", null, f.c.length + (f.mi ? " (" + f.mi + " not found)" : ""))),
      f.pc ? h("div", null, h("dt", null, "Kind of fact"), h("dd", null, f.pc)) : null);
    var head = h("header", { "class": "fact-head" },
      h("div", { "class": "fact-title" }, h("span", { "class": "status-badge s-" + s }, statusLabel(f)), h("h4", { "class": "statement" }, titleNodes(f))),
      meta,
      h("div", { "class": "fact-tags" },
        f.k.map(function (kn) { return kindBadge(kn[0], " × " + kn[1]); }),
        f.o.map(function (o) { return h("span", { "class": "outlet-chip" }, D.outlets[o]); }),
        f.pp.slice(0, 6).map(function (p) { return h("span", { "class": "person-chip" }, D.people[p][0]); })));
    card.appendChild(head);
    if (f.rv) {
      card.appendChild(h("div", { "class": "fact-review" },
        h("span", { "class": "verdict v-" + f.rv.v }, f.rv.l), " ",
        h("span", { "class": "muted" }, "reviewed by " + f.rv.by + ", " + f.rv.at + " UTC" + (f.rv.h > 1 ? " (" + plural(f.rv.h, "decision") + ")" : "")),
        f.rv.n ? h("div", { "class": "review-note" }, f.rv.n) : null));
    }
    if (f.x) {
      card.appendChild(h("div", { "class": "conflicts" }, f.x.map(function (x) {
        return h("div", { "class": "conflict" },
          h("div", { "class": "conflict-reason" }, h("span", { "class": "ckind" }, x.k + " conflict"), " ", x.r),
          h("div", { "class": "conflict-pair" }, claimRef(x.a, fi), h("div", { "class": "vs" }, "vs"), claimRef(x.b, fi)));
      })));
    }
    var n = f.c.length;
    var toggle = h("button", { type: "button", "class": "toggle", "data-toggle": fi, "aria-expanded": open[fi] ? "true" : "false" },
      open[fi] ? "Hide the claims" : (f.ds.length ? "Show both sides: " + f.sp.length + " supporting, " + f.ds.length + " disputing" : "Show the " + plural(n, "claim")));
    card.appendChild(h("div", { "class": "fact-actions" }, toggle));
    if (open[fi]) card.appendChild(factBody(fi));
    return card;
  }

  function factBody(fi) {
    var f = D.facts[fi];
    var body = h("div", { "class": "fact-body" });
    var two = f.ds.length > 0;
    var sides = h("div", { "class": "sides" + (two ? " two" : "") },
      h("div", { "class": "side side-support" },
        h("h5", null, two ? "Supports the statement " : "Claims ", h("span", { "class": "count" }, f.sp.length)),
        f.sp.length ? f.sp.map(function (ci) { return claimCard(ci, fi); }) : h("p", { "class": "empty" }, "No supporting claim found.")),
      two ? h("div", { "class": "side side-dispute" },
        h("h5", null, "Disputes or contradicts it ", h("span", { "class": "count" }, f.ds.length)),
        f.ds.map(function (ci) { return claimCard(ci, fi); })) : null);
    body.appendChild(sides);
    // Figures a later report replaced, and claims that take neither side (a passive "was denied").
    [["su", "Superseded by a later report"], ["ne", "Takes neither side"]].forEach(function (part) {
      var list = f[part[0]];
      if (list && list.length) {
        body.appendChild(h("div", { "class": "side side-other" },
          h("h5", null, part[1] + " ", h("span", { "class": "count" }, list.length)),
          list.map(function (ci) { return claimCard(ci, fi); })));
      }
    });
    if (f.no && f.no.length) {
      body.appendChild(h("ul", { "class": "fact-notes" }, f.no.map(function (note) { return h("li", null, note); })));
    }
    if (f.ch) {
      body.appendChild(h("div", { "class": "echoes" },
        h("h5", null, "Echo chains ", h("span", { "class": "muted" }, "(re-reports add no independent source)")),
        f.ch.map(function (chain) {
          return h("ol", { "class": "chain" }, chain.map(function (link, i) {
            return h("li", null,
              i ? h("span", { "class": "chain-why" }, "re-reported" + (link[1] ? ": " + link[1] : "")) : null,
              link[0] >= 0 ? claimRef(link[0], fi) : h("span", { "class": "muted" }, "an original outside these articles"));
          }));
        })));
    }
    return body;
  }

  function claimText(c) {
    if (c.x !== undefined) return c.x;
    return D.articles[c.a].x.slice(c.s, c.e);
  }
  function readHref(ci, fi) {
    var c = D.claims[ci];
    return "#read-a" + c.a + "-c" + ci + (fi >= 0 ? "-f" + fi : "");
  }
  function source(c) {
    var a = D.articles[c.a];
    return D.outlets[a.o] + (a.dl ? ", " + a.dl : "");
  }
  function claimRef(ci, fi) {
    if (ci < 0) return h("div", null, h("span", { "class": "muted" }, "claim not found"));
    var c = D.claims[ci];
    return h("a", { "class": "ref", href: readHref(ci, fi), title: "Read it in its article" },
      kindBadge(c.k), " ", h("span", { "class": "ref-text" }, "“" + claimText(c) + "”"), " ", h("span", { "class": "ref-src" }, source(c)));
  }
  // The claim's sentence with the claim marked; context, or the bare claim, when there is none.
  function sentence(c) {
    if (c.x !== undefined) return [h("mark", null, c.x)];
    var text = D.articles[c.a].x;
    var lo, hi, pre = "", post = "";
    if (c.ss >= 0 && c.ss <= c.s && c.e <= c.se && c.se <= text.length) { lo = c.ss; hi = c.se; }
    else {
      lo = Math.max(0, c.s - CONTEXT); hi = Math.min(text.length, c.e + CONTEXT);
      pre = lo > 0 ? "…" : ""; post = hi < text.length ? "…" : "";
    }
    return [pre + text.slice(lo, c.s), h("mark", null, text.slice(c.s, c.e)), text.slice(c.e, hi) + post];
  }
  function claimCard(ci, fi) {
    var c = D.claims[ci];
    var flags = [];
    if (c.ec) flags.push(h("span", { "class": "flag flag-echo", title: c.ec }, "echo"));
    if (c.ng) flags.push(h("span", { "class": "flag flag-neg" }, "negated"));
    var meta = [h("a", { "class": "read", href: readHref(ci, fi) }, source(c), " · read in the article ›")];
    meta.push(" · ", h("span", { "class": "cert cert-" + (c.ce || "certain") }, c.ce ? CERTAINTY[c.ce] || c.ce : "stated as fact"));
    if (c.h) { meta.push(" · hedged by "); c.h.forEach(function (x, i) { if (i) meta.push(", "); meta.push(h("em", { "class": "hedge" }, x)); }); }
    if (c.q) meta.push(" · " + c.q + " quote");
    if (c.wh) meta.push(" · time: " + c.wh);
    return h("div", { "class": "claim", "data-claim": ci },
      h("div", { "class": "claim-top" }, kindBadge(c.k), c.w ? h("span", { "class": "who" }, c.w) : null,
        c.c ? h("span", { "class": "cue" }, c.c) : null, c.v ? h("span", { "class": "via" }, "via " + c.v) : null, flags),
      h("blockquote", { "class": "sentence" }, sentence(c)),
      h("div", { "class": "claim-meta" }, meta),
      c.fr ? h("div", { "class": "claim-frame", title: "Subject → predicate → object, as storyline read the claim" }, c.fr) : null,
      c.ec ? h("div", { "class": "echo-note" }, "Re-reported: " + c.ec) : null);
  }

  function revealFact(fi, openIt) {
    var f = D.facts[fi];
    if (!matches(f, fi)) { resetFilters(); syncControls(); }
    var pos = filtered().indexOf(fi);
    if (pos >= state.limit) state.limit = pos + 1;
    if (openIt) open[fi] = true;
    renderFacts();
    var card = $(f.an);
    if (card) {
      card.scrollIntoView({ block: "start" });
      flash(card);
    }
  }
  function flash(el) {
    el.classList.remove("flash");
    void el.offsetWidth;
    el.classList.add("flash");
  }

  // --- Unaligned claims ------------------------------------------------------------------------
  function setupLoose() {
    var box = $("loose");
    if (!box || !D.loose.length) return;
    var btn = h("button", { type: "button", "class": "small-btn" }, "Show them");
    box.appendChild(h("h3", { "class": "group-title" }, "Claims not aligned into any fact ", h("span", { "class": "count" }, fmt(D.loose.length))));
    box.appendChild(h("p", { "class": "group-desc" }, "Read from one article and matched to nothing else: leads to check, not findings. ", btn));
    var list = h("div", { "class": "loose-claims" });
    box.appendChild(list);
    var limit = 0;
    function more() {
      limit += 100;
      clear(list);
      D.loose.slice(0, limit).forEach(function (ci) { list.appendChild(claimCard(ci, -1)); });
      if (D.loose.length > limit) {
        var b = h("button", { type: "button", "class": "more" }, "Show more (" + fmt(D.loose.length - limit) + " not shown)");
        b.addEventListener("click", more);
        list.appendChild(b);
      }
    }
    btn.addEventListener("click", function () { btn.remove(); more(); });
  }

  // --- Articles --------------------------------------------------------------------------------
  function renderArticles() {
    var list = $("article-list");
    if (!list) return;
    var q = ($("a-search").value || "").trim().toLowerCase();
    var rows = [];
    D.articles.forEach(function (a, i) {
      if (!q || (a.t + " " + D.outlets[a.o] + " " + a.dl + " " + a.d + " " + a.id).toLowerCase().indexOf(q) >= 0) rows.push(i);
    });
    clear(list);
    rows.slice(0, articleLimit).forEach(function (i) {
      var a = D.articles[i];
      list.appendChild(h("a", { "class": "article-row", href: "#read-a" + i, id: a.an },
        h("span", { "class": "a-title" }, a.t || "Untitled article"),
        h("span", { "class": "a-meta" }, D.outlets[a.o] + " · " + (a.dl || "no date") + " · " + plural(a.n, "claim") + " · " + fmt(a.w) + " words")));
    });
    if (!rows.length) list.appendChild(h("p", { "class": "empty" }, "No article matches."));
    if (rows.length > articleLimit) {
      var b = h("button", { type: "button", "class": "more" }, "Show more (" + fmt(rows.length - articleLimit) + " not shown)");
      b.addEventListener("click", function () { articleLimit += ARTICLE_PAGE; renderArticles(); });
      list.appendChild(b);
    }
  }

  // --- The article reader ----------------------------------------------------------------------
  // Text split at every mark and sentence boundary; each piece is a text node, a <mark> or both
  // inside the one <span class="target"> that holds the claim's sentence.
  function renderText(box, text, marks, target) {
    var points = [0, text.length];
    marks.forEach(function (m) { points.push(m.s, m.e); });
    if (target) points.push(target.s, target.e);
    points = points.filter(function (p) { return p >= 0 && p <= text.length; }).sort(function (a, b) { return a - b; });
    var targetEl = null;
    for (var i = 0; i + 1 < points.length; i++) {
      var lo = points[i], hi = points[i + 1];
      if (lo >= hi) continue;
      var piece = text.slice(lo, hi);
      var m = null;
      for (var j = 0; j < marks.length; j++) if (marks[j].s <= lo && hi <= marks[j].e) { m = marks[j]; break; }
      var node = m ? h("mark", { "class": m.cls, "data-claim": m.ci, title: m.title }, piece) : document.createTextNode(piece);
      if (target && target.s <= lo && hi <= target.e) {
        if (!targetEl) { targetEl = h("span", { "class": "target", id: "reader-target" }); box.appendChild(targetEl); }
        targetEl.appendChild(node);
      } else {
        box.appendChild(node);
      }
    }
    return targetEl;
  }
  function openReader(ai, ci, fi) {
    var a = D.articles[ai];
    if (!a) return;
    reader.a = ai; reader.c = ci; reader.f = fi;
    var box = $("reader");
    clear(box);
    var text = a.x;
    var marks = [];
    var fact = fi >= 0 ? D.facts[fi] : null;
    var inFact = {};
    if (fact) fact.c.forEach(function (x) { inFact[x] = true; });
    byArticle[ai].forEach(function (x) {
      var c = D.claims[x];
      if (c.x !== undefined || c.sa) return;
      var mine = inFact[x];
      if (!mine && !reader.all) return;
      var side = fact && fact.ds.indexOf(x) >= 0 ? " dispute" : "";
      marks.push({ s: c.s, e: c.e, ci: x, cls: (mine ? "fact-claim k-" : "other-claim k-") + D.kinds[c.k][0] + side + (x === ci ? " current" : ""),
        title: D.kinds[c.k][1] + (c.w ? ": " + c.w : "") });
    });
    marks.sort(function (p, q) { return (q.cls.indexOf("current") >= 0) - (p.cls.indexOf("current") >= 0) || (q.cls.indexOf("fact-claim") >= 0) - (p.cls.indexOf("fact-claim") >= 0); });
    var target = null;
    var c = ci >= 0 ? D.claims[ci] : null;
    if (c && c.a === ai && c.x === undefined) {
      target = c.ss >= 0 && c.ss <= c.s && c.e <= c.se && c.se <= text.length ? { s: c.ss, e: c.se } : { s: c.s, e: c.e };
      while (target.e > c.e && /\s/.test(text.charAt(target.e - 1))) target.e--; // not the blank line after it
    }
    var close = h("button", { type: "button", "class": "reader-close", "aria-label": "Close the article", title: "Close (Esc)" }, "×");
    close.addEventListener("click", closeReader);
    var links = [];
    if (a.u) links.push(h("a", { href: a.u, rel: "noopener noreferrer", target: "_blank" }, a.u));
    else if (a.ru) links.push(h("span", { "class": "muted" }, a.ru));
    links.push(h("span", { "class": "muted" }, "id " + a.id + (a.or ? " · from " + a.or : "")));
    box.appendChild(h("header", { "class": "reader-head" }, close,
      h("p", { "class": "eyebrow" }, D.outlets[a.o] + " · " + (a.dl || "no date") + " · " + fmt(a.w) + " words · " + plural(a.n, "claim")),
      h("h2", null, a.t || "Untitled article"),
      h("p", { "class": "a-links" }, links)));
    var bar = h("div", { "class": "reader-bar" });
    if (fact) {
      var here = fact.c.filter(function (x) { return D.claims[x].a === ai; }).length;
      bar.appendChild(h("p", null, "Marked: ", plural(here, "claim"), " of the fact ",
        h("a", { href: "#" + fact.an, "class": "reader-fact" }, "“" + titleText(fact) + "”"),
        h("span", { "class": "status-badge s-" + statusName(fact) }, statusLabel(fact)),
        h("span", { "class": "reader-legend" }, h("span", { "class": "lg-target" }, "the sentence you followed"),
          h("span", { "class": "lg-support" }, "supports"), fact.ds.length ? h("span", { "class": "lg-dispute" }, "disputes") : null)));
    } else if (!reader.all) {
      bar.appendChild(h("p", { "class": "muted" }, "No claim is marked: follow a claim link from a fact to mark its sentence here."));
    }
    var all = h("button", { type: "button", "class": "small-btn", "aria-pressed": reader.all ? "true" : "false" },
      reader.all ? "Mark only this fact's claims" : "Mark every claim in this article (" + a.n + ")");
    all.addEventListener("click", function () { reader.all = !reader.all; openReader(reader.a, reader.c, reader.f); });
    bar.appendChild(all);
    box.appendChild(bar);
    var body = h("div", { "class": "a-text" });
    var targetEl = renderText(body, text, marks, target);
    box.appendChild(body);
    box.hidden = false;
    document.body.classList.add("reading");
    if (targetEl) {
      targetEl.scrollIntoView({ block: "center" });
      flash(targetEl);
    } else {
      box.scrollTop = 0;
    }
  }
  function closeReader() {
    var box = $("reader");
    if (box.hidden) return;
    box.hidden = true;
    document.body.classList.remove("reading");
    var back = reader.f >= 0 ? D.facts[reader.f].an : "articles";
    reader.a = reader.c = reader.f = -1;
    history.replaceState(null, "", "#" + back);
  }

  // --- Links: #fact-…, #read-aN-cN-fN, #article-…, #status-… --------------------------------------
  function route() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id || !D) return;
    var m = /^read-a(\d+)(?:-c(\d+))?(?:-f(\d+))?$/.exec(id);
    if (m) { openReader(+m[1], m[2] ? +m[2] : -1, m[3] ? +m[3] : -1); return; }
    if (id in factByAnchor) { revealFact(factByAnchor[id], true); return; }
    if (id in articleByAnchor) { openReader(articleByAnchor[id], -1, -1); return; }
    var s = /^status-(\w+)$/.exec(id);
    if (s && $("filters")) {
      resetFilters();
      var want = s[1] === "disputed" ? ["contradicted", "contested"] : [s[1]];
      D.statuses.forEach(function (row) { if (want.indexOf(row[0]) < 0) state.off[row[0]] = true; });
      syncControls();
      renderFacts();
      $("facts").scrollIntoView({ block: "start" });
      return;
    }
    var el = document.getElementById(id);
    if (el) {
      for (var p = el; p; p = p.parentElement) if (p.tagName === "DETAILS") p.open = true;
      el.scrollIntoView({ block: "start" });
      flash(el);
    }
  }

  function setupClicks() {
    document.addEventListener("click", function (e) {
      var t = e.target;
      if (!(t instanceof Element)) return;
      // In-page links the script serves are routed at once (a hash navigation's own event can
      // come hundreds of milliseconds later on a big page); the address still changes, and Back
      // still works (popstate).
      var a = t.closest('a[href^="#"]');
      if (a && !e.defaultPrevented && e.button === 0 && !e.metaKey && !e.ctrlKey && !e.shiftKey) {
        var href = a.getAttribute("href");
        if (/^#(read-a\d|fact-|article-|status-)/.test(href)) {
          e.preventDefault();
          if (location.hash !== href) history.pushState(null, "", href);
          route();
          return;
        }
      }
      var b = t.closest("[data-toggle]");
      if (b) {
        var fi = +b.getAttribute("data-toggle");
        open[fi] = !open[fi];
        var card = b.closest(".fact");
        card.parentNode.replaceChild(factCard(fi), card);
        return;
      }
      if (t.closest("[data-more]")) { state.limit += PAGE; renderFacts(); return; }
      if (t.closest("[data-reset]")) { resetFilters(); update(); return; }
      var o = t.closest("[data-outlet]");
      if (o && $("filters")) {
        resetFilters();
        state.outlet = String(D.outlets.indexOf(o.getAttribute("data-outlet")));
        update();
        $("facts").scrollIntoView({ block: "start" });
        return;
      }
      var p = t.closest("[data-person]");
      if (p && $("filters")) {
        resetFilters();
        state.person = p.getAttribute("data-person");
        update();
        $("facts").scrollIntoView({ block: "start" });
        return;
      }
      var mk = t.closest("#reader mark[data-claim]");
      if (mk) {
        var ci = +mk.getAttribute("data-claim");
        var home = reader.f >= 0 && D.facts[reader.f].c.indexOf(ci) >= 0 ? reader.f : D.claims[ci].f;
        if (home >= 0) { history.pushState(null, "", "#" + D.facts[home].an); route(); }
      }
    });
    document.addEventListener("keydown", function (e) { if (e.key === "Escape") closeReader(); });
  }

  // Printing shows what is on screen: open the rendered facts' claims first.
  function setupPrint() {
    window.addEventListener("beforeprint", function () {
      Array.prototype.forEach.call(document.querySelectorAll(".fact[data-fact]"), function (card) {
        var fi = +card.getAttribute("data-fact");
        if (!open[fi]) { open[fi] = true; card.parentNode.replaceChild(factCard(fi), card); }
      });
      Array.prototype.forEach.call(document.querySelectorAll("details:not([open])"), function (d) { d.open = true; });
    });
  }

  function fail(err) {
    ["fact-list", "article-list"].forEach(function (id) {
      var el = $(id);
      if (el) { clear(el); el.appendChild(h("p", { "class": "error" }, "The dossier's data could not be opened: " + (err && err.message ? err.message : err))); }
    });
    document.documentElement.setAttribute("data-ready", "error");
  }

  window.addEventListener("hashchange", route);
  window.addEventListener("popstate", route);
  load().then(function (data) {
    D = data;
    index();
    setupFilters();
    setupClicks();
    setupPrint();
    setupLoose();
    if ($("a-search")) $("a-search").addEventListener("input", function () { articleLimit = ARTICLE_PAGE; renderArticles(); });
    renderFacts();
    renderArticles();
    document.documentElement.setAttribute("data-ready", "1");
    if (window.performance && performance.mark) performance.mark("storyline-ready");
    if (location.hash) route();
  }).catch(fail);
})();
