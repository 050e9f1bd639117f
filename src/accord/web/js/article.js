// The article drawer: an article's text with every event's evidence highlighted, and its events.
// The text is only ever placed as text nodes inside <mark> elements, never parsed as HTML.

import { aborted, getJSON } from "./api.js";
import { $, clear, el, fmt, message } from "./dom.js";
import { readState, writeState } from "./state.js";
import { quadChip, sentenceWithTrigger } from "./table.js";
import { KIND_RANK } from "./vocab.js";

// The id of the article on show, and its data once loaded.
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
  article.events.forEach((event, index) => list.append(eventItem(event, index)));
}

// One event of the article's list; a click focuses its evidence.
function eventItem(event, index) {
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
  if (index >= 0) {
    const first = body.querySelector("mark.hl.on");
    if (first) first.scrollIntoView({ block: "center", behavior: "smooth" });
  }
}
