// What the page keeps of one series, bounded: its last windows, observed and forecast points,
// anomaly scores and anomalies.

const MAX_POINTS = 600;
const MAX_WINDOWS = 32;
const MAX_ANOMALIES = 50;

export class SeriesStore {
  constructor(id) {
    this.id = id;
    this.windows = [];              // predictions, oldest first
    this.observed = new Map();      // ts ms -> {variable: value}
    this.forecast = new Map();      // ts ms -> {variable: value}
    this.scores = new Map();        // window end ms -> anomaly score
    this.anomalies = [];            // anomaly records of this series
    this.variables = [];
  }

  addPrediction(p) {
    const w = p.window;
    this.variables = p.variables || Object.keys(w.values);
    this.windows.push(p);
    if (this.windows.length > MAX_WINDOWS) this.windows.shift();
    stepTimes(w).forEach((ts, i) => {
      const row = {};
      for (const v of this.variables) row[v] = w.values[v][i];
      this.observed.set(ts, row);
    });
    p.prediction.ts.forEach((iso, i) => {
      const row = {};
      for (const v of this.variables) row[v] = p.prediction.values[v][i];
      this.forecast.set(Date.parse(iso), row);
    });
    if (typeof p.anomaly_score === 'number' && !p.warming_up) {
      this.scores.set(w.end_ms, p.anomaly_score);
    }
    trim(this.observed, MAX_POINTS);
    trim(this.forecast, MAX_POINTS);
    trim(this.scores, MAX_POINTS);
  }

  addAnomaly(a) {
    this.anomalies.push(a);
    if (this.anomalies.length > MAX_ANOMALIES) this.anomalies.shift();
  }

  latest() {
    return this.windows[this.windows.length - 1];
  }

  /** The latest window holding time ts, else the one ending nearest to it. */
  windowAt(ts) {
    let best = null;
    for (const p of this.windows) {
      if (p.window.start_ms <= ts && ts <= p.window.end_ms) best = p;
    }
    if (best) return best;
    let gap = Infinity;
    for (const p of this.windows) {
      const g = Math.abs(p.window.end_ms - ts);
      if (g < gap) { gap = g; best = p; }
    }
    return best;
  }

  /** Points {x, y} of one variable from a ts-keyed map, in time order. */
  static points(map, variable) {
    return [...map.entries()].sort((a, b) => a[0] - b[0])
      .map(([x, row]) => ({ x, y: typeof row === 'number' ? row : row[variable] }));
  }
}

/** Times of a window's steps: evenly spread between its start and end. */
export function stepTimes(w) {
  const dt = w.steps > 1 ? (w.end_ms - w.start_ms) / (w.steps - 1) : 0;
  return Array.from({ length: w.steps }, (_, i) => Math.round(w.start_ms + i * dt));
}

function trim(map, max) {
  const keys = [...map.keys()].sort((a, b) => a - b);
  for (let i = 0; i < keys.length - max; i++) map.delete(keys[i]);
}
