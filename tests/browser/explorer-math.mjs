// Reference math for the explorer tests, written from first principles (no code of the
// page or of the core): NumPy's legacy RandomState stream (MT19937 seeded by
// init_genrand, random_sample = genrand_res53, randn = the polar Gaussian with its cached
// second value, choice = searchsorted over the normalised cdf), and the slides' algorithms
// in plain JS. The tests compare what the explorers draw with these.

export class RandomState {
  constructor(seed) {
    this.mt = new Uint32Array(624);
    this.mt[0] = seed >>> 0;
    for (let i = 1; i < 624; i++) {
      const p = this.mt[i - 1] ^ (this.mt[i - 1] >>> 30);
      // 1812433253 * p + i, modulo 2^32, without losing bits to floating point
      this.mt[i] = (((((p & 0xffff0000) >>> 16) * 1812433253) << 16) + (p & 0x0000ffff) * 1812433253 + i) >>> 0;
    }
    this.i = 624;
    this.gauss = null;
  }

  next32() {
    const mt = this.mt;
    if (this.i >= 624) {
      for (let k = 0; k < 624; k++) {
        const y = (mt[k] & 0x80000000) | (mt[(k + 1) % 624] & 0x7fffffff);
        mt[k] = mt[(k + 397) % 624] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
      }
      this.i = 0;
    }
    let y = mt[this.i++];
    y ^= y >>> 11;
    y = (y ^ ((y << 7) & 0x9d2c5680)) >>> 0;
    y = (y ^ ((y << 15) & 0xefc60000)) >>> 0;
    return (y ^ (y >>> 18)) >>> 0;
  }

  // np.random.random_sample(): 53-bit double in [0, 1)
  random() {
    const a = this.next32() >>> 5;
    const b = this.next32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  // np.random.randn(): legacy polar method, second value cached
  randn() {
    if (this.gauss !== null) {
      const g = this.gauss;
      this.gauss = null;
      return g;
    }
    let x1, x2, r2;
    do {
      x1 = 2 * this.random() - 1;
      x2 = 2 * this.random() - 1;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1 || r2 === 0);
    const f = Math.sqrt((-2 * Math.log(r2)) / r2);
    this.gauss = f * x1;
    return f * x2;
  }

  // np.random.RandomState.choice(len(p), size, p=p): counts per index
  choiceCounts(p, size) {
    const cdf = [];
    let s = 0;
    for (const v of p) cdf.push((s += v));
    const total = cdf[cdf.length - 1];
    for (let i = 0; i < cdf.length; i++) cdf[i] /= total;
    const counts = p.map(() => 0);
    for (let k = 0; k < size; k++) {
      const u = this.random();
      let j = 0;
      while (j < cdf.length - 1 && cdf[j] <= u) j++; // searchsorted(side='right')
      counts[j]++;
    }
    return counts;
  }
}

export const sum = (a) => a.reduce((s, v) => s + v, 0);
export const dot = (a, b) => sum(a.map((v, i) => v * b[i]));

export function softmaxRows(m) {
  return m.map((row) => {
    const mx = Math.max(...row);
    const e = row.map((v) => Math.exp(v - mx));
    const s = sum(e);
    return e.map((v) => v / s);
  });
}

export const matmulT = (a, b) => a.map((r) => b.map((c) => dot(r, c))); // a · bᵀ
export const matmul = (a, b) => a.map((r) => b[0].map((_, j) => sum(r.map((v, k) => v * b[k][j]))));

// slide 1: {context: {word: count}} in first-seen order, as arrays
export function ngramModel(text, n) {
  const w = text.split(/\s+/).filter(Boolean);
  const model = new Map();
  for (let i = 0; i + n <= w.length; i++) {
    const ctx = w.slice(i, i + n - 1).join(' ');
    const word = w[i + n - 1];
    if (!model.has(ctx)) model.set(ctx, new Map());
    const m = model.get(ctx);
    m.set(word, (m.get(word) || 0) + 1);
  }
  return model;
}

// slide 2
export function charEntropy(text) {
  const chars = [...text];
  const counts = new Map();
  for (const c of chars) counts.set(c, (counts.get(c) || 0) + 1);
  let h = 0;
  for (const c of counts.values()) {
    const p = c / chars.length;
    h -= p * Math.log2(p);
  }
  return { counts, entropy: h, maxEntropy: counts.size > 1 ? Math.log2(counts.size) : 0 };
}

// slide 8
export function buildVocab(texts, minFreq) {
  const counts = new Map();
  for (const t of texts) for (const w of t.toLowerCase().split(/\s+/).filter(Boolean)) counts.set(w, (counts.get(w) || 0) + 1);
  const vocab = new Map();
  [...counts].forEach(([w, c], i) => c >= minFreq && vocab.set(w, i));
  return vocab;
}

// slide 10 (score = word count; heapq.nlargest on (score, state) tuples)
export function beamSearch(vocab, initial, width, steps) {
  let beam = [[0, initial]];
  const kept = [];
  const cmp = (a, b) => (a[0] !== b[0] ? b[0] - a[0] : a[1] < b[1] ? 1 : a[1] > b[1] ? -1 : 0);
  for (let s = 0; s < steps; s++) {
    const cand = [];
    for (const [score, state] of beam) for (const w of vocab) {
      const next = `${state} ${w}`;
      cand.push([score + next.split(/\s+/).filter(Boolean).length, next]);
    }
    beam = cand.sort(cmp).slice(0, width);
    kept.push(beam);
  }
  return kept;
}

// slide 11: (freq, word) descending, first k
export function suggest(corpus, prefix, k) {
  const freq = new Map();
  for (const w of corpus.toLowerCase().match(/\w+/g) || []) freq.set(w, (freq.get(w) || 0) + 1);
  return [...freq]
    .filter(([w]) => w.startsWith(prefix.toLowerCase()))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? 1 : -1))
    .slice(0, k);
}

