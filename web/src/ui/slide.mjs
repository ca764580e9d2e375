// One slide's DOM: title, prose, the cell (toolbar, editor, output) and, beside it, the
// deck's claimed output with the errata mark, and below it the mount point of the slide's
// explorer (ui/explorers). It knows nothing about the engine: the
// controller (playground.mjs) calls show*/set* and receives the user's intents through
// callbacks. The data-* attributes are the public contract of issue 6 (tests and course
// authors script the page through them), so they are set here and nowhere else.

import { h, renderProse } from './dom.mjs';
import { createEditor } from './editor.mjs';
import { capOutput, capNote, lastErrorLine } from '../engine/output.mjs';
import { renderFigures } from './figures.mjs';

const VERDICT_TEXT = {
  match: 'Matches the deck',
  differs: 'Differs from the deck',
  random: 'Random: differs on every run',
  edited: 'Edited: not compared with the deck',
  corrected: 'Corrected version',
};

export class SlideView {
  constructor({ slide, errata, code, embed = false, on }) {
    this.slide = slide;
    this.errata = errata || {};
    this.on = on;
    const n = slide.n;
    const hasCode = slide.code !== null;
    const btn = (action, text, extra = {}) =>
      h('button', { type: 'button', 'data-action': action, onclick: () => on[action] && on[action](n), ...extra }, text);

    this.root = h('section', { class: 'slide', 'data-slide': n, id: `slide-${n}`, tabindex: '-1', 'aria-labelledby': `slide-${n}-title` });
    const title = h('h2', { id: `slide-${n}-title` }, h('span', { class: 'slide-num' }, `${n}`), ' ', slide.title);
    this.root.append(title);
    if (!embed || !hasCode) this.root.append(h('div', { class: 'prose' }, renderProse(slide.prose)));
    if (!hasCode) {
      if (slide.after.length) this.root.append(h('div', { class: 'prose' }, renderProse(slide.after)));
      return;
    }

    this.runBtn = btn('run', 'Run', { 'aria-label': `Run slide ${n}`, title: 'Run (Shift+Enter)' });
    this.stopBtn = btn('stop', 'Stop', { 'aria-label': `Stop slide ${n}`, disabled: true });
    const tools = [this.runBtn, this.stopBtn, btn('reset', 'Reset', { 'aria-label': `Reset slide ${n} to the deck's code`, title: "Restore the deck's code" })];
    if (this.errata.corrected) {
      this.correctedBtn = btn('corrected', 'Load corrected version', { 'aria-label': `Load the corrected version of slide ${n}` });
      tools.push(this.correctedBtn);
    }
    if (!embed) {
      tools.push(btn('share', 'Share', { 'aria-label': `Share a link to slide ${n}` }));
      tools.push(btn('embed', 'Embed', { 'aria-label': `Embed slide ${n} in another page` }));
    }
    this.statusEl = h('span', { class: 'cell-status', 'data-status': '', 'aria-live': 'polite' });
    tools.push(this.statusEl);

    this.editorEl = h('div', { class: 'editor', 'data-editor': '' });
    this.outputEl = h('div', { class: 'output', 'data-output': '', 'aria-live': 'polite', 'aria-label': `Output of slide ${n}` });
    this.shareBox = h('div', { class: 'share-box', hidden: true });
    this.verdictEl = h('p', { class: 'verdict', 'data-verdict': '' });
    this.noteEl = h('p', { class: 'errata-note', 'data-errata-note': '', hidden: true }, this.errata.note || '');

    const claimed = slide.claimed_output;
    const aside = h(
      'aside',
      { class: 'claim', 'aria-label': `What the deck claims for slide ${n}` },
      h('h3', {}, 'The deck claims'),
      claimed !== null ? h('pre', { 'data-claimed': '' }, claimed) : h('p', { class: 'muted', 'data-claimed': '' }, 'No printed output (the deck shows a chart).'),
      this.verdictEl,
      this.noteEl,
    );
    const main = h('div', { class: 'cell-main' }, h('div', { class: 'toolbar', role: 'toolbar', 'aria-label': `Slide ${n} cell` }, tools), this.editorEl, this.outputEl, this.shareBox);
    this.root.append(h('div', { class: 'cell' }, main, aside));
    // The explorer of issue 7 (ui/explorers/) fills this root once the page starts it.
    this.explorerEl = h(
      'section',
      { class: 'explorer', 'data-explorer': n, 'aria-label': `Explorer for slide ${n}` },
      h('p', { class: 'muted' }, 'The interactive explorer loads once Python is ready…'),
    );
    this.root.append(this.explorerEl);
    if (slide.after.length) this.root.append(h('div', { class: 'prose' }, renderProse(slide.after)));

    this.editor = createEditor({
      parent: this.editorEl,
      doc: code,
      label: `Python code of slide ${n}`,
      onRun: () => on.run(n),
      onChange: (c) => on.change(n, c),
      onEscape: () => this.runBtn.focus(),
    });
  }

