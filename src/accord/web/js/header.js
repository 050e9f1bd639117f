// The top bar: the database's status, and the actor codes offered in the actor inputs.

import { aborted, getJSON } from "./api.js";
import { $, el, fmt } from "./dom.js";

// The actors from /actors (busiest first), once loaded; the timeline suggests the busiest pair.
let suggestions = [];

export function actorSuggestions() {
  return suggestions;
}

export async function loadHeader() {
  try {
    const health = await getJSON("health", "/health");
    $("db-status").textContent = `${fmt.format(health.events)} events · ${health.read_only ? "read-only" : "read-write"}`;
  } catch (err) {
    $("db-status").textContent = `database unavailable: ${err.message}`;
    $("db-status").classList.add("error");
  }
  try {
    const data = await getJSON("actors", "/actors?limit=300");
    const list = $("actor-codes");
    for (const actor of data.actors) {
      list.append(el("option", { value: actor.code, label: `${actor.code} · ${fmt.format(actor.events)} events` }));
    }
    suggestions = data.actors;
  } catch (err) {
    if (!aborted(err)) console.warn("actors:", err.message);
  }
}
