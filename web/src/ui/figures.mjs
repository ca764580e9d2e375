// The place for matplotlib figures below a cell's output. Rendering them with Chart.js
// is issue 5; until then each figure is listed by its title so the student knows a chart
// was produced. Chart.js should be loaded lazily from here (dynamic import) so the first
// cell is usable before it arrives.

import { h } from './dom.mjs';

export function renderFigures(figures) {
  return h(
    'div',
    { class: 'figures', 'data-figures': '' },
    figures.map((f, i) =>
      h('figure', { class: 'figure', 'data-figure': i }, h('figcaption', {}, `Figure ${i + 1}${f && f.title ? `: ${f.title}` : ''} (chart rendering is not available yet)`)),
    ),
  );
}
