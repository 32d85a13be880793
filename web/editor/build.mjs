// Bundles the editor's scripts and styles (with bpmn-js) into the folder Plumb embeds and serves; nothing comes from a CDN.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';

const out = process.argv[2] || '../../src/Plumb.Editor/Assets/editor';
mkdirSync(out, { recursive: true });
await build({
  entryPoints: { common: 'src/common.js', forms: 'src/forms.js', modeler: 'src/modeler.js', diff: 'src/diff.js', editor: 'src/editor.css' },
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['chrome110', 'firefox110', 'safari16'],
  outdir: out,
  loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.eot': 'file', '.svg': 'file' },
  assetNames: '[name]',
  legalComments: 'linked',
  logLevel: 'warning',
});
