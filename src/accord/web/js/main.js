// Accord dashboard: timeline, network, event table and article view over the HTTP API.
//
// Everything is computed by the server (counts, pages, timelines); these modules only draw.
// Text that comes from articles is only ever placed with textContent / createTextNode, never
// parsed as HTML, so markup inside a news report shows as the characters it is (see dom.js).
// The page state lives in location.hash (#a=IND&b=RUS&...), so a view can be bookmarked (state.js).
//
// Modules: dom.js (element helpers), vocab.js (fixed lists), state.js (the hash), api.js (fetching),
// tooltip.js, header.js (status and actor list), controls.js (filters form), timeline.js,
// network.js, table.js (events), records.js (agreements, deals and meetings), article.js (article
// drawer); this one wires them together.

import { renderArticle } from "./article.js";
import { bindControls, fillStaticControls, syncForm } from "./controls.js";
import { loadHeader } from "./header.js";
import { forgetNetwork, renderNetwork } from "./network.js";
import { forgetRecords, renderRecords } from "./records.js";
import { onStateChange, readState } from "./state.js";
import { forgetEvents, renderEvents } from "./table.js";
import { forgetTimeline, renderTimeline } from "./timeline.js";

// Show the state in the controls and bring every panel up to date (each skips what is unchanged).
function render() {
  const state = readState();
  syncForm(state);
  renderTimeline(state);
  renderNetwork(state);
  renderEvents(state);
  renderRecords(state);
  renderArticle(state);
}

// The charts are sized to their cards: draw them again once a resize settles.
function bindWindow() {
  window.addEventListener("hashchange", render);
  let resizeTimer = null;
  window.addEventListener("resize", () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => {
      forgetTimeline();
      forgetNetwork();
      forgetEvents();
      forgetRecords();
      render();
    }, 200);
  });
}

onStateChange(render);

document.addEventListener("DOMContentLoaded", async () => {
  fillStaticControls();
  bindControls();
  bindWindow();
  render();
  await loadHeader();
  // The timeline's prompt offers the busiest pair, known only now.
  forgetTimeline();
  renderTimeline(readState());
});
