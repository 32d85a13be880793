import { el } from './api.js';
import { specs, newItem } from './spec.js';

// Draws forms for a value of a spec type; edits go through `changes` (set) and `structure` (add, remove, up, down).
export class FormRenderer {
  // roles: the handbook's roles; when given, a field of roles is a choice of role names rather than ids typed one per line.
  constructor({ onSet, onStructure, onMeasure, open, roles }) {
    this.roles = roles || [];
    this.onSet = onSet;
    this.onStructure = onStructure;
    this.onMeasure = onMeasure;
    this.open = open || new Set();
    this.counter = 0;
  }

  fields(type, value, base, only) {
    const spec = only ? specs[type].filter((f) => only.includes(f[0])) : specs[type];
    return spec.map((field) => this.field(field, value, base));
  }

  field([name, label, kind, itemType, noun], value, base) {
    const path = base ? `${base}.${name}` : name;
    const current = name.split('.').reduce((v, part) => (v == null ? undefined : v[part]), value);
    if (kind === 'items') return this.items(path, label, itemType, noun, current || []);
    if (kind === 'roles' && this.roles.length) return this.roleChoice(path, label, current || []);
    const id = `f${++this.counter}`;
    const wrap = el('div', { class: 'field', 'data-path': path });
    const set = (v) => this.onSet(path, v);
    let input;
    switch (kind) {
      case 'readonly':
        input = el('input', { id, type: 'text', value: current ?? '', readonly: true });
        break;
      case 'textarea':
        input = el('textarea', { id, rows: 3, oninput: (e) => set(e.target.value === '' ? null : e.target.value) });
        input.value = current ?? '';
        break;
      case 'list': case 'roles':
        input = el('textarea', { id, rows: Math.max(2, (current || []).length + 1), oninput: (e) => set(lines(e.target.value)) });
        input.value = (current || []).join('\n');
        break;
      case 'select':
        input = el('select', { id, onchange: (e) => set(e.target.value) },
          itemType.map((o) => el('option', { value: o, selected: o === current }, o)));
        break;
      case 'tri':
        input = el('select', { id, onchange: (e) => set(e.target.value === '' ? null : e.target.value === 'yes') },
          el('option', { value: '', selected: current == null }, 'not answered'),
          el('option', { value: 'yes', selected: current === true }, 'yes'),
          el('option', { value: 'no', selected: current === false }, 'no'));
        break;
      case 'bool':
        input = el('input', { id, type: 'checkbox', checked: current !== false, onchange: (e) => set(e.target.checked) });
        break;
      case 'number':
        input = el('input', { id, type: 'number', step: 'any', value: current ?? '',
          oninput: (e) => set(e.target.value === '' ? null : Number(e.target.value)) });
        break;
      case 'measure': {
        const check = el('p', { class: 'measure-check', id: `${id}-check`, 'aria-live': 'polite' });
        input = el('input', { id, type: 'text', value: current ?? '', 'aria-describedby': `${id}-check`, spellcheck: 'false',
          oninput: (e) => { set(e.target.value === '' ? null : e.target.value); this.onMeasure(e.target.value, check); } });
        wrap.append(el('label', { for: id }, label), input, check);
        this.onMeasure(current ?? '', check);
        return wrap;
      }
      default:
        input = el('input', { id, type: 'text', value: current ?? '', oninput: (e) => set(e.target.value === '' ? null : e.target.value) });
    }
    wrap.append(el('label', { for: id }, label), input);
    return wrap;
  }

  roleChoice(path, label, current) {
    const known = this.roles.map((r) => r.id);
    const ids = [...known, ...current.filter((id) => !known.includes(id))];
    const group = el('fieldset', { class: 'field role-choice', 'data-path': path }, el('legend', {}, label.replace(/ \(role ids, one per line\)$/, '')));
    // The roles keep the order they had; a role ticked goes last, so a tick changes nothing else in the list.
    let value = [...current];
    const set = (e) => {
      value = e.target.checked ? [...value.filter((id) => id !== e.target.value), e.target.value] : value.filter((id) => id !== e.target.value);
      this.onSet(path, value);
    };
    ids.forEach((roleId) => {
      const role = this.roles.find((r) => r.id === roleId);
      const name = role ? `${role.name}${role.inPlace === false ? ' (not in place)' : ''}` : `${roleId} (not a role of the handbook)`;
      group.append(el('label', { class: 'choice' },
        el('input', { type: 'checkbox', value: roleId, checked: current.includes(roleId), onchange: set }), ` ${name}`));
    });
    return group;
  }

