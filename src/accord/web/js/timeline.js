// The timeline card: the selected events per period over the reporting window of the selection.
// What occurred is stacked by quad class; what was only planned or supposed is drawn apart (outlined,
// above); background (dated well before its report) is grey, and only with the toggle; denied events
// are never drawn as the act (the tooltip and the note count them). The server sends the non-empty
// periods only, with the span to draw; the empty ones are laid out here.

import { aborted, getJSON } from "./api.js";
import { $, clear, el, fmt, message, svg } from "./dom.js";
import { codeLabel } from "./names.js";
import { eventQuery, filterKey, onForget, writeState } from "./state.js";
import { hideTooltip, showTooltip } from "./tooltip.js";
import { OTHER_SERIES, QUADS } from "./vocab.js";

const MAX_SLOTS = 1500;

// The inputs of the last drawing; the same inputs are not fetched and drawn again.
let lastTimeline = null;

export function forgetTimeline() {
  lastTimeline = null;
}
onForget(forgetTimeline);

export async function renderTimeline(state) {
  const box = $("timeline");
  const key = JSON.stringify([filterKey(state), state.interval, state.chart]);
  if (key === lastTimeline) return;
  lastTimeline = key;
  const a = state.a || state.b;
  const b = state.a && state.b ? state.b : "";
  $("timeline-title").textContent = b ? `Timeline · ${a} ↔ ${b}` : a ? `Timeline · ${codeLabel(a)}` : "Timeline · everything selected";
  const params = eventQuery(state);
  params.set("interval", state.interval);
  message(box, "Loading…", "empty loading");
  try {
    const data = await getJSON("timeline", `/timeline?${params}`);
    drawTimeline(box, data, state);
    box.dataset.drawn = filterKey(state);
  } catch (err) {
    if (aborted(err)) return;
    lastTimeline = null;
    message(box, err.message, "error");
  }
}

// Each period's start, from the span's first to its last, in the answer's interval (UTC dates).
function slots(span, interval) {
  const out = [];
  let d = new Date(span.start + "T00:00:00Z");
  const end = new Date(span.end + "T00:00:00Z");
  while (d <= end && out.length <= MAX_SLOTS) {
    out.push(d.toISOString().slice(0, 10));
    if (interval === "day") d = new Date(d.getTime() + 86400000);
    else if (interval === "week") d = new Date(d.getTime() + 7 * 86400000);
    else if (interval === "month") d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
    else d = new Date(Date.UTC(d.getUTCFullYear() + 1, 0, 1));
  }
  return out;
}

// A tick step of 1, 2 or 5 times a power of ten (never below 1: counts are whole), for about 4 ticks.
function tickStep(peak) {
  const rough = Math.max(1, peak / 4);
  const power = Math.pow(10, Math.floor(Math.log10(rough)));
  for (const step of [1, 2, 5, 10]) if (step * power >= rough) return step * power;
  return 10 * power;
}

function periodLabel(period, interval) {
  if (interval === "year") return period.slice(0, 4);
  return interval === "month" ? period.slice(0, 7) : period;
}

// The stack of one period, bottom to top: background, what occurred by quad class, then what did not.
const STACK = [OTHER_SERIES[2], ...QUADS, OTHER_SERIES[0], OTHER_SERIES[1]];

function drawTimeline(box, data, state) {
  clear(box);
  box.dataset.total = String(data.events);
  if (!data.events || !data.span) {
    box.append(el("p", { class: "empty", text: "No events for this choice." }));
    return;
  }
  const all = slots(data.span, data.interval);
  if (all.length > MAX_SLOTS) {
    box.append(el("p", { class: "empty", text: `The span ${data.span.start} – ${data.span.end} has too many ${data.interval}s to draw: choose a coarser interval.` }));
    return;
  }
  const byPeriod = new Map(data.periods.map((p) => [p.period, p]));
  const width = Math.max(320, box.clientWidth || 600);
  const height = 300;
  const m = { top: 12, right: 12, bottom: 34, left: 40 };
  const w = width - m.left - m.right;
  const h = height - m.top - m.bottom;
  const lines = state.chart === "lines";
  const stackOf = (p) => STACK.reduce((sum, s) => sum + (p[s.key] || 0), 0);
  const peak = Math.max(1, ...data.periods.map((p) => (lines ? Math.max(...STACK.map((s) => p[s.key] || 0)) : stackOf(p))));
  const step = tickStep(peak);
  const yMax = Math.ceil(peak / step) * step;
  const band = w / all.length;
  const frame = { width, height, m, w, h, band, step, x: (i) => m.left + band * (i + 0.5), y: (v) => m.top + h - (v / yMax) * h };
  const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, width, height, role: "img", "aria-label": "Events per period", class: "timeline-svg" });
  chart.append(hatch());
  drawAxes(chart, frame, all, yMax, data.interval);
  if (lines) drawLines(chart, frame, all, byPeriod);
  else drawBars(chart, frame, all, byPeriod);
  drawHoverBands(chart, frame, all, byPeriod);
  box.append(chart);
  box.append(el("p", { class: "chart-note muted", "data-total": data.events }, note(data)));
}

