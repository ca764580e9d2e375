// `npm start`: set-up, build (native CLI, wasm, dist/), then serve dist/ at
// http://127.0.0.1:8000/ (PORT and HOST override).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, setup } from './setup.mjs';
import { buildAll } from './build.mjs';

try {
  await setup({ root: ROOT });
} catch (e) {
  console.error(e.message);
  process.exit(1);
}
const results = await buildAll({ root: ROOT });
const failed = results.filter((r) => !r.ok).map((r) => r.name);
if (failed.includes('dist') || failed.includes('wasm')) {
  console.error(`start: cannot serve the page, the build failed: ${failed.join(', ')}`);
  process.exit(1);
}
if (failed.length) console.error(`start: warning, build failed: ${failed.join(', ')} (serving the page anyway)`);

const serveScript = path.join(ROOT, 'web/scripts/serve.mjs');
if (!existsSync(serveScript)) {
  console.error('start: web/scripts/serve.mjs does not exist yet: cannot serve dist/');
  process.exit(1);
}
const { serve } = await import(pathToFileURL(serveScript).href);
const port = Number(process.env.PORT || 8000);
const host = process.env.HOST || '127.0.0.1';
const server = await serve({ dir: path.join(ROOT, 'dist'), port, host });
if (server && typeof server.once === 'function' && !server.listening) {
  await new Promise((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  }).catch((e) => {
    console.error(`start: cannot listen on ${host}:${port}: ${e.message}`);
    process.exit(1);
  });
}
const shown = host === '0.0.0.0' ? '127.0.0.1' : host;
console.log(`\nServing the playground at http://${shown}:${port}/  (Ctrl+C to stop)`);
