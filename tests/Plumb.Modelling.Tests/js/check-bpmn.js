// Reads each BPMN file the way bpmn-js does (bpmn-moddle) and lints it with bpmnlint's recommended rules.
// Prints one JSON object: { "<file>": { "warnings": [...], "lint": [...] } }; exits 0 when it could check every file.
'use strict';
const fs = require('fs');
const BpmnModdle = require('bpmn-moddle');
const { Linter } = require('bpmnlint');
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver');

async function check(file) {
  const moddle = new BpmnModdle();
  const { rootElement, warnings } = await moddle.fromXML(fs.readFileSync(file, 'utf8'));
  const linter = new Linter({ config: { extends: 'bpmnlint:recommended' }, resolver: new NodeResolver() });
  const reports = await linter.lint(rootElement);
  const lint = [];
  for (const [rule, items] of Object.entries(reports)) {
    for (const item of items) {
      if (item.category === 'error' || item.category === 'warn') lint.push(`${item.category} ${rule} ${item.id}: ${item.message}`);
    }
  }
  return { warnings: warnings.map(w => w.message), lint };
}

(async () => {
  const result = {};
  for (const file of process.argv.slice(2)) result[file] = await check(file);
  process.stdout.write(JSON.stringify(result, null, 2));
})().catch(e => { console.error(e.stack || String(e)); process.exit(2); });
