// Pure helpers for what a run shows: the output cap (a cell printing a million lines must
// not make the page unusable, and the student must be told that lines were dropped), the
// last traceback line (what CPython prints last, which the page shows prominently), and
// the errata verdict (does the real output match what the deck claims?).

export const MAX_LINES = 1000;
export const MAX_CHARS = 100_000;

// Returns {text, omittedLines, truncated}.
export function capOutput(text, { maxLines = MAX_LINES, maxChars = MAX_CHARS, clipped = false } = {}) {
  let s = String(text || '');
  let truncated = clipped;
  let omittedLines = 0;
  if (s.length > maxChars) {
    const cut = s.lastIndexOf('\n', maxChars);
    const rest = s.slice(cut > 0 ? cut + 1 : maxChars);
    omittedLines += countLines(rest);
    s = s.slice(0, cut > 0 ? cut + 1 : maxChars);
    truncated = true;
  }
  let nl = -1;
  for (let i = 0; i < maxLines; i++) {
    nl = s.indexOf('\n', nl + 1);
    if (nl < 0) break;
  }
  if (nl >= 0 && nl < s.length - 1) {
    omittedLines += countLines(s.slice(nl + 1));
    s = s.slice(0, nl + 1);
    truncated = true;
  }
  return { text: s, omittedLines, truncated };
}

function countLines(s) {
  if (!s) return 0;
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 10) n++;
  return s.endsWith('\n') ? n : n + 1;
}

export function capNote({ omittedLines, truncated }) {
  if (!truncated) return '';
  return omittedLines
    ? `Output truncated: ${omittedLines.toLocaleString('en-US')} more line${omittedLines === 1 ? '' : 's'} not shown.`
    : 'Output truncated.';
}

// CPython's last traceback line, e.g. "NameError: name 'x' is not defined".
export function lastErrorLine(error) {
  if (!error) return '';
  const lines = String(error.traceback || '')
    .split('\n')
    .filter((l) => l.trim());
  if (lines.length) return lines[lines.length - 1];
  return error.message ? `${error.type}: ${error.message}` : String(error.type || 'Error');
}

// verdict for a finished run of the deck's original code:
// 'match' | 'differs' | 'random' | null (no claim to compare with).
export function verdict({ claimed, expected, result }) {
  if (expected === 'random') return 'random';
  if (!result) return null;
  const real = String(result.stdout || '').replace(/\s+$/, '');
  if (!result.ok) return 'differs';
  const want = String(claimed || '').replace(/\s+$/, '');
  return real === want ? 'match' : 'differs';
}
