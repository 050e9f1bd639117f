// The map card: where the selected events happened, on a world outline bundled with Accord (Natural
// Earth 1:110m, public domain; no tiles are fetched). A place with coordinates is a dot at them; an
// event placed only in a country is a dashed dot inside that country. Dot area: events; colour:
// mostly cooperation (blue), mostly conflict (red), planned only (grey). The view zooms to the dots.

import { aborted, getJSON } from "./api.js";
import { $, clear, el, fmt, message, svg } from "./dom.js";
import { labelPoint, placeLabels } from "./layout.js";
import { eventQuery, filterKey, onForget } from "./state.js";
import { hideTooltip, showTooltip } from "./tooltip.js";
import { CONFLICT, COOPERATION, PLANNED } from "./vocab.js";

let world = null;
let lastMap = null;

export function forgetMap() {
  lastMap = null;
}
onForget(forgetMap);

async function loadWorld() {
  if (!world) world = await getJSON("world", "/static/world-110m.json");
  return world;
}

export async function renderMap(state) {
  const box = $("map");
  const key = filterKey(state);
  if (key === lastMap) return;
  lastMap = key;
  message(box, "Loading…", "empty loading");
  try {
    const [outline, data] = await Promise.all([loadWorld(), getJSON("places", `/places?${eventQuery(state)}`)]);
    drawMap(box, outline, data);
    box.dataset.drawn = key;
  } catch (err) {
    if (aborted(err)) return;
    lastMap = null;
    message(box, err.message, "error");
  }
}

function project(outline, lat, lon) {
  const { scale, lat_top: top } = outline.projection;
  return { x: (lon + 180) * scale, y: (top - lat) * scale };
}

function colour(place) {
  if (!place.cooperation && !place.conflict) return PLANNED;
  return place.conflict >= place.cooperation ? CONFLICT : COOPERATION;
}

// The part of the world to show: the dots' box with a margin, at least 40 degrees wide, in the
// map's proportions.
function viewBox(outline, points) {
  const ratio = outline.height / outline.width;
  if (!points.length) return { x: 0, y: 0, w: outline.width, h: outline.height };
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const minW = 40 * outline.projection.scale;
  let w = Math.max(minW, Math.max(...xs) - Math.min(...xs)) * 1.35;
  let h = Math.max(w * ratio, (Math.max(...ys) - Math.min(...ys)) * 1.35);
  w = Math.min(outline.width, Math.max(w, h / ratio));
  h = Math.min(outline.height, w * ratio);
  const cx = (Math.max(...xs) + Math.min(...xs)) / 2;
  const cy = (Math.max(...ys) + Math.min(...ys)) / 2;
  const x = Math.min(outline.width - w, Math.max(0, cx - w / 2));
  const y = Math.min(outline.height - h, Math.max(0, cy - h / 2));
  return { x, y, w, h };
}

function drawMap(box, outline, data) {
  clear(box);
  const placed = data.places.reduce((sum, p) => sum + p.events, 0);
  box.dataset.total = String(placed + data.unplaced);
  const width = Math.max(320, box.clientWidth || 900);
  const height = Math.round(Math.min(440, Math.max(260, width * 0.42)));
  const points = data.places.map((p) => ({ ...p, ...project(outline, p.lat, p.lon) }));
  const view = viewBox(outline, points);
  // Fit the view into the box without stretching: one unit of the view is `k` pixels.
  const k = Math.min(width / view.w, height / view.h);
  const vb = { w: width / k, h: height / k };
  vb.x = view.x + view.w / 2 - vb.w / 2;
  vb.y = view.y + view.h / 2 - vb.h / 2;
  const chart = svg("svg", { viewBox: `${vb.x.toFixed(1)} ${vb.y.toFixed(1)} ${vb.w.toFixed(1)} ${vb.h.toFixed(1)}`, width, height, role: "img", "aria-label": "Map of where the events happened", class: "map-svg" });
  chart.append(svg("rect", { x: -1000, y: -1000, width: 3000, height: 3000, class: "sea" }));
  const land = svg("g", { class: "land", "stroke-width": (0.8 / k).toFixed(3) });
  for (const country of outline.countries) land.append(svg("path", { d: country.d, "data-code": country.code }, svg("title", { text: country.name })));
  chart.append(land);
  const maxEvents = Math.max(1, ...points.map((p) => p.events));
  const radius = (p) => (3 + 11 * Math.sqrt(p.events / maxEvents)) / k;
  const tooltip = $("tooltip");
  for (const p of [...points].sort((a, b) => b.events - a.events)) {
    chart.append(
      svg("circle", {
        cx: p.x.toFixed(2), cy: p.y.toFixed(2), r: radius(p).toFixed(2), fill: colour(p),
        class: `place place-${p.precision}`, "stroke-width": (1.2 / k).toFixed(3),
        "stroke-dasharray": p.precision === "country" ? `${(3 / k).toFixed(2)} ${(2 / k).toFixed(2)}` : null,
        "data-name": p.name, "data-country": p.country_code || "", "data-events": p.events,
        onmousemove: (event) => {
          clear(tooltip);
          tooltip.append(
            el("strong", { text: p.name }),
            el("div", { class: "muted", text: p.precision === "country" ? `somewhere in ${p.country_name || p.country_code}` : `${p.country_name || p.country_code || ""} · ${p.lat.toFixed(2)}, ${p.lon.toFixed(2)}` }),
            el("div", { text: `${fmt.format(p.events)} events: ${p.cooperation} cooperation, ${p.conflict} conflict, ${p.planned} planned${p.negated ? `, ${p.negated} denied` : ""}` }),
          );
          showTooltip(event);
        },
        onmouseleave: hideTooltip,
      }),
    );
  }
  // Names of the busiest places, where they fit (in view units, so sizes are divided by k).
  const items = [...points].sort((a, b) => b.events - a.events).slice(0, 12).map((p) => ({ key: `${p.name}|${p.x}|${p.y}`, x: (p.x - vb.x) * k, y: (p.y - vb.y) * k, r: radius(p) * k, text: p.name }));
  const labels = placeLabels(items, width, height);
  for (const it of items) {
    const spot = labels.get(it.key);
    if (!spot) continue;
    const at = labelPoint(spot);
    chart.append(svg("text", { x: (vb.x + at.x / k).toFixed(2), y: (vb.y + at.y / k).toFixed(2), "text-anchor": spot.anchor, "font-size": (11 / k).toFixed(2), "stroke-width": (3 / k).toFixed(2), class: "place-label", text: it.text }));
  }
  box.append(chart);
  const where = `${data.places.length} place${data.places.length === 1 ? "" : "s"}`;
  box.append(el("p", { class: "chart-note muted", text: `${fmt.format(placed)} events at ${where} · ${fmt.format(data.unplaced)} without a place` }));
}
