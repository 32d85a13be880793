import { api, el, documentUrl } from './api.js';
import { FormRenderer, showDiagnostics } from './form-render.js';

// The review workshop: the process review first, then every step of every procedure with the questions of a
// procedure review; answers go into the editor's draft as the team speaks, and the workbook sums them up.
export async function startWorkshop(DraftSession) {
  const root = document.getElementById('workshop');
  const process = document.body.dataset.process;
  let index = 0;
  let stops = [];
  let session;
  let roles = [];
  const handbook = await api('GET', `${documentUrl('handbook.yaml')}/working`);
  if (handbook.ok) roles = handbook.data.content.roles || [];

  const plan = (content) => [
    { title: `Process review: ${content.name}`, type: 'process', base: '',
      only: ['mission', 'purpose', 'scope', 'objectives', 'principles', 'csfs', 'triggers', 'inputs', 'outputs', 'kpis', 'findings'] },
    ...content.procedures.flatMap((procedure, p) => procedure.steps.map((step, s) => ({
      // One counter, in the navigation; the title names the procedure and the step.
      title: `${procedure.name}: ${step.name}`,
      type: 'step', base: `procedures[${p}].steps[${s}]`, step, at: [p, s],
      only: ['review.necessary', 'review.efficient', 'raci.responsible', 'review.roleInPlace', 'inputs', 'outputs', 'review.notes', 'findings'],
    }))),
  ];

  const draw = (copy) => {
    stops = plan(copy.content);
    index = Math.min(index, stops.length);
    const renderer = new FormRenderer({
      open: new Set(),
      roles,
      onSet: (path, value) => session.set(path, value),
      onStructure: (op, path, value) => session.structure(op, path, value),
      onMeasure: () => {},
    });
    const nav = el('div', { class: 'toolbar' },
      el('button', { type: 'button', disabled: index === 0, onclick: () => go(index - 1) }, 'Previous'),
      el('span', { class: 'counter' }, index < stops.length ? `Stop ${index + 1} of ${stops.length}` : 'Summary'),
      el('button', { type: 'button', disabled: index >= stops.length, onclick: () => go(index + 1) }, index + 1 === stops.length ? 'Finish' : 'Next'));
    if (index >= stops.length) {
      root.replaceChildren(el('h2', {}, 'Summary'), nav,
        el('p', {}, 'Every answer is in your draft. Save it as a version from the forms when the team agrees.'),
        el('p', {}, el('a', { href: `/editor/processes/${encodeURIComponent(process)}/workbook`, id: 'to-workbook' }, 'Open the review workbook')));
      return;
    }
    const stop = stops[index];
    const value = stop.base ? stop.step : copy.content;
    const parts = [el('h2', { tabindex: '-1', id: 'stop-title' }, stop.title), nav];
    if (stop.type === 'step') {
      // The instruction as readers will see it: Markdown rendered by the server, as the portal renders it.
      const instruction = el('div', { class: 'instruction', id: 'stop-instruction' }, stop.step.instruction ? '' : '(none yet)');
      if (stop.step.instruction) {
        api('POST', '/api/editor/markdown', { text: stop.step.instruction }).then((result) => {
          if (result.ok) instruction.innerHTML = result.data.html;
          else instruction.textContent = stop.step.instruction;
        });
      }
      parts.push(el('div', { class: 'context' },
        el('h3', {}, 'Instruction'), instruction,
        el('p', {}, el('strong', {}, 'Responsible: '), el('span', { id: 'stop-responsible' }, names(stop.step.raci?.responsible)),
          el('strong', {}, ' Accountable: '), el('span', { id: 'stop-accountable' }, names(stop.step.raci?.accountable))),
        el('p', {}, 'Ask: is the step necessary? can it be more efficient? who is responsible, and is that role in place? what comes in and goes out, from and to where?')));
    }
    const form = el('div', { class: 'workshop-form' }, ...renderer.fields(stop.type, value, stop.base, stop.only));
    parts.push(form);
    root.replaceChildren(...parts);
    showOwn(copy.diagnostics);
  };

  const names = (ids) => (ids || []).map((id) => {
    const role = roles.find((r) => r.id === id);
    return role ? `${role.name}${role.inPlace === false ? ' (not in place)' : ''}` : id;
  }).join(', ') || 'nobody yet';

  // The hints of this stop, and who it names, shown again after every autosave: nothing stale stays once a field is filled.
  const showOwn = (diagnostics) => {
    const stop = stops[index];
    if (!stop) return;
    if (stop.at && session.copy) {
      const step = session.copy.content.procedures?.[stop.at[0]]?.steps?.[stop.at[1]];
      const responsible = document.getElementById('stop-responsible');
      const accountable = document.getElementById('stop-accountable');
      if (step && responsible) responsible.textContent = names(step.raci?.responsible);
      if (step && accountable) accountable.textContent = names(step.raci?.accountable);
    }
    const form = root.querySelector('.workshop-form');
    if (form) showDiagnostics(form, diagnostics.filter((d) => (stop.base ? d.path.startsWith(stop.base) : !d.path.startsWith('procedures['))), null);
  };

  const go = async (next) => {
    await session.flush();
    index = next;
    draw(session.copy);
    document.getElementById('stop-title')?.focus();
  };

  session = new DraftSession(document.body.dataset.document, draw);
  session.onDiagnostics = showOwn;
  const copy = await session.load();
  if (copy) draw(copy);
}
