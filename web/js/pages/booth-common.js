// What the booth pages share: loading the fair's floor plan, the words for a
// booth's status and kind, its accessible description, the booking problems
// (409s) worded in the UI language, and the holds this browser made.

import { h } from '../dom.js';
import { t, pick, formatMoney, formatNumber } from '../i18n.js';
import * as api from '../api.js';
import * as session from '../session.js';
import { problemAlert } from './common.js';

export const STATUSES = ['free', 'held', 'confirmed', 'booked', 'blocked'];
export const KINDS = ['standard', 'corner', 'premium', 'pavilion'];
export const BOOKING_STATUSES = ['confirmed', 'held', 'approved', 'rejected', 'released', 'expired'];

/**
 * The fair's floor plan: GET /fairs/{fair}/booths as {booths, halls,
 * holdMinutes, perExhibitor}. Each booth gets a deadline (ms, this browser's
 * clock) for a running hold, so countdowns do not depend on clock skew.
 */
export async function loadPlan(fairId, { signal } = {}) {
  const body = await api.get(`/fairs/${fairId}/booths`, { signal });
  const { items } = api.asList(body, `/fairs/${fairId}/booths`);
  const now = Date.now();
  return {
    booths: items.map((booth) => withDeadline(booth, now)),
    halls: Array.isArray(body.halls) ? body.halls : [],
    holdMinutes: Number.isFinite(body.hold_minutes) ? body.hold_minutes : 15,
    perExhibitor: Number.isFinite(body.booths_per_exhibitor) ? body.booths_per_exhibitor : 1,
  };
}

/** The booth with .deadline (ms since the epoch, local clock) when it is held, else null. */
export function withDeadline(booth, now = Date.now()) {
  const left = booth.status === 'held' && Number.isFinite(booth.hold_seconds_left) ? booth.hold_seconds_left : null;
  return { ...booth, deadline: left === null ? null : now + left * 1000 };
}

/** Whole seconds left on a booth's hold (0 when over), or null when it is not held. */
export function secondsLeft(booth, now = Date.now()) {
  if (booth.deadline === null || booth.deadline === undefined) return null;
  return Math.max(0, Math.ceil((booth.deadline - now) / 1000));
}

