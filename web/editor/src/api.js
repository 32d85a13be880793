// The anti-forgery token the page carries (a hidden form field, as on the server's pages) and the header it goes back in.
function antiforgery() {
  const field = document.getElementById('plumb-csrf');
  return field ? { [field.dataset.header]: field.value } : {};
}

// Calls to the editor API; every write carries the anti-forgery token, so no other site can make a signed-in browser write.
export async function api(method, url, body, raw) {
  const headers = method === 'GET' ? {} : antiforgery();
  let payload;
  if (raw !== undefined) {
    headers['Content-Type'] = 'application/xml';
    payload = raw;
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const response = await fetch(url, { method, headers, body: payload, credentials: 'same-origin' });
  const type = response.headers.get('Content-Type') || '';
  const data = response.status === 204 ? null : type.includes('json') ? await response.json() : await response.text();
  return { ok: response.ok, status: response.status, data };
}

export function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key === 'text') node.textContent = value;
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function status(text) {
  const node = document.getElementById('status');
  if (node) node.textContent = text;
}

export const documentUrl = (doc) => `/api/editor/documents/${encodeURIComponent(doc)}`;
