// Observed vs forecast for one series and variable, with anomaly markers, the anomaly score and
// the selected window's attention shaded on the series itself.

import { SeriesStore, stepTimes } from './store.js';
import { attention, dateTime, clock } from './format.js';

const shading = {
  id: 'attentionShading',
  beforeDatasetsDraw(chart) {
    const win = chart.$window;
    if (!win) return;
    const { ctx, chartArea: a, scales: { x } } = chart;
    const times = stepTimes(win.window);
    const weights = win.attention.weights;
    const max = Math.max(...weights);
    const half = times.length > 1 ? (times[1] - times[0]) / 2 : 0;
    ctx.save();
    times.forEach((t, i) => {
      const x0 = Math.max(a.left, x.getPixelForValue(t - half));
      const x1 = Math.min(a.right, x.getPixelForValue(t + half));
      if (x1 <= x0) return;
      ctx.fillStyle = attention(0.06 + 0.6 * weights[i] / max);
      ctx.fillRect(x0, a.top, x1 - x0, a.bottom - a.top);
    });
    ctx.restore();
  },
};

export class SeriesChart {
  constructor(canvas, onPick) {
    this.canvas = canvas;
    this.chart = new Chart(canvas, {
      type: 'line',
      data: { datasets: [
        { label: 'observed', data: [], borderColor: '#334155', borderWidth: 1.5, pointRadius: 0 },
        { label: 'forecast', data: [], borderColor: '#ea580c', borderDash: [5, 3],
          borderWidth: 1.5, pointRadius: 0 },
        { label: 'anomaly', type: 'scatter', data: [], backgroundColor: '#dc2626',
          pointRadius: 6, pointStyle: 'triangle' },
        { label: 'anomaly score', data: [], yAxisID: 'score', borderColor: '#7c3aed',
          backgroundColor: 'rgba(124, 58, 237, 0.08)', fill: true, borderWidth: 1,
          pointRadius: 0, hidden: false },
      ] },
      options: {
        animation: false, maintainAspectRatio: false, normalized: true,
        interaction: { mode: 'nearest', axis: 'x', intersect: false },
        scales: {
          // no dates on an empty chart (Chart.js would count them from 1970)
          x: { type: 'linear', bounds: 'data',
            ticks: { maxTicksLimit: 8,
              callback(v) { return this.chart.data.datasets[0].data.length ? dateTime(v) : ''; } } },
          y: { title: { display: true, text: 'value' } },
          score: { position: 'right', min: 0, max: 1, display: 'auto',
            grid: { drawOnChartArea: false }, title: { display: true, text: 'anomaly score' } },
        },
        plugins: {
          legend: { labels: { filter: (it, data) => !data.datasets[it.datasetIndex].hidden } },
          tooltip: { callbacks: { title: items => dateTime(items[0].parsed.x) } } },
        onClick: (e, _els, chart) => onPick(chart.scales.x.getValueForPixel(e.x)),
      },
      plugins: [shading],
    });
  }

  show(store, variable, selected) {
    const c = this.chart;
    const observed = SeriesStore.points(store.observed, variable);
    const lastObserved = observed.length ? observed[observed.length - 1].x : 0;
    const firstObserved = observed.length ? observed[0].x : 0;
    c.data.datasets[0].data = observed;
    c.data.datasets[1].data = SeriesStore.points(store.forecast, variable)
      .filter(p => p.x >= firstObserved);
    c.data.datasets[2].data = store.anomalies
      .filter(a => a.ts_ms >= firstObserved && a.observed && variable in a.observed)
      .map(a => ({ x: a.ts_ms, y: a.observed[variable] }));
    c.data.datasets[3].data = SeriesStore.points(store.scores);
    c.data.datasets[3].hidden = store.scores.size === 0;
    c.$window = selected;
    c.update('none');
    this.canvas.dataset.points = String(observed.length);
    this.canvas.dataset.forecastPoints = String(c.data.datasets[1].data.length);
    this.canvas.dataset.latest = lastObserved ? clock(lastObserved) : '';
  }
}
