// The top bar: the database's status (and whether flags can be written), and the actors offered in
// the actor inputs, each with its name.

import { aborted, getJSON } from "./api.js";
import { $, el, fmt } from "./dom.js";

let writable = false;

export function serverWritable() {
  return writable;
}

export async function loadHeader() {
  try {
    const health = await getJSON("health", "/health");
    writable = !health.read_only;
    $("db-status").textContent = `${fmt.format(health.events)} events · ${health.read_only ? "read-only" : "read-write: flags can be saved"}`;
  } catch (err) {
    $("db-status").textContent = `database unavailable: ${err.message}`;
    $("db-status").classList.add("error");
  }
  try {
    const data = await getJSON("actors", "/actors?limit=300&flagged=include");
    const list = $("actor-codes");
    for (const actor of data.actors) {
      const name = actor.name ? `${actor.name} · ` : "";
      list.append(el("option", { value: actor.code, label: `${name}${fmt.format(actor.events)} events` }));
      if (actor.name) list.append(el("option", { value: actor.name, label: actor.code }));
    }
  } catch (err) {
    if (!aborted(err)) console.warn("actors:", err.message);
  }
}
