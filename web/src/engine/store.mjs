// Persistence of the student's edits, without DOM. Only cells that differ from the deck
// are stored, so a reload shows the deck for untouched cells even after the deck changes.
// Storage can be missing or throw (sandboxed iframe, private mode, quota): every access is
// guarded and falls back to memory, so the page keeps working and says nothing breaks.

const KEY = 'lm-playground:v1:cells';
const BACKUP_KEY = 'lm-playground:v1:backup';

export function safeStorage(get = () => globalThis.localStorage) {
  let real = null;
  try {
    real = get();
    const probe = '__lm_probe__';
    real.setItem(probe, '1');
    real.removeItem(probe);
  } catch {
    real = null;
  }
  const mem = new Map();
  return {
    persistent: !!real,
    getItem(k) {
      try {
        return real ? real.getItem(k) : mem.has(k) ? mem.get(k) : null;
      } catch {
        return mem.has(k) ? mem.get(k) : null;
      }
    },
    setItem(k, v) {
      mem.set(k, v);
      try {
        if (real) real.setItem(k, v);
        return true;
      } catch {
        return false;
      }
    },
    removeItem(k) {
      mem.delete(k);
      try {
        if (real) real.removeItem(k);
      } catch {
        /* ignore */
      }
    },
  };
}

export class EditStore {
  constructor(storage, key = KEY) {
    this.storage = storage;
    this.key = key;
  }

  load() {
    return readMap(this.storage.getItem(this.key));
  }

  // Saves one cell's code; removes the entry when it equals the original.
  save(n, code, original) {
    const all = this.load();
    if (code === original) delete all[n];
    else all[n] = code;
    return this.storage.setItem(this.key, JSON.stringify(all));
  }

  replaceAll(edits) {
    this.storage.setItem(this.key, JSON.stringify(edits));
  }

  // Before a share link overwrites local edits, keep them one click away.
  backup() {
    const cur = this.load();
    if (Object.keys(cur).length) this.storage.setItem(BACKUP_KEY, JSON.stringify(cur));
    return cur;
  }

  loadBackup() {
    return readMap(this.storage.getItem(BACKUP_KEY));
  }
}

function readMap(raw) {
  if (!raw) return {};
  try {
    const v = JSON.parse(raw);
    if (!v || typeof v !== 'object' || Array.isArray(v)) return {};
    const out = {};
    for (const [k, code] of Object.entries(v)) if (/^\d+$/.test(k) && typeof code === 'string') out[k] = code;
    return out;
  } catch {
    return {};
  }
}
