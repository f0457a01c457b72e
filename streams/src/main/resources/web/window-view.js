// One window: its values with the attention over its steps as bars underneath, the forecast
// after it, and, for an anomaly, what was observed against what was expected. Plus the heatmap
// of attention across the series' recent windows.

import { stepTimes } from './store.js';
import { attention, dateTime, heat, num } from './format.js';

export class WindowView {
  constructor(canvas, explain, title) {
    this.canvas = canvas;
    this.explain = explain;
    this.title = title;
    this.chart = new Chart(canvas, {
      type: 'bar',
      data: { labels: [], datasets: [
        { type: 'line', label: 'values', data: [], yAxisID: 'y', borderColor: '#334155',
          borderWidth: 1.5, pointRadius: [], pointBackgroundColor: '#b45309' },
        { type: 'line', label: 'forecast', data: [], yAxisID: 'y', borderColor: '#ea580c',
          borderDash: [5, 3], borderWidth: 1.5, pointRadius: 0 },
        { type: 'bar', label: 'attention', data: [], yAxisID: 'w', backgroundColor: [],
          barPercentage: 1, categoryPercentage: 1 },
      ] },
      options: {
        animation: false, maintainAspectRatio: false,
        scales: {
          x: { ticks: { maxTicksLimit: 9, autoSkip: true } },
          y: { position: 'left', title: { display: true, text: 'value' } },
          w: { position: 'right', beginAtZero: true, grid: { drawOnChartArea: false },
            title: { display: true, text: 'attention' } },
        },
        plugins: { tooltip: { callbacks: { footer: items => this.footer(items) } } },
      },
    });
  }

  /** Shows a prediction or an anomaly record (both carry window, attention and top_steps). */
  show(rec, variable, kind) {
    if (!rec) return;
    const w = rec.window;
    const weights = rec.attention.weights;
    const n = w.steps;
    const horizon = kind === 'prediction' ? rec.prediction.horizon : 0;
    const top = new Set(rec.top_steps.map(s => s.index));
    const max = Math.max(...weights);
    this.times = stepTimes(w);
    const c = this.chart;
    c.data.labels = [...Array.from({ length: n }, (_, i) => `t-${n - 1 - i}`),
      ...Array.from({ length: horizon }, (_, i) => `t+${i + 1}`)];
    c.data.datasets[0].data = w.values[variable];
    c.data.datasets[0].pointRadius = weights.map((_, i) => (top.has(i) ? 3.5 : 0));
    c.data.datasets[1].data = horizon
      ? [...Array(n - 1).fill(null), w.values[variable][n - 1], ...rec.prediction.values[variable]]
      : [];
    c.data.datasets[2].data = weights;
    c.data.datasets[2].backgroundColor = weights.map(
      (x, i) => attention(top.has(i) ? 0.9 : 0.25 + 0.5 * x / max));
    c.update('none');
    this.canvas.dataset.windowEnd = String(w.end_ms);
    this.canvas.dataset.bars = String(weights.length);
    this.title.textContent = kind === 'anomaly'
      ? `Anomaly in ${rec.series} at ${dateTime(rec.ts_ms)}: why (${rec.attention.method})`
      : `Step weights in the window ending ${dateTime(w.end_ms)} (${rec.attention.method})`;
    this.explain.innerHTML = '';
    if (kind === 'anomaly') {
      this.explain.append(anomalyLine(rec, variable));
      this.explain.append(causeLine(rec, variable));
      const novel = noveltyLine(rec, variable);
      if (novel) this.explain.append(novel);
    }
    const tops = document.createElement('div');
    tops.className = 'tops';
    tops.textContent = 'top steps: ' + rec.top_steps
      .map(s => `t-${n - 1 - s.index} ${num(s.weight, 3)}`).join(' · ');
    this.explain.append(tops);
  }

  footer(items) {
    const i = items[0].dataIndex;
    return this.times && i < this.times.length ? dateTime(this.times[i]) : '';
  }
}

function anomalyLine(a, variable) {
  const d = document.createElement('div');
  const obs = a.observed ? a.observed[variable] : undefined;
  const exp = a.expected ? a.expected[variable] : undefined;
  d.innerHTML = `<b>score ${num(a.anomaly_score, 3)}</b>, likelihood `
    + `${num(a.anomaly_likelihood, 4)} (threshold ${num(a.threshold, 4)})`
    + `${a.range_break ? ', <b>outside the range seen so far</b>' + beyond(a) : ''}`
    + `${a.stuck_run ? ', <b>stuck</b>: ' + stuck(a.stuck_run) : ''}; ${variable} `
    + `observed <b>${num(obs)}</b>, expected <b>${num(exp)}</b>`;
  return d;
}

