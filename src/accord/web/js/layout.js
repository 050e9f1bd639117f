// Placing things on a chart: a deterministic force layout for the network (or rings around one
// actor for its ego view), and labels that never cover each other (a label that finds no free
// place is hidden, and shown on hover).

// Positions {code: {x, y}} for `nodes` joined by `edges` in a width x height box. With `ego`, that
// code sits in the middle, its partners on a ring around it (busiest first), the others outside.
export function placeNodes(nodes, edges, width, height, ego) {
  const margin = 46;
  const cx = width / 2;
  const cy = height / 2;
  const pos = new Map();
  const weight = new Map();
  for (const e of edges) {
    for (const [p, q] of [[e.source, e.target], [e.target, e.source]]) {
      weight.set(`${p}|${q}`, (weight.get(`${p}|${q}`) || 0) + e.events);
    }
  }
  if (ego && nodes.some((n) => n.code === ego)) {
    pos.set(ego, { x: cx, y: cy });
    const near = nodes.filter((n) => n.code !== ego && weight.has(`${ego}|${n.code}`)).sort((p, q) => weight.get(`${ego}|${q.code}`) - weight.get(`${ego}|${p.code}`) || p.code.localeCompare(q.code));
    const far = nodes.filter((n) => n.code !== ego && !weight.has(`${ego}|${n.code}`));
    ring(near, 0.55, -Math.PI / 2);
    ring(far, 0.92, -Math.PI / 2 + Math.PI / Math.max(2, far.length));
    return pos;
  }
  function ring(list, scale, offset) {
    const rx = (width / 2 - margin) * scale;
    const ry = (height / 2 - margin) * scale;
    list.forEach((n, i) => {
      const angle = offset + (2 * Math.PI * i) / Math.max(1, list.length);
      pos.set(n.code, { x: cx + rx * Math.cos(angle), y: cy + ry * Math.sin(angle) });
    });
  }
  // Start on a circle (busiest first, so that the layout is the same each time), then let linked
  // nodes pull together and all nodes push apart.
  const sorted = [...nodes].sort((p, q) => q.events - p.events || p.code.localeCompare(q.code));
  ring(sorted, 0.9, -Math.PI / 2);
  const k = Math.sqrt(((width - 2 * margin) * (height - 2 * margin)) / Math.max(1, nodes.length)) * 0.75;
  for (let step = 0; step < 240; step++) {
    const heat = 0.1 * (1 - step / 240) * k;
    const move = new Map(sorted.map((n) => [n.code, { x: 0, y: 0 }]));
    for (let i = 0; i < sorted.length; i++) {
      for (let j = i + 1; j < sorted.length; j++) {
        const p = pos.get(sorted[i].code);
        const q = pos.get(sorted[j].code);
        const dx = p.x - q.x || 0.01;
        const dy = p.y - q.y || 0.01;
        const d2 = Math.max(dx * dx + dy * dy, 1);
        const d = Math.sqrt(d2);
        let f = (k * k) / d;
        const w = weight.get(`${sorted[i].code}|${sorted[j].code}`);
        if (w) f -= (d * d) / k * Math.min(2, 0.6 + Math.log1p(w) * 0.3);
        const mi = move.get(sorted[i].code);
        const mj = move.get(sorted[j].code);
        mi.x += (dx / d) * f; mi.y += (dy / d) * f;
        mj.x -= (dx / d) * f; mj.y -= (dy / d) * f;
      }
    }
    for (const n of sorted) {
      const p = pos.get(n.code);
      const m = move.get(n.code);
      m.x += (cx - p.x) * 0.02 * k / 10;
      m.y += (cy - p.y) * 0.02 * k / 10;
      const len = Math.sqrt(m.x * m.x + m.y * m.y) || 1;
      p.x = Math.min(width - margin, Math.max(margin, p.x + (m.x / len) * Math.min(len, heat)));
      p.y = Math.min(height - margin, Math.max(margin, p.y + (m.y / len) * Math.min(len, heat)));
    }
  }
  return pos;
}

const overlaps = (a, b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

// Label boxes for `items` ({key, x, y, r, text, and w, h when measured}, most important first)
// inside width x height: each label goes right, left, above or below its point, the first place that
// covers no other label and no other point; `null` when there is none. Unmeasured text is given a
// width from its length (11px bold).
export function placeLabels(items, width, height, charWidth = 7.4, lineHeight = 14) {
  const taken = [];
  const dots = items.map((it) => ({ x: it.x - it.r, y: it.y - it.r, w: 2 * it.r, h: 2 * it.r, key: it.key }));
  const placed = new Map();
  for (const it of items) {
    const w = (it.w || it.text.length * charWidth) + 4;
    const h = it.h || lineHeight;
    const gap = it.r + 3;
    const candidates = [
      { x: it.x + gap, y: it.y - h / 2, anchor: "start" },
      { x: it.x - gap - w, y: it.y - h / 2, anchor: "end" },
      { x: it.x - w / 2, y: it.y - gap - h, anchor: "middle" },
      { x: it.x - w / 2, y: it.y + gap, anchor: "middle" },
    ];
    let chosen = null;
    for (const c of candidates) {
      const box = { x: c.x, y: c.y, w, h };
      if (box.x < 0 || box.y < 0 || box.x + w > width || box.y + h > height) continue;
      if (taken.some((t) => overlaps(t, box))) continue;
      if (dots.some((d) => d.key !== it.key && overlaps(d, box))) continue;
      chosen = { ...box, anchor: c.anchor };
      break;
    }
    if (chosen) taken.push(chosen);
    placed.set(it.key, chosen);
  }
  return placed;
}

// Where the text of a placed label goes (x by its anchor, y on its baseline).
export function labelPoint(box) {
  const x = box.anchor === "start" ? box.x + 2 : box.anchor === "end" ? box.x + box.w - 2 : box.x + box.w / 2;
  return { x, y: box.y + box.h - 4 };
}

// The rendered size of each text in `texts`, in `svgRoot` (which must be in the document), with
// the class `cls`: {text: {w, h}}.
export function measureTexts(svgRoot, texts, cls, make) {
  const sizes = new Map();
  for (const text of new Set(texts)) {
    const probe = make(text);
    probe.setAttribute("class", cls);
    svgRoot.append(probe);
    const box = probe.getBBox();
    sizes.set(text, { w: box.width, h: box.height });
    probe.remove();
  }
  return sizes;
}
