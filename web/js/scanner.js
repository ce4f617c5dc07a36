// Reading a badge's QR code with the device camera, through the browser's
// own BarcodeDetector (Shape Detection API) where it exists: no library.
// Where it does not (most desktop browsers), callers offer the text field
// alone; a handheld USB scanner types the code into it followed by Enter.

import { h } from './dom.js';
import { t } from './i18n.js';

const SCAN_INTERVAL_MS = 200;
// The same code seen again within this time is the same scan, not a new one.
const REPEAT_MS = 4000;

/** Resolves to true when this browser can read QR codes from the camera. */
export async function canScan() {
  if (!('BarcodeDetector' in globalThis) || !navigator.mediaDevices?.getUserMedia) return false;
  try {
    const formats = await globalThis.BarcodeDetector.getSupportedFormats();
    return formats.includes('qr_code');
  } catch {
    return false;
  }
}

/**
 * The code carried by a scanned or typed badge: the text itself, or the
 * value of a badge= parameter when the QR holds a link.
 */
export function badgeCodeFrom(text) {
  const value = String(text ?? '').trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    try {
      const url = new URL(value);
      const fromQuery = url.searchParams.get('badge') ?? new URLSearchParams(url.hash.split('?')[1] ?? '').get('badge');
      if (fromQuery) return fromQuery.trim();
    } catch {
      // Not a URL after all: use the text as typed.
    }
  }
  return value;
}

/**
 * A camera panel: a start/stop button and the video preview. onCode(code)
 * is called for each badge read (the same code at most once every few
 * seconds). Stops the camera when signal aborts. Returns {node, stop()}.
 */
export function cameraScanner({ onCode, signal, testid = 'scanner', startLabel = t('scanner.start') }) {
  const video = h('video', { class: 'scanner-video', muted: true, playsinline: true, 'aria-hidden': 'true',
    'data-testid': `${testid}-video`, hidden: true });
  const status = h('p', { class: 'scanner-status small', role: 'status', 'data-testid': `${testid}-status` });
  const button = h('button', { type: 'button', class: 'button button-secondary', 'aria-pressed': 'false',
    'data-testid': `${testid}-toggle` }, startLabel);
  const unsupported = h('p', { class: 'scanner-unsupported small muted', 'data-testid': `${testid}-unsupported`, hidden: true },
    t('scanner.unsupported'));
  const node = h('div', { class: 'scanner', 'data-testid': testid }, h('div', { class: 'button-row' }, button), unsupported,
    video, status);

  let stream = null;
  let timer = null;
  let detector = null;
  let last = { code: null, at: 0 };

  const stop = () => {
    clearInterval(timer);
    timer = null;
    for (const track of stream?.getTracks() ?? []) track.stop();
    stream = null;
    video.srcObject = null;
    video.hidden = true;
    button.textContent = startLabel;
    button.setAttribute('aria-pressed', 'false');
    node.dataset.state = 'off';
  };

  const tick = async () => {
    if (!stream || video.readyState < 2) return;
    let found;
    try {
      found = await detector.detect(video);
    } catch {
      return;
    }
    const raw = found?.[0]?.rawValue;
    if (!raw) return;
    const code = badgeCodeFrom(raw);
    const now = Date.now();
    if (code === last.code && now - last.at < REPEAT_MS) return;
    last = { code, at: now };
    onCode(code);
  };

  const start = async () => {
    status.textContent = t('scanner.starting');
    try {
      detector = new globalThis.BarcodeDetector({ formats: ['qr_code'] });
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
    } catch (error) {
      stop();
      status.textContent = error?.name === 'NotAllowedError' ? t('scanner.denied') : t('scanner.failed');
      return;
    }
    if (signal?.aborted) {
      stop();
      return;
    }
    video.srcObject = stream;
    video.hidden = false;
    try {
      await video.play();
    } catch {
      // Autoplay of a muted inline video is allowed; a refusal leaves the preview still, scanning goes on.
    }
    button.textContent = t('scanner.stop');
    button.setAttribute('aria-pressed', 'true');
    status.textContent = t('scanner.on');
    node.dataset.state = 'on';
    timer = setInterval(tick, SCAN_INTERVAL_MS);
  };

  button.addEventListener('click', () => {
    if (stream) {
      stop();
      status.textContent = t('scanner.off');
    } else {
      start();
    }
  });
  signal?.addEventListener('abort', stop, { once: true });

  node.dataset.state = 'checking';
  button.hidden = true;
  canScan().then((ok) => {
    if (signal?.aborted) return;
    button.hidden = !ok;
    unsupported.hidden = ok;
    node.dataset.state = ok ? 'off' : 'unsupported';
  });
  return { node, stop };
}
