// Entry point: sign-in, data loading, live updates and operator actions. Shapes: src/Silo/Api/DashboardContract.md.
import { ApiClient, ApiError } from './api.js';
import { renderChart } from './chart.js';
import { byId, describeEvent, show } from './dom.js';
import { streamEvents } from './sse.js';
import { alarmOverlays, alarmTimelineItem, renderAlarms } from './views/alarms.js';
import { renderCosts } from './views/costs.js';
import { renderRecommendations } from './views/recommendations.js';
import { renderTargets } from './views/targets.js';
import { prependEvent, renderTimeline } from './views/timeline.js';
import { initWhatIf } from './views/whatif.js';
import { initOptimize } from './views/optimize.js';

const API = '/api/autoscaling';
const KEY_STORAGE = 'autoscaler.apiKey';
const REFRESH_MS = 30000;
// The Orleans dashboard cookie lasts an hour; renew it well before.
const SESSION_RENEW_MS = 30 * 60 * 1000;

const state = {
  client: null,
  who: null,
  targets: [],
  selected: null,
  currency: 'USD',
  stream: null,
  refreshTimer: null,
  targetsTimer: null,
  sessionOpenedAt: 0,
};

function canOperate() {
  return state.who?.role === 'operator' || state.who?.role === 'admin';
}

async function signIn(key, remember) {
  const client = new ApiClient(key);
  const who = await client.get(`${API}/whoami`);
  state.client = client;
  state.who = who;
  if (remember) sessionStorage.setItem(KEY_STORAGE, key);
  show(byId('signin'), false);
  show(byId('app'), true);
  show(byId('whoami'), true, `${who.name} · ${who.role}`);
  byId('whoami').dataset.role = who.role;
  show(byId('signout'), true);
  await refreshAll();
  initWhatIf(() => state.client, API);
  initOptimize(() => state.client, API, canOperate);
  startStream(key);
  state.refreshTimer = setInterval(refreshAll, REFRESH_MS);
}

function signOut(message) {
  sessionStorage.removeItem(KEY_STORAGE);
  if (state.client && state.sessionOpenedAt) state.client.withCookies('DELETE', `${API}/session/dashboard`).catch(() => {});
  state.stream?.abort();
  clearInterval(state.refreshTimer);
  Object.assign(state, { client: null, who: null, targets: [], selected: null, stream: null, refreshTimer: null, sessionOpenedAt: 0 });
  show(byId('orleans-link'), false);
  show(byId('app'), false);
  show(byId('whoami'), false);
  show(byId('signout'), false);
  show(byId('status-bar'), false);
  setLive('off');
  show(byId('signin'), true);
  show(byId('signin-error'), Boolean(message), message ?? '');
  byId('signin-key').value = '';
  byId('signin-key').focus();
}

/** Handles a failed call: an expired or revoked credential signs out; a missing route is reported once. */
function reportError(error, what) {
  if (error instanceof ApiError && error.status === 401) {
    signOut('The key is no longer accepted. Sign in again.');
    return;
  }
  const banner = byId('error-banner');
  const text = error instanceof ApiError && error.status === 404
    ? `${what}: not available on this silo yet.`
    : `${what}: ${error.message}`;
  show(banner, true, text);
}

/** Gets the cookie that lets this browser open /dashboard (navigation cannot carry the Authorization header). */
async function renewDashboardSession() {
  if (Date.now() - state.sessionOpenedAt < SESSION_RENEW_MS) return;
  try {
    await state.client.withCookies('POST', `${API}/session/dashboard`);
    state.sessionOpenedAt = Date.now();
    show(byId('orleans-link'), true);
  } catch {
    show(byId('orleans-link'), false);
  }
}

async function refreshAll() {
  if (!state.client) return;
  show(byId('error-banner'), false);
  renewDashboardSession();
  const loads = [
    loadStatus(), loadTargets(), loadCosts(), loadRecommendations(), loadAlarms(),
    state.selected ? loadDetail(state.selected) : Promise.resolve(),
  ];
  await Promise.allSettled(loads);
}

async function loadStatus() {
  try {
    const status = await state.client.get(`${API}/status`);
    const bar = byId('status-bar');
    const counts = status.targets ?? {};
    const parts = [
      status.enabled === false ? 'automatic scaling OFF' : 'automatic scaling on',
      status.dryRun ? 'dry run' : null,
      `${counts.total ?? state.targets.length} targets`,
      counts.failed ? `${counts.failed} failed` : null,
      status.storage === 'embedded' ? 'embedded storage (not durable)' : status.storage,
    ].filter(Boolean);
    show(bar, true, parts.join(' · '));
    bar.dataset.storage = status.storage ?? '';
    bar.dataset.enabled = String(status.enabled !== false);
  } catch (error) {
    reportError(error, 'Status');
  }
}

