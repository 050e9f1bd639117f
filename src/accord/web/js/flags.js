// Flagging a wrong event from the article view: what is wrong (type, side, date, ...), a note, and
// what it should be. Saved with POST /events/{id}/flags, which the server accepts only when it runs
// with --writable; flagged events are then left out of every count (the filter "Flagged" shows them).

import { getJSON } from "./api.js";
import { el } from "./dom.js";
import { serverWritable } from "./header.js";
import { forgetAll } from "./state.js";
import { PROBLEMS } from "./vocab.js";

// The ids of the flagged events of an article, with their flags.
export async function articleFlags(articleId) {
  const data = await getJSON("article-flags", `/flags?article_id=${encodeURIComponent(articleId)}`);
  const byEvent = new Map();
  for (const flag of data.flags) {
    if (!byEvent.has(flag.event_id)) byEvent.set(flag.event_id, []);
    byEvent.get(flag.event_id).push(flag);
  }
  return byEvent;
}

export function flagBadge(flags) {
  const text = flags.map((f) => `${f.problem}: ${f.note}${f.correction ? ` → ${f.correction}` : ""}`).join("\n");
  return el("span", { class: "chip flagged", title: text, text: `flagged (${flags.map((f) => f.problem).join(", ")})` });
}

// A "Flag" button that opens a small form under `item`; `onSaved(flag)` runs after a save.
export function flagButton(event, item, onSaved) {
  const writable = serverWritable();
  return el("button", {
    type: "button",
    class: "flag-button",
    disabled: writable ? null : "disabled",
    title: writable ? "Mark this event as wrong" : "The server is read-only: start it with `accord serve --writable` to flag events",
    onclick: (e) => {
      e.stopPropagation();
      if (item.querySelector("form.flag-form")) return;
      item.append(flagForm(event, item, onSaved));
    },
    text: "Flag",
  });
}

function flagForm(event, item, onSaved) {
  const problem = el("select", { name: "problem" }, ...PROBLEMS.map(([value, label]) => el("option", { value, text: label })));
  const note = el("input", { name: "note", required: "required", maxlength: 2000, placeholder: "what is wrong (required)", size: 36 });
  const correction = el("input", { name: "correction", maxlength: 500, placeholder: "what it should be (optional)", size: 24 });
  const error = el("span", { class: "error" });
  const form = el("form", { class: "flag-form", onclick: (e) => e.stopPropagation() });
  form.append(problem, note, correction, el("button", { type: "submit", class: "primary", text: "Save flag" }), el("button", { type: "button", text: "Cancel", onclick: () => form.remove() }), error);
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    try {
      const response = await fetch(`/events/${encodeURIComponent(event.id)}/flags`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify({ problem: problem.value, note: note.value, correction: correction.value || null }),
      });
      const body = await response.json();
      if (!response.ok) throw new Error(body.error || `HTTP ${response.status}`);
      form.remove();
      onSaved(body);
      forgetAll();
    } catch (err) {
      error.textContent = err.message;
    }
  });
  setTimeout(() => note.focus(), 0);
  return form;
}
