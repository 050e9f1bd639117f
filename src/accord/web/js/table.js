// The events card: one page of events as table rows, the pager, and the export links.
// The cells that show an event (codes, sentence, quad chip) are reused by the article view.

import { aborted, getJSON } from "./api.js";
import { $, clear, el, fmt } from "./dom.js";
import { nameOf } from "./names.js";
import { eventQuery, filterKey, onForget, writeState } from "./state.js";
import { QUADS } from "./vocab.js";

// Actor or recipient codes, each with the code table's name beside it and the words of the text
// (and the office) as a tooltip; a dash for none.
export function codes(entities) {
  if (!entities || !entities.length) return el("span", { class: "muted", text: "–" });
  const wrap = el("span", {});
  // One code once ("COL Colombia"), with every mention's words and office in its tooltip.
  const byCode = new Map();
  for (const e of entities) {
    if (!byCode.has(e.code)) byCode.set(e.code, []);
    byCode.get(e.code).push([e.name, e.office].filter(Boolean).join(", "));
  }
  [...byCode].forEach(([code, words], i) => {
    if (i) wrap.append(", ");
    const name = nameOf(code);
    wrap.append(
      el("abbr", { class: "code", title: [...new Set(words)].join("; "), text: code }),
      name ? el("span", { class: "code-name", text: ` ${name}` }) : "",
    );
  });
  return wrap;
}

export function sentenceWithTrigger(event) {
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

export function quadChip(q) {
  const quad = QUADS[q - 1];
  return el("span", { class: `chip quad-${q}`, title: quad ? quad.label : "", text: `Q${q}` });
}

// The query of the page on show; the same query is not fetched again (only the current row moves).
let lastEvents = null;

export function forgetEvents() {
  lastEvents = null;
}
onForget(forgetEvents);

export async function renderEvents(state) {
  const query = eventQuery(state);
  query.set("limit", state.limit);
  query.set("offset", state.offset);
  // One row per real event has no confidence of its own: it is ordered by date then.
  query.set("order", query.get("distinct") && state.order.endsWith("confidence") ? "-report_date" : state.order);
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
  exportQuery.set("shape", "flat");
  $("export-flat").href = `/events?${exportQuery}`;

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
  drawEvents(body, data, state);
  $("events-total").dataset.drawn = filterKey(state);
}

function drawEvents(body, data, state) {
  clear(body);
  const arrow = state.role === "actor" ? "→" : state.role === "recipient" ? "←" : "↔";
  const scope = [state.a && state.b ? `${state.a} ${arrow} ${state.b}` : state.a || state.b, state.type, state.status].filter(Boolean).join(" · ");
  $("events-total").textContent = `${fmt.format(data.total)} ${scope ? "· " + scope : ""}`;
  $("events-total").dataset.total = String(data.total);
  if (!data.events.length) {
    body.append(el("tr", {}, el("td", { colspan: 7, class: "empty", text: data.total ? "No events on this page." : "No events match these filters." })));
  }
  for (const event of data.events) body.append(eventRow(event, state));
  const offset = Number(state.offset);
  const first = data.total ? offset + 1 : 0;
  const last = Math.min(offset + data.events.length, data.total);
  $("page-info").textContent = `${fmt.format(first)}–${fmt.format(last)} of ${fmt.format(data.total)}`;
  $("prev-page").disabled = offset <= 0;
  $("next-page").disabled = offset + Number(state.limit) >= data.total;
}

// Whether an event is dated 90 days or more before its report (the store's rule for background).
export function isBackground(event) {
  const last = event.enddate || event.date;
  const end = last.length === 4 ? `${last}-12-31` : last.length === 7 ? new Date(Date.UTC(+last.slice(0, 4), +last.slice(5, 7), 0)).toISOString().slice(0, 10) : last;
  return Date.parse(end) < Date.parse(event.report_date) - 90 * 86400000;
}

// One row; a click (or Enter) opens the event's article.
function eventRow(event, state) {
  // A real event (one row per cluster) opens the article of its representative report at that mention.
  const open = () => writeState({ article: event.article_id, event: event.representative_id || event.id });
  const row = el("tr", { tabindex: 0, "data-event-id": event.id, "data-article-id": event.article_id, onclick: open, onkeydown: (e) => { if (e.key === "Enter") open(); } });
  if (state.event === event.id) row.classList.add("current");
  const background = isBackground(event);
  if (background) row.classList.add("background");
  row.append(
    el(
      "td",
      { class: "nowrap" },
      event.date,
      event.date_precision !== "day" ? el("span", { class: "muted", text: ` (${event.date_precision})` }) : null,
      el("div", { class: "muted small", text: `reported ${event.report_date}` }),
      background ? el("span", { class: "chip background", title: "dated 90 days or more before its report", text: "background" }) : null,
    ),
    el("td", { class: "nowrap" }, quadChip(event.quad_class), " ", el("span", { class: "etype", title: `CAMEO ${event.cameo}`, text: event.event })),
    el("td", {}, codes(event.actor)),
    el("td", {}, codes(event.recipient)),
    el("td", {}, sentenceWithTrigger(event)),
    el("td", {}, el("span", { class: `status status-${event.status}`, text: event.status })),
    el("td", { class: "num", text: (event.goldstein > 0 ? "+" : "") + event.goldstein.toFixed(1) }),
  );
  return row;
}