async function loadTargets() {
  try {
    const { targets = [] } = await state.client.get(`${API}/targets`);
    state.targets = targets;
    drawTargets();
  } catch (error) {
    reportError(error, 'Targets');
  }
}

function drawTargets() {
  renderTargets(byId('targets-body'), state.targets, state.selected, selectTarget);
  show(byId('targets-empty'), state.targets.length === 0);
  if (state.selected) drawDetailHeader();
}

async function loadCosts() {
  try {
    const costs = await state.client.get(`${API}/costs`);
    state.currency = costs.currency ?? state.currency;
    renderCosts(costs);
  } catch (error) {
    reportError(error, 'Costs');
  }
}

async function loadRecommendations() {
  try {
    const { recommendations = [] } = await state.client.get(`${API}/recommendations`);
    renderRecommendations(byId('recommendations'), recommendations, state.currency);
  } catch (error) {
    reportError(error, 'Recommendations');
  }
}

async function loadAlarms() {
  try {
    const { alarms = [] } = await state.client.get(`${API}/alarms`);
    state.alarms = alarms;
    renderAlarms(byId('alarms-body'), byId('alarms-summary'), alarms);
  } catch (error) {
    reportError(error, 'Alarms');
  }
}

/** A target's alarm transitions (the newest of each of its alarms' histories), newest first. */
async function alarmTransitions(id) {
  const alarms = (state.alarms ?? []).filter((a) => a.target === id);
  const pages = await Promise.allSettled(alarms.map((a) => state.client.get(`${API}/alarms/${encodeURIComponent(a.name)}/history?limit=20`)));
  return pages.filter((p) => p.status === 'fulfilled').flatMap((p) => p.value.entries ?? []).filter((e) => e.kind === 'state');
}

function selectTarget(id) {
  state.selected = id;
  drawTargets();
  show(byId('detail'), true);
  show(byId('action-result'), false);
  loadDetail(id);
  byId('detail').scrollIntoView({ behavior: 'smooth', block: 'start' });
}

function selectedTarget() {
  return state.targets.find((t) => t.id === state.selected);
}

function drawDetailHeader() {
  const target = selectedTarget();
  if (!target) return;
  byId('detail-title').textContent = `${target.name || target.id}: ${target.current ?? '–'} → ${target.desired ?? '–'} (min ${target.min ?? '–'}, max ${target.max ?? '–'})`;
  const last = target.lastDecision;
  byId('detail-explanation').textContent = last
    ? `Last decision: ${describeEvent(last)}. ${(last.explanation ?? []).join(' ')}`
    : 'No decision yet.';
  const replicas = byId('scale-replicas');
  if (typeof target.min === 'number') replicas.min = String(target.min);
  if (typeof target.max === 'number') replicas.max = String(target.max);
  if (!replicas.value) replicas.value = String(target.desired ?? target.current ?? '');
  const enabled = target.enabled !== false;
  byId('toggle-enabled').textContent = enabled ? 'Disable' : 'Enable';
  byId('toggle-enabled').dataset.enabled = String(enabled);
  const readOnly = !canOperate();
  for (const control of byId('actions').querySelectorAll('input, button')) control.disabled = readOnly;
  show(byId('actions-readonly'), readOnly);
}

async function loadDetail(id) {
  drawDetailHeader();
  // "auto": the hour the silo keeps, drawn from where the data starts (chart.js), so a new target fills the chart.
  const choice = byId('metric-window').value;
  const minutes = choice === 'auto' ? 60 : choice;
  const path = encodeURIComponent(id);
  const [metrics, history, transitions] = await Promise.allSettled([
    state.client.get(`${API}/targets/${path}/metrics?minutes=${minutes}`),
    state.client.get(`${API}/history/${path}?limit=50`),
    alarmTransitions(id),
  ]);
  if (state.selected !== id) return;
  const charted = metrics.status === 'fulfilled' ? new Set((metrics.value.series ?? []).map((s) => s.metric)) : new Set();
  const overlays = alarmOverlays((state.alarms ?? []).filter((a) => a.target === id && charted.has(a.metric)));
  if (metrics.status === 'fulfilled') renderChart(byId('metric-chart'), byId('metric-legend'), { ...metrics.value, alarms: overlays }, { auto: choice === 'auto' });
  else reportError(metrics.reason, 'Metrics');
  if (history.status === 'fulfilled') renderTimeline(byId('timeline'), history.value.events ?? []);
  else reportError(history.reason, 'History');
  if (transitions.status === 'fulfilled') mergeAlarmTransitions(byId('timeline'), transitions.value);
}

/** Puts alarm transitions into the timeline in time order among the scaling events. */
function mergeAlarmTransitions(list, transitions) {
  if (transitions.length === 0) return;
  list.querySelector(':scope > li.empty')?.remove();
  const items = [...list.children].map((node) => ({ node, at: Date.parse(node.querySelector('time')?.getAttribute('datetime') ?? '') || 0 }));
  for (const entry of transitions) items.push({ node: alarmTimelineItem(entry), at: Date.parse(entry.at) });
  items.sort((a, b) => b.at - a.at);
  list.replaceChildren(...items.map((i) => i.node));
}

