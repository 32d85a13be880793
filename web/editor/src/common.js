import { api, documentUrl } from './api.js';

// Presence: every editor page on a document says "I am here" and shows who else is; the list lives in the store,
// so it holds across server instances.
export function startPresence() {
  const doc = document.body.dataset.document;
  const target = document.getElementById('presence');
  if (!doc || !target || document.body.dataset.page === 'reader-step') return;
  const poll = async () => {
    const result = await api('GET', `${documentUrl(doc)}/presence`);
    if (!result.ok) return;
    const others = result.data.others;
    target.textContent = others.length ? `Also editing: ${others.join(', ')}` : '';
  };
  poll();
  setInterval(poll, 5000);
}

startPresence();
