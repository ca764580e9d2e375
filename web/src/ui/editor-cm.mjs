// CodeMirror 6 cell editor, imported by editor.mjs when a cell's editor mounts (its own
// chunk, so the page is built and the worker started before CodeMirror loads). Highlighting uses lezer's classHighlighter (tok-* classes)
// so colours live in style.css and follow the light/dark theme without a second theme
// extension. Keyboard: Shift+Enter (or Ctrl/Cmd+Enter) runs; Tab indents, and Escape
// leaves the editor (focus moves to the cell's Run button) so the page stays usable with
// the keyboard alone.

import { EditorState, StateEffect, StateField, Prec } from '@codemirror/state';
import { EditorView, keymap, lineNumbers, drawSelection, Decoration, highlightActiveLineGutter } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { syntaxHighlighting, indentOnInput, bracketMatching, indentUnit } from '@codemirror/language';
import { python } from '@codemirror/lang-python';
import { classHighlighter } from '@lezer/highlight';

const setErrorLine = StateEffect.define();
const errorLineDeco = Decoration.line({ class: 'cm-error-line' });

// The failing line of the last run; any edit clears it.
const errorLineField = StateField.define({
  create: () => Decoration.none,
  update(deco, tr) {
    for (const e of tr.effects) {
      if (e.is(setErrorLine)) {
        const n = e.value;
        if (!n || n > tr.state.doc.lines) return Decoration.none;
        return Decoration.set([errorLineDeco.range(tr.state.doc.line(n).from)]);
      }
    }
    return tr.docChanged ? Decoration.none : deco;
  },
  provide: (f) => EditorView.decorations.from(f),
});

export function createEditor({ parent, doc, label, onRun, onChange, onEscape }) {
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        Prec.highest(
          keymap.of([
            { key: 'Shift-Enter', run: () => (onRun(), true) },
            { key: 'Mod-Enter', run: () => (onRun(), true) },
            { key: 'Escape', run: () => (onEscape ? onEscape() : view.contentDOM.blur(), true) },
          ]),
        ),
        lineNumbers(),
        highlightActiveLineGutter(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        indentUnit.of('    '),
        EditorState.tabSize.of(4),
        python(),
        syntaxHighlighting(classHighlighter),
        errorLineField,
        keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
        EditorView.contentAttributes.of({ 'aria-label': label }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged && onChange) onChange(u.state.doc.toString());
        }),
      ],
    }),
  });
  return {
    view,
    getCode: () => view.state.doc.toString(),
    setCode(code) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: code } });
    },
    markErrorLine(n, { scroll = false } = {}) {
      // No transaction when there is nothing to clear: each one makes CodeMirror update and
      // measure its view, and Run all shows 13 results in a row (~30 ms of main thread).
      if (!n && view.state.field(errorLineField).size === 0) return;
      view.dispatch({ effects: setErrorLine.of(n || 0) });
      if (scroll && n && n <= view.state.doc.lines) {
        const pos = view.state.doc.line(n).from;
        view.dispatch({ effects: EditorView.scrollIntoView(pos, { y: 'nearest' }) });
      }
    },
    focus: () => view.focus(),
  };
}