  items(path, label, type, noun, list) {
    const section = el('fieldset', { class: 'items', 'data-path': path }, el('legend', {}, label));
    list.forEach((item, i) => {
      const itemPath = `${path}[${i}]`;
      const title = [item.id || item.version, item.name || item.text || item.record || item.goto].filter(Boolean).join(' — ') || `${noun} ${i + 1}`;
      const details = el('details', { 'data-path': itemPath, open: this.open.has(itemPath) });
      details.addEventListener('toggle', () => (details.open ? this.open.add(itemPath) : this.open.delete(itemPath)));
      const tools = el('div', { class: 'item-tools' },
        el('button', { type: 'button', 'aria-label': `Move ${noun} ${title} up`, onclick: () => this.onStructure('up', itemPath) }, '↑'),
        el('button', { type: 'button', 'aria-label': `Move ${noun} ${title} down`, onclick: () => this.onStructure('down', itemPath) }, '↓'),
        el('button', { type: 'button', onclick: () => this.onStructure('remove', itemPath) }, `Remove ${noun}`));
      details.append(el('summary', {}, `${noun}: ${title}`), tools, ...this.fields(type, item, itemPath));
      if (type === 'procedure') {
        const process = document.body.dataset.process;
        details.append(el('p', {}, el('a', { href: `/editor/processes/${encodeURIComponent(process)}/procedures/${encodeURIComponent(item.id)}/diagram` },
          `Edit the diagram of ${item.name || item.id}`)));
      }
      section.append(details);
    });
    section.append(el('button', { type: 'button', class: 'add', onclick: () => this.onStructure('add', path, newItem(type, list)) }, `Add ${noun}`));
    return section;
  }
}

function lines(text) {
  return text.split('\n').map((s) => s.trim()).filter((s) => s.length > 0);
}

// Puts each lint diagnostic on the field whose path is the longest prefix of the diagnostic's path.
export function showDiagnostics(root, diagnostics, summary) {
  root.querySelectorAll('.diag').forEach((n) => n.remove());
  root.querySelectorAll('[aria-invalid]').forEach((n) => n.removeAttribute('aria-invalid'));
  const places = [...root.querySelectorAll('[data-path]')];
  const unplaced = [];
  diagnostics.forEach((d, i) => {
    let best = null;
    for (const place of places) {
      const p = place.dataset.path;
      if ((d.path === p || d.path.startsWith(`${p}.`) || d.path.startsWith(`${p}[`)) && (!best || p.length > best.dataset.path.length)) best = place;
    }
    // A problem about a group of fields (a step's RACI) where the group has no place of its own goes to the group's first field.
    if (!best) best = places.find((place) => place.dataset.path.startsWith(`${d.path}.`) || place.dataset.path.startsWith(`${d.path}[`)) || null;
    const message = el('p', { class: `diag ${d.severity}`, id: `diag-${i}` }, `${d.severity} ${d.code}: ${d.message}`);
    if (!best) { unplaced.push(message); return; }
    const control = best.matches('.field') ? best.querySelector('input, textarea, select') : null;
    if (control) {
      control.setAttribute('aria-invalid', 'true');
      control.setAttribute('aria-describedby', [control.getAttribute('aria-describedby'), message.id].filter(Boolean).join(' '));
      best.append(message);
    } else if (best.tagName === 'DETAILS') {
      best.querySelector('summary').after(message);
    } else {
      best.append(message);
    }
  });
  if (summary) {
    // Every problem listed, each a link to its field (its sections opened, the field focused); errors first, as they block review.
    const order = { error: 0, warning: 1, hint: 2 };
    const items = diagnostics.map((d, i) => ({ d, i })).sort((a, b) => (order[a.d.severity] ?? 3) - (order[b.d.severity] ?? 3));
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    summary.replaceChildren(...(diagnostics.length
      ? [el('p', {}, `${diagnostics.length} problem(s) found by the check${errors ? `, ${errors} of them error(s): submitting for review waits until they are fixed` : ''}.`),
        el('ul', { class: 'problems' }, ...items.map(({ d, i }) => el('li', { class: `diag-link ${d.severity}` },
          el('a', { href: `#diag-${i}`, onclick: (e) => { e.preventDefault(); goTo(root, i, d.path); } },
            `${d.severity} ${d.code} at ${d.path || 'the document'}: ${d.message}`)))),
        ...unplaced]
      : [el('p', {}, 'The check finds no problem.')]));
  }
}

// Opens the sections around a problem's message and puts the focus on its field (or the message itself).
function goTo(root, index, path) {
  const message = root.querySelector(`#diag-${index}`);
  if (!message) return;
  // The field itself, or for a problem about a group of fields (a step's RACI) the group's first field.
  const within = (p) => p === path || p.startsWith(`${path}.`) || p.startsWith(`${path}[`);
  const control = message.closest('.field')?.querySelector('input, textarea, select')
    || [...root.querySelectorAll('.field[data-path]')].find((f) => within(f.dataset.path))?.querySelector('input, textarea, select');
  const target = control || message;
  for (let node = target.parentElement; node && node !== root; node = node.parentElement) if (node.tagName === 'DETAILS') node.open = true;
  if (!control) message.setAttribute('tabindex', '-1');
  target.scrollIntoView({ block: 'center' });
  target.focus();
}
