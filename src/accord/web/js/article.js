// The article drawer: an article's text with the evidence of every event and of every agreement, deal
// and meeting highlighted, and the lists of both; a click on either focuses its evidence.
// The text is only ever placed as text nodes inside <mark> elements, never parsed as HTML.

import { aborted, getJSON } from "./api.js";
import { $, clear, el, fmt, message } from "./dom.js";
import { articleFlags, flagBadge, flagButton } from "./flags.js";
import { codeLabel } from "./names.js";
import { RECORD_TYPES, recordEvidence, recordLine } from "./records.js";
import { readState, writeState } from "./state.js";
import { isBackground, quadChip, sentenceWithTrigger } from "./table.js";
import { KIND_RANK } from "./vocab.js";

// The id of the article on show, its data once loaded, and its flags by event id.
let lastArticle = null;
let articleData = null;
let flagsByEvent = new Map();

function evidenceSpans(events, records) {
  // Every evidence span of every event and record, merged when several point at the same words.
  const spans = new Map();
  const put = (kind, item, text) => {
    if (!item || !Number.isInteger(item.start) || !Number.isInteger(item.end) || item.end <= item.start) return null;
    const key = `${item.start}:${item.end}:${kind}`;
    if (!spans.has(key)) spans.set(key, { start: item.start, end: item.end, kind, labels: [], events: new Set(), records: new Set() });
    const span = spans.get(key);
    span.labels.push(text);
    return span;
  };
  const add = (kind, item, index) => {
    const span = put(kind, item, item ? label(kind, item, events[index]) : "");
    if (span) span.events.add(index);
  };
  for (const record of records) {
    recordEvidence(record, (kind, item, text) => {
      const span = put(kind, item, text);
      if (span) span.records.add(record.id);
    });
  }
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

// The tooltip line of one span for one event.
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

// text[from, to) into `target`: plain stretches as text nodes, spans as (nested) <mark>s.
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
      "data-records": [...span.records].join(" "),
      title: span.labels.join("\n"),
    });
    if (span.cut) mark.dataset.cut = "true";
    appendHighlighted(mark, text, span.start, span.end, span.children);
    mark.addEventListener("click", (e) => {
      e.stopPropagation();
      if (!span.events.size) {
        writeState({ record: [...span.records][0], event: "" }, { replace: true });
        return;
      }
      const index = [...span.events][0];
      writeState({ event: articleData.events[index].id, record: "" }, { replace: true });
    });
    target.append(mark);
    cursor = span.end;
  }
  if (cursor < to) target.append(document.createTextNode(text.slice(cursor, to)));
}

export async function renderArticle(state) {
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
    clear($("article-records"));
    try {
      articleData = await getJSON("article", `/articles/${encodeURIComponent(state.article)}`);
      flagsByEvent = await articleFlags(state.article).catch(() => new Map());
    } catch (err) {
      if (aborted(err)) return;
      $("article-title").textContent = "Article not available";
      message($("article-text"), err.message, "error");
      return;
    }
    drawArticle(articleData);
  }
  // The hash may have moved on while the article loaded: focus what it says now.
  const now = readState();
  if (now.record) focusRecord(now.record);
  else focusEvent(now.event);
}

function drawArticle(article) {
  $("article-title").textContent = article.title || article.id;
  const meta = $("article-meta");
  clear(meta);
  meta.append(`${article.date} · ${article.source || "unknown source"} · ${article.events.length} event${article.events.length === 1 ? "" : "s"} · id ${article.id}`);
  if (article.origin) meta.append(` · from ${article.origin}`);
  if (article.url && /^https?:\/\//i.test(article.url)) {
    meta.append(" · ", el("a", { href: article.url, target: "_blank", rel: "noopener noreferrer", text: "original" }));
  }
  const body = $("article-text");
  clear(body);
  const text = article.text || "";
  const records = articleRecords(article);
  appendHighlighted(body, text, 0, text.length, nestSpans(evidenceSpans(article.events, records), text.length));

  const list = $("article-events");
  clear(list);
  article.events.forEach((event, index) => list.append(eventItem(event, index)));
  const recordList = $("article-records");
  clear(recordList);
  for (const record of records) recordList.append(recordItem(record));
  $("article-records-title").hidden = !records.length;
}

// The article's agreements, deals and meetings, in that order (none for an older database).
function articleRecords(article) {
  return RECORD_TYPES.flatMap((type) => article[type] || []);
}

// One record of the article's list; a click focuses its evidence.
function recordItem(record) {
  const item = el("li", {
    "data-record-id": record.id,
    tabindex: 0,
    onclick: () => writeState({ record: record.id, event: "" }, { replace: true }),
  });
  item.append(recordLine(record));
  return item;
}

// Highlight the evidence of one record (dim the rest) and scroll to it.
function focusRecord(recordId) {
  if (!articleData) return;
  const body = $("article-text");
  let any = false;
  for (const mark of body.querySelectorAll("mark.hl")) {
    const on = mark.dataset.records.split(" ").includes(recordId);
    mark.classList.toggle("on", on);
    any = any || on;
  }
  body.classList.toggle("focused", any);
  for (const item of $("article-events").children) item.classList.remove("current");
  for (const item of $("article-records").children) item.classList.toggle("current", item.dataset.recordId === recordId);
  const first = body.querySelector("mark.hl.on");
  if (first) first.scrollIntoView({ block: "center", behavior: "smooth" });
}

// One event of the article's list; a click focuses its evidence.
function eventItem(event, index) {
  const who = (xs) => (xs && xs.length ? xs.map((x) => codeLabel(x.code)).join(", ") : "–");
  const item = el("li", {
    "data-event-id": event.id,
    "data-index": index,
    tabindex: 0,
    onclick: () => writeState({ event: event.id, record: "" }, { replace: true }),
  });
  const flags = flagsByEvent.get(event.id);
  const badge = el("span", { class: "flag-slot" }, flags ? flagBadge(flags) : null);
  item.append(
    quadChip(event.quad_class), " ",
    el("strong", { text: event.event }), " ",
    el("span", { class: "muted", text: `CAMEO ${event.cameo}` }), " · ",
    `${who(event.actor)} → ${who(event.recipient)}`, " · ",
    `${event.date}`, " · ",
    el("span", { class: `status status-${event.status}`, text: event.status }),
    isBackground(event) ? el("span", { class: "chip background", text: "background" }) : "", " ",
    badge, " ",
    flagButton(event, item, (flag) => {
      const all = [...(flagsByEvent.get(event.id) || []), flag];
      flagsByEvent.set(event.id, all);
      clear(badge);
      badge.append(flagBadge(all));
      item.classList.add("is-flagged");
    }),
    el("div", { class: "event-detail muted" }, "“", sentenceWithTrigger(event), "”"),
  );
  if (flags) item.classList.add("is-flagged");
  return item;
}

// Highlight the evidence of one event (dim the rest) and scroll to it; none when not found.
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
  for (const item of $("article-records").children) item.classList.remove("current");
  if (index >= 0) {
    const first = body.querySelector("mark.hl.on");
    if (first) first.scrollIntoView({ block: "center", behavior: "smooth" });
  }
}