// slide 7's update rule from (m, b) = (0, 0); returns the states and whether it blew up
export function descend(x, y, rate, epochs) {
  let m = 0;
  let b = 0;
  const loss = [];
  for (let e = 0; e <= epochs; e++) {
    const err = x.map((xi, i) => m * xi + b - y[i]);
    loss.push(sum(err.map((v) => v * v)) / x.length);
    if (!(loss[e] <= 1e12) || e === epochs) break;
    const gm = sum(err.map((v, i) => v * x[i])) / x.length;
    const gb = sum(err) / x.length;
    m -= rate * gm;
    b -= rate * gb;
  }
  return { m, b, loss };
}

// Symmetric eigen-decomposition by cyclic Jacobi rotations: {values, vectors (columns)}.
export function eigSym(a) {
  const n = a.length;
  const A = a.map((r) => r.slice());
  const V = A.map((_, i) => A.map((_, j) => (i === j ? 1 : 0)));
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) off += A[i][j] ** 2;
    if (off < 1e-30) break;
    for (let p = 0; p < n; p++)
      for (let q = p + 1; q < n; q++) {
        if (Math.abs(A[p][q]) < 1e-300) continue;
        const th = (A[q][q] - A[p][p]) / (2 * A[p][q]);
        const t = Math.sign(th || 1) / (Math.abs(th) + Math.sqrt(th * th + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = A[k][p];
          const akq = A[k][q];
          A[k][p] = c * akp - s * akq;
          A[k][q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = A[p][k];
          const aqk = A[q][k];
          A[p][k] = c * apk - s * aqk;
          A[q][k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = V[k][p];
          const vkq = V[k][q];
          V[k][p] = c * vkp - s * vkq;
          V[k][q] = s * vkp + c * vkq;
        }
      }
  }
  return { values: A.map((r, i) => r[i]), vectors: V };
}