function note(data) {
  const drawn = data.periods.reduce((sum, p) => sum + p.events, 0);
  const outside = data.outside.before + data.outside.after;
  const parts = [`${fmt.format(data.events)} events`, `reports ${data.window.start} – ${data.window.end}`, `by ${data.interval}`];
  if (outside) parts.push(`${fmt.format(outside)} dated outside the window, not drawn (${data.outside.before} before, ${data.outside.after} after)`);
  if (data.totals.negated) parts.push(`${fmt.format(data.totals.negated)} denied, not drawn as the act`);
  if (!data.background) parts.push("background left out (tick “background” to draw it)");
  if (drawn + outside !== data.events) parts.push("some counted in several periods");
  return parts.join(" · ") + " · click a period to list its events";
}

// A diagonal hatch for what was planned: the act has not happened.
function hatch() {
  const defs = svg("defs", {});
  const pattern = svg("pattern", { id: "hatch-planned", width: 6, height: 6, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" });
  pattern.append(svg("rect", { width: 6, height: 6, fill: "#ffffff" }), svg("line", { x1: 0, y1: 0, x2: 0, y2: 6, stroke: OTHER_SERIES[0].color, "stroke-width": 2 }));
  defs.append(pattern);
  return defs;
}

function drawAxes(chart, { width, height, m, w, x, y, step }, all, yMax, interval) {
  for (let t = 0; t * step <= yMax; t++) {
    const v = t * step;
    chart.append(
      svg("line", { x1: m.left, x2: width - m.right, y1: y(v), y2: y(v), class: t ? "grid" : "axis" }),
      svg("text", { x: m.left - 6, y: y(v) + 4, "text-anchor": "end", class: "tick", text: fmt.format(v) }),
    );
  }
  const every = Math.max(1, Math.ceil(all.length / Math.max(2, Math.floor(w / 90))));
  all.forEach((period, i) => {
    if (i % every === 0) chart.append(svg("text", { x: x(i), y: height - m.bottom + 18, "text-anchor": "middle", class: "tick", text: periodLabel(period, interval) }));
  });
}

function drawLines(chart, { x, y }, all, byPeriod) {
  for (const s of STACK) {
    if (![...byPeriod.values()].some((p) => p[s.key])) continue;
    const points = all.map((period, i) => `${x(i).toFixed(1)},${y((byPeriod.get(period) || {})[s.key] || 0).toFixed(1)}`).join(" ");
    const dashed = !s.key.startsWith("q");
    chart.append(svg("polyline", { points, fill: "none", stroke: s.color, "stroke-width": 2, "stroke-dasharray": dashed ? "5 3" : null, "stroke-linejoin": "round", class: `series series-${s.key}` }));
  }
}

function drawBars(chart, { band, x, y }, all, byPeriod) {
  const barWidth = Math.max(1, Math.min(36, band * 0.72));
  all.forEach((period, i) => {
    const p = byPeriod.get(period);
    if (!p) return;
    let base = 0;
    for (const s of STACK) {
      const v = p[s.key] || 0;
      if (!v) continue;
      const attrs = { x: x(i) - barWidth / 2, y: y(base + v), width: barWidth, height: y(base) - y(base + v), class: `bar series-${s.key}`, "data-period": period, "data-count": v };
      if (s.key === "planned") Object.assign(attrs, { fill: "url(#hatch-planned)", stroke: s.color, "stroke-width": 1 });
      else if (s.key === "hypothetical") Object.assign(attrs, { fill: "#ffffff", stroke: s.color, "stroke-width": 1, "stroke-dasharray": "2 2" });
      else attrs.fill = s.color;
      chart.append(svg("rect", attrs));
      base += v;
    }
  });
}

// Hover bands: one per period, showing its counts; a click lists the period's events.
function drawHoverBands(chart, { m, h, band }, all, byPeriod) {
  const tooltip = $("tooltip");
  all.forEach((period, i) => {
    const p = byPeriod.get(period);
    if (!p) return;
    chart.append(
      svg("rect", {
        x: m.left + band * i, y: m.top, width: Math.max(band, 2), height: h, class: "hover-band", "data-period": period, "data-events": p.events,
        onmousemove: (event) => {
          clear(tooltip);
          tooltip.append(el("strong", { text: `${p.start} – ${p.end}` }));
          for (const s of [...QUADS, ...OTHER_SERIES]) if (p[s.key]) tooltip.append(el("div", {}, el("i", { class: `swatch ${s.key}` }), `${s.label}: ${p[s.key]}`));
          if (p.negated) tooltip.append(el("div", { text: `Denied (not drawn): ${p.negated}` }));
          tooltip.append(el("div", { class: "muted", text: `${p.events} events · Goldstein sum of what occurred ${p.goldstein_sum}` }));
          showTooltip(event);
        },
        onmouseleave: hideTooltip,
        onclick: () => writeState({ start: p.start, end: p.end, offset: "0" }),
      }),
    );
  });
}
