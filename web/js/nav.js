// Changing the route from a view without a full re-render, and safe
// "come back here after signing in" targets.

const REPLACED = 'fairmatch:route-replaced';

/**
 * Replaces the current hash route (e.g. the query of a live search) without a
 * hashchange, so the view on screen stays as it is; the router hears of it
 * through the 'fairmatch:route-replaced' event.
 */
export function replaceRoute(hash) {
  if (hash === window.location.hash) return;
  window.history.replaceState(window.history.state, '', hash);
  window.dispatchEvent(new CustomEvent(REPLACED, { detail: { hash } }));
}

export function onRouteReplaced(listener) {
  window.addEventListener(REPLACED, (event) => listener(event.detail.hash));
}

const UPDATED = 'fairmatch:view-updated';

/** A view that updates itself after replaceRoute() says when its content matches the route again. */
export function viewUpdated() {
  window.dispatchEvent(new CustomEvent(UPDATED));
}

export function onViewUpdated(listener) {
  window.addEventListener(UPDATED, () => listener());
}

/** Goes to a hash route (a normal navigation, rendered by the router). */
export function go(hash) {
  if (window.location.hash === hash) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else window.location.hash = hash;
}

/**
 * A hash route to return to after signing in: only routes of this app
 * ("#/..."), never the sign-in, registration or reset pages themselves.
 */
export function safeNext(text) {
  if (typeof text !== 'string' || !/^#\/[^\s]*$/.test(text) || text.startsWith('#//')) return null;
  if (/^#\/(login|register|forgot|reset|invitation)(\?|$)/.test(text)) return null;
  return text;
}
