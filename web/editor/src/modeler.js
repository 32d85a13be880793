import Modeler from 'bpmn-js/lib/Modeler';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn.css';
import { api, el, status } from './api.js';
import './common.js';

// The procedure's diagram in the bpmn-js modeler. The diagram comes from the working copy, laid out again on every
// load, so changes made in the forms show here. Saving first shows what will change in the procedure; an edit that would
// drop a decision, a branch or a step the user did not delete is refused and marked on the canvas with its reason.
const { process, procedure } = document.body.dataset;
const url = `/api/editor/processes/${encodeURIComponent(process)}/procedures/${encodeURIComponent(procedure)}/bpmn`;
// No keyboard.bindTo: diagram-js 15 binds keys to the canvas itself and logs "unsupported configuration" for the option.
const modeler = new Modeler({ container: '#canvas' });
window.plumbModeler = modeler;
document.getElementById('back-to-forms').href = `/editor/processes/${encodeURIComponent(process)}`;
const preview = document.getElementById('preview');
const refused = [];

async function load() {
  const result = await api('GET', url);
  if (!result.ok) { status(result.data?.detail || 'Cannot load the diagram'); return; }
  const { warnings } = await modeler.importXML(result.data);
  modeler.get('canvas').zoom('fit-viewport');
  status(warnings.length ? `Loaded with ${warnings.length} warning(s)` : 'Diagram loaded');
  document.body.dataset.loaded = 'true';
}

function clearRefusals() {
  const canvas = modeler.get('canvas');
  for (const id of refused.splice(0)) if (modeler.get('elementRegistry').get(id)) canvas.removeMarker(id, 'refused');
  modeler.get('overlays').remove({ type: 'refusal' });
  document.getElementById('refusals').replaceChildren();
}

// Each refusal is marked on its element, with the reason beside it, and listed under the canvas for screen readers.
function showRefusals(refusals) {
  const canvas = modeler.get('canvas');
  const overlays = modeler.get('overlays');
  const list = document.getElementById('refusals');
  for (const { element, reason } of refusals) {
    list.append(el('li', { text: reason }));
    if (!modeler.get('elementRegistry').get(element)) continue;
    canvas.addMarker(element, 'refused');
    refused.push(element);
    overlays.add(element, 'refusal', { position: { top: -8, left: 0 }, html: el('div', { class: 'refusal-note', text: reason }) });
  }
}

async function send(previewOnly) {
  const { xml } = await modeler.saveXML({ format: true });
  return api('PUT', previewOnly ? `${url}?preview=true` : url, undefined, xml);
}

document.getElementById('save-diagram').addEventListener('click', async () => {
  clearRefusals();
  preview.hidden = true;
  const result = await send(true);
  if (result.status === 422 && result.data?.refusals) {
    showRefusals(result.data.refusals);
    status(`Not saved: ${result.data.refusals.length} edit(s) would change more than you drew; see the marks on the diagram`);
    return;
  }
  if (!result.ok) { status(`Not saved: ${result.data?.detail}`); return; }
  const changes = result.data.changes || [];
  const notCarried = result.data.notCarried || [];
  document.getElementById('preview-changes').replaceChildren(
    ...(changes.length ? changes.map(c => el('li', { class: `change-${c.kind}`, text: c.text })) : [el('li', { text: 'Nothing changes in the procedure.' })]),
    ...notCarried.map(n => el('li', { class: 'not-carried', text: `Not carried over: ${n}` })));
  preview.hidden = false;
  document.getElementById('apply-diagram').focus();
  status('Check what will change, then apply it to your draft');
});

document.getElementById('apply-diagram').addEventListener('click', async () => {
  const result = await send(false);
  preview.hidden = true;
  if (result.status === 422 && result.data?.refusals) { showRefusals(result.data.refusals); status('Not saved'); return; }
  if (!result.ok) { status(`Not saved: ${result.data?.detail}`); return; }
  await load();
  status('Diagram saved into your draft');
});

document.getElementById('cancel-preview').addEventListener('click', () => {
  preview.hidden = true;
  status('Not saved; go on drawing');
  document.getElementById('save-diagram').focus();
});

load();
