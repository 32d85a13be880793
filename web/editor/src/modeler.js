import Modeler from 'bpmn-js/lib/Modeler';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn.css';
import { api, status } from './api.js';
import './common.js';

// The procedure's diagram in the bpmn-js modeler. The diagram comes from the working copy, laid out again on every
// load, so changes made in the forms show here; saving carries tasks, flows and lanes back into the procedure.
const { process, procedure } = document.body.dataset;
const url = `/api/editor/processes/${encodeURIComponent(process)}/procedures/${encodeURIComponent(procedure)}/bpmn`;
const modeler = new Modeler({ container: '#canvas', keyboard: { bindTo: document } });
window.plumbModeler = modeler;
document.getElementById('back-to-forms').href = `/editor/processes/${encodeURIComponent(process)}`;

async function load() {
  const result = await api('GET', url);
  if (!result.ok) { status(result.data?.detail || 'Cannot load the diagram'); return; }
  const { warnings } = await modeler.importXML(result.data);
  modeler.get('canvas').zoom('fit-viewport');
  status(warnings.length ? `Loaded with ${warnings.length} warning(s)` : 'Diagram loaded');
  document.body.dataset.loaded = 'true';
}

document.getElementById('save-diagram').addEventListener('click', async () => {
  const { xml } = await modeler.saveXML({ format: true });
  const result = await api('PUT', url, undefined, xml);
  if (!result.ok) { status(`Not saved: ${result.data?.detail}`); return; }
  await load();
  const notCarried = result.data.notCarried || [];
  status(notCarried.length ? `Diagram saved into your draft; not carried over: ${notCarried.join('; ')}` : 'Diagram saved into your draft');
});

load();
