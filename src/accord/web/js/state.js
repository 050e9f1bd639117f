// The page state lives in location.hash (#a=IND&role=actor&status=occurred&...), so a view can be
// bookmarked and shared. Values equal to their default are left out of the hash.
//
// One filter state drives every panel: eventQuery(state) gives the same API parameters to the
// overview, the timeline, the network, the map, the table and the exports.

// Filter fields kept in the hash (eventQuery turns them into API parameters).
export const FILTER_FIELDS = ["a", "role", "b", "type", "quad_class", "status", "start", "end", "q", "min_conf", "bg", "flagged", "unit"];
export const DEFAULTS = {
  offset: "0", limit: "50", order: "-report_date", interval: "auto", chart: "bars", min_events: "1",
  rtab: "agreements", role: "either", flagged: "exclude", bg: "0", unit: "reports",
};

// What to call when the state changes without a hashchange event (see writeState's `replace`).
let listener = () => {};

export function onStateChange(render) {
  listener = render;
}

export function readState() {
  const params = new URLSearchParams(location.hash.slice(1));
  const state = { ...DEFAULTS };
  for (const [key, value] of params) state[key] = value;
  return state;
}

// Merge `changes` into the state. A new history entry by default (the hashchange listener
// renders); with `replace`, the current entry is rewritten and the page renders at once.
export function writeState(changes, { replace = false } = {}) {
  const state = { ...readState(), ...changes };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(state)) {
    if (value === "" || value === null || value === undefined) continue;
    if (DEFAULTS[key] === value) continue;
    params.set(key, value);
  }
  const hash = "#" + params.toString();
  if (!replace && location.hash !== hash && !(hash === "#" && !location.hash)) {
    location.hash = hash; // the hashchange listener renders
    return;
  }
  history.replaceState(null, "", hash === "#" ? location.pathname + location.search : hash);
  listener();
}

// The event filter parameters of a state, the same for every panel: a dyad when both actors are
// chosen, else one actor; the role of actor A; background and flagged events always said.
export function eventQuery(state) {
  const params = new URLSearchParams();
  if (state.a && state.b) params.set("dyad", `${state.a},${state.b}`);
  else if (state.a || state.b) params.set("actor", state.a || state.b);
  if ((state.a || state.b) && state.role && state.role !== "either") params.set("role", state.role);
  if (state.type) params.set("type", state.type);
  if (state.quad_class) params.set("quad_class", state.quad_class);
  if (state.status) params.set("status", state.status);
  if (state.start) params.set("start", state.start);
  if (state.end) params.set("end", state.end);
  if (state.q) params.set("q", state.q);
  if (state.min_conf) params.set("min_confidence", state.min_conf);
  params.set("background", state.bg === "1" ? "true" : "false");
  params.set("flagged", state.flagged || "exclude");
  // What every panel counts: each report of an event (the table lists mentions), or each real
  // event once however many articles report it (the table lists one row per real event).
  if (state.unit === "events") {
    params.set("count", "clusters");
    params.set("distinct", "true");
  } else {
    params.set("count", "mentions");
  }
  return params;
}

// The key of the filter state alone: panels redraw when it changes.
export function filterKey(state) {
  return eventQuery(state).toString();
}

// After a write (a flag), every panel must fetch again: panels register how to forget.
const forgetters = [];

export function onForget(forget) {
  forgetters.push(forget);
}

export function forgetAll() {
  for (const forget of forgetters) forget();
}