/** A run of identical values: which variable, how long, since when, how unlikely for it. */
function stuck(r) {
  return `${r.variable ? r.variable + ': ' : ''}${r.readings} identical readings since ${dateTime(r.since_ms)} (chance ${r.chance.toExponential(1)})`;
}

/** How far past the range and its tolerance the value went, as a share of the range. */
function beyond(a) {
  return typeof a.range_excess === 'number' && a.range_excess > 0
    ? ` (${num(100 * a.range_excess, 1)}% of the range beyond its tolerance)` : '';
}

/** Which new steps broke the expectation, and which past steps it came from. */
function causeLine(a, variable) {
  const d = document.createElement('div');
  d.className = 'cause';
  const broken = (a.broken_by || []).slice(0, 3)
    .map(b => `${dateTime(b.ts_ms)} (${num(b.observed[variable])} vs ${num(b.expected[variable])})`);
  const from = a.expected_from
    ? a.expected_from.steps.slice(0, 3).map(s => `${dateTime(s.ts_ms)} ${num(s.weight, 3)}`)
    : [];
  d.textContent = `broken by: ${broken.join(' · ') || 'n/a'}; expected from: `
    + `${from.join(' · ') || 'n/a (first window)'}`;
  return d;
}

/**
 * The shapes never seen before: where the long context and the recent shape differed most, and
 * whether the model's own representation of the newest steps was new.
 */
function noveltyLine(a, variable) {
  const views = [['long context', a.long_context], ['recent shape', a.recent_shape]]
    .filter(([, v]) => v && v.novelty_likelihood >= 0.99);
  const rep = a.representation && a.representation.novelty_likelihood >= 0.99 ? a.representation : null;
  if (!views.length && !rep) return null;
  const d = document.createElement('div');
  d.className = 'novelty';
  const parts = views.map(([name, v]) => `${name} ${num(v.novelty_likelihood, 4)} (`
    + v.buckets.slice(0, 2).map(b => `${dateTime(b.from_ms)} ${num(b.observed[variable])}`
      + ` vs ${num(b.remembered[variable])}`).join(' · ') + ')');
  if (rep) parts.push(`model representation ${num(rep.novelty_likelihood, 4)} (the newest steps, as the model sees them)`);
  d.textContent = 'new shape: ' + parts.join('; ');
  return d;
}

/** Step weights of recent windows: rows are windows (newest at the bottom), columns are steps. */
export class Heatmap {
  constructor(canvas, onPick) {
    this.canvas = canvas;
    this.rows = [];
    canvas.addEventListener('click', e => {
      const r = this.canvas.getBoundingClientRect();
      const i = Math.floor((e.clientY - r.top) / (r.height / Math.max(1, this.rows.length)));
      if (this.rows[i]) onPick(this.rows[i].window.end_ms);
    });
  }

  show(windows, selectedEnd) {
    const cv = this.canvas;
    const dpr = window.devicePixelRatio || 1;
    cv.width = cv.clientWidth * dpr;
    cv.height = cv.clientHeight * dpr;
    const ctx = cv.getContext('2d');
    ctx.scale(dpr, dpr);
    const W = cv.clientWidth, H = cv.clientHeight, left = 64;
    ctx.clearRect(0, 0, W, H);
    this.rows = windows;
    cv.dataset.rows = String(windows.length);
    if (!windows.length) return;
    const all = windows.flatMap(p => p.attention.weights).sort((a, b) => a - b);
    const top = all[Math.floor(all.length * 0.97)] || 1;   // the few largest weights saturate
    const rh = H / windows.length;
    const labelEvery = Math.ceil(14 / rh);
    ctx.font = '10px system-ui';
    windows.forEach((p, r) => {
      const w = p.attention.weights;
      const cw = (W - left) / w.length;
      w.forEach((x, i) => {
        ctx.fillStyle = heat(x / top);
        ctx.fillRect(left + i * cw, r * rh, Math.ceil(cw), Math.ceil(rh));
      });
      if ((windows.length - 1 - r) % labelEvery === 0) {
        ctx.fillStyle = '#64748b';
        ctx.fillText(dateTime(p.window.end_ms).slice(5), 0, r * rh + rh / 2 + 3);
      }
      if (p.window.end_ms === selectedEnd) {
        ctx.strokeStyle = '#1e293b';
        ctx.lineWidth = 2;
        ctx.strokeRect(left + 1, r * rh + 1, W - left - 2, rh - 2);
      }
    });
  }
}
