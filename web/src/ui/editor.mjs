// The cell editor, mounted lazily (issue 8). Creating 13 CodeMirror views while the page is
// built kept the main thread busy for most of a second before the worker was even created
// (measured: CodeMirror's parse/highlight/mount was 770 ms of CPU before data-ready). So each
// cell first shows its code in a plain <pre> (same text, same place), and the CodeMirror
// chunk is imported and the views mounted one per task after the first paint, in page order,
// each one only when the page is quiet (setBackgroundGate). Clicking or focusing a
// placeholder mounts its editor at once. Until a view exists, the code lives
// here: getCode/setCode/markErrorLine work the same before and after mounting.
// When every editor of the page is mounted, <html> gets data-editors="ready".

import { h } from './dom.mjs';

let cmModule = null;
const loadCm = () => (cmModule ||= import('./editor-cm.mjs'));

const queue = [];
let pumping = false;
let pending = 0;
let gate = () => Promise.resolve();

// Background mounting awaits fn() before each editor (the Playground passes its quiet():
// no cell running or queued, the worker's start settled), so mounting never competes with
// the reader's runs or the core's compile for the main thread. Clicks and focus still
// mount an editor at once.
export function setBackgroundGate(fn) {
  gate = () =>
    Promise.resolve()
      .then(fn)
      .catch(() => {});
}

function nextTask(fn) {
  setTimeout(fn, 0);
}

function pump() {
  if (pumping) return;
  pumping = true;
  const step = () => {
    const ed = queue.shift();
    if (!ed) {
      pumping = false;
      return;
    }
    const next = () => gate().then(() => nextTask(step));
    ed.mount().then(next, next);
  };
  // after the first paint of the placeholders and the gate
  requestAnimationFrame(() => gate().then(() => nextTask(step)));
}

function mountedOne() {
  pending--;
  if (pending === 0 && typeof document !== 'undefined') document.documentElement.setAttribute('data-editors', 'ready');
}

export function createEditor({ parent, doc, label, onRun, onChange, onEscape }) {
  let code = doc;
  let errorLine = 0;
  let view = null; // the CodeMirror editor (editor-cm.mjs) once mounted
  let mounting = null;
  let wantFocus = false;

  const placeholder = h('pre', { class: 'code-placeholder', tabindex: '0', role: 'textbox', 'aria-multiline': 'true', 'aria-label': label }, code);
  parent.append(placeholder);

  const api = {
    mount() {
      if (!mounting) {
        mounting = loadCm().then((cm) => {
          view = cm.createEditor({
            parent,
            doc: code,
            label,
            onRun,
            onEscape,
            onChange: (c) => {
              code = c;
              onChange && onChange(c);
            },
          });
          placeholder.remove();
          if (errorLine) view.markErrorLine(errorLine);
          if (wantFocus) view.focus();
          mountedOne();
        });
      }
      return mounting;
    },
    getCode: () => (view ? view.getCode() : code),
    setCode(c) {
      if (view) view.setCode(c);
      else {
        code = c;
        placeholder.textContent = c;
      }
    },
    markErrorLine(n, opts) {
      errorLine = n || 0;
      if (view) view.markErrorLine(n, opts);
    },
    focus() {
      if (view) view.focus();
      else {
        wantFocus = true;
        api.mount();
      }
    },
  };
  const now = () => {
    wantFocus = true;
    api.mount();
  };
  placeholder.addEventListener('pointerdown', now);
  placeholder.addEventListener('focus', now);
  pending++;
  queue.push(api);
  pump();
  return api;
}
