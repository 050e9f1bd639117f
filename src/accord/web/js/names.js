// Names beside codes: every code the server's tables name (/codes), loaded once. "CHN" is shown
// as "CHN · China"; a code no table names is shown alone.

import { getJSON } from "./api.js";

let names = new Map();

export async function loadNames() {
  try {
    const data = await getJSON("codes", "/codes");
    names = new Map(data.codes.map((c) => [c.code, c.name]));
  } catch (err) {
    console.warn("codes:", err.message);
  }
}

export function nameOf(code) {
  return names.get(code) || "";
}

export function codeLabel(code) {
  const name = nameOf(code);
  return name ? `${code} · ${name}` : code;
}

// The code for what a person typed: a known code as it is (any case), else the first match of
// /codes?q= ("China", "Hamas", "chinese"). Throws an Error saying what was not found.
export async function resolveCode(text) {
  const typed = text.trim();
  if (!typed) return "";
  const upper = typed.toUpperCase();
  if (/^[A-Z]{3}$/.test(upper) && (names.has(upper) || !names.size)) return upper;
  const data = await getJSON(`resolve-${typed}`, `/codes?q=${encodeURIComponent(typed)}&limit=1`);
  if (data.codes.length) return data.codes[0].code;
  if (/^[A-Z]{3}$/.test(upper)) return upper;
  throw new Error(`no actor code for “${typed}”`);
}
