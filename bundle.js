// `npm run bundle` (part of `npm run build`): src/main.ts and everything it loads, discord.js included, as
// ES modules in dist/bundle/, which is what `npm start` runs, and the picture worker thread it starts.
// Loading a few large files instead of some 400 small ones (discord.js and its dependencies are CommonJS,
// each resolved, read and scanned for its exports one by one; zod alone is 95 modules) cuts start-up to
// about three quarters; see bench/RESULTS.md.
import { build } from 'esbuild';

await build({
  // The picture worker is an entry of its own: a worker thread is started from a file. Named so it lands
  // next to the chunks at the top of dist/bundle/, where src/pictures/drawer.ts looks for it.
  entryPoints: { main: 'src/main.ts', 'picture-worker': 'src/pictures/picture-worker.ts' },
  outdir: 'dist/bundle',
  bundle: true,
  // Command files are loaded by a path pattern (src/app/registry.ts); each becomes its own chunk, and so do
  // the console, the Discord client and the picture code, which load only when they are needed.
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  external: [
    // A native module: its platform binary is found at run time.
    '@napi-rs/canvas',
    // Writes through a destination it resolves itself; small, and only loaded with a token.
    'pino',
    // discord.js's optional native speed-ups, required inside try/catch: absent, they are skipped.
    'zlib-sync',
    'bufferutil',
    'utf-8-validate',
  ],
  // Bundled CommonJS code calls require() for Node built-ins and the externals above; ES modules have none.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
});
