import { api, el, status, documentUrl } from './api.js';
import { FormRenderer, showDiagnostics } from './form-render.js';
import { startWorkshop } from './workshop.js';
import { showConflicts } from './conflicts.js';
import './common.js';

const body = document.body.dataset;

// The working copy in the page, kept in step with the editor's draft on the server.
export class DraftSession {
  constructor(doc, onReload) {
    this.doc = doc;
    this.pending = new Map();
    this.timer = null;
    this.onReload = onReload;
    this.onDiagnostics = () => {};
  }

  async load() {
    const result = await api('GET', `${documentUrl(this.doc)}/working`);
    if (!result.ok) { status(result.data?.detail || 'Cannot load'); return null; }
    this.copy = result.data;
    return this.copy;
  }

  set(path, value) {
    this.pending.set(path, value);
    status('Editing…');
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), 500);
  }

  async flush() {
    clearTimeout(this.timer);
    if (this.pending.size === 0) return true;
    const patches = [...this.pending].map(([path, value]) => ({ op: 'set', path, value }));
    this.pending.clear();
    return this.send(patches, false);
  }

  async structure(op, path, value) {
    await this.flush();
    return this.send([{ op, path, value }], true);
  }

  // The status says where the draft stands: saving, saved (and when), or not saved and why (https://plumb.dev/issues/20).
  async send(patches, reload) {
    status('Saving…');
    let result;
    try {
      result = await api('PATCH', `${documentUrl(this.doc)}/draft`, patches);
    } catch (e) {
      status(`Not saved: the server cannot be reached (${e.message})`);
      return false;
    }
    if (!result.ok) { status(`Not saved: ${result.data?.detail || `HTTP ${result.status}`}`); return false; }
    this.copy = result.data;
    const now = new Date();
    status(`Draft saved at ${String(now.getHours()).padStart(2, '0')}:${String(now.getMinutes()).padStart(2, '0')}`);
    this.onDiagnostics(this.copy.diagnostics);
    if (reload) this.onReload(this.copy);
    return true;
  }
}

async function formsPage() {
  const root = document.getElementById('forms');
  const summary = el('div', { class: 'summary', 'aria-live': 'polite' });
  const open = new Set();
  const type = body.document === 'handbook.yaml' ? 'handbook' : 'process';
  let session;
  const draw = (copy) => {
    const renderer = new FormRenderer({
      open,
      onSet: (path, value) => session.set(path, value),
      onStructure: (op, path, value) => session.structure(op, path, value),
      onMeasure: checkMeasure,
    });
    // The handbook's version, the one number of the server's history, as the portal's footer shows it.
    const version = (n) => el('span', { class: 'handbook-version' }, String(n));
    const info = el('p', { class: 'working-version' }, ...(copy.isDraft ? ['Your draft, on top of handbook version ', version(copy.baseNumber), '.']
      : copy.proposal ? [`Your proposal ${copy.proposal.id} (${copy.proposal.state}), on handbook version `, version(copy.baseNumber), '.']
        : ['Handbook version ', version(copy.headNumber), '.']));
    root.replaceChildren(info, summary, ...renderer.fields(type, copy.content, ''));
    showDiagnostics(root, copy.diagnostics, summary);
  };
  session = new DraftSession(body.document, draw);
  session.onDiagnostics = (d) => showDiagnostics(root, d, summary);
  const copy = await session.load();
  if (copy) {
    const wanted = type === 'process' && stepPaths(copy.content);
    if (wanted) wanted.forEach((path) => open.add(path));
    draw(copy);
    if (wanted) bringIntoView(root, wanted[wanted.length - 1]);
  }

  document.getElementById('save').addEventListener('click', async () => {
    await session.flush();
    await save(session, draw, []);
  });
  document.getElementById('discard').addEventListener('click', async () => {
    // A discarded draft cannot be brought back: ask first.
    if (!window.confirm('Discard your draft? Every change not yet saved into your proposal is lost.')) { status('Draft kept'); return; }
    await api('DELETE', `${documentUrl(body.document)}/draft`);
    const fresh = await session.load();
    if (fresh) draw(fresh);
    status('Draft discarded');
  });
}

