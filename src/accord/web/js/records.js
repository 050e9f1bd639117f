// The records card: agreements, deals and meetings matching the filters (actor, dates, text), one tab
// per type with its count; a row opens its article with the record's evidence highlighted.
// The cells that describe a record are reused by the article view's list of records.

import { aborted, getJSON } from "./api.js";
import { $, clear, el, fmt } from "./dom.js";
import { writeState } from "./state.js";

export const RECORD_TYPES = ["agreements", "deals", "meetings"];

// Codes of entities, each with its name (and office) as a tooltip; a dash for none.
function codes(entities) {
  if (!entities || !entities.length) return el("span", { class: "muted", text: "–" });
  const wrap = el("span", {});
  const seen = new Set();
  for (const e of entities) {
    const key = e.kind === "person" ? e.name : e.code;
    if (seen.has(key)) continue;
    if (seen.size) wrap.append(", ");
    seen.add(key);
    const text = e.kind === "person" ? e.name : e.code;
    wrap.append(el("abbr", { class: "code", title: [e.code, e.name, e.office].filter(Boolean).join(" · "), text }));
  }
  return wrap;
}

const text = (span) => (span && span.text) || "";
const status = (value) => el("span", { class: `status status-${value || "unknown"}`, text: value || "–" });

function money(m) {
  return m ? `${m.approximate ? "about " : ""}${fmt.format(m.amount)} ${m.currency}` : "";
}

function term(record) {
  const t = record.term;
  if (!t) return "";
  const parts = [];
  if (t.start_year) parts.push(`${t.start_year}–${t.end_year}`);
  if (t.years) parts.push(`${t.added ? "+" : ""}${t.years} years`);
  return parts.join(", ");
}

function earlier(record) {
  const e = record.earlier;
  return e ? `${e.relation} “${e.text}”${e.date ? ` (${e.date})` : ""}` : "";
}

// The columns of each tab: a header and a function giving the cells of one record.
export const COLUMNS = {
  agreements: [
    ["Date", (r) => r.date],
    ["Kind", (r) => r.kind],
    ["Name", (r) => el("span", { class: "record-name", text: text(r.name) })],
    ["Action", (r) => status(r.action)],
    ["Parties", (r) => codes([...r.parties, ...r.signatories])],
    ["Term · earlier", (r) => [term(r), earlier(r)].filter(Boolean).join(" · ")],
  ],
  deals: [
    ["Date", (r) => r.date],
    ["Kind", (r) => r.kind.replace("_", " ")],
    ["Item", (r) => el("span", { class: "record-name", text: text(r.item) || text(r.name) })],
    ["Status", (r) => status(r.status)],
    ["Buyer → seller", (r) => el("span", {}, codes(r.buyer), " → ", codes(r.seller))],
    ["Quantity", (r) => (r.quantity ? fmt.format(r.quantity.value) : "")],
    ["Amount", (r) => money(r.money)],
    ["Through", (r) => text(r.intermediary)],
  ],
  meetings: [
    ["Date", (r) => r.date],
    ["Kind", (r) => r.kind],
    ["Name", (r) => el("span", { class: "record-name", text: text(r.name) })],
    ["No.", (r) => [r.ordinal || "", r.recurrence || ""].filter(Boolean).join(" · ")],
    ["Status", (r) => status(r.status)],
    ["Participants", (r) => codes(r.participants)],
    ["Chairs · people", (r) => codes([...r.chairs, ...r.people])],
    ["Place", (r) => (r.place ? r.place.name : "")],
  ],
};

// One line describing a record, for the article view's list.
export function recordLine(record) {
  const plural = `${record.record_type}s`;
  const line = el("span", {});
  line.append(el("strong", { text: record.record_type }), " ", el("span", { class: "muted", text: record.kind.replace("_", " ") }), " · ");
  for (const [header, cell] of COLUMNS[plural].slice(2)) {
    const value = cell(record);
    if (value === "" || value === null) continue;
    line.append(el("span", { class: "muted", text: `${header}: ` }), value instanceof Node ? value : String(value), "  ");
  }
  return line;
}

// The /agreements (/deals, /meetings) filters for a state: one actor, the dates, the words.
export function recordQuery(state) {
  const params = new URLSearchParams();
  if (state.a || state.b) params.set("actor", state.a || state.b);
  if (state.start) params.set("start", state.start);
  if (state.end) params.set("end", state.end);
  if (state.q) params.set("q", state.q);
  params.set("limit", "100");
  return params;
}