  getCode() {
    return this.editor.getCode();
  }

  setCode(code) {
    if (code !== this.getCode()) this.editor.setCode(code);
  }

  setRunning(running) {
    if (!this.editor) return;
    if (running) this.root.setAttribute('data-running', 'true');
    else this.root.removeAttribute('data-running');
    this.stopBtn.disabled = !running;
    this.statusEl.textContent = running ? 'Running…' : '';
  }

  setQueued() {
    this.statusEl.textContent = 'Waiting…';
  }

  // result: from Engine.run; notes: strings shown above the output (auto-runs, restarts).
  showResult(result, { notes = [], line = 0, scroll = false } = {}) {
    const out = this.outputEl;
    out.replaceChildren();
    for (const note of notes) out.append(h('p', { class: 'note', 'data-note': '' }, note));
    const capped = capOutput(result.stdout, { clipped: result.clipped });
    if (capped.text) out.append(h('pre', { class: 'stdout', 'data-stdout': '' }, capped.text));
    const cn = capNote(capped);
    if (cn) out.append(h('p', { class: 'note', 'data-cap-note': '' }, cn));
    if (result.error) {
      const last = lastErrorLine(result.error);
      const err = h('div', { class: 'error', 'data-error': '' }, h('p', { class: 'error-line', 'data-error-line': '' }, last));
      const tb = String(result.error.traceback || '').trim();
      if (tb && tb !== last) err.append(h('details', {}, h('summary', {}, 'Traceback'), h('pre', { class: 'traceback' }, tb)));
      out.append(err);
    }
    if (result.figures && result.figures.length) out.append(renderFigures(result.figures));
    if (!capped.text && !result.error && !(result.figures && result.figures.length)) out.append(h('p', { class: 'muted' }, '(no output)'));
    if (result.ms !== undefined && !result.stopped) out.append(h('p', { class: 'timing', 'data-time': '' }, `ran in ${formatMs(result.ms)}`));
    this.editor.markErrorLine(line, { scroll });
  }

  clearOutput() {
    if (this.outputEl) this.outputEl.replaceChildren();
  }

  setVerdict(v) {
    if (!this.verdictEl) return;
    this.verdictEl.textContent = v ? VERDICT_TEXT[v] || '' : '';
    if (v) this.verdictEl.dataset.verdict = v;
    else this.verdictEl.dataset.verdict = '';
    this.noteEl.hidden = !(this.errata.note && (v === 'differs' || v === 'random' || v === 'corrected'));
  }

  setCorrectedMode(isCorrected) {
    if (!this.correctedBtn) return;
    this.correctedBtn.textContent = isCorrected ? 'Load original version' : 'Load corrected version';
    this.correctedBtn.setAttribute('aria-label', `${isCorrected ? 'Load the original' : 'Load the corrected'} version of slide ${this.slide.n}`);
  }

  showShareBox(label, value, { multiline = false, attr = 'data-share-link' } = {}) {
    const field = multiline
      ? h('textarea', { readonly: true, rows: 3, [attr]: '', 'aria-label': label })
      : h('input', { type: 'text', readonly: true, [attr]: '', 'aria-label': label });
    field.value = value;
    const copy = h('button', { type: 'button', onclick: () => copyText(field, copy) }, 'Copy');
    this.shareBox.replaceChildren(h('label', {}, label), h('div', { class: 'share-row' }, field, copy));
    this.shareBox.hidden = false;
    field.focus();
    field.select();
  }
}

function formatMs(ms) {
  return ms < 1000 ? `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

async function copyText(field, button) {
  field.select();
  try {
    await navigator.clipboard.writeText(field.value);
    button.textContent = 'Copied';
  } catch {
    button.textContent = 'Press Ctrl+C';
  }
  setTimeout(() => (button.textContent = 'Copy'), 1500);
}
