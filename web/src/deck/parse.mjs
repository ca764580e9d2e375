// Deck parser: turns the deck's markdown (the user's own material, kept verbatim in
// web/deck/deck.md) into data {title, slides: [{n, title, prose, code, claimed_output}]}.
// It runs at build time (web/scripts/site.mjs) so the page ships plain JSON and never
// parses markdown or HTML in the browser. Prose stays structured (paragraphs, ordered
// lists, inline links as {text, href}) so the UI can build DOM nodes with textContent
// only: nothing from the deck is ever interpreted as HTML.

const SLIDE_RE = /^Slide (\d+):\s*(.*)$/;
const LINK_RE = /\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g;

// Splits one line of prose into text runs and links.
export function parseInline(line) {
  const out = [];
  let last = 0;
  for (const m of line.matchAll(LINK_RE)) {
    if (m.index > last) out.push({ text: line.slice(last, m.index) });
    out.push({ text: m[1], href: m[2] });
    last = m.index + m[0].length;
  }
  if (last < line.length) out.push({ text: line.slice(last) });
  return out;
}

// Groups prose lines into blocks: {type:'p', inline} or {type:'ol', items:[inline]}.
function proseBlocks(lines) {
  const blocks = [];
  let para = [];
  const flush = () => {
    if (para.length) blocks.push({ type: 'p', inline: parseInline(para.join(' ')) });
    para = [];
  };
  for (const raw of lines) {
    const line = raw.trim();
    const item = /^(\d+)\.\s+(.*)$/.exec(line);
    if (!line) {
      flush();
    } else if (item) {
      flush();
      const prev = blocks[blocks.length - 1];
      const inline = parseInline(item[2]);
      if (prev && prev.type === 'ol') prev.items.push(inline);
      else blocks.push({ type: 'ol', start: Number(item[1]), items: [inline] });
    } else {
      para.push(line);
    }
  }
  flush();
  return blocks;
}

export function parseDeck(markdown) {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  let title = '';
  const slides = [];
  let cur = null;
  let i = 0;
  const readFence = () => {
    // lines[i] is the opening fence; returns the body and leaves i after the closing one
    const body = [];
    i++;
    while (i < lines.length && !/^```\s*$/.test(lines[i])) body.push(lines[i++]);
    i++;
    return body.join('\n');
  };
  while (i < lines.length) {
    const line = lines[i];
    const h = /^#{1,6}\s+(.*)$/.exec(line);
    const s = SLIDE_RE.exec(line);
    if (h && !cur && !title) {
      title = h[1].trim();
      i++;
    } else if (s) {
      cur = { n: Number(s[1]), title: s[2].trim(), proseLines: [], afterLines: [], code: null, claimed_output: null };
      slides.push(cur);
      i++;
    } else if (cur && /^```python\s*$/.test(line)) {
      cur.code = readFence();
    } else if (cur && /^Output:\s*$/.test(line)) {
      i++;
      while (i < lines.length && !lines[i].trim()) i++;
      if (i < lines.length && /^```/.test(lines[i])) cur.claimed_output = readFence();
    } else {
      if (cur) (cur.code === null ? cur.proseLines : cur.afterLines).push(line);
      i++;
    }
  }
  return {
    title,
    slides: slides.map(({ proseLines, afterLines, ...s }) => ({
      ...s,
      prose: proseBlocks(proseLines),
      after: proseBlocks(afterLines),
    })),
  };
}

// Plain-text view of prose blocks (for tests, titles and share previews).
export function proseText(blocks) {
  const t = (inline) => inline.map((r) => r.text).join('');
  return blocks.map((b) => (b.type === 'p' ? t(b.inline) : b.items.map(t).join('\n'))).join('\n\n');
}
