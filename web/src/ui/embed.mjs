// Entry point of the embed view (embed.html?slide=N or ?slide=A-B, optional #share=...).
// Shows only those slides' cells and output, keeps its edits apart from the deck page's
// (a separate storage key; in a sandboxed iframe, memory only), and reports its height to
// the host page so the iframe can fit its content (embed-host.js listens).

import deck from 'lm:deck';
import errata from '../../deck/errata.mjs';
import { safeStorage, EditStore } from '../engine/store.mjs';
import { decodeShare, isShareFragment } from '../engine/share.mjs';
import { Playground } from './playground.mjs';
import { h } from './dom.mjs';

const params = new URLSearchParams(location.search);
const codeSlides = deck.slides.map((s) => s.n);
const m = /^(\d+)(?:-(\d+))?$/.exec(params.get('slide') || '');
let visible = m ? codeSlides.filter((n) => n >= Number(m[1]) && n <= Number(m[2] || m[1])) : [];
const root = document.querySelector('[data-slides]');
const statusEl = document.querySelector('[data-engine-status]');

const store = new EditStore(safeStorage(), 'lm-playground:v1:embed');
let shareError = '';
if (isShareFragment(location.hash)) {
  const originals = Object.fromEntries(deck.slides.filter((s) => s.code !== null).map((s) => [s.n, s.code]));
  const r = decodeShare(location.hash, originals);
  if (r.error) shareError = r.error;
  else for (const [n, code] of Object.entries(r.edits)) store.save(n, code, originals[n]);
}

if (!visible.length) {
  root.replaceChildren(h('p', { class: 'error-line' }, `No such slide: use embed.html?slide=1 to ${codeSlides.length}.`));
  visible = [];
}

const pg = new Playground({
  deck,
  errata,
  store,
  visible,
  embed: true,
  onEngineState(state, d) {
    statusEl.textContent = { loading: 'Loading Python…', ready: 'Python ready', restarting: 'Restarting Python…', failed: `Python failed to load: ${d.message || ''}` }[state] || state;
    statusEl.dataset.state = state;
    if (state === 'ready') document.documentElement.setAttribute('data-ready', 'true');
  },
});
if (visible.length) root.replaceChildren(...pg.views.map((v) => v.root));
if (shareError) root.prepend(h('p', { class: 'note' }, shareError));
const full = document.querySelector('[data-full-deck]');
full.href = `./${visible.length ? `#slide-${visible[0]}` : ''}`;

let lastHeight = 0;
function report() {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height === lastHeight || window.parent === window) return;
  lastHeight = height;
  window.parent.postMessage({ type: 'lm-playground:height', height, slide: visible[0] || null }, '*');
}
new ResizeObserver(report).observe(document.documentElement);
window.addEventListener('load', report);
report();

if (visible.length) pg.start().catch(() => {});
globalThis.lmPlayground = pg;
