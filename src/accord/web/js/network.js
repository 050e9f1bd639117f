// The network card: actors as nodes, and directed edges from the actor side to the recipient side of
// the selected events, one arc per kind (cooperation, conflict, planned) with an arrow, width by
// events. With an actor chosen, the ego view puts it in the middle. Labels never cover each other.
// A click on a node chooses that actor; a click on an edge lists its events in the table.

import { aborted, getJSON } from "./api.js";
import { $, clear, el, fmt, message, svg } from "./dom.js";
import { labelPoint, measureTexts, placeLabels, placeNodes } from "./layout.js";
import { eventQuery, filterKey, onForget, writeState } from "./state.js";
import { hideTooltip, showTooltip } from "./tooltip.js";
import { CONFLICT, COOPERATION, PLANNED } from "./vocab.js";

const KINDS = [
  { key: "cooperation", color: COOPERATION, bend: 0.1, label: "cooperation" },
  { key: "conflict", color: CONFLICT, bend: 0.2, label: "conflict" },
  { key: "planned", color: PLANNED, bend: 0.3, label: "planned or hypothetical", dash: "5 4" },
];

// The inputs of the last drawing; the same inputs are not fetched and drawn again.
let lastNetwork = null;

export function forgetNetwork() {
  lastNetwork = null;
}
onForget(forgetNetwork);

export async function renderNetwork(state) {
  const box = $("network");
  const key = JSON.stringify([filterKey(state), state.min_events]);
  if (key === lastNetwork) return;
  lastNetwork = key;
  const params = eventQuery(state);
  params.set("limit", "60");
  params.set("min_events", state.min_events);
  const ego = state.a && !state.b ? state.a : "";
  $("network-title").textContent = ego ? `Network · around ${ego}` : "Network";
  message(box, "Loading…", "empty loading");
  try {
    const data = await getJSON("network", `/network?${params}`);
    drawNetwork(box, data, state, ego);
    box.dataset.drawn = filterKey(state);
  } catch (err) {
    if (aborted(err)) return;
    lastNetwork = null;
    message(box, err.message, "error");
  }
}

function markers() {
  const defs = svg("defs", {});
  for (const kind of KINDS) {
    const marker = svg("marker", { id: `arrow-${kind.key}`, viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, markerUnits: "userSpaceOnUse", orient: "auto" });
    marker.append(svg("path", { d: "M0,0 L10,5 L0,10 z", fill: kind.color }));
    defs.append(marker);
  }
  return defs;
}

function drawNetwork(box, data, state, ego) {
  clear(box);
  if (!data.nodes.length) {
    box.append(el("p", { class: "empty", text: "No actor acts on another in these events." }));
    return;
  }
  const width = Math.max(320, box.clientWidth || 480);
  const height = Math.round(Math.max(320, Math.min(460, width * 0.85)));
  const pos = placeNodes(data.nodes, data.edges, width, height, ego);
  const maxNode = Math.max(...data.nodes.map((n) => n.events));
  const radius = new Map(data.nodes.map((n) => [n.code, 4 + 12 * Math.sqrt(n.events / maxNode)]));
  const chosen = new Set([state.a, state.b].filter(Boolean));
  const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, width, height, role: "img", "aria-label": "Network of actors", class: "network-svg" });
  chart.append(markers());
  // In the page first, so that the labels can be measured as they will be drawn.
  box.append(chart);
  drawEdges(chart, data.edges, pos, radius, chosen);
  drawNodes(chart, data.nodes, pos, radius, chosen, width, height);
  box.append(el("p", { class: "chart-note muted", text: `${data.nodes.length} actors · ${data.edges.length} directed pairs (the busiest) · a click on an edge lists its events` }));
}

