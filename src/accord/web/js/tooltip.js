// The one floating tooltip (#tooltip) shared by the charts: callers fill it, then show it.

import { $ } from "./dom.js";

export function showTooltip(event) {
  const tooltip = $("tooltip");
  tooltip.hidden = false;
  const pad = 14;
  let left = event.clientX + pad;
  const width = tooltip.offsetWidth;
  if (left + width > window.innerWidth - 8) left = event.clientX - width - pad;
  tooltip.style.left = `${left}px`;
  tooltip.style.top = `${event.clientY + pad}px`;
}

export function hideTooltip() {
  $("tooltip").hidden = true;
}
