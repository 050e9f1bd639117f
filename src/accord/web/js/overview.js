// The overview card: what the selection holds, first. Totals and report window, the busiest actors,
// the busiest pairs (either direction: the same count as the table for that dyad), the event types
// (split into cooperation, conflict, planned and denied) and the latest reports. Every line is a
// button that filters the page (or opens the report).

import { aborted, getJSON } from "./api.js";
import { $, clear, el, fmt, message } from "./dom.js";
import { nameOf } from "./names.js";
import { filterKey, eventQuery, onForget, writeState } from "./state.js";

let lastOverview = null;

export function forgetOverview() {
  lastOverview = null;
}
onForget(forgetOverview);

export async function renderOverview(state) {
  const key = filterKey(state);
  if (key === lastOverview) return;
  lastOverview = key;
  const box = $("overview");
  $("overview-card").classList.add("busy");
  try {
    const data = await getJSON("overview", `/overview?${eventQuery(state)}&top=8&latest=6`);
    drawOverview(box, data);
    $("overview-totals").dataset.drawn = key;
  } catch (err) {
    if (aborted(err)) return;
    lastOverview = null;
    message(box, err.message, "error");
  } finally {
    $("overview-card").classList.remove("busy");
  }
}

// A bar of `value` out of `max`; with `parts` ({kind: count}), split into cooperation, conflict, ...
function bar(value, max, parts = null) {
  const track = el("span", { class: "bar-track" });
  const share = (n) => `${Math.max(n ? 2 : 0, (100 * n) / Math.max(1, max)).toFixed(1)}%`;
  if (!parts) {
    const fill = el("i", { class: "bar-fill" });
    fill.style.width = share(value);
    track.append(fill);
    return track;
  }
  for (const [kind, n] of Object.entries(parts)) {
    if (!n) continue;
    const fill = el("i", { class: `bar-fill ${kind}`, title: `${n} ${kind}` });
    fill.style.width = share(n);
    track.append(fill);
  }
  return track;
}

function column(title, rows) {
  const list = el("ol", { class: "overview-list" });
  for (const row of rows) list.append(row);
  if (!rows.length) list.append(el("li", { class: "muted", text: "none" }));
  return el("div", { class: "overview-col" }, el("h3", { text: title }), list);
}

function line(label, count, max, onclick, attrs = {}, parts = null) {
  return el(
    "li",
    {},
    el("button", { type: "button", class: "overview-row", onclick, ...attrs }, el("span", { class: "overview-label" }, ...label), bar(count, max, parts), el("span", { class: "num", text: fmt.format(count) })),
  );
}

function who(code) {
  const name = nameOf(code);
  return [el("strong", { text: code }), name ? ` ${name}` : ""];
}

function drawOverview(box, data) {
  clear(box);
  const window = data.first_report ? `reports ${data.first_report} – ${data.last_report}` : "no reports";
  $("overview-totals").textContent = `${fmt.format(data.events)} events in ${fmt.format(data.articles)} articles · ${window}`;
  $("overview-totals").dataset.events = String(data.events);
  const maxActor = Math.max(1, ...data.actors.map((a) => a.events));
  const maxPair = Math.max(1, ...data.pairs.map((p) => p.events));
  const maxType = Math.max(1, ...data.types.map((t) => t.events));
  box.append(
    column("Busiest actors", data.actors.map((a) => line(who(a.code), a.events, maxActor, () => writeState({ a: a.code, b: "", offset: "0" }), { "data-code": a.code }))),
    column("Busiest pairs (either direction)", data.pairs.map((p) => line([...who(p.a), " ↔ ", ...who(p.b)], p.events, maxPair, () => writeState({ a: p.a, b: p.b, role: "either", offset: "0" }), { "data-pair": `${p.a},${p.b}`, "data-events": p.events }))),
    column("Event types (cooperation · conflict · planned · denied)", data.types.map((t) => line([el("strong", { text: t.event })], t.events, maxType, () => writeState({ type: t.event, offset: "0" }), { "data-type": t.event, title: `${t.cooperation} cooperation, ${t.conflict} conflict, ${t.planned} planned, ${t.negated} denied, ${t.events - t.cooperation - t.conflict - t.planned - t.negated} background` }, { cooperation: t.cooperation, conflict: t.conflict, planned: t.planned, negated: t.negated }))),
    column("Latest reports", data.latest.map((r) => el("li", {}, el("button", { type: "button", class: "overview-row report", onclick: () => writeState({ article: r.id, event: "", record: "" }), "data-article-id": r.id },
      el("span", { class: "overview-label", title: [r.title || r.lead || r.id, r.source].filter(Boolean).join("\n") }, el("span", { class: "muted", text: `${r.date} · ` }), r.title || r.lead || r.id),
      el("span", { class: "num", text: fmt.format(r.events) }))))),
  );
}