function drawEdges(chart, edges, pos, radius, chosen) {
  const tooltip = $("tooltip");
  const maxEdge = Math.max(...edges.map((e) => Math.max(e.cooperation, e.conflict, e.planned, 1)));
  for (const e of [...edges].sort((p, q) => p.events - q.events)) {
    const s = pos.get(e.source);
    const t = pos.get(e.target);
    if (!s || !t) continue;
    const dx = t.x - s.x;
    const dy = t.y - s.y;
    const len = Math.max(1, Math.sqrt(dx * dx + dy * dy));
    const selected = chosen.size === 2 ? chosen.has(e.source) && chosen.has(e.target) : chosen.has(e.source) || chosen.has(e.target);
    for (const kind of KINDS) {
      const count = e[kind.key];
      if (!count) continue;
      // Bend to the right of the direction, so that A→B and B→A are two arcs, and each kind its own.
      const bend = kind.bend * len + 6;
      const mx = (s.x + t.x) / 2 + (dy / len) * bend;
      const my = (s.y + t.y) / 2 - (dx / len) * bend;
      // Stop the arc at the target's rim, so that the arrow shows.
      const ex = t.x - ((t.x - mx) / Math.hypot(t.x - mx, t.y - my)) * (radius.get(e.target) + 2);
      const ey = t.y - ((t.y - my) / Math.hypot(t.x - mx, t.y - my)) * (radius.get(e.target) + 2);
      chart.append(
        svg("path", {
          d: `M${s.x.toFixed(1)},${s.y.toFixed(1)} Q${mx.toFixed(1)},${my.toFixed(1)} ${ex.toFixed(1)},${ey.toFixed(1)}`,
          fill: "none",
          stroke: kind.color,
          "stroke-width": (1 + 5 * Math.sqrt(count / maxEdge)).toFixed(2),
          "stroke-dasharray": kind.dash || null,
          "marker-end": `url(#arrow-${kind.key})`,
          class: `edge edge-${kind.key}${selected ? " selected" : chosen.size ? " faded" : ""}`,
          "data-source": e.source,
          "data-target": e.target,
          "data-kind": kind.key,
          "data-count": count,
          "data-events": e.events,
          onmousemove: (event) => {
            clear(tooltip);
            tooltip.append(
              el("strong", { text: `${e.source} → ${e.target}` }),
              el("div", { class: "muted", text: `${e.source_name || e.source} → ${e.target_name || e.target}` }),
              el("div", { text: `${fmt.format(e.events)} events: ${e.cooperation} cooperation, ${e.conflict} conflict, ${e.planned} planned${e.negated ? `, ${e.negated} denied` : ""}` }),
              e.mean_goldstein === null ? "" : el("div", { text: `mean Goldstein ${e.mean_goldstein > 0 ? "+" : ""}${e.mean_goldstein.toFixed(2)}` }),
            );
            showTooltip(event);
          },
          onmouseleave: hideTooltip,
          onclick: () => {
            hideTooltip();
            writeState({ a: e.source, b: e.target, role: "actor", offset: "0" });
            $("events-card").scrollIntoView({ block: "start", behavior: "smooth" });
          },
        }),
      );
    }
  }
}

function drawNodes(chart, nodes, pos, radius, chosen, width, height) {
  const tooltip = $("tooltip");
  const ordered = [...nodes].sort((p, q) => q.events - p.events || p.code.localeCompare(q.code));
  const probeGroup = svg("g", { class: "node" });
  chart.append(probeGroup);
  const sizes = measureTexts(probeGroup, ordered.map((n) => n.code), "label", (text) => svg("text", { text }));
  probeGroup.remove();
  const labels = placeLabels(ordered.map((n) => ({ key: n.code, x: pos.get(n.code).x, y: pos.get(n.code).y, r: radius.get(n.code), text: n.code, ...sizes.get(n.code) })), width, height);
  for (const n of ordered) {
    const p = pos.get(n.code);
    const group = svg("g", {
      class: `node${chosen.has(n.code) ? " selected" : ""}`,
      "data-code": n.code,
      tabindex: 0,
      onclick: () => {
        hideTooltip();
        writeState({ a: n.code, b: "", role: "either", offset: "0" });
      },
      onmousemove: (event) => {
        clear(tooltip);
        tooltip.append(el("strong", { text: n.code }), n.name ? el("div", { text: n.name }) : "", el("div", { text: `${fmt.format(n.events)} events` }));
        showTooltip(event);
      },
      onmouseleave: hideTooltip,
    });
    group.append(svg("circle", { cx: p.x.toFixed(1), cy: p.y.toFixed(1), r: radius.get(n.code).toFixed(1) }));
    const box = labels.get(n.code);
    const at = box ? labelPoint(box) : { x: p.x + radius.get(n.code) + 3, y: p.y + 4 };
    group.append(svg("text", { x: at.x.toFixed(1), y: at.y.toFixed(1), "text-anchor": box ? box.anchor : "start", class: box ? "label" : "label hidden-label", text: n.code }));
    chart.append(group);
  }
}
