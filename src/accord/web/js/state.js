// The page state lives in location.hash (#a=IND&b=RUS&...), so a view can be bookmarked.
// Values equal to their default are left out of the hash.

// Filter fields kept in the hash (eventQuery turns them into API parameters).
export const FILTER_FIELDS = ["a", "b", "type", "quad_class", "status", "start", "end", "q"];
export const DEFAULTS = { offset: "0", limit: "50", order: "-date", interval: "month", chart: "bars", min_events: "1", rtab: "agreements" };

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

// The /events filter parameters for a state: a dyad when both actors are chosen, else one actor.
export function eventQuery(state) {
  const params = new URLSearchParams();
  if (state.a && state.b) params.set("dyad", `${state.a},${state.b}`);
  else if (state.a || state.b) params.set("actor", state.a || state.b);
  if (state.type) params.set("type", state.type);
  if (state.quad_class) params.set("quad_class", state.quad_class);
  if (state.status) params.set("status", state.status);
  if (state.start) params.set("start", state.start);
  if (state.end) params.set("end", state.end);
  if (state.q) params.set("q", state.q);
  return params;
}
