// Entry point of the deck page (index.html): header with engine status and Run all /
// Restart, table of contents, every slide from the deck data, share links in, share and
// embed snippets out, keyboard navigation between slides, and the service worker.

import deck from 'lm:deck';
import errata from '../../deck/errata.mjs';
import { safeStorage, EditStore } from '../engine/store.mjs';
import { encodeShare, decodeShare, isShareFragment } from '../engine/share.mjs';
import { Playground } from './playground.mjs';
import { h } from './dom.mjs';

const storage = safeStorage();
const store = new EditStore(storage);
const $ = (sel) => document.querySelector(sel);

document.title = deck.title;
$('[data-deck-title]').textContent = deck.title;
const statusEl = $('[data-engine-status]');
const banner = $('[data-banner]');

function say(text, actions = []) {
  banner.replaceChildren(h('p', {}, text), ...actions, h('button', { type: 'button', class: 'link', onclick: () => (banner.hidden = true) }, 'Dismiss'));
  banner.hidden = false;
}

// A share link replaces the cells (after backing up local edits) before the views exist.
let shareSlide = null;
if (isShareFragment(location.hash)) {
  const originals = Object.fromEntries(deck.slides.filter((s) => s.code !== null).map((s) => [s.n, s.code]));
  const r = decodeShare(location.hash, originals);
  if (r.error) {
    say(r.error);
  } else {
    const previous = store.backup();
    store.replaceAll(r.edits);
    shareSlide = r.slide;
    const n = Object.keys(r.edits).length;
    const restore = Object.keys(previous).length
      ? [h('button', { type: 'button', onclick: () => restoreBackup() }, 'Restore my previous edits')]
      : [];
    say(`Loaded ${n} edited cell${n === 1 ? '' : 's'} from a shared link. Nothing runs until you ask.${r.warnings.length ? ' ' + r.warnings.join('; ') + '.' : ''}`, restore);
  }
  history.replaceState(null, '', location.pathname + location.search + (shareSlide ? `#slide-${shareSlide}` : ''));
}

const pg = new Playground({
  deck,
  errata,
  store,
  onEngineState(state, d) {
    const text = {
      loading: 'Loading Python…',
      ready: d.reason === 'stop' ? 'Python ready (restarted after Stop: earlier results were cleared)' : d.reason === 'crash' ? 'Python ready (restarted after a crash)' : 'Python ready',
      restarting: 'Restarting Python…',
      failed: `Python failed to load: ${d.message || 'unknown error'}`,
    }[state];
    statusEl.textContent = text || state;
    statusEl.dataset.state = state;
    if (state === 'ready') document.documentElement.setAttribute('data-ready', 'true');
  },
});

function restoreBackup() {
  const backup = store.loadBackup();
  for (const [n, cell] of pg.cells) pg.setCode(n, typeof backup[n] === 'string' ? backup[n] : cell.original);
  say('Your previous edits are back.');
}

const slidesEl = $('[data-slides]');
slidesEl.replaceChildren(...pg.views.map((v) => v.root));
$('[data-toc]').replaceChildren(
  ...deck.slides.map((s) => h('li', {}, h('a', { href: `#slide-${s.n}` }, `${s.n}. ${s.title}`))),
);

const pageUrl = () => location.href.replace(/#.*$/, '');
const baseUrl = () => pageUrl().replace(/[^/]*$/, '');

pg.onShare = (n) => {
  const link = `${pageUrl()}#${encodeShare({ edits: pg.edits(), originals: pg.originals(), slide: n })}`;
  pg.cells.get(n).view.showShareBox('Link to your version of the deck, opening at this slide', link);
};
pg.onEmbed = (n) => {
  const edited = pg.cells.get(n).code !== pg.cells.get(n).original;
  const frag = edited ? `#${encodeShare({ edits: { [n]: pg.cells.get(n).code }, originals: pg.originals(), slide: n })}` : '';
  const src = `${baseUrl()}embed.html?slide=${n}${frag}`;
  const snippet =
    `<iframe src="${src}" title="${escapeAttr(`Slide ${n}: ${pg.cells.get(n).slide.title}`)}" sandbox="allow-scripts" ` +
    `loading="lazy" style="width:100%;border:0" height="420" data-lm-playground></iframe>\n` +
    `<script src="${baseUrl()}embed-host.js"></script>`;
  pg.cells.get(n).view.showShareBox('Paste this into your page to embed this slide', snippet, { multiline: true, attr: 'data-embed-code' });
};

function escapeAttr(s) {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

$('[data-action="run-all"]').addEventListener('click', () => pg.runAll());
$('[data-action="restart"]').addEventListener('click', async () => {
  await pg.restartNamespace();
  statusEl.textContent = 'Python ready (namespace cleared)';
});
$('[data-action="stop-all"]').addEventListener('click', () => pg.stop());

// Keyboard navigation between slides: j/k (or n/p) outside editors, Alt+PageDown/PageUp anywhere.
document.addEventListener('keydown', (e) => {
  const inText = e.target.closest && e.target.closest('.cm-editor, input, textarea');
  let dir = 0;
  if (e.altKey && e.key === 'PageDown') dir = 1;
  else if (e.altKey && e.key === 'PageUp') dir = -1;
  else if (!inText && !e.ctrlKey && !e.metaKey && !e.altKey) dir = { j: 1, n: 1, k: -1, p: -1 }[e.key] || 0;
  if (!dir) return;
  e.preventDefault();
  const slides = [...document.querySelectorAll('[data-slide]')];
  const mid = window.innerHeight / 3;
  let cur = slides.findIndex((s) => s.getBoundingClientRect().bottom > mid);
  if (cur < 0) cur = slides.length - 1;
  const next = slides[Math.max(0, Math.min(slides.length - 1, cur + dir))];
  next.scrollIntoView({ block: 'start' });
  next.focus({ preventScroll: true });
});

if (shareSlide) {
  const el = document.getElementById(`slide-${shareSlide}`);
  if (el) requestAnimationFrame(() => (el.scrollIntoView({ block: 'start' }), el.focus({ preventScroll: true })));
}
if (!storage.persistent) say('Your browser does not allow this page to save edits; they last until you close the tab.');

pg.start().catch(() => {});
globalThis.lmPlayground = pg; // for course authors' scripts and debugging

if ('serviceWorker' in navigator && location.protocol !== 'file:' && !/[?&]nosw\b/.test(location.search)) {
  navigator.serviceWorker.register('sw.js').catch((e) => console.warn('service worker not registered:', e.message));
}