/** "14:05" for 845 seconds. */
export function clock(seconds) {
  const minutes = Math.floor(seconds / 60);
  return `${String(minutes).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}

export function statusLabel(status, { short = false } = {}) {
  return STATUSES.includes(status) ? t(`booths.${short ? 'statusShort' : 'status'}.${status}`) : status;
}

export function kindLabel(kind) {
  return KINDS.includes(kind) ? t(`booths.kind.${kind}`) : kind;
}

export function priceText(booth) {
  return booth.price ? formatMoney(booth.price.amount, booth.price.currency) : '';
}

export function areaText(booth) {
  return Number.isFinite(booth.area_m2) ? t('booths.area.value', { area: formatNumber(booth.area_m2) }) : '';
}

export function hallName(hall) {
  return hall ? pick(hall, 'name') || hall.code : '';
}

/** A booth status as a badge (text, not only colour). */
export function statusBadge(status, testid = 'booth-status') {
  const known = STATUSES.includes(status);
  return h('span', { class: `badge booth-badge booth-badge-${known ? status : 'unknown'}`, 'data-testid': testid,
    'data-status': status }, statusLabel(status));
}

/** The booth's accessible name: code, status (and who has it, when known), price; "yours" when it is. */
export function boothLabel(booth, { mine = false } = {}) {
  const parts = [booth.code, statusLabel(booth.status)];
  if (booth.exhibitor?.name) parts.push(booth.exhibitor.name);
  if (mine) parts.push(t('booths.yours'));
  parts.push(priceText(booth));
  return parts.filter(Boolean).join(', ');
}

// The holds this browser made, per user: the list of booths does not say
// which held booth is the signed-in exhibitor's own, so the booking ids from
// the hold answers are remembered (confirmed and approved bookings are known
// from the profile's booth).
const HOLDS_KEY = 'fairmatch.holds';

function readHolds() {
  try {
    const value = JSON.parse(globalThis.localStorage?.getItem(HOLDS_KEY) ?? '{}');
    return value && typeof value === 'object' ? value : {};
  } catch {
    return {};
  }
}

function writeHolds(value) {
  try {
    globalThis.localStorage?.setItem(HOLDS_KEY, JSON.stringify(value));
  } catch {
    // Not remembered: after a reload the plan shows the hold, but not as this user's own.
  }
}

/** The booking ids the signed-in user made in this browser. */
export function myBookings() {
  const user = session.user();
  if (!user) return new Set();
  const list = readHolds()[user.id];
  return new Set(Array.isArray(list) ? list : []);
}

export function rememberBooking(id) {
  const user = session.user();
  if (!user || !Number.isInteger(id)) return;
  const all = readHolds();
  all[user.id] = [...new Set([...(all[user.id] ?? []), id])].slice(-20);
  writeHolds(all);
}

export function forgetBooking(id) {
  const user = session.user();
  if (!user) return;
  const all = readHolds();
  all[user.id] = (all[user.id] ?? []).filter((known) => known !== id);
  writeHolds(all);
}

/** Forgets the remembered bookings that are no longer active on any booth (expired, released, rejected). */
export function pruneBookings(booths) {
  const user = session.user();
  if (!user) return;
  const all = readHolds();
  const known = all[user.id] ?? [];
  const active = new Set(booths.map((booth) => booth.booking_id).filter((id) => id !== undefined && id !== null));
  const kept = known.filter((id) => active.has(id));
  if (kept.length === known.length) return;
  all[user.id] = kept;
  writeHolds(all);
}

/** The code of the booth named by a problem: its "booth" field, or the code in the server's text. */
function boothOf(error, fallback) {
  const named = error?.body?.booth;
  if (typeof named === 'string' && named) return named;
  const match = /booth (\S+?)[ .]/i.exec(String(error?.problem?.detail ?? ''));
  return match ? match[1] : fallback;
}

/**
 * The alert for a failed booth action (hold, confirm, release, decide, edit),
 * with the 409s worded in the UI language and naming the booth. action picks
 * the wording of a plain conflict.
 */
export function bookingAlert(error, { action = 'hold', booth = '', perExhibitor = 1 } = {}) {
  const type = String(error?.problem?.type ?? '').replace(/^\/problems\//, '');
  const code = boothOf(error, booth);
  let title = null;
  let detail = null;
  if (type === 'booth-taken') {
    title = t('booths.problem.taken.title');
    detail = t('booths.problem.taken.detail', { booth: code });
  } else if (type === 'booth-limit') {
    title = t('booths.problem.limit.title');
    detail = t('booths.problem.limit.detail', { count: perExhibitor });
  } else if (type === 'conflict') {
    title = t('booths.problem.conflict.title');
    detail = t(`booths.problem.conflict.${action}`, { booth: code });
  } else if (type === 'not-found' && action === 'release') {
    title = t('booths.problem.conflict.title');
    detail = t('booths.problem.notYours', { booth: code });
  }
  if (!title) return problemAlert(error);
  return h('div', { class: 'alert', role: 'alert', tabindex: '-1', 'data-testid': 'error-alert', 'data-problem': type },
    h('p', { class: 'alert-title', 'data-testid': 'error-title' }, title),
    h('p', { class: 'alert-detail', 'data-testid': 'error-detail' }, detail));
}

/** The booth with this code in the fair (for the exhibitor page's link and QR code), or null. */
export async function findBooth(fairId, code, { signal } = {}) {
  try {
    const { booths } = await loadPlan(fairId, { signal });
    return booths.find((booth) => booth.code === code) ?? null;
  } catch (error) {
    if (api.isAbort(error)) throw error;
    return null;
  }
}

/** Where a booth's printable QR code is (an SVG the server draws). */
export function qrUrl(fairId, boothId) {
  return `/api/v1/fairs/${fairId}/booths/${boothId}/qr.svg`;
}
