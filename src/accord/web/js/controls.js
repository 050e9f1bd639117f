// The filters form and the card controls: filled once, kept in step with the state, and bound
// to write the state when the user changes them. The actor inputs take names ("China", "Hamas")
// as well as codes; a name is turned into its code by the server's tables (names.js).

import { $, el } from "./dom.js";
import { codeLabel, resolveCode } from "./names.js";
import { RECORD_TYPES } from "./records.js";
import { FILTER_FIELDS, readState, writeState } from "./state.js";
import { EVENT_TYPES, EVIDENCE, OTHER_SERIES, QUADS } from "./vocab.js";

// The options and legends that never change.
export function fillStaticControls() {
  const typeSelect = $("f-type");
  for (const type of EVENT_TYPES) typeSelect.append(el("option", { value: type, text: type }));
  const legend = $("quad-legend");
  for (const q of QUADS) legend.append(el("span", { class: "key" }, el("i", { class: `swatch ${q.key}` }), q.label));
  for (const s of OTHER_SERIES) legend.append(el("span", { class: `key key-${s.key}` }, el("i", { class: `swatch ${s.key}` }), s.label));
  const evidence = $("evidence-legend");
  for (const e of EVIDENCE) {
    evidence.append(el("span", { class: "key" }, el("mark", { class: `hl hl-${e.kind}`, text: e.label })));
  }
  $("network-legend").append(
    el("span", { class: "key" }, el("i", { class: "swatch line cooperation" }), "cooperation"),
    el("span", { class: "key" }, el("i", { class: "swatch line conflict" }), "conflict"),
    el("span", { class: "key" }, el("i", { class: "swatch line planned" }), "planned"),
    el("span", { class: "key muted" }, "arrows: actor → recipient · width: events · a click on an edge lists its events"),
  );
  $("map-legend").append(
    el("span", { class: "key" }, el("i", { class: "dot coop" }), "mostly cooperation"),
    el("span", { class: "key" }, el("i", { class: "dot conflict" }), "mostly conflict"),
    el("span", { class: "key" }, el("i", { class: "dot planned" }), "planned only"),
    el("span", { class: "key" }, el("i", { class: "dot country" }), "placed by country only"),
    el("span", { class: "key muted" }, "area: events"),
  );
}

// Show `state` in every control.
export function syncForm(state) {
  $("f-a").value = state.a || "";
  $("f-b").value = state.b || "";
  $("f-a").title = state.a ? codeLabel(state.a) : "a name (China, Hamas) or a code (CHN)";
  $("f-b").title = state.b ? codeLabel(state.b) : "a second actor: the events between the two";
  $("f-role").value = state.role || "either";
  $("f-type").value = state.type || "";
  $("f-quad").value = state.quad_class || "";
  $("f-status").value = state.status || "";
  $("f-start").value = state.start || "";
  $("f-end").value = state.end || "";
  $("f-q").value = state.q || "";
  $("f-conf").value = state.min_conf || "";
  $("f-flagged").value = state.flagged || "exclude";
  $("f-unit").value = state.unit || "reports";
  $("f-bg").checked = state.bg === "1";
  $("f-interval").value = state.interval;
  $("f-order").value = state.order;
  $("f-limit").value = state.limit;
  $("f-min-events").value = state.min_events;
  $("chart-bars").classList.toggle("on", state.chart !== "lines");
  $("chart-lines").classList.toggle("on", state.chart === "lines");
  $("chart-bars").setAttribute("aria-pressed", String(state.chart !== "lines"));
  $("chart-lines").setAttribute("aria-pressed", String(state.chart === "lines"));
}

// The form's values as state changes (names turned into codes), with the reasons any is wrong.
async function formChanges() {
  const changes = {
    role: $("f-role").value,
    type: $("f-type").value,
    quad_class: $("f-quad").value,
    status: $("f-status").value,
    start: $("f-start").value.trim(),
    end: $("f-end").value.trim(),
    q: $("f-q").value.trim(),
    min_conf: $("f-conf").value,
    flagged: $("f-flagged").value,
    unit: $("f-unit").value,
    bg: $("f-bg").checked ? "1" : "0",
    offset: "0",
  };
  const bad = [];
  for (const key of ["a", "b"]) {
    try {
      changes[key] = await resolveCode($(`f-${key}`).value);
    } catch (err) {
      bad.push(err.message);
    }
  }
  for (const key of ["start", "end"]) if (changes[key] && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(changes[key])) bad.push(`${key === "start" ? "From" : "To"} must be YYYY, YYYY-MM or YYYY-MM-DD`);
  if (!changes.a && changes.b) {
    changes.a = changes.b;
    changes.b = "";
  }
  return { changes, bad };
}

export function bindControls() {
  $("filters").addEventListener("submit", async (event) => {
    event.preventDefault();
    const { changes, bad } = await formChanges();
    const error = $("filter-error");
    if (bad.length) {
      error.textContent = bad.join("; ");
      error.hidden = false;
      return;
    }
    error.hidden = true;
    writeState(changes);
  });
  $("reset").addEventListener("click", () => {
    $("filter-error").hidden = true;
    const blank = Object.fromEntries(FILTER_FIELDS.map((f) => [f, ""]));
    writeState({ ...blank, offset: "0", article: "", event: "", record: "" });
  });
  $("swap").addEventListener("click", () => {
    const a = $("f-a").value;
    $("f-a").value = $("f-b").value;
    $("f-b").value = a;
  });
  $("f-interval").addEventListener("change", (e) => writeState({ interval: e.target.value }));
  $("f-order").addEventListener("change", (e) => writeState({ order: e.target.value, offset: "0" }));
  $("f-limit").addEventListener("change", (e) => writeState({ limit: e.target.value, offset: "0" }));
  $("f-min-events").addEventListener("change", (e) => {
    const n = Math.max(1, parseInt(e.target.value, 10) || 1);
    writeState({ min_events: String(n) });
  });
  $("chart-bars").addEventListener("click", () => writeState({ chart: "bars" }));
  $("chart-lines").addEventListener("click", () => writeState({ chart: "lines" }));
  $("prev-page").addEventListener("click", () => {
    const s = readState();
    writeState({ offset: String(Math.max(0, Number(s.offset) - Number(s.limit))) });
  });
  $("next-page").addEventListener("click", () => {
    const s = readState();
    writeState({ offset: String(Number(s.offset) + Number(s.limit)) });
  });
  $("article-close").addEventListener("click", () => writeState({ article: "", event: "", record: "" }));
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && !$("article-view").hidden) writeState({ article: "", event: "", record: "" });
  });
  for (const type of RECORD_TYPES) $(`rtab-${type}`).addEventListener("click", () => writeState({ rtab: type }));
}