function setLive(stateName) {
  const indicator = byId('live-indicator');
  indicator.dataset.state = stateName;
  indicator.textContent = { open: 'live', retrying: 'reconnecting…', unauthorized: 'not allowed', off: 'offline', closed: 'offline' }[stateName] ?? stateName;
}

function startStream(key) {
  const controller = new AbortController();
  state.stream = controller;
  streamEvents(`${API}/events`, key, {
    signal: controller.signal,
    onState: (s) => {
      setLive(s);
      // After a gap, the list may have missed events: refetch what the stream would have updated.
      if (s === 'open') loadTargets();
    },
    onMessage: (message) => {
      let payload;
      try {
        payload = JSON.parse(message.data);
      } catch {
        return;
      }
      if (message.event === 'target') {
        state.targets = state.targets.some((t) => t.id === payload.id)
          ? state.targets.map((t) => (t.id === payload.id ? payload : t))
          : [...state.targets, payload];
        drawTargets();
      } else if (message.event === 'alarm') {
        prependAlarm(byId('event-log'), payload);
        // The selected target's chart and timeline show its alarms: redraw them with the new state.
        loadAlarms().then(() => { if (payload.target && payload.target === state.selected) loadDetail(state.selected); });
      } else if (message.event === 'dropped') {
        // This page fell behind the stream and missed events: refetch what they would have updated.
        loadTargets();
        loadAlarms();
      } else if (message.event === 'scaling' || message.event === 'message') {
        prependEvent(byId('event-log'), payload);
        if (payload.target === state.selected) prependEvent(byId('timeline'), payload);
        scheduleTargetsRefresh();
      }
    },
  });
}

function prependAlarm(list, event, limit = 100) {
  list.querySelector(':scope > li.empty')?.remove();
  list.prepend(alarmTimelineItem(event));
  while (list.children.length > limit) list.lastElementChild.remove();
}

/** Coalesces bursts of events into one refetch of the targets and of what their policies now recommend. */
function scheduleTargetsRefresh() {
  clearTimeout(state.targetsTimer);
  state.targetsTimer = setTimeout(() => { loadTargets(); loadRecommendations(); }, 500);
}

function showResult(text, ok) {
  const result = byId('action-result');
  show(result, true, text);
  result.dataset.outcome = ok ? 'ok' : 'error';
}

function describeFailure(error) {
  if (error instanceof ApiError) {
    const fields = error.fieldMessages;
    return fields.length ? `${error.message} ${fields.join('; ')}` : error.message;
  }
  return error.message;
}

async function submitScale(event) {
  event.preventDefault();
  const id = state.selected;
  const replicas = Number(byId('scale-replicas').value);
  const reason = byId('scale-reason').value.trim();
  try {
    const result = await state.client.post(`${API}/targets/${encodeURIComponent(id)}/scale`, { replicas, reason });
    showResult(`Accepted: ${describeEvent(result)}`, true);
    byId('scale-reason').value = '';
    loadTargets();
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) reportError(error);
    else showResult(`Refused: ${describeFailure(error)}`, false);
  }
}

async function submitToggle(event) {
  event.preventDefault();
  const target = selectedTarget();
  if (!target) return;
  const enabled = target.enabled === false;
  const reason = byId('toggle-reason').value.trim();
  try {
    const updated = await state.client.post(`${API}/targets/${encodeURIComponent(target.id)}/enabled`, { enabled, reason });
    if (updated?.id) state.targets = state.targets.map((t) => (t.id === updated.id ? updated : t));
    drawTargets();
    showResult(enabled ? 'Enabled.' : 'Disabled.', true);
    byId('toggle-reason').value = '';
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) reportError(error);
    else showResult(`Refused: ${describeFailure(error)}`, false);
  }
}

async function submitSignIn(event) {
  event.preventDefault();
  const key = byId('signin-key').value.trim();
  show(byId('signin-error'), false);
  try {
    await signIn(key, true);
  } catch (error) {
    const text = error instanceof ApiError && error.status === 401
      ? 'That key was not accepted.'
      : `Sign-in failed: ${error.message}`;
    show(byId('signin-error'), true, text);
  }
}

function start() {
  byId('signin-form').addEventListener('submit', submitSignIn);
  byId('signout').addEventListener('click', () => signOut());
  byId('scale-form').addEventListener('submit', submitScale);
  byId('toggle-form').addEventListener('submit', submitToggle);
  byId('metric-window').addEventListener('change', () => state.selected && loadDetail(state.selected));
  const saved = sessionStorage.getItem(KEY_STORAGE);
  if (saved) {
    signIn(saved, false).catch(() => signOut('Your saved key is no longer accepted. Sign in again.'));
  } else {
    signOut();
  }
}

start();
