import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import { api, el } from './api.js';
import './common.js';

// Two versions side by side, with added, removed and changed steps and flows marked, and the list of changes beside.
const { process, procedure, from, to } = document.body.dataset;
const base = `/api/editor/processes/${encodeURIComponent(process)}/procedures/${encodeURIComponent(procedure)}`;
const older = new NavigatedViewer({ container: '#older' });
const newer = new NavigatedViewer({ container: '#newer' });

function find(viewer, key) {
  const registry = viewer.get('elementRegistry');
  if (!key.includes('->')) return registry.get(key);
  const [source, target] = key.split('->');
  return registry.filter((e) => e.type === 'bpmn:SequenceFlow' && e.source?.id === source && e.target?.id === target)[0];
}

async function show() {
  const [a, b, changes] = await Promise.all([
    api('GET', `${base}/bpmn?version=${from}`),
    api('GET', `${base}/bpmn${to ? `?version=${to}` : ''}`),
    api('GET', `${base}/changes?from=${from}${to ? `&to=${to}` : ''}`),
  ]);
  if (a.ok) await older.importXML(a.data);
  if (b.ok) await newer.importXML(b.data);
  older.get('canvas').zoom('fit-viewport');
  newer.get('canvas').zoom('fit-viewport');
  const list = document.getElementById('changes');
  if (!changes.ok) return;
  for (const change of changes.data) {
    const viewer = change.kind === 'removed' ? older : newer;
    const element = find(viewer, change.element);
    if (element) viewer.get('canvas').addMarker(element.id, `diff-${change.kind}`);
    list.append(el('li', { class: `change-${change.kind}` }, el('strong', {}, `${change.kind}: `), change.text));
  }
  if (!changes.data.length) list.append(el('li', {}, 'No change.'));
  document.body.dataset.loaded = 'true';
}

show();
