// Accord dashboard: overview, timeline, network, map, event table, records and article view over
// the HTTP API.
//
// Everything is computed by the server (counts, pages, timelines, places); these modules only draw.
// One filter state, held in location.hash (#a=IND&role=actor&status=occurred&...), drives every
// panel, so a view can be bookmarked and shared (state.js). Text that comes from articles is only
// ever placed with textContent / createTextNode, never parsed as HTML (see dom.js).
//
// Modules: dom.js (element helpers), vocab.js (fixed lists), state.js (the hash and the filters),
// api.js (fetching), names.js (names beside codes), tooltip.js, layout.js (node and label placement),
// header.js (status and actor list), controls.js (filters form), overview.js, timeline.js,
// network.js, map.js, table.js (events), records.js (agreements, deals and meetings), article.js
// (article drawer), flags.js (flagging a wrong event); this one wires them together.

import { renderArticle } from "./article.js";
import { bindControls, fillStaticControls, syncForm } from "./controls.js";
import { loadHeader } from "./header.js";
import { renderMap } from "./map.js";
import { loadNames } from "./names.js";
import { renderNetwork } from "./network.js";
import { renderOverview } from "./overview.js";
import { forgetRecords, renderRecords } from "./records.js";
import { filterKey, forgetAll, onStateChange, readState } from "./state.js";
import { renderEvents } from "./table.js";
import { renderTimeline } from "./timeline.js";

// Show the state in the controls and bring every panel up to date (each skips what is unchanged).
function render() {
  const state = readState();
  syncForm(state);
  drawPanels(state);
}

function drawPanels(state) {
  // Each panel marks what it drew with the same key (data-drawn), so that a reader (or a test)
  // can tell when every panel shows the current filters.
  document.body.dataset.filters = filterKey(state);
  renderOverview(state);
  renderTimeline(state);
  renderNetwork(state);
  renderMap(state);
  renderEvents(state);
  renderRecords(state);
  renderArticle(state);
}

// The charts are sized to their cards: draw them again once a change of width settles. The form
// is left alone (what the user is typing is not the state yet).
function bindWindow() {
  window.addEventListener("hashchange", render);
  let resizeTimer = null;
  let width = window.innerWidth;
  window.addEventListener("resize", () => {
    if (window.innerWidth === width) return;
    width = window.innerWidth;
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => {
      forgetAll();
      forgetRecords();
      drawPanels(readState());
    }, 200);
  });
}

onStateChange(render);

document.addEventListener("DOMContentLoaded", async () => {
  fillStaticControls();
  bindControls();
  bindWindow();
  // Names go beside codes everywhere, and the flag buttons need to know if the server writes.
  await Promise.all([loadNames(), loadHeader()]);
  render();
});
