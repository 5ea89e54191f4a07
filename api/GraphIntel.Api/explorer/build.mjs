// Bundles the explorer into dist/: explorer.js (src/main.ts, minified, an ES module), the chunks it imports on demand
// (the graph canvas with cytoscape and its layouts: loaded while the entity panel already shows, so the first view
// does not wait for the biggest part of the code to be parsed), explorer.css and index.html, copied as they are. The API embeds dist/ at build time (GraphIntel.Api.csproj) and serves it at /explore.
//   node build.mjs            build once
//   node build.mjs --check    also type-check with tsc first (the test suite runs this)
import { build } from 'esbuild';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, 'dist');

if (process.argv.includes('--check')) {
  execFileSync(process.execPath, [join(here, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', here], { stdio: 'inherit' });
}
await rm(dist, { recursive: true, force: true });
await mkdir(dist, { recursive: true });
await build({
  entryPoints: [join(here, 'src/main.ts')],
  bundle: true,
  minify: true,
  format: 'esm',
  target: ['es2022'],
  outdir: dist,
  entryNames: 'explorer',
  chunkNames: 'chunk-[hash]',
  splitting: true,
  legalComments: 'linked',
  logLevel: 'warning',
});
for (const file of ['index.html', 'explorer.css']) await copyFile(join(here, file), join(dist, file));
