// Tiny DOM builder. Strings always become text nodes (never HTML), which is what keeps
// deck prose and program output from being interpreted as markup.

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === false || v === null || v === undefined) continue;
    if (k === 'class') el.className = v;
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

// Prose blocks from the deck parser -> DOM (links open in a new tab, text stays text).
export function renderInline(inline) {
  return inline.map((r) =>
    r.href && /^https?:\/\//.test(r.href) ? h('a', { href: r.href, rel: 'noopener noreferrer', target: '_blank' }, r.text) : r.text,
  );
}

export function renderProse(blocks) {
  return blocks.map((b) =>
    b.type === 'p'
      ? h('p', {}, renderInline(b.inline))
      : h('ol', { start: b.start > 1 ? b.start : null }, b.items.map((it) => h('li', {}, renderInline(it)))),
  );
}
