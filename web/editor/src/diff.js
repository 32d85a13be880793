import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import { api, el } from './api.js';
import './common.js';

// Two versions side by side, with added, removed and changed steps and flows marked, and the list of changes beside.
// With a proposal, the newer side is what waits for review and the older one the published version.
const { process, procedure, from, to, proposal } = document.body.dataset;
const base = `/api/editor/processes/${encodeURIComponent(process)}/procedures/${encodeURIComponent(procedure)}`;
const older = new NavigatedViewer({ container: '#older' });
const newer = new NavigatedViewer({ container: '#newer' });

function mark(viewer, marks) {
  const registry = viewer.get('elementRegistry');
  const canvas = viewer.get('canvas');
  for (const { element, kind } of marks) {
    if (registry.get(element)) canvas.addMarker(element, `diff-${kind}`);
  }
}

async function show() {
  const [a, b, changes] = await Promise.all([
    api('GET', `${base}/bpmn?version=${from}`),
    api('GET', `${base}/bpmn${proposal ? `?proposal=${proposal}` : to ? `?version=${to}` : ''}`),
    api('GET', `${base}/changes?from=${from}${proposal ? `&proposal=${proposal}` : to ? `&to=${to}` : ''}`),
  ]);
  if (a.ok) { await older.importXML(a.data); older.get('canvas').zoom('fit-viewport'); }
  if (b.ok) { await newer.importXML(b.data); newer.get('canvas').zoom('fit-viewport'); }
  const list = document.getElementById('changes');
  if (!changes.ok) { list.append(el('li', {}, changes.data?.detail || 'The changes cannot be listed.')); return; }
  if (a.ok) mark(older, changes.data.older);
  if (b.ok) mark(newer, changes.data.newer);
  for (const change of changes.data.changes) {
    list.append(el('li', { class: `change-${change.kind}` }, el('strong', {}, `${change.kind}: `), change.text));
  }
  if (!changes.data.changes.length) list.append(el('li', {}, 'No change.'));
  // What the same versions change outside this procedure: the process's own fields and its other procedures.
  const elsewhere = document.getElementById('elsewhere');
  for (const change of changes.data.elsewhere || []) {
    elsewhere.append(el('li', { class: `change-${change.kind}` }, el('strong', {}, `${change.kind}: `), change.text));
  }
  if (elsewhere.children.length) document.getElementById('elsewhere-section').hidden = false;
  document.body.dataset.loaded = 'true';
}

show();