let lastQuery = null;
let pages = {};

export function forgetRecords() {
  lastQuery = null;
}

export async function renderRecords(state) {
  const query = recordQuery(state).toString();
  if (query !== lastQuery) {
    lastQuery = query;
    $("records-card").classList.add("busy");
    try {
      const found = await Promise.all(RECORD_TYPES.map((type) => getJSON(`records-${type}`, `/${type}?${query}`)));
      pages = Object.fromEntries(RECORD_TYPES.map((type, i) => [type, found[i]]));
    } catch (err) {
      if (aborted(err)) return;
      lastQuery = null;
      pages = {};
      $("records-card").classList.remove("busy");
      const body = $("records-table").tBodies[0];
      clear(body);
      body.append(el("tr", {}, el("td", { class: "error", text: err.message })));
      return;
    }
    $("records-card").classList.remove("busy");
  }
  drawRecords(state);
}

function drawRecords(state) {
  const tab = RECORD_TYPES.includes(state.rtab) ? state.rtab : "agreements";
  for (const type of RECORD_TYPES) {
    const button = $(`rtab-${type}`);
    const page = pages[type];
    button.classList.toggle("on", type === tab);
    button.setAttribute("aria-selected", String(type === tab));
    $(`rtab-${type}-count`).textContent = page ? fmt.format(page.total) : "";
  }
  const table = $("records-table");
  const head = table.tHead.rows[0];
  clear(head);
  for (const [header] of COLUMNS[tab]) head.append(el("th", { scope: "col", text: header }));
  const body = table.tBodies[0];
  clear(body);
  const page = pages[tab];
  if (!page) return;
  const records = page[tab];
  if (!records.length) {
    body.append(el("tr", {}, el("td", { colspan: COLUMNS[tab].length, class: "empty", text: `No ${tab} match these filters.` })));
  }
  for (const record of records) body.append(recordRow(tab, record, state));
}

function recordRow(tab, record, state) {
  const open = () => writeState({ article: record.article_id, record: record.id, event: "" });
  const row = el("tr", {
    tabindex: 0,
    "data-record-id": record.id,
    "data-article-id": record.article_id,
    onclick: open,
    onkeydown: (e) => { if (e.key === "Enter") open(); },
  });
  if (state.record === record.id) row.classList.add("current");
  for (const [, cell] of COLUMNS[tab]) {
    const value = cell(record);
    row.append(el("td", {}, value instanceof Node ? value : String(value ?? "")));
  }
  return row;
}

// Every evidence span of one record, handed to `add(kind, item, label)`: its mentions ("record"), the
// actors on it ("actor"), its date, money and quantity, the verb that says what was done ("trigger"),
// and its other details (ordinal, recurrence, item, intermediary, term, earlier agreement, place).
export function recordEvidence(record, add) {
  const head = `${record.record_type} ${record.kind.replace("_", " ")}: ${text(record.name) || text(record.item)}`;
  for (const mention of record.mentions || []) add("record", mention, head);
  const roles = {
    parties: "party", signatories: "signatory", buyer: "buyer", seller: "seller",
    participants: "participant", chairs: "chair", people: "person",
  };
  for (const [key, role] of Object.entries(roles)) {
    for (const e of record[key] || []) add("actor", e, `${role}: ${e.code} · ${e.name}${e.office ? ", " + e.office : ""} — ${head}`);
  }
  if (record.date_evidence) add("date", record.date_evidence, `date: ${record.date} — ${head}`);
  if (record.money) add("money", record.money, `amount: ${money(record.money)} — ${head}`);
  if (record.quantity) add("quantity", record.quantity, `quantity: ${fmt.format(record.quantity.value)} — ${head}`);
  const verb = record.action_evidence || record.status_evidence;
  if (verb) add("trigger", verb, `${record.action ? "action: " + record.action : "status: " + record.status} — ${head}`);
  const details = [
    ["ordinal", record.ordinal_evidence, record.ordinal],
    ["recurrence", record.recurrence_evidence, record.recurrence],
    ["item", record.item, text(record.item)],
    ["intermediary", record.intermediary, text(record.intermediary)],
    ["earlier agreement", record.earlier, earlier(record)],
    ["place", record.place, record.place && record.place.name],
    ...((record.term && record.term.evidence) || []).map((span) => ["term", span, term(record)]),
  ];
  for (const [name, span, value] of details) if (span) add("detail", span, `${name}: ${value} — ${head}`);
}
