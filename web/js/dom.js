// Building DOM nodes without HTML strings: text always goes in as text nodes,
// so data from the API can never become markup.

/**
 * h('a', {href: '#/', class: 'link', 'data-testid': 'x'}, 'text', childNode)
 *
 * Attributes: "class" sets className; "text" sets textContent; a key starting
 * with "on" and a function value adds an event listener; true sets a boolean
 * attribute; false, null and undefined are skipped; anything else is set with
 * setAttribute. Children may be nodes, strings, numbers, arrays of those, or
 * null/false (skipped).
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === false || value === null || value === undefined) continue;
    if (key === 'class') el.className = value;
    else if (key === 'text') el.textContent = String(value);
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

/** Appends children (nodes, strings, numbers, nested arrays; null/false skipped). */
export function append(parent, children) {
  for (const child of [children].flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** A document fragment of the given children. */
export function fragment(...children) {
  return append(document.createDocumentFragment(), children);
}

/** Builds a hash route such as "#/exhibitors?page=2" from a path and query params (empty values dropped). */
export function route(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') query.set(key, String(value));
  }
  const text = query.toString();
  return `#${path}${text ? `?${text}` : ''}`;
}

/** An http(s) URL suitable for an href, or null for anything else (javascript:, data:, garbage). */
export function safeExternalUrl(text) {
  if (typeof text !== 'string' || text.trim() === '') return null;
  try {
    const url = new URL(text.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** A same-origin URL for an <img>, or null: the CSP allows images from 'self' only. */
export function sameOriginUrl(text) {
  if (typeof text !== 'string' || text === '') return null;
  try {
    const url = new URL(text, window.location.origin);
    return url.origin === window.location.origin ? url.pathname + url.search : null;
  } catch {
    return null;
  }
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * svg('rect', {x: 0, y: 0, class: 'booth'}, children…): an SVG element, with
 * the same rules as h() ("class" and "text" included; setAttribute for the rest).
 */
export function svg(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === false || value === null || value === undefined) continue;
    if (key === 'text') el.textContent = String(value);
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}
