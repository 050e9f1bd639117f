// Small DOM helpers. Text that comes from articles is only ever placed with textContent or
// createTextNode (the `text` attribute and string children below), never parsed as HTML, so
// markup inside a news report shows as the characters it is.

const SVG_NS = "http://www.w3.org/2000/svg";

export const $ = (id) => document.getElementById(id);

export const fmt = new Intl.NumberFormat("en");

// An HTML element: `attrs` become attributes, except `class`, `text` (its text content) and
// `on<event>` (listeners); string children become text nodes.
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "class") node.className = value;
    else if (name === "text") node.textContent = value;
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// An SVG element, with the same `text` and `on<event>` conventions as el().
export function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined) continue;
    if (name === "text") node.textContent = value;
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, String(value));
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
}

// Replace what `node` shows with one line of text (loading, empty or error).
export function message(node, text, cls = "empty") {
  clear(node);
  node.append(el("p", { class: cls, text }));
}
