// Accord dashboard: timeline, network, event table and article view over the HTTP API.
//
// Everything is computed by the server (counts, pages, timelines); this file only draws.
// Text that comes from articles is only ever placed with textContent / createTextNode, never
// parsed as HTML, so markup inside a news report shows as the characters it is.
// The page state lives in location.hash (#a=IND&b=RUS&...), so a view can be bookmarked.
"use strict";

(() => {
  const SVG_NS = "http://www.w3.org/2000/svg";

  const QUADS = [
    { key: "q1", label: "Verbal cooperation", color: "#6baed6" },
    { key: "q2", label: "Material cooperation", color: "#2171b5" },
    { key: "q3", label: "Verbal conflict", color: "#fd8d3c" },
    { key: "q4", label: "Material conflict", color: "#cb181d" },
  ];
  const EVENT_TYPES = [
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
  ];
  // Evidence kinds in the article view; earlier kinds are drawn outside later ones when spans nest.
  const EVIDENCE = [
    { kind: "actor", label: "Actor" },
    { kind: "recipient", label: "Recipient" },
    { kind: "date", label: "Date phrase" },
    { kind: "money", label: "Money" },
    { kind: "quantity", label: "Quantity" },
    { kind: "trigger", label: "Trigger" },
  ];
  const KIND_RANK = Object.fromEntries(EVIDENCE.map((e, i) => [e.kind, i]));

  // Filter fields kept in the hash, with the API parameter each one becomes.
  const FILTER_FIELDS = ["a", "b", "type", "quad_class", "status", "start", "end", "q"];
  const DEFAULTS = { offset: "0", limit: "50", order: "-date", interval: "month", chart: "bars", min_events: "1" };

  const $ = (id) => document.getElementById(id);
  const inflight = new Map();

  // ---------------------------------------------------------------------------------------------
  // small DOM helpers

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === "class") node.className = value;
      else if (name === "text") node.textContent = value;
      else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, String(value));
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function svg(tag, attrs, ...children) {
    const node = document.createElementNS(SVG_NS, tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined) continue;
      if (name === "text") node.textContent = value;
      else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, String(value));
    }
    for (const child of children) if (child) node.append(child);
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function message(node, text, cls = "empty") {
    clear(node);
    node.append(el("p", { class: cls, text }));
  }

  const fmt = new Intl.NumberFormat("en");

  // ---------------------------------------------------------------------------------------------
  // state in the hash

  function readState() {
    const params = new URLSearchParams(location.hash.slice(1));
    const state = { ...DEFAULTS };
    for (const [key, value] of params) state[key] = value;
    return state;
  }

  function writeState(changes, { replace = false } = {}) {
    const state = { ...readState(), ...changes };
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(state)) {
      if (value === "" || value === null || value === undefined) continue;
      if (DEFAULTS[key] === value) continue;
      params.set(key, value);
    }
    const hash = "#" + params.toString();
    if (!replace && location.hash !== hash && !(hash === "#" && !location.hash)) {
      location.hash = hash; // the hashchange listener renders
      return;
    }
    history.replaceState(null, "", hash === "#" ? location.pathname + location.search : hash);
    render();
  }

  function eventQuery(state) {
    const params = new URLSearchParams();
    if (state.a && state.b) params.set("dyad", `${state.a},${state.b}`);
    else if (state.a || state.b) params.set("actor", state.a || state.b);
    if (state.type) params.set("type", state.type);
    if (state.quad_class) params.set("quad_class", state.quad_class);
    if (state.status) params.set("status", state.status);
    if (state.start) params.set("start", state.start);
    if (state.end) params.set("end", state.end);
    if (state.q) params.set("q", state.q);
    return params;
  }

  // ---------------------------------------------------------------------------------------------
  // fetching: one request per panel at a time, older ones aborted

  async function getJSON(panel, url) {
    if (inflight.has(panel)) inflight.get(panel).abort();
    const controller = new AbortController();
    inflight.set(panel, controller);
    try {
      const response = await fetch(url, { signal: controller.signal, headers: { Accept: "application/json" } });
      let body = null;
      try {
        body = await response.json();
      } catch (_) {
        body = null;
      }
      if (!response.ok) {
        const reason = body && body.error ? body.error : `HTTP ${response.status}`;
        throw new Error(reason);
      }
      return body;
    } finally {
      if (inflight.get(panel) === controller) inflight.delete(panel);
    }
  }

  const aborted = (err) => err && err.name === "AbortError";

  // ---------------------------------------------------------------------------------------------
  // filters form

  function fillStaticControls() {
    const typeSelect = $("f-type");
    for (const type of EVENT_TYPES) typeSelect.append(el("option", { value: type, text: type }));
    const legend = $("quad-legend");
    for (const q of QUADS) {
      legend.append(el("span", { class: "key" }, el("i", { class: `swatch ${q.key}` }), q.label));
    }
    const evidence = $("evidence-legend");
    for (const e of EVIDENCE) {
      evidence.append(el("span", { class: "key" }, el("mark", { class: `hl hl-${e.kind}`, text: e.label })));
    }
    const gold = $("goldstein-legend");
    gold.append(
      el("span", { class: "key" }, "Edge colour: mean Goldstein"),
      el("span", { class: "gradient-label" }, "−10 conflict"),
      el("i", { class: "gradient" }),
      el("span", { class: "gradient-label" }, "+10 cooperation"),
      el("span", { class: "key muted" }, "· width: events · click a node or an edge to filter"),
    );
  }

  function syncForm(state) {
    $("f-a").value = state.a || "";
    $("f-b").value = state.b || "";
    $("f-type").value = state.type || "";
    $("f-quad").value = state.quad_class || "";
    $("f-status").value = state.status || "";
    $("f-start").value = state.start || "";
    $("f-end").value = state.end || "";
    $("f-q").value = state.q || "";
    $("f-interval").value = state.interval;
    $("f-order").value = state.order;
    $("f-limit").value = state.limit;
    $("f-min-events").value = state.min_events;
    $("chart-bars").classList.toggle("on", state.chart !== "lines");
    $("chart-lines").classList.toggle("on", state.chart === "lines");
    $("chart-bars").setAttribute("aria-pressed", String(state.chart !== "lines"));
    $("chart-lines").setAttribute("aria-pressed", String(state.chart === "lines"));
  }

  function formChanges() {
    const code = (id) => $(id).value.trim().toUpperCase();
    const changes = {
      a: code("f-a"),
      b: code("f-b"),
      type: $("f-type").value,
      quad_class: $("f-quad").value,
      status: $("f-status").value,
      start: $("f-start").value.trim(),
      end: $("f-end").value.trim(),
      q: $("f-q").value.trim(),
      offset: "0",
    };
    const bad = [];
    for (const key of ["a", "b"]) if (changes[key] && !/^[A-Z]{3}$/.test(changes[key])) bad.push(`actor ${key.toUpperCase()} must be a 3-letter code`);
    for (const key of ["start", "end"]) if (changes[key] && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(changes[key])) bad.push(`${key === "start" ? "From" : "To"} must be YYYY, YYYY-MM or YYYY-MM-DD`);
    if (!changes.a && changes.b) {
      changes.a = changes.b;
      changes.b = "";
    }
    return { changes, bad };
  }

  function bindControls() {
    $("filters").addEventListener("submit", (event) => {
      event.preventDefault();
      const { changes, bad } = formChanges();
      const error = $("filter-error");
      if (bad.length) {
        error.textContent = bad.join("; ");
        error.hidden = false;
        return;
      }
      error.hidden = true;
      writeState(changes);
    });
    $("reset").addEventListener("click", () => {
      $("filter-error").hidden = true;
      const blank = Object.fromEntries(FILTER_FIELDS.map((f) => [f, ""]));
      writeState({ ...blank, offset: "0", article: "", event: "" });
    });
    $("swap").addEventListener("click", () => {
      const a = $("f-a").value;
      $("f-a").value = $("f-b").value;
      $("f-b").value = a;
    });
    $("f-interval").addEventListener("change", (e) => writeState({ interval: e.target.value }));
    $("f-order").addEventListener("change", (e) => writeState({ order: e.target.value, offset: "0" }));
    $("f-limit").addEventListener("change", (e) => writeState({ limit: e.target.value, offset: "0" }));
    $("f-min-events").addEventListener("change", (e) => {
      const n = Math.max(1, parseInt(e.target.value, 10) || 1);
      writeState({ min_events: String(n) });
    });
    $("chart-bars").addEventListener("click", () => writeState({ chart: "bars" }));
    $("chart-lines").addEventListener("click", () => writeState({ chart: "lines" }));
    $("prev-page").addEventListener("click", () => {
      const s = readState();
      writeState({ offset: String(Math.max(0, Number(s.offset) - Number(s.limit))) });
    });
    $("next-page").addEventListener("click", () => {
      const s = readState();
      writeState({ offset: String(Number(s.offset) + Number(s.limit)) });
    });
    $("article-close").addEventListener("click", () => writeState({ article: "", event: "" }));
    document.addEventListener("keydown", (e) => {
      if (e.key === "Escape" && !$("article-view").hidden) writeState({ article: "", event: "" });
    });
    window.addEventListener("hashchange", render);
    let resizeTimer = null;
    window.addEventListener("resize", () => {
      clearTimeout(resizeTimer);
      resizeTimer = setTimeout(() => {
        lastTimeline = lastNetwork = lastEvents = null;
        render();
      }, 200);
    });
  }

  // ---------------------------------------------------------------------------------------------
  // header: database status and actor list

  async function loadHeader() {
    try {
      const health = await getJSON("health", "/health");
      $("db-status").textContent = `${fmt.format(health.events)} events · ${health.read_only ? "read-only" : "read-write"}`;
    } catch (err) {
      $("db-status").textContent = `database unavailable: ${err.message}`;
      $("db-status").classList.add("error");
    }
    try {
      const data = await getJSON("actors", "/actors?limit=300");
      const list = $("actor-codes");
      for (const actor of data.actors) {
        list.append(el("option", { value: actor.code, label: `${actor.code} · ${fmt.format(actor.events)} events` }));
      }
      suggestions = data.actors;
    } catch (err) {
      if (!aborted(err)) console.warn("actors:", err.message);
    }
  }
  let suggestions = [];

  // ---------------------------------------------------------------------------------------------
  // timeline

  let lastTimeline = null;

  async function renderTimeline(state) {
    const box = $("timeline");
    const a = state.a || state.b;
    const b = state.a && state.b ? state.b : "";
    const key = JSON.stringify([a, b, state.interval, state.start, state.end, state.chart]);
    if (key === lastTimeline) return;
    lastTimeline = key;
    if (!a) {
      $("timeline-title").textContent = "Timeline";
      clear(box);
      box.append(el("p", { class: "empty", text: "Choose actor A (and B for a dyad) to see the four quad classes over time." }));
      const top = suggestions.find((s) => s.top_partners && s.top_partners.length);
      if (top) {
        const partner = top.top_partners[0].code;
        box.append(
          el("p", { class: "empty" }, "Busiest pair: ",
            el("button", { type: "button", class: "link", onclick: () => writeState({ a: top.code, b: partner, offset: "0" }) }, `${top.code} ↔ ${partner}`)),
        );
      }
      return;
    }
    $("timeline-title").textContent = b ? `Timeline · ${a} ↔ ${b}` : `Timeline · ${a}`;
    const params = new URLSearchParams({ interval: state.interval });
    if (state.start) params.set("start", state.start);
    if (state.end) params.set("end", state.end);
    const url = b ? `/dyads/${a}/${b}/timeline?${params}` : `/actors/${a}/timeline?${params}`;
    message(box, "Loading…", "empty loading");
    try {
      const data = await getJSON("timeline", url);
      drawTimeline(box, data.periods, state);
    } catch (err) {
      if (aborted(err)) return;
      lastTimeline = null;
      message(box, err.message, "error");
    }
  }

  function niceMax(value) {
    if (value <= 4) return Math.max(1, value);
    const power = Math.pow(10, Math.floor(Math.log10(value)));
    for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= value) return step * power;
    return 10 * power;
  }

  function periodLabel(period, interval) {
    return interval === "month" ? period.slice(0, 7) : period;
  }

  function drawTimeline(box, periods, state) {
    clear(box);
    if (!periods.length) {
      box.append(el("p", { class: "empty", text: "No events for this choice." }));
      return;
    }
    const width = Math.max(320, box.clientWidth || 600);
    const height = 260;
    const m = { top: 12, right: 12, bottom: 34, left: 40 };
    const w = width - m.left - m.right;
    const h = height - m.top - m.bottom;
    const lines = state.chart === "lines";
    const peak = Math.max(1, ...periods.map((p) => (lines ? Math.max(p.q1, p.q2, p.q3, p.q4) : p.events)));
    const yMax = niceMax(peak);
    const n = periods.length;
    const band = w / n;
    const x = (i) => m.left + band * (i + 0.5);
    const y = (v) => m.top + h - (v / yMax) * h;
    const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, width, height, role: "img", "aria-label": "Events per period by quad class", class: "timeline-svg" });

    const ticks = yMax <= 4 ? yMax : 4;
    for (let t = 0; t <= ticks; t++) {
      const v = (yMax / ticks) * t;
      chart.append(
        svg("line", { x1: m.left, x2: width - m.right, y1: y(v), y2: y(v), class: t ? "grid" : "axis" }),
        svg("text", { x: m.left - 6, y: y(v) + 4, "text-anchor": "end", class: "tick", text: fmt.format(Math.round(v * 10) / 10) }),
      );
    }
    const every = Math.max(1, Math.ceil(n / Math.max(2, Math.floor(w / 90))));
    periods.forEach((p, i) => {
      if (i % every === 0) {
        chart.append(svg("text", { x: x(i), y: height - m.bottom + 18, "text-anchor": "middle", class: "tick", text: periodLabel(p.period, state.interval) }));
      }
    });

    if (lines) {
      for (const q of QUADS) {
        const points = periods.map((p, i) => `${x(i).toFixed(1)},${y(p[q.key]).toFixed(1)}`).join(" ");
        chart.append(svg("polyline", { points, fill: "none", stroke: q.color, "stroke-width": 2, "stroke-linejoin": "round", class: `series series-${q.key}` }));
        if (n <= 80) {
          periods.forEach((p, i) => {
            if (p[q.key]) chart.append(svg("circle", { cx: x(i), cy: y(p[q.key]), r: 3, fill: q.color, class: `point series-${q.key}` }));
          });
        }
      }
    } else {
      const barWidth = Math.max(1, Math.min(36, band * 0.72));
      periods.forEach((p, i) => {
        let base = 0;
        for (const q of QUADS) {
          const v = p[q.key];
          if (!v) continue;
          chart.append(svg("rect", { x: x(i) - barWidth / 2, y: y(base + v), width: barWidth, height: y(base) - y(base + v), fill: q.color, class: `bar series-${q.key}` }));
          base += v;
        }
      });
    }

    // Hover bands: one per period, showing its counts.
    const tooltip = $("tooltip");
    periods.forEach((p, i) => {
      chart.append(
        svg("rect", {
          x: m.left + band * i, y: m.top, width: band, height: h, class: "hover-band",
          onmousemove: (event) => {
            clear(tooltip);
            tooltip.append(el("strong", { text: periodLabel(p.period, state.interval) }));
            for (const q of QUADS) tooltip.append(el("div", {}, el("i", { class: `swatch ${q.key}` }), `${q.label}: ${p[q.key]}`));
            tooltip.append(el("div", { class: "muted", text: `${p.events} events · Goldstein sum ${p.goldstein_sum}` }));
            showTooltip(event);
          },
          onmouseleave: hideTooltip,
          onclick: () => zoomToPeriod(p.period, state.interval),
        }),
      );
    });
    box.append(chart);
    const total = periods.reduce((sum, p) => sum + p.events, 0);
    box.append(el("p", { class: "chart-note muted", text: `${fmt.format(total)} events in ${n} ${state.interval}${n === 1 ? "" : "s"} · click a period to list its events` }));
  }

  function zoomToPeriod(period, interval) {
    let start = period;
    let end = period;
    if (interval === "month") {
      start = end = period.slice(0, 7);
    } else if (interval === "week") {
      const d = new Date(period + "T00:00:00Z");
      d.setUTCDate(d.getUTCDate() + 6);
      end = d.toISOString().slice(0, 10);
    }
    writeState({ start, end, offset: "0" });
  }

  function showTooltip(event) {
    const tooltip = $("tooltip");
    tooltip.hidden = false;
    const pad = 14;
    let left = event.clientX + pad;
    const width = tooltip.offsetWidth;
    if (left + width > window.innerWidth - 8) left = event.clientX - width - pad;
    tooltip.style.left = `${left}px`;
    tooltip.style.top = `${event.clientY + pad}px`;
  }

  function hideTooltip() {
    $("tooltip").hidden = true;
  }

  // ---------------------------------------------------------------------------------------------
  // network

  let lastNetwork = null;

  async function renderNetwork(state) {
    const box = $("network");
    const key = JSON.stringify([state.start, state.end, state.min_events, state.a, state.b]);
    if (key === lastNetwork) return;
    lastNetwork = key;
    const params = new URLSearchParams({ limit: "80", min_events: state.min_events });
    if (state.start) params.set("start", state.start);
    if (state.end) params.set("end", state.end);
    message(box, "Loading…", "empty loading");
    try {
      const data = await getJSON("network", `/network?${params}`);
      drawNetwork(box, data, state);
    } catch (err) {
      if (aborted(err)) return;
      lastNetwork = null;
      message(box, err.message, "error");
    }
  }

  function goldsteinColor(g) {
    // Red (−10) through grey (0) to blue (+10), the same sides as the quad-class colours.
    const t = Math.max(-1, Math.min(1, g / 10));
    const grey = [170, 170, 170];
    const end = t < 0 ? [203, 24, 29] : [33, 113, 181];
    const k = Math.abs(t);
    const c = grey.map((v, i) => Math.round(v + (end[i] - v) * k));
    return `rgb(${c[0]},${c[1]},${c[2]})`;
  }

  function circularOrder(nodes, edges) {
    // Place strongly linked nodes next to each other: start from the busiest node, then keep
    // appending the unplaced node with the most events shared with those already placed.
    const weight = new Map();
    for (const e of edges) {
      weight.set(`${e.source}|${e.target}`, e.events);
      weight.set(`${e.target}|${e.source}`, e.events);
    }
    const left = new Set(nodes.map((n) => n.code));
    const order = [];
    const byEvents = [...nodes].sort((p, q) => q.events - p.events);
    while (left.size) {
      let best = null;
      let bestScore = -1;
      for (const n of byEvents) {
        if (!left.has(n.code)) continue;
        let score = 0;
        order.forEach((placed, i) => {
          score += (weight.get(`${placed}|${n.code}`) || 0) * (i >= order.length - 2 ? 3 : 1);
        });
        if (score > bestScore) {
          best = n.code;
          bestScore = score;
        }
      }
      order.push(best);
      left.delete(best);
    }
    return order;
  }

  function drawNetwork(box, data, state) {
    clear(box);
    if (!data.nodes.length) {
      box.append(el("p", { class: "empty", text: "No pairs of actors with events in this period." }));
      return;
    }
    const width = Math.max(320, box.clientWidth || 480);
    const height = Math.round(Math.max(300, Math.min(440, width * 0.8)));
    const cx = width / 2;
    const cy = height / 2;
    const radius = Math.min(width, height) / 2 - 40;
    // Nodes never grow past half the gap between neighbours on the circle.
    const gap = (2 * Math.PI * radius) / Math.max(1, data.nodes.length);
    const maxRadius = Math.max(4, Math.min(18, gap * 0.45));
    const order = circularOrder(data.nodes, data.edges);
    const pos = new Map();
    order.forEach((code, i) => {
      const angle = (2 * Math.PI * i) / order.length - Math.PI / 2;
      pos.set(code, { x: cx + radius * Math.cos(angle), y: cy + radius * Math.sin(angle), angle });
    });
    const maxNode = Math.max(...data.nodes.map((n) => n.events));
    const maxEdge = Math.max(...data.edges.map((e) => e.events));
    const chosen = new Set([state.a, state.b].filter(Boolean));
    const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, width, height, role: "img", "aria-label": "Network of actors", class: "network-svg" });
    const tooltip = $("tooltip");

    const edges = [...data.edges].sort((p, q) => p.events - q.events);
    for (const e of edges) {
      const s = pos.get(e.source);
      const t = pos.get(e.target);
      if (!s || !t) continue;
      const selected = chosen.size === 2 ? chosen.has(e.source) && chosen.has(e.target) : chosen.has(e.source) || chosen.has(e.target);
      // Curve towards the centre so that edges between neighbours stay visible.
      const mx = (s.x + t.x) / 2 + (cx - (s.x + t.x) / 2) * 0.35;
      const my = (s.y + t.y) / 2 + (cy - (s.y + t.y) / 2) * 0.35;
      chart.append(
        svg("path", {
          d: `M${s.x.toFixed(1)},${s.y.toFixed(1)} Q${mx.toFixed(1)},${my.toFixed(1)} ${t.x.toFixed(1)},${t.y.toFixed(1)}`,
          fill: "none",
          stroke: goldsteinColor(e.mean_goldstein),
          "stroke-width": (1 + 7 * Math.sqrt(e.events / maxEdge)).toFixed(2),
          "stroke-linecap": "round",
          class: `edge${selected ? " selected" : chosen.size ? " faded" : ""}`,
          "data-source": e.source,
          "data-target": e.target,
          onmousemove: (event) => {
            clear(tooltip);
            tooltip.append(el("strong", { text: `${e.source} ↔ ${e.target}` }), el("div", { text: `${fmt.format(e.events)} events` }), el("div", { text: `mean Goldstein ${e.mean_goldstein > 0 ? "+" : ""}${e.mean_goldstein.toFixed(2)}` }));
            showTooltip(event);
          },
          onmouseleave: hideTooltip,
          onclick: () => {
            hideTooltip();
            writeState({ a: e.source, b: e.target, offset: "0" });
          },
        }),
      );
    }
    for (const n of data.nodes) {
      const p = pos.get(n.code);
      const r = Math.min(3, maxRadius) + (maxRadius - Math.min(3, maxRadius)) * Math.sqrt(n.events / maxNode);
      const outside = Math.cos(p.angle) >= 0;
      const lx = p.x + Math.cos(p.angle) * (r + 5);
      const ly = p.y + Math.sin(p.angle) * (r + 5) + 4;
      const group = svg("g", {
        class: `node${chosen.has(n.code) ? " selected" : ""}`,
        "data-code": n.code,
        tabindex: 0,
        onclick: () => {
          hideTooltip();
          writeState({ a: n.code, b: "", offset: "0" });
        },
        onmousemove: (event) => {
          clear(tooltip);
          tooltip.append(el("strong", { text: n.code }), el("div", { text: `${fmt.format(n.events)} events` }));
          showTooltip(event);
        },
        onmouseleave: hideTooltip,
      });
      group.append(
        svg("circle", { cx: p.x.toFixed(1), cy: p.y.toFixed(1), r: r.toFixed(1) }),
        svg("text", { x: lx.toFixed(1), y: ly.toFixed(1), "text-anchor": outside ? "start" : "end", text: n.code }),
      );
      chart.append(group);
    }
    box.append(chart);
    box.append(el("p", { class: "chart-note muted", text: `${data.nodes.length} actors · ${data.edges.length} pairs (the busiest ones)` }));
  }

  // ---------------------------------------------------------------------------------------------
  // event table

  function codes(entities) {
    if (!entities || !entities.length) return el("span", { class: "muted", text: "–" });
    const wrap = el("span", {});
    entities.forEach((e, i) => {
      if (i) wrap.append(", ");
      wrap.append(el("abbr", { class: "code", title: [e.name, e.office].filter(Boolean).join(", "), text: e.code }));
    });
    return wrap;
  }

  function sentenceWithTrigger(event) {
    // The sentence with its trigger in bold, cut from the sentence by the trigger's offsets.
    const text = event.text || "";
    const base = event.text_info ? event.text_info.start : 0;
    const t = event.trigger || {};
    const s = t.start - base;
    const e = t.end - base;
    const cell = el("span", { class: "sentence" });
    if (Number.isInteger(s) && s >= 0 && e <= text.length && text.slice(s, e) === t.text) {
      cell.append(text.slice(0, s), el("b", { text: text.slice(s, e) }), text.slice(e));
    } else {
      cell.append(text);
    }
    return cell;
  }

  function quadChip(q) {
    const quad = QUADS[q - 1];
    return el("span", { class: `chip quad-${q}`, title: quad ? quad.label : "", text: `Q${q}` });
  }

  let lastEvents = null;

  async function renderEvents(state) {
    const query = eventQuery(state);
    query.set("limit", state.limit);
    query.set("offset", state.offset);
    query.set("order", state.order);
    if (query.toString() === lastEvents) {
      for (const row of $("events-table").tBodies[0].rows) row.classList.toggle("current", row.dataset.eventId === state.event);
      return;
    }
    lastEvents = query.toString();
    const exportQuery = new URLSearchParams(query);
    exportQuery.set("format", "csv");
    $("export-csv").href = `/events?${exportQuery}`;
    exportQuery.set("format", "jsonl");
    $("export-jsonl").href = `/events?${exportQuery}`;

    const body = $("events-table").tBodies[0];
    $("events-card").classList.add("busy");
    let data;
    try {
      data = await getJSON("events", `/events?${query}`);
    } catch (err) {
      if (aborted(err)) return;
      lastEvents = null;
      $("events-card").classList.remove("busy");
      clear(body);
      body.append(el("tr", {}, el("td", { colspan: 7, class: "error", text: err.message })));
      $("events-total").textContent = "";
      $("page-info").textContent = "";
      return;
    }
    $("events-card").classList.remove("busy");
    clear(body);
    const scope = [state.a && state.b ? `${state.a} ↔ ${state.b}` : state.a || state.b, state.type, state.status].filter(Boolean).join(" · ");
    $("events-total").textContent = `${fmt.format(data.total)} ${scope ? "· " + scope : ""}`;
    if (!data.events.length) {
      body.append(el("tr", {}, el("td", { colspan: 7, class: "empty", text: data.total ? "No events on this page." : "No events match these filters." })));
    }
    for (const event of data.events) {
      const open = () => writeState({ article: event.article_id, event: event.id });
      const row = el("tr", { tabindex: 0, "data-event-id": event.id, "data-article-id": event.article_id, onclick: open, onkeydown: (e) => { if (e.key === "Enter") open(); } });
      if (state.event === event.id) row.classList.add("current");
      row.append(
        el("td", { class: "nowrap" }, event.date, event.date_precision !== "day" ? el("span", { class: "muted", text: ` (${event.date_precision})` }) : null),
        el("td", { class: "nowrap" }, quadChip(event.quad_class), " ", el("span", { class: "etype", title: `CAMEO ${event.cameo}`, text: event.event })),
        el("td", {}, codes(event.actor)),
        el("td", {}, codes(event.recipient)),
        el("td", {}, sentenceWithTrigger(event)),
        el("td", {}, el("span", { class: `status status-${event.status}`, text: event.status })),
        el("td", { class: "num", text: (event.goldstein > 0 ? "+" : "") + event.goldstein.toFixed(1) }),
      );
      body.append(row);
    }
    const offset = Number(state.offset);
    const first = data.total ? offset + 1 : 0;
    const last = Math.min(offset + data.events.length, data.total);
    $("page-info").textContent = `${fmt.format(first)}–${fmt.format(last)} of ${fmt.format(data.total)}`;
    $("prev-page").disabled = offset <= 0;
    $("next-page").disabled = offset + Number(state.limit) >= data.total;
  }

  // ---------------------------------------------------------------------------------------------
  // article view

  let lastArticle = null;
  let articleData = null;

  function evidenceSpans(events) {
    // Every evidence span of every event, merged when two events point at the same words.
    const spans = new Map();
    const add = (kind, item, index) => {
      if (!item || !Number.isInteger(item.start) || !Number.isInteger(item.end) || item.end <= item.start) return;
      const key = `${item.start}:${item.end}:${kind}`;
      if (!spans.has(key)) spans.set(key, { start: item.start, end: item.end, kind, text: item.text ?? item.entity_text, labels: [], events: new Set() });
      const span = spans.get(key);
      span.events.add(index);
      span.labels.push(label(kind, item, events[index]));
    };
    events.forEach((event, index) => {
      (event.actor || []).forEach((a) => add("actor", a, index));
      (event.recipient || []).forEach((r) => add("recipient", r, index));
      add("trigger", event.trigger, index);
      if (event.date_evidence) add("date", event.date_evidence, index);
      (event.quantities || []).forEach((q) => add("quantity", q, index));
      (event.money || []).forEach((m) => add("money", m, index));
    });
    return [...spans.values()];
  }

  function label(kind, item, event) {
    const head = `${event.event} (${event.date})`;
    switch (kind) {
      case "actor":
      case "recipient":
        return `${kind}: ${item.code} · ${item.name}${item.office ? ", " + item.office : ""} — ${head}`;
      case "date":
        return `date: ${item.date || item.timex || ""} — ${head}`;
      case "quantity":
        return `quantity: ${fmt.format(item.value)}${item.item ? " " + item.item : item.unit ? " " + item.unit : ""} — ${head}`;
      case "money":
        return `money: ${fmt.format(item.amount)} ${item.currency}${item.approximate ? " (approx.)" : ""} — ${head}`;
      default:
        return `trigger — ${head}`;
    }
  }

  function nestSpans(spans, length) {
    // Sort outer-first, then nest; a span that crosses its parent's end is cut at that end,
    // so that every <mark> is one element and the text is never duplicated or reordered.
    const sorted = spans
      .filter((s) => s.start >= 0 && s.end <= length)
      .sort((p, q) => p.start - q.start || q.end - p.end || KIND_RANK[p.kind] - KIND_RANK[q.kind]);
    const roots = [];
    const stack = [];
    for (const original of sorted) {
      const span = { ...original, children: [] };
      while (stack.length && stack[stack.length - 1].end <= span.start) stack.pop();
      const parent = stack[stack.length - 1];
      if (parent && span.end > parent.end) {
        span.end = parent.end;
        span.cut = true;
      }
      (parent ? parent.children : roots).push(span);
      stack.push(span);
    }
    return roots;
  }

  function appendHighlighted(target, text, from, to, spans) {
    let cursor = from;
    for (const span of spans) {
      if (span.start > cursor) target.append(document.createTextNode(text.slice(cursor, span.start)));
      const mark = el("mark", {
        class: `hl hl-${span.kind}`,
        "data-kind": span.kind,
        "data-start": span.start,
        "data-end": span.end,
        "data-events": [...span.events].join(" "),
        title: span.labels.join("\n"),
      });
      if (span.cut) mark.dataset.cut = "true";
      appendHighlighted(mark, text, span.start, span.end, span.children);
      mark.addEventListener("click", (e) => {
        e.stopPropagation();
        const index = [...span.events][0];
        writeState({ event: articleData.events[index].id }, { replace: true });
      });
      target.append(mark);
      cursor = span.end;
    }
    if (cursor < to) target.append(document.createTextNode(text.slice(cursor, to)));
  }

  async function renderArticle(state) {
    const view = $("article-view");
    if (!state.article) {
      view.hidden = true;
      document.body.classList.remove("drawer-open");
      lastArticle = null;
      return;
    }
    view.hidden = false;
    document.body.classList.add("drawer-open");
    if (lastArticle !== state.article) {
      lastArticle = state.article;
      articleData = null;
      $("article-title").textContent = "Loading…";
      clear($("article-meta"));
      clear($("article-text"));
      clear($("article-events"));
      try {
        articleData = await getJSON("article", `/articles/${encodeURIComponent(state.article)}`);
      } catch (err) {
        if (aborted(err)) return;
        $("article-title").textContent = "Article not available";
        message($("article-text"), err.message, "error");
        return;
      }
      drawArticle(articleData);
    }
    // The hash may have moved on while the article loaded: focus what it says now.
    focusEvent(readState().event);
  }

  function drawArticle(article) {
    $("article-title").textContent = article.title || article.id;
    const meta = $("article-meta");
    clear(meta);
    meta.append(`${article.date} · ${article.source || "unknown source"} · ${article.events.length} event${article.events.length === 1 ? "" : "s"} · id ${article.id}`);
    if (article.url && /^https?:\/\//i.test(article.url)) {
      meta.append(" · ", el("a", { href: article.url, target: "_blank", rel: "noopener noreferrer", text: "original" }));
    }
    const body = $("article-text");
    clear(body);
    const text = article.text || "";
    appendHighlighted(body, text, 0, text.length, nestSpans(evidenceSpans(article.events), text.length));

    const list = $("article-events");
    clear(list);
    article.events.forEach((event, index) => {
      const who = (xs) => (xs && xs.length ? xs.map((x) => x.code).join(", ") : "–");
      const item = el("li", {
        "data-event-id": event.id,
        "data-index": index,
        tabindex: 0,
        onclick: () => writeState({ event: event.id }, { replace: true }),
      });
      item.append(
        quadChip(event.quad_class), " ",
        el("strong", { text: event.event }), " ",
        el("span", { class: "muted", text: `CAMEO ${event.cameo}` }), " · ",
        `${who(event.actor)} → ${who(event.recipient)}`, " · ",
        `${event.date}`, " · ",
        el("span", { class: `status status-${event.status}`, text: event.status }),
        el("div", { class: "event-detail muted" }, "“", sentenceWithTrigger(event), "”"),
      );
      list.append(item);
    });
  }

  function focusEvent(eventId) {
    if (!articleData) return;
    const index = articleData.events.findIndex((e) => e.id === eventId);
    const body = $("article-text");
    body.classList.toggle("focused", index >= 0);
    for (const mark of body.querySelectorAll("mark.hl")) {
      const on = index >= 0 && mark.dataset.events.split(" ").includes(String(index));
      mark.classList.toggle("on", on);
    }
    for (const item of $("article-events").children) item.classList.toggle("current", item.dataset.eventId === eventId);
    if (index >= 0) {
      const first = body.querySelector("mark.hl.on");
      if (first) first.scrollIntoView({ block: "center", behavior: "smooth" });
    }
  }

  // ---------------------------------------------------------------------------------------------

  function render() {
    const state = readState();
    syncForm(state);
    renderTimeline(state);
    renderNetwork(state);
    renderEvents(state);
    renderArticle(state);
  }

  document.addEventListener("DOMContentLoaded", async () => {
    fillStaticControls();
    bindControls();
    render();
    await loadHeader();
    lastTimeline = null;
    renderTimeline(readState());
  });
})();
