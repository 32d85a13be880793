import { el } from './api.js';

// A conflict on save, field by field: the base, my and their text side by side, and a choice that keeps either or both.
export function showConflicts(box, conflicts, resolve) {
  const form = el('form', { class: 'conflicts', 'aria-labelledby': 'conflicts-h' }, el('h2', { id: 'conflicts-h' }, 'Conflicts with a version saved meanwhile'));
  conflicts.forEach((c, i) => {
    const name = `choice-${i}`;
    const custom = el('textarea', { id: `custom-${i}`, rows: 3 });
    custom.value = [c.mine, c.theirs].filter((t) => t != null).join('\n\n');
    const option = (value, label, checked) => el('label', {}, el('input', { type: 'radio', name, value, checked }), ` ${label}`);
    const text = (label, value) => el('div', { class: 'side' }, el('h3', {}, label), el('pre', {}, value ?? '(none)'));
    form.append(el('fieldset', { class: 'conflict', 'data-path': c.path },
      el('legend', {}, c.where),
      el('div', { class: 'sides' }, text('Before', c.base), text('Mine', c.mine), text('Theirs', c.theirs)),
      option('mine', c.isRemoval && c.mine == null ? 'Mine (remove it)' : 'Keep mine', !c.isText),
      option('theirs', c.isRemoval && c.theirs == null ? 'Theirs (remove it)' : 'Keep theirs', false),
      c.isText ? option('both', 'Keep both texts', true) : null,
      c.isText ? option('custom', 'Write it anew:', false) : null,
      c.isText ? el('label', { for: `custom-${i}`, class: 'visually-hidden' }, `New text for ${c.where}`) : null,
      c.isText ? custom : null));
  });
  form.append(el('button', { type: 'submit' }, 'Save with these choices'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const chosen = conflicts.map((c, i) => {
      const choice = form.querySelector(`input[name="choice-${i}"]:checked`)?.value || 'mine';
      return { path: c.path, choice, text: choice === 'custom' ? form.querySelector(`#custom-${i}`).value : null };
    });
    resolve(chosen);
  });
  box.replaceChildren(form);
}