// A step's page in the portal links here with ?procedure=ID&step=ID: the paths of that procedure and step, to open them.
function stepPaths(process) {
  const query = new URLSearchParams(window.location.search);
  const procedureId = query.get('procedure');
  if (!procedureId) return null;
  const p = (process.procedures || []).findIndex((q) => q.id === procedureId);
  if (p < 0) return null;
  const s = (process.procedures[p].steps || []).findIndex((step) => step.id === query.get('step'));
  return s < 0 ? [`procedures[${p}]`] : [`procedures[${p}]`, `procedures[${p}].steps[${s}]`];
}

function bringIntoView(root, path) {
  const details = [...root.querySelectorAll('details[data-path]')].find((d) => d.dataset.path === path);
  const summary = details?.querySelector(':scope > summary');
  if (!summary) return;
  summary.scrollIntoView({ block: 'center' });
  summary.focus();
}

async function save(session, draw, resolutions) {
  const message = document.getElementById('save-message').value;
  const result = await api('POST', `${documentUrl(session.doc)}/save`, { message, resolutions });
  const box = document.getElementById('conflicts');
  if (result.status === 409) {
    status('The document changed meanwhile: settle the conflicts below');
    showConflicts(box, result.data.conflicts, (chosen) => save(session, draw, chosen));
    return;
  }
  if (!result.ok) { status(`Not saved: ${result.data?.detail}`); return; }
  box.replaceChildren();
  status(`Saved in your proposal ${result.data.id}, on handbook version ${result.data.baseVersion}`);
  const fresh = await session.load();
  if (fresh) draw(fresh);
}

let measureTimer;
function checkMeasure(text, target) {
  clearTimeout(measureTimer);
  measureTimer = setTimeout(async () => {
    if (!text) { target.textContent = ''; return; }
    const result = await api('GET', `/api/editor/measure?text=${encodeURIComponent(text)}`);
    if (!result.ok) return;
    target.textContent = result.data.ok ? 'The measure reads well.' : `Column ${result.data.column}: ${result.data.error}`;
    target.className = `measure-check ${result.data.ok ? 'ok' : 'error'}`;
  }, 300);
}

function historyPage() {
  // An approval that conflicts with the head sends the proposal back (409 with the conflicts): the reloaded page lists them.
  const post = async (url, payload) => {
    const result = await api('POST', `${documentUrl(body.document)}/${url}`, payload);
    if (!result.ok && !result.data?.conflicts) { status(result.data?.detail || 'Refused'); return; }
    window.location.reload();
  };
  const comment = () => document.getElementById('review-comment')?.value || null;
  document.getElementById('submit')?.addEventListener('click', () => post('submit', { comment: null }));
  document.querySelectorAll('button.approve').forEach((button) => button.addEventListener('click',
    () => post('review', { approve: true, comment: comment(), proposal: Number(button.dataset.proposal) })));
  document.querySelectorAll('button.send-back').forEach((button) => button.addEventListener('click',
    () => post('review', { approve: false, comment: comment(), proposal: Number(button.dataset.proposal) })));
}

function feedbackPage() {
  document.querySelectorAll('form.answer').forEach((form) => form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const data = new FormData(form);
    const result = await api('POST', `/api/editor/feedback/${form.dataset.feedback}/answer`, {
      process: body.process, answer: data.get('answer'), makeFinding: data.get('makeFinding') === 'on',
      severity: data.get('severity'), plannedUpdate: data.get('plannedUpdate') || null, text: null,
    });
    if (result.ok) window.location.reload();
    else form.append(el('p', { class: 'diag error', role: 'alert' }, result.data?.detail || 'Refused'));
  }));
}

function readerStepPage() {
  const form = document.getElementById('feedback-form');
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const text = new FormData(form).get('text');
    const result = await api('POST', '/api/feedback', { process: form.dataset.process, procedure: form.dataset.procedure, step: form.dataset.step, text });
    status(result.ok ? 'Thank you: the editors will see your feedback.' : result.data?.detail || 'Not sent');
    if (result.ok) form.reset();
  });
}

const pages = { forms: formsPage, history: historyPage, feedback: feedbackPage, workshop: () => startWorkshop(DraftSession), 'reader-step': readerStepPage };
pages[body.page]?.();
