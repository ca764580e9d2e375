// Installs what the build and the tests need and is missing, and nothing else:
//   Debian packages (apt-get, only when something is missing; emscripten is skipped
//   when `emcc` is already on PATH, e.g. for an emsdk user) and node_modules
//   (`npm ci`, only when node_modules is missing or older than package-lock.json).
// Used by build.mjs, start.mjs, tests/run.mjs and tests/bench/run.mjs;
// `node web/scripts/setup.mjs [--browser] [--reference]` runs it alone.
// Only Node built-ins here: this runs before node_modules exists.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync, accessSync, constants } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// The first executable called `name` on PATH, or null.
export function which(name) {
  for (const dir of (process.env.PATH || '').split(':')) {
    if (!dir) continue;
    const p = path.join(dir, name);
    try {
      accessSync(p, constants.X_OK);
      if (statSync(p).isFile()) return p;
    } catch {}
  }
  return null;
}

// Environment for the toolchain: Debian's emcc (3.1.6) runs its JS tools with the
// system Node and needs Debian's node modules (acorn, ...) on NODE_PATH.
export function toolEnv(extra = {}) {
  const env = { ...process.env, ...extra };
  const sys = '/usr/share/nodejs';
  if (existsSync(sys)) {
    const parts = (env.NODE_PATH || '').split(':').filter(Boolean);
    if (!parts.includes(sys)) parts.push(sys);
    env.NODE_PATH = parts.join(':');
  }
  return env;
}

function hasPythonModules() {
  if (!existsSync('/usr/bin/python3')) return false;
  const r = spawnSync('/usr/bin/python3', ['-c', 'import numpy, sklearn, matplotlib'], {
    stdio: 'ignore',
    env: { ...process.env, MPLBACKEND: 'Agg' },
  });
  return r.status === 0;
}

// What each part needs: [Debian package, test that says it is there].
function requirements({ browser, reference, python }) {
  const req = [
    ['cmake', () => which('cmake') !== null],
    ['make', () => which('make') !== null],
    ['g++', () => which('g++') !== null],
    ['libeigen3-dev', () => existsSync('/usr/include/eigen3/Eigen/Core')],
    ['catch2', () => existsSync('/usr/include/catch2/catch.hpp')],
    ['emscripten', () => which('emcc') !== null],
  ];
  if (browser) req.push(['chromium', () => existsSync('/usr/bin/chromium')]);
  if (python || reference) req.push(['python3', () => existsSync('/usr/bin/python3')]);
  if (reference) {
    // One check for the three: the reference interpreter of the corpus and the bench.
    const ok = () => hasPythonModules();
    req.push(['python3-numpy', ok], ['python3-sklearn', ok], ['python3-matplotlib', ok]);
  }
  return req;
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], ...opts });
  if (r.error) throw new Error(`${cmd}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`\`${[cmd, ...args].join(' ')}\` failed (exit ${r.status ?? r.signal})`);
}

export function installDebianPackages(opts = {}, log = console.log) {
  const missing = requirements(opts)
    .filter(([, present]) => !present())
    .map(([pkg]) => pkg);
  if (missing.length === 0) return [];
  log(`setup: installing Debian packages: ${missing.join(' ')}`);
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const sudo = asRoot ? [] : which('sudo') ? ['sudo', '-n'] : null;
  if (sudo === null) {
    throw new Error(`setup: missing ${missing.join(' ')}; run as root: apt-get install ${missing.join(' ')}`);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (...args) => (sudo.length ? run(sudo[0], [...sudo.slice(1), 'apt-get', ...args], { env }) : run('apt-get', args, { env }));
  apt('update');
  apt('install', '-y', ...missing);
  const still = requirements(opts).filter(([, present]) => !present()).map(([pkg]) => pkg);
  if (still.length) throw new Error(`setup: still missing after apt-get install: ${still.join(' ')}`);
  return missing;
}

function mtime(p) {
  try {
    return statSync(p).mtimeMs;
  } catch {
    return -1;
  }
}

export function installNodeModules(root = ROOT, log = console.log) {
  const lock = path.join(root, 'package-lock.json');
  // npm writes node_modules/.package-lock.json at the end of every install.
  const stamp = path.join(root, 'node_modules', '.package-lock.json');
  if (existsSync(stamp) && mtime(stamp) >= mtime(lock)) return false;
  log('setup: npm ci');
  run('npm', ['ci', '--no-audit', '--no-fund', '--include=optional'], { cwd: root });
  // esbuild's JS finds its binary through the @esbuild/<platform> optional dependency,
  // so it works even where npm blocks the install scripts; check it does.
  const r = spawnSync(process.execPath, ['-e', "require('esbuild').transformSync('let a = 1')"], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  if (r.status !== 0) throw new Error(`setup: esbuild does not run after npm ci:\n${r.stderr}`);
  return true;
}

// opts: { browser: install chromium too, reference: CPython with numpy/sklearn/matplotlib,
//         python: plain python3 (the shared conformance checker) }
export async function setup(opts = {}, log = console.log) {
  const root = opts.root || ROOT;
  const installed = installDebianPackages(opts, log);
  const ran = installNodeModules(root, log);
  if (!installed.length && !ran) log('setup: everything is installed');
  return { installed, npmCi: ran };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  try {
    await setup({ browser: args.includes('--browser'), reference: args.includes('--reference'), python: args.includes('--python') });
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
}
