// The organizers' live feed of a fair over a WebSocket
// (GET /api/v1/fairs/{fair}/live): first a snapshot, then one message per
// event (check_in, deal, deal_corrected…), each with an increasing id.
//
// The browser sends the session cookie and the page's Origin with the
// upgrade, which is how the server admits the connection. When the socket
// closes, this reconnects with backoff and asks to resume after the last
// event it saw (?last_event_id=N): the server then answers {"type":"resume"}
// and replays what was missed, so no event is lost or counted twice.

import * as api from './api.js';

const BACKOFF_MS = [1000, 2000, 4000, 8000, 15000, 30000];
// A connection that stayed open this long resets the backoff.
const STABLE_MS = 10000;

/**
 * Connects to the fair's live feed until signal aborts (path 'me/live': the
 * signed-in participant's own notifications, same protocol). Callbacks:
 *   onSnapshot(message)  a full picture (on first connect, or when the server cannot resume)
 *   onEvent(message)     each event after the snapshot, in order, never twice
 *   onState(state, info) "connecting" | "live" | "reconnecting" ({inMs}) | "signed-out"
 * Returns {close(), lastEventId()}.
 */
export function connectLive(fairId, { onSnapshot, onEvent, onState, signal, path = 'live' }) {
  let socket = null;
  let lastId = null;
  let attempt = 0;
  let timer = null;
  let closed = false;
  let openedAt = 0;

  const state = (name, info = {}) => {
    if (!closed) onState?.(name, info);
  };

  const url = () => {
    const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
    const query = lastId !== null ? `?last_event_id=${encodeURIComponent(lastId)}` : '';
    return `${scheme}//${window.location.host}/api/v1/fairs/${encodeURIComponent(fairId)}/${path}${query}`;
  };

  const handle = (text) => {
    let message;
    try {
      message = JSON.parse(text);
    } catch {
      return;
    }
    if (!message || typeof message !== 'object') return;
    if (message.type === 'snapshot') {
      lastId = Number(message.last_event_id) || 0;
      onSnapshot?.(message);
      state('live');
      return;
    }
    if (message.type === 'resume') {
      state('live');
      return;
    }
    const id = Number(message.id);
    if (!Number.isFinite(id)) return;
    if (lastId !== null && id <= lastId) return; // already seen (a replay overlapping what arrived)
    lastId = id;
    onEvent?.(message);
  };

  const schedule = async () => {
    if (closed) return;
    if (openedAt && Date.now() - openedAt > STABLE_MS) attempt = 0;
    openedAt = 0;
    // A refused upgrade is invisible to scripts: after a few failures, ask whether the session is still there.
    if (attempt >= 2) {
      try {
        await api.get('/me', { signal });
      } catch (error) {
        if (closed) return;
        if (error?.status === 401) {
          state('signed-out');
          return;
        }
      }
    }
    const delay = BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length - 1)];
    const jittered = Math.round(delay * (0.8 + Math.random() * 0.4));
    attempt += 1;
    state('reconnecting', { inMs: jittered });
    timer = setTimeout(open, jittered);
  };

  function open() {
    if (closed) return;
    timer = null;
    state(attempt === 0 && lastId === null ? 'connecting' : 'reconnecting', { inMs: 0 });
    try {
      socket = new WebSocket(url());
    } catch {
      schedule();
      return;
    }
    socket.addEventListener('open', () => {
      openedAt = Date.now();
    });
    socket.addEventListener('message', (event) => {
      if (typeof event.data === 'string') handle(event.data);
    });
    socket.addEventListener('close', () => {
      socket = null;
      schedule();
    });
    // 'error' is always followed by 'close', which reconnects.
  }

  const close = () => {
    if (closed) return;
    closed = true;
    clearTimeout(timer);
    if (socket) {
      try {
        socket.close(1000, 'leaving the page');
      } catch {
        // Already closing.
      }
    }
    socket = null;
  };

  signal?.addEventListener('abort', close, { once: true });
  if (!signal?.aborted) open();
  return {
    close,
    lastEventId: () => lastId,
    /** Reconnects now (a "retry" button), resuming where the feed stopped. */
    retry() {
      if (closed || socket) return;
      clearTimeout(timer);
      attempt = 0;
      open();
    },
  };
}
