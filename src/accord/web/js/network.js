// The network card: actors on a circle, and the pairs with events between them as curved edges
// (width: events, colour: mean Goldstein). A click on a node or an edge filters the page.

import { aborted, getJSON } from "./api.js";
import { $, clear, el, fmt, message, svg } from "./dom.js";
import { writeState } from "./state.js";
import { hideTooltip, showTooltip } from "./tooltip.js";

// The inputs of the last drawing; the same inputs are not fetched and drawn again.
let lastNetwork = null;

export function forgetNetwork() {
  lastNetwork = null;
}

export async function renderNetwork(state) {
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
  const chosen = new Set([state.a, state.b].filter(Boolean));
  const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, width, height, role: "img", "aria-label": "Network of actors", class: "network-svg" });
  drawEdges(chart, data.edges, pos, chosen, { cx, cy });
  drawNodes(chart, data.nodes, pos, chosen, maxRadius);
  box.append(chart);
  box.append(el("p", { class: "chart-note muted", text: `${data.nodes.length} actors · ${data.edges.length} pairs (the busiest ones)` }));
}

function drawEdges(chart, edgeList, pos, chosen, { cx, cy }) {
  const tooltip = $("tooltip");
  const maxEdge = Math.max(...edgeList.map((e) => e.events));
  const edges = [...edgeList].sort((p, q) => p.events - q.events);
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
}

function drawNodes(chart, nodes, pos, chosen, maxRadius) {
  const tooltip = $("tooltip");
  const maxNode = Math.max(...nodes.map((n) => n.events));
  for (const n of nodes) {
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
}
