// A small SVG line chart: metric series on the left axis with the policy's thresholds as dashed lines, replicas as a
// step line on the right axis. No library; colours come from CSS classes (series-0 … series-5).

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 800;
const HEIGHT = 260;
const PAD = { left: 48, right: 40, top: 12, bottom: 28 };
// The shortest span "auto" draws, so a first few samples do not stretch across the whole width.
const MIN_AUTO_SPAN_MS = 2 * 60 * 1000;
// Each point averages a one-minute bucket and sits in its middle: the axis starts half a bucket before the first one.
const HALF_BUCKET_MS = 30 * 1000;
// Series with at most this many points also get a dot per point, so sparse data stays visible.
const DOT_LIMIT = 90;

function svg(tag, attributes = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Rounds a span to a "nice" tick step (1, 2 or 5 × 10^n). */
export function niceStep(span, ticks = 4) {
  const raw = span / ticks || 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const unit = raw / power;
  return (unit < 1.5 ? 1 : unit < 3 ? 2 : unit < 7 ? 5 : 10) * power;
}

/**
 * Pure: scales and paths for the data, so the layout can be checked without a DOM. With options.auto the time axis
 * starts where the metric data starts (at least MIN_AUTO_SPAN_MS before the end) instead of at the requested window's
 * start, so minutes of data use the whole width.
 */
export function chartModel(data, options = {}) {
  const times = [];
  const values = [];
  for (const series of data.series ?? []) {
    for (const p of series.points ?? []) { times.push(Date.parse(p.at)); values.push(p.value); }
  }
  const firstSample = times.length ? Math.min(...times) : NaN;
  for (const t of data.thresholds ?? []) {
    for (const v of [t.target, t.scaleUp, t.scaleDown]) if (typeof v === 'number') values.push(v);
  }
  for (const a of data.alarms ?? []) {
    for (const v of [a.threshold, a.band?.lower, a.band?.upper]) if (typeof v === 'number') values.push(v);
  }
  const replicaValues = (data.replicas ?? []).map((p) => p.value);
  for (const p of data.replicas ?? []) times.push(Date.parse(p.at));
  const requestedFrom = Date.parse(data.from) || Math.min(...times);
  const to = Date.parse(data.to) || Math.max(...times);
  const from = options.auto && Number.isFinite(firstSample)
    ? Math.max(requestedFrom, Math.min(firstSample - HALF_BUCKET_MS, to - MIN_AUTO_SPAN_MS))
    : requestedFrom;
  const yMax = Math.max(1, ...values.filter(Number.isFinite));
  const yMin = Math.min(0, ...values.filter(Number.isFinite));
  const yStep = niceStep(yMax - yMin);
  const top = Math.ceil(yMax / yStep) * yStep;
  const bottom = Math.floor(yMin / yStep) * yStep;
  const rMax = Math.max(1, ...replicaValues) + 1;
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x = (t) => PAD.left + (to > from ? ((Math.max(t, from) - from) / (to - from)) * plotW : plotW / 2);
  const y = (v) => PAD.top + plotH - ((v - bottom) / (top - bottom || 1)) * plotH;
  const yr = (v) => PAD.top + plotH - (v / rMax) * plotH;
  const line = (points, scale) => points
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(Date.parse(p.at)).toFixed(1)},${scale(p.value).toFixed(1)}`).join(' ');
  // Capacity holds until it changes: a step line, carried to the end of the window.
  const step = (points) => (points.length === 0 ? '' : points.map((p, i) => {
    const px = x(Date.parse(p.at)).toFixed(1);
    const py = yr(p.value).toFixed(1);
    return i === 0 ? `M${px},${py}` : `H${px} V${py}`;
  }).join(' ') + ` H${x(to).toFixed(1)}`);
  const yTicks = [];
  for (let v = bottom; v <= top + yStep / 2; v += yStep) yTicks.push(v);
  const timeTicks = [];
  for (let i = 0; i <= 4; i++) timeTicks.push(from + ((to - from) * i) / 4);
  return {
    from, to, top, bottom, rMax, x, y, yr, yTicks, timeTicks,
    series: (data.series ?? []).map((s) => {
      const points = (s.points ?? []).filter((p) => Date.parse(p.at) >= from);
      return {
        metric: s.metric,
        unit: s.unit,
        path: line(points, y),
        dots: points.length <= DOT_LIMIT ? points.map((p) => ({ x: x(Date.parse(p.at)), y: y(p.value) })) : [],
      };
    }),
    thresholds: (data.thresholds ?? []).flatMap((t) => ['target', 'scaleUp', 'scaleDown']
      .filter((kind) => typeof t[kind] === 'number')
      .map((kind) => ({ metric: t.metric, kind, value: t[kind], y: y(t[kind]) }))),
    replicas: step(data.replicas ?? []),
    alarms: (data.alarms ?? []).map((a) => ({
      ...a,
      y: typeof a.threshold === 'number' ? y(a.threshold) : null,
      band: a.band ? { top: y(a.band.upper), bottom: y(a.band.lower), expected: y(a.band.expected) } : null,
    })),
  };
}

function timeLabel(t, span) {
  const date = new Date(t);
  if (span > 86400000) return date.toLocaleDateString();
  // Ticks under a few minutes apart need seconds, or neighbours read the same.
  return span < 20 * 60 * 1000
    ? date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' })
    : date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

/** Draws the chart into container (replacing its content) and the legend into legend; options as chartModel's. */
export function renderChart(container, legend, data, options = {}) {
  container.replaceChildren();
  legend.replaceChildren();
  const hasData = (data.series ?? []).some((s) => (s.points ?? []).length > 0);
  if (!hasData) {
    container.append(Object.assign(document.createElement('p'), { className: 'empty', textContent: 'No metric samples in this window.' }));
    return;
  }
  const m = chartModel(data, options);
  const root = svg('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': 'Metrics and replicas over time', class: 'plot' });
  for (const v of m.yTicks) {
    root.append(svg('line', { x1: PAD.left, x2: WIDTH - PAD.right, y1: m.y(v), y2: m.y(v), class: 'grid' }));
    root.append(svg('text', { x: PAD.left - 6, y: m.y(v) + 4, class: 'tick', 'text-anchor': 'end' }, Number(v.toPrecision(6)).toString()));
  }
  for (const t of m.timeTicks) {
    root.append(svg('text', { x: m.x(t), y: HEIGHT - 8, class: 'tick', 'text-anchor': 'middle' }, timeLabel(t, m.to - m.from)));
  }
  const colour = new Map(m.series.map((s, i) => [s.metric, `series-${i % 6}`]));
  for (const t of m.thresholds) {
    const line = svg('line', {
      x1: PAD.left, x2: WIDTH - PAD.right, y1: t.y, y2: t.y,
      class: `threshold ${t.kind} ${colour.get(t.metric) ?? 'series-0'}`, 'data-testid': `threshold-${t.metric}-${t.kind}`,
    });
    line.append(svg('title', {}, `${t.metric} ${t.kind} ${t.value}`));
    root.append(line);
  }
  for (const a of m.alarms) {
    if (a.band) {
      const band = svg('rect', {
        x: PAD.left, width: WIDTH - PAD.left - PAD.right, y: a.band.top, height: Math.max(1, a.band.bottom - a.band.top),
        class: 'alarm-band', 'data-testid': `alarm-band-${a.name}`,
      });
      band.append(svg('title', {}, `${a.name}: anomaly band (${a.state})`));
      root.append(band);
    }
    if (a.y !== null) {
      const line = svg('line', { x1: PAD.left, x2: WIDTH - PAD.right, y1: a.y, y2: a.y, class: `alarm-threshold ${a.state}`, 'data-testid': `alarm-threshold-${a.name}` });
      line.append(svg('title', {}, `${a.name}: ${a.threshold} (${a.state})`));
      root.append(line);
      root.append(svg('text', { x: WIDTH - PAD.right - 4, y: a.y - 4, class: `alarm-label ${a.state}`, 'text-anchor': 'end' }, `${a.name} ${a.state}`));
    }
  }
  if (m.replicas) {
    root.append(svg('path', { d: m.replicas, class: 'replicas', 'data-testid': 'replica-line' }));
    for (const v of [0, m.rMax - 1]) {
      root.append(svg('text', { x: WIDTH - PAD.right + 6, y: m.yr(v) + 4, class: 'tick replicas-tick' }, String(v)));
    }
  }
  for (const s of m.series) {
    root.append(svg('path', { d: s.path, class: `series ${colour.get(s.metric)}`, 'data-testid': `series-${s.metric}` }));
    for (const dot of s.dots) {
      root.append(svg('circle', { cx: dot.x.toFixed(1), cy: dot.y.toFixed(1), r: 2.5, class: `dot ${colour.get(s.metric)}` }));
    }
  }
  container.append(root);
  for (const s of m.series) {
    const item = document.createElement('span');
    item.className = `legend ${colour.get(s.metric)}`;
    item.textContent = `${s.metric}${s.unit ? ` (${s.unit})` : ''}`;
    legend.append(item);
  }
  legend.append(Object.assign(document.createElement('span'), {
    className: 'legend note', textContent: 'one point per minute (average), the last one the latest samples',
  }));
  if (m.replicas) {
    legend.append(Object.assign(document.createElement('span'), { className: 'legend replicas', textContent: 'replicas (right axis)' }));
  }
  if (m.thresholds.length) {
    legend.append(Object.assign(document.createElement('span'), { className: 'legend threshold', textContent: 'thresholds (dashed)' }));
  }
  if (m.alarms.length) {
    legend.append(Object.assign(document.createElement('span'), { className: 'legend alarm-threshold', textContent: 'alarms (dotted: threshold, shaded: anomaly band)' }));
  }
}
