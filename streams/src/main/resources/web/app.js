// The dashboard: loads a snapshot, then follows Server-Sent Events from /events. Keeps a bounded
// store per series; renders at most a few times a second.

import { SeriesStore } from './store.js';
import { SeriesChart } from './series-chart.js';
import { WindowView, Heatmap } from './window-view.js';
import { Transcripts } from './transcripts.js';
import { Talk } from './talk.js';
import { clock, dateTime, num } from './format.js';

const MAX_ANOMALIES = 100;
const $ = id => document.getElementById(id);

const stores = new Map();
const anomalies = [];
const counts = { predictions: 0, anomalies: 0, transcripts: 0 };
let selected = null;        // series id
let variable = null;
let pick = null;            // null: follow the latest window; {end_ms} or {anomaly}

const seriesChart = new SeriesChart($('series-chart'), ts => {
  const s = stores.get(selected);
  const p = s && s.windowAt(ts);
  if (p) select(selected, { end_ms: p.window.end_ms });
});
const windowView = new WindowView($('window-chart'), $('explain'), $('window-title'));
const heatmap = new Heatmap($('heatmap'), end => select(selected, { end_ms: end }));
const transcripts = new Transcripts($('transcripts'));
const talk = new Talk($('talk'), $('talk-status'), $('talk-level'), $('talk-transcripts'));

function store(id) {
  if (!stores.has(id)) stores.set(id, new SeriesStore(id));
  return stores.get(id);
}

// The server's own reading of Kafka: shown only when it cannot read (a broker outage).
function showFeed(f) {
  const el = $('feed');
  el.hidden = !f || f.state === 'reading' || f.state === 'starting';
  el.dataset.state = f ? f.state : '';
  el.textContent = f ? `Kafka ${f.state}: ${f.detail}` : '';
  el.title = el.textContent;
}

const handlers = {
  feed(f) { showFeed(f); },
  prediction(p) {
    counts.predictions++;
    store(p.series).addPrediction(p);
    if (!selected) selected = p.series;
  },
  anomaly(a) {
    counts.anomalies++;
    store(a.series).addAnomaly(a);
    anomalies.push(a);
    if (anomalies.length > MAX_ANOMALIES) anomalies.shift();
  },
  transcript(t) {
    counts.transcripts++;
    transcripts.add(t);
    talk.transcript(t);
  },
};

function select(id, newPick) {
  selected = id;
  pick = newPick;
  schedule();
}

let timer = null;
function schedule() {
  if (!timer) timer = setTimeout(() => { timer = null; render(); }, 250);
}

function render() {
  renderSeriesList();
  renderAnomalyList();
  transcripts.render();
  talk.render();
  $('counts').textContent = `${counts.predictions} predictions · ${counts.anomalies} anomalies · `
    + `${counts.transcripts} transcript updates · last update ${clock(Date.now())}`;
  const s = stores.get(selected);
  if (!s) return;
  if (!s.variables.includes(variable)) variable = s.variables[0];
  renderVariables(s);
  let rec = s.latest();
  let kind = 'prediction';
  if (pick && pick.anomaly) {
    rec = pick.anomaly;
    kind = 'anomaly';
  } else if (pick) {
    rec = s.windows.find(p => p.window.end_ms === pick.end_ms) || rec;
  }
  $('series-title').textContent = `${s.id}: observed vs forecast (${variable})`;
  $('follow').hidden = !pick;
  seriesChart.show(s, variable, rec);
  windowView.show(rec, variable, kind);
  heatmap.show(s.windows, rec.window.end_ms);
}

// Lists are updated in place, so that an item is not replaced under the pointer.
const seriesItems = new Map();
function renderSeriesList() {
  const ul = $('series-list');
  [...stores.values()].sort((a, b) => a.id.localeCompare(b.id)).forEach(s => {
    const p = s.latest();
    if (!p) return;
    let li = seriesItems.get(s.id);
    if (!li) {
      if (!seriesItems.size) ul.innerHTML = '';
      li = document.createElement('li');
      li.dataset.series = s.id;
      li.innerHTML = '<span class="name"></span><span class="meta"></span>';
      li.querySelector('.name').textContent = s.id;
      li.addEventListener('click', () => select(s.id, null));
      seriesItems.set(s.id, li);
      const after = [...ul.children].find(e => e.dataset.series > s.id);
      ul.insertBefore(li, after || null);
    }
    li.setAttribute('aria-selected', String(s.id === selected));
    li.title = `last window ends ${dateTime(p.window.end_ms)}`;
    const last = p.window.values[s.variables[0]][p.window.steps - 1];
    const score = typeof p.anomaly_score === 'number' && !p.warming_up
      ? ` <span class="score${p.anomaly_score > 0.9 ? ' high' : ''}">`
        + `${num(p.anomaly_score, 2)}</span>`
      : '';
    li.querySelector('.meta').innerHTML = num(last) + score;
  });
}

let shownAnomalies = null;
function renderAnomalyList() {
  const key = `${counts.anomalies}/${pick && pick.anomaly ? anomalies.indexOf(pick.anomaly) : -1}`;
  if (!anomalies.length || key === shownAnomalies) return;
  shownAnomalies = key;
  const ul = $('anomaly-list');
  ul.innerHTML = '';
  anomalies.slice().reverse().forEach(a => {
    const li = document.createElement('li');
    li.dataset.series = a.series;
    li.setAttribute('aria-selected', String(!!pick && pick.anomaly === a));
    li.innerHTML = `<span class="name"></span><span class="meta">${dateTime(a.ts_ms).slice(5)} `
      + `<span class="score high">${num(a.anomaly_score, 2)}</span></span>`;
    li.querySelector('.name').textContent = a.series;
    li.addEventListener('click', () => select(a.series, { anomaly: a }));
    ul.append(li);
  });
}

function renderVariables(s) {
  const sel = $('variable');
  sel.hidden = s.variables.length < 2;
  if (sel.dataset.for === s.id + s.variables.join()) return;
  sel.dataset.for = s.id + s.variables.join();
  sel.innerHTML = '';
  s.variables.forEach(v => sel.append(new Option(v, v, false, v === variable)));
}

$('variable').addEventListener('change', e => { variable = e.target.value; schedule(); });
$('follow').addEventListener('click', () => select(selected, null));

function connect(seq) {
  const status = $('status');
  let received = 0;
  const es = new EventSource(`events?after=${seq}`);
  es.onopen = () => { status.textContent = 'live'; status.className = 'status live'; };
  es.onerror = () => { status.textContent = 'reconnecting…'; status.className = 'status down'; };
  for (const type of Object.keys(handlers)) {
    es.addEventListener(type, e => {
      handlers[type](JSON.parse(e.data));
      status.dataset.events = String(++received);
      schedule();
    });
  }
}

async function boot() {
  const snap = await (await fetch('api/snapshot')).json();
  showFeed(snap.feed);
  Object.values(snap.predictions).flat().forEach(handlers.prediction);
  snap.anomalies.forEach(handlers.anomaly);
  snap.transcripts.forEach(handlers.transcript);
  render();
  connect(snap.seq);
}

boot().catch(e => {
  $('status').textContent = `cannot load: ${e}`;
  $('status').className = 'status down';
});
