// The timeline card: events of one actor or one pair per period, as stacked bars or lines.

import { aborted, getJSON } from "./api.js";
import { $, clear, el, fmt, message, svg } from "./dom.js";
import { actorSuggestions } from "./header.js";
import { writeState } from "./state.js";
import { hideTooltip, showTooltip } from "./tooltip.js";
import { QUADS } from "./vocab.js";

// The inputs of the last drawing; the same inputs are not fetched and drawn again.
let lastTimeline = null;

export function forgetTimeline() {
  lastTimeline = null;
}

export async function renderTimeline(state) {
  const box = $("timeline");
  const a = state.a || state.b;
  const b = state.a && state.b ? state.b : "";
  const key = JSON.stringify([a, b, state.interval, state.start, state.end, state.chart]);
  if (key === lastTimeline) return;
  lastTimeline = key;
  if (!a) {
    drawPrompt(box);
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

// No actor chosen: say what to do, and offer the busiest pair once the actor list is in.
function drawPrompt(box) {
  $("timeline-title").textContent = "Timeline";
  clear(box);
  box.append(el("p", { class: "empty", text: "Choose actor A (and B for a dyad) to see the four quad classes over time." }));
  const top = actorSuggestions().find((s) => s.top_partners && s.top_partners.length);
  if (top) {
    const partner = top.top_partners[0].code;
    box.append(
      el("p", { class: "empty" }, "Busiest pair: ",
        el("button", { type: "button", class: "link", onclick: () => writeState({ a: top.code, b: partner, offset: "0" }) }, `${top.code} ↔ ${partner}`)),
    );
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
  const frame = { width, height, m, w, h, band, x: (i) => m.left + band * (i + 0.5), y: (v) => m.top + h - (v / yMax) * h };
  const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, width, height, role: "img", "aria-label": "Events per period by quad class", class: "timeline-svg" });

  drawAxes(chart, frame, periods, yMax, state.interval);
  if (lines) drawLines(chart, frame, periods);
  else drawBars(chart, frame, periods);
  drawHoverBands(chart, frame, periods, state.interval);
  box.append(chart);
  const total = periods.reduce((sum, p) => sum + p.events, 0);
  box.append(el("p", { class: "chart-note muted", text: `${fmt.format(total)} events in ${n} ${state.interval}${n === 1 ? "" : "s"} · click a period to list its events` }));
}

function drawAxes(chart, { width, height, m, w, x, y }, periods, yMax, interval) {
  const ticks = yMax <= 4 ? yMax : 4;
  for (let t = 0; t <= ticks; t++) {
    const v = (yMax / ticks) * t;
    chart.append(
      svg("line", { x1: m.left, x2: width - m.right, y1: y(v), y2: y(v), class: t ? "grid" : "axis" }),
      svg("text", { x: m.left - 6, y: y(v) + 4, "text-anchor": "end", class: "tick", text: fmt.format(Math.round(v * 10) / 10) }),
    );
  }
  const every = Math.max(1, Math.ceil(periods.length / Math.max(2, Math.floor(w / 90))));
  periods.forEach((p, i) => {
    if (i % every === 0) {
      chart.append(svg("text", { x: x(i), y: height - m.bottom + 18, "text-anchor": "middle", class: "tick", text: periodLabel(p.period, interval) }));
    }
  });
}

function drawLines(chart, { x, y }, periods) {
  for (const q of QUADS) {
    const points = periods.map((p, i) => `${x(i).toFixed(1)},${y(p[q.key]).toFixed(1)}`).join(" ");
    chart.append(svg("polyline", { points, fill: "none", stroke: q.color, "stroke-width": 2, "stroke-linejoin": "round", class: `series series-${q.key}` }));
    if (periods.length <= 80) {
      periods.forEach((p, i) => {
        if (p[q.key]) chart.append(svg("circle", { cx: x(i), cy: y(p[q.key]), r: 3, fill: q.color, class: `point series-${q.key}` }));
      });
    }
  }
}

function drawBars(chart, { band, x, y }, periods) {
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

// Hover bands: one per period, showing its counts; a click lists the period's events.
function drawHoverBands(chart, { m, h, band }, periods, interval) {
  const tooltip = $("tooltip");
  periods.forEach((p, i) => {
    chart.append(
      svg("rect", {
        x: m.left + band * i, y: m.top, width: band, height: h, class: "hover-band",
        onmousemove: (event) => {
          clear(tooltip);
          tooltip.append(el("strong", { text: periodLabel(p.period, interval) }));
          for (const q of QUADS) tooltip.append(el("div", {}, el("i", { class: `swatch ${q.key}` }), `${q.label}: ${p[q.key]}`));
          tooltip.append(el("div", { class: "muted", text: `${p.events} events · Goldstein sum ${p.goldstein_sum}` }));
          showTooltip(event);
        },
        onmouseleave: hideTooltip,
        onclick: () => zoomToPeriod(p.period, interval),
      }),
    );
  });
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
