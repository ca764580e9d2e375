// `npm run build`: set-up (installs only what is missing), then
//   native  build/native/lmpy + unit_tests   (cmake, g++)
//   wasm    build/wasm/lmpy.js + lmpy.wasm    (emcmake cmake, Emscripten)
//   dist    dist/ (the static page)           (web/scripts/site.mjs: buildSite)
// Each step goes on even when an earlier one failed; the exit status is 1 if any
// failed. CMake configures a build folder once and then rebuilds only what changed.
// LMPY_JOBS sets the parallel jobs of each build (default 2).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ROOT, setup, toolEnv, which } from './setup.mjs';

const JOBS = String(process.env.LMPY_JOBS || 2);

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], env: toolEnv(), ...opts });
  if (r.error) throw new Error(`${cmd}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`\`${[cmd, ...args].join(' ')}\` failed (exit ${r.status ?? r.signal})`);
}

export function buildNative({ root = ROOT } = {}) {
  const dir = path.join(root, 'build/native');
  if (!existsSync(path.join(dir, 'CMakeCache.txt'))) {
    run('cmake', ['-S', root, '-B', dir, '-DCMAKE_BUILD_TYPE=Release']);
  }
  run('cmake', ['--build', dir, '-j', JOBS]);
}

export function buildWasm({ root = ROOT } = {}) {
  const dir = path.join(root, 'build/wasm');
  if (!existsSync(path.join(dir, 'CMakeCache.txt'))) {
    if (!which('emcmake')) throw new Error('emcmake is not on PATH (install Debian\'s emscripten or activate emsdk)');
    run('emcmake', ['cmake', '-S', root, '-B', dir, '-DCMAKE_BUILD_TYPE=Release']);
  }
  run('cmake', ['--build', dir, '-j', JOBS]);
}

export async function buildDist({ root = ROOT } = {}) {
  const site = path.join(root, 'web/scripts/site.mjs');
  if (!existsSync(site)) {
    throw new Error('web/scripts/site.mjs does not exist yet: cannot build dist/ (the page is not written yet)');
  }
  const { buildSite } = await import(pathToFileURL(site).href);
  if (typeof buildSite !== 'function') throw new Error('web/scripts/site.mjs does not export buildSite()');
  await buildSite({ root, outDir: path.join(root, 'dist') });
}

export const STEPS = [
  ['native', buildNative],
  ['wasm', buildWasm],
  ['dist', buildDist],
];

// Runs the steps in order; returns [{name, ok, error, ms}]. Never throws.
export async function buildAll({ root = ROOT, steps = STEPS.map(([n]) => n), log = console.log } = {}) {
  const results = [];
  for (const [name, fn] of STEPS) {
    if (!steps.includes(name)) continue;
    log(`\n== build ${name}`);
    const t0 = Date.now();
    try {
      await fn({ root });
      results.push({ name, ok: true, ms: Date.now() - t0 });
      log(`== build ${name}: ok (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    } catch (e) {
      results.push({ name, ok: false, error: e.message, ms: Date.now() - t0 });
      log(`== build ${name}: FAILED: ${e.message}`);
    }
  }
  return results;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    await setup({ root: ROOT });
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
  const results = await buildAll({ root: ROOT });
  const failed = results.filter((r) => !r.ok);
  if (failed.length) {
    console.error(`build failed: ${failed.map((r) => r.name).join(', ')}`);
    process.exit(1);
  }
  console.log('build: ok (build/native/lmpy, build/wasm/lmpy.{js,wasm}, dist/)');
}
