// Notebook semantics, without DOM: the cells of the page share one Python namespace (the
// worker's __main__), and "Run" on a cell first runs the earlier cells that define names
// it uses and that have not run in the current namespace generation with their current
// code. Slide 6 uses slide 5's attention(), so slide 6 works on its own.
//
// Name analysis is a deliberately small lexical scan, not a parser: it over-approximates
// "defined" (any assignment target, parameter, loop/with/except/import/def/class name,
// at any depth) so that a function's local variable is not mistaken for a dependency.
// The cost of a mistake is running one more earlier cell, which is harmless.

const KEYWORDS = new Set(
  ('False None True and as assert async await break class continue def del elif else except ' +
    'finally for from global if import in is lambda nonlocal not or pass raise return try while ' +
    'with yield match case print').split(' '),
);

// Tokens: identifiers with the character before/after them, strings and comments removed.
function tokens(src) {
  const out = [];
  const re = /(#[^\n]*)|([rRbBuUfF]{0,2}("""|'''|"|')(?:\\[\s\S]|(?!\3)[^\\\n]|\n(?=[\s\S]*?\3))*?\3)|([A-Za-z_]\w*)|(\n)|(\S)/g;
  let m;
  while ((m = re.exec(src))) {
    if (m[1]) continue;
    if (m[2]) {
      // names inside f-string braces are uses
      if (/^[rRbB]?[fF]/.test(m[2])) for (const f of m[2].matchAll(/\{([^{}]*)\}/g)) out.push(...tokens(f[1].split(/[!:]/)[0]));
      out.push({ str: true });
      continue;
    }
    if (m[4]) out.push({ name: m[4], index: m.index });
    else out.push({ op: m[5] ? 'NL' : m[6], index: m.index });
  }
  return out;
}

// Top-level-ish analysis: {defines: Set, uses: Set}.
export function analyze(src) {
  const defines = new Set();
  const uses = new Set();
  // import statements are read per line: `import a.b as c, d` / `from m import (x as y, z)`
  const text = String(src || '').replace(/^[ \t]*(?:from[ \t]+[\w.]+[ \t]+)?import[ \t]+([^\n#]*)/gm, (_, names) => {
    for (const part of names.replace(/[()\\]/g, '').split(',')) {
      const m = /^\s*([\w.]+)(?:\s+as\s+(\w+))?\s*$/.exec(part);
      if (m && m[1] !== '*') defines.add(m[2] || m[1].split('.')[0]);
    }
    return '';
  });
  const toks = tokens(text);
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (!t.name) continue;
    const prev = toks[i - 1];
    const next = toks[i + 1];
    if (prev && prev.op === '.') continue; // attribute
    if (t.name === 'def' || t.name === 'class') {
      if (next && next.name) defines.add(next.name);
      if (t.name === 'def') {
        // parameters: names directly after '(' or ',' or '*' up to the matching ')'
        let depth = 0;
        for (let j = i + 2; j < toks.length; j++) {
          const u = toks[j];
          if (u.op === '(' || u.op === '[') depth++;
          else if (u.op === ')' || u.op === ']') {
            if (--depth === 0) break;
          } else if (u.name && depth === 1) {
            const p = toks[j - 1];
            if (p && (p.op === '(' || p.op === ',' || p.op === '*')) defines.add(u.name);
          }
        }
      }
      i++;
      continue;
    }
    if (KEYWORDS.has(t.name)) {
      if ((t.name === 'for' || t.name === 'as' || t.name === 'global' || t.name === 'nonlocal') && next) {
        // for a, (b, c) in ...   /   with x as y   /   except E as e
        for (let j = i + 1; j < toks.length; j++) {
          const u = toks[j];
          if (u.name === 'in' || u.op === ':' || u.op === '=' || (u.op && !',()[]*'.includes(u.op))) break;
          if (u.name) defines.add(u.name);
        }
      }
      continue;
    }
    // NAME followed by '=' (not '=='), an augmented assignment, or ':' annotation at
    // the start of a statement, or part of a tuple target before '='
    if (next && next.op === '=' && text[next.index + 1] !== '=') {
      defines.add(t.name);
      continue;
    }
    if (next && /^[-+*/%@&|^]$/.test(next.op || '') && text[next.index + 1] === '=') {
      defines.add(t.name);
      uses.add(t.name);
      continue;
    }
    if (next && (next.op === ',' || next.op === ')') && isTupleTarget(toks, i)) {
      defines.add(t.name);
      continue;
    }
    if (next && next.op === ':' && t.name === 'lambda') continue;
    uses.add(t.name);
  }
  return { defines, uses };
}

// "a, b = ..." : from i, walk names and commas to an '=' on the same statement.
function isTupleTarget(toks, i) {
  for (let j = i; j < toks.length; j++) {
    const u = toks[j];
    if (u.op === '=') return true;
    if (!(u.name || u.op === ',' || u.op === '(' || u.op === ')')) return false;
  }
  return false;
}

// Names a cell needs from elsewhere.
export function freeNames(src) {
  const { defines, uses } = analyze(src);
  return [...uses].filter((n) => !defines.has(n));
}

// cells: [{id, code}] in page order; ran: Map id -> code that ran in this generation.
// Returns the ids to run, dependencies first, ending with targetId.
export function plan(cells, targetId, ran) {
  const index = new Map(cells.map((c, i) => [c.id, i]));
  const info = cells.map((c) => analyze(c.code));
  const order = [];
  const seen = new Set();
  const visit = (i, isTarget) => {
    if (seen.has(i)) return;
    seen.add(i);
    const needs = [...info[i].uses].filter((n) => !info[i].defines.has(n));
    for (const name of needs) {
      for (let j = i - 1; j >= 0; j--) {
        if (info[j].defines.has(name)) {
          if (ran.get(cells[j].id) !== cells[j].code) visit(j, false);
          break;
        }
      }
    }
    if (isTarget || ran.get(cells[i].id) !== cells[i].code) order.push(cells[i].id);
  };
  if (index.has(targetId)) visit(index.get(targetId), true);
  return order;
}
