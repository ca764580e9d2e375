// Share links, without DOM. The edited cells travel in the URL fragment (never sent to a
// server), lz-string compressed. To keep a link with every cell edited well under 8,000
// characters, a cell is stored as a patch against the deck's code: the length of the
// common prefix and suffix plus the changed middle, and a short hash of the original so a
// link made against another version of the deck is detected instead of garbled.
// Decoding treats the fragment as hostile: any malformed input yields {error}, never a
// throw, and every value is type- and size-checked. The code itself is only ever put into
// an editor (and run by the sandboxed interpreter when the user asks).

import LZString from 'lz-string';

const PREFIX = 'share=';
const MAX_CODE = 200_000;

export function hash(s) {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

export function patch(original, code) {
  let p = 0;
  const max = Math.min(original.length, code.length);
  while (p < max && original[p] === code[p]) p++;
  let s = 0;
  while (s < max - p && original[original.length - 1 - s] === code[code.length - 1 - s]) s++;
  return [p, s, code.slice(p, code.length - s)];
}

export function applyPatch(original, [p, s, mid]) {
  return original.slice(0, p) + mid + original.slice(original.length - s);
}

// edits: {n: code}; originals: {n: code}; slide: number|null. Returns the fragment text.
export function encodeShare({ edits, originals, slide }) {
  const c = [];
  for (const [n, code] of Object.entries(edits)) {
    const orig = originals[n];
    if (typeof orig === 'string') c.push([Number(n), ...patch(orig, code), hash(orig)]);
    else c.push([Number(n), 0, 0, code, '']);
  }
  const json = JSON.stringify({ v: 1, s: slide || 0, c });
  return PREFIX + LZString.compressToEncodedURIComponent(json);
}

export function isShareFragment(fragment) {
  return String(fragment || '').replace(/^#/, '').startsWith(PREFIX);
}

// Returns {edits, slide, warnings} or {error}.
export function decodeShare(fragment, originals) {
  const f = String(fragment || '').replace(/^#/, '');
  if (!f.startsWith(PREFIX)) return { error: 'not a share link' };
  let data;
  try {
    const json = LZString.decompressFromEncodedURIComponent(f.slice(PREFIX.length));
    if (!json) throw new Error('empty');
    data = JSON.parse(json);
  } catch {
    return { error: 'This share link is damaged (it could not be decoded). Nothing was changed.' };
  }
  if (!data || data.v !== 1 || !Array.isArray(data.c)) return { error: 'This share link has an unknown format. Nothing was changed.' };
  const edits = {};
  const warnings = [];
  for (const entry of data.c) {
    if (!Array.isArray(entry) || entry.length !== 5) return { error: 'This share link is malformed. Nothing was changed.' };
    const [n, p, s, mid, h] = entry;
    if (!Number.isInteger(n) || !Number.isInteger(p) || !Number.isInteger(s) || p < 0 || s < 0 || typeof mid !== 'string' || typeof h !== 'string' || mid.length > MAX_CODE)
      return { error: 'This share link is malformed. Nothing was changed.' };
    const orig = originals[n];
    if (typeof orig !== 'string') {
      warnings.push(`slide ${n} does not exist; ignored`);
      continue;
    }
    if (h && h !== hash(orig)) warnings.push(`slide ${n} was shared from another version of the deck; its code may be garbled`);
    if (p + s > orig.length) return { error: 'This share link is malformed. Nothing was changed.' };
    edits[n] = h ? applyPatch(orig, [p, s, mid]) : mid;
  }
  const slide = Number.isInteger(data.s) && data.s > 0 ? data.s : null;
  return { edits, slide, warnings };
}
