import { ago, el } from '../dom.js';

const ORDER = { ALARM: 0, INSUFFICIENT_DATA: 1, OK: 2 };
const SEVERITY = { critical: 0, warning: 1, info: 2 };

/** Fills the alarms table: alarms in ALARM first, then by severity and name. */
export function renderAlarms(body, summary, alarms) {
  const sorted = [...alarms].sort((a, b) => (ORDER[a.state] ?? 3) - (ORDER[b.state] ?? 3)
    || (SEVERITY[a.severity] ?? 3) - (SEVERITY[b.severity] ?? 3) || a.name.localeCompare(b.name));
  body.replaceChildren(...sorted.map((alarm) => el('tr', {
    dataset: { testid: `alarm-row-${alarm.name}`, state: alarm.state, severity: alarm.severity },
  },
  el('td', {}, el('span', { class: `pill alarm-${alarm.state}`, dataset: { testid: 'alarm-state' } }, alarm.state.replace('_', ' ')),
    alarm.muted ? el('span', { class: 'tag', title: 'actions muted' }, 'muted') : null),
  el('th', { scope: 'row' }, alarm.name, el('span', { class: 'muted' }, ` · ${alarm.kind}`)),
  el('td', {}, el('span', { class: `severity ${alarm.severity}` }, alarm.severity)),
  el('td', {}, alarm.target ?? '–'),
  el('td', { class: 'reason', title: alarm.reason }, alarm.reason),
  el('td', { title: alarm.stateChangedAt }, ago(alarm.stateChangedAt)))));
  const counts = alarms.reduce((c, a) => ({ ...c, [a.state]: (c[a.state] ?? 0) + 1 }), {});
  summary.textContent = alarms.length === 0 ? 'No alarms defined.'
    : `${counts.ALARM ?? 0} in ALARM · ${counts.INSUFFICIENT_DATA ?? 0} insufficient data · ${counts.OK ?? 0} OK`;
  summary.dataset.alarming = String(counts.ALARM ?? 0);
}

/** A timeline entry for an alarm transition (history entry or live event). */
export function alarmTimelineItem(entry) {
  return el('li', { class: `event alarm to-${entry.to}`, dataset: { testid: 'timeline-alarm', alarm: entry.alarm, to: entry.to } },
    el('div', { class: 'event-head' },
      el('span', { class: `pill alarm-${entry.to}` }, 'alarm'), ' ',
      el('strong', {}, entry.alarm), ` ${entry.from} → ${entry.to}`,
      el('span', { class: `severity ${entry.severity}` }, ` ${entry.severity}`),
      el('time', { datetime: entry.at, title: entry.at }, ` · ${ago(entry.at)}`)),
    el('ul', { class: 'explanation' }, el('li', {}, entry.reason)));
}

/** The chart overlay of a target's alarms: static thresholds and anomaly bands of the alarms on charted metrics. */
export function alarmOverlays(alarms) {
  return alarms.filter((a) => a.metric && (typeof a.threshold === 'number' || a.band)).map((a) => ({
    name: a.name, metric: a.metric, state: a.state, threshold: a.threshold ?? null, band: a.band ?? null,
  }));
}
