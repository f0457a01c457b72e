// Live transcripts: one card per utterance with its audio envelope; hovering a token shades the
// part of the audio its attention points to. A partial is replaced by the next partial or the
// final of the same (stream, utterance).

import { attention, num } from './format.js';

const SHOWN = 8;

export class Transcripts {
  constructor(root) {
    this.root = root;
    this.utterances = new Map();   // "stream#utterance" -> record, oldest first
  }

  add(t) {
    const key = `${t.stream}#${t.utterance}`;
    this.utterances.delete(key);
    this.utterances.set(key, t);
    while (this.utterances.size > SHOWN) {
      this.utterances.delete(this.utterances.keys().next().value);
    }
    this.dirty = true;
  }

  render() {
    if (!this.dirty || !this.utterances.size) return;
    this.dirty = false;
    this.root.innerHTML = '';
    [...this.utterances.values()].reverse().forEach(t => this.root.append(card(t)));
  }
}

function card(t) {
  const el = document.createElement('div');
  el.className = 'utterance' + (t.final ? '' : ' partial');
  el.dataset.stream = t.stream;
  const head = document.createElement('div');
  head.className = 'head';
  const gaps = (t.gaps || []).reduce((n, g) => n + g.missing_chunks, 0);
  head.textContent = `${t.stream} · utterance ${t.utterance} · ${(t.start_ms / 1000).toFixed(2)}–`
    + `${(t.end_ms / 1000).toFixed(2)} s · ${t.final ? 'final' : 'partial…'} · latency `
    + `${num(t.latency_ms, 1)} ms` + (gaps ? ` · ${gaps} audio chunks missing` : '')
    + (t.model ? ` · ${t.model.name}` : '');
  const canvas = document.createElement('canvas');
  canvas.className = 'envelope';
  const tokens = document.createElement('div');
  tokens.className = 'tokens';
  el.append(head, canvas, tokens);
  (t.tokens || []).forEach(tok => {
    const s = document.createElement('span');
    s.className = 'token' + (tok.confidence < 0.6 ? ' unsure' : '');
    s.textContent = tok.text;
    s.title = `${tok.text} · ${tok.start_ms}–${tok.end_ms} ms · confidence `
      + `${num(tok.confidence, 2)}`
      + (tok.attention ? ` · attention peak ${tok.attention.peak_ms} ms` : '');
    s.addEventListener('mouseenter', () => draw(canvas, t, tok));
    s.addEventListener('mouseleave', () => draw(canvas, t, null));
    tokens.append(s, ' ');
  });
  requestAnimationFrame(() => draw(canvas, t, null));
  return el;
}

/** The audio envelope (RMS per frame) and, for a hovered token, its attention over the audio. */
function draw(canvas, t, tok) {
  const dpr = window.devicePixelRatio || 1;
  canvas.width = canvas.clientWidth * dpr;
  canvas.height = canvas.clientHeight * dpr;
  const ctx = canvas.getContext('2d');
  ctx.scale(dpr, dpr);
  const W = canvas.clientWidth, H = canvas.clientHeight;
  const audio = t.audio || { start_ms: t.start_ms, frame_ms: 10, rms: [] };
  const t0 = audio.start_ms;
  const t1 = Math.max(t.end_ms, t0 + audio.rms.length * audio.frame_ms);
  const x = ms => ((ms - t0) / Math.max(1, t1 - t0)) * W;
  ctx.clearRect(0, 0, W, H);
  if (tok) {
    ctx.fillStyle = 'rgba(59, 130, 246, 0.12)';
    ctx.fillRect(x(tok.start_ms), 0, x(tok.end_ms) - x(tok.start_ms), H);
  }
  if (tok && tok.attention) {
    const a = tok.attention;
    const wmax = Math.max(1e-9, ...a.weights);
    a.weights.forEach((w, i) => {
      ctx.fillStyle = attention(0.85 * w / wmax);
      ctx.fillRect(x(a.start_ms + i * a.frame_ms), 0, Math.max(1, x(a.frame_ms) - x(0)), H);
    });
  }
  const peak = Math.max(1e-9, ...audio.rms);
  ctx.fillStyle = '#475569';
  audio.rms.forEach((r, i) => {
    const h = (r / peak) * (H - 6);
    const bar = Math.max(1, x(audio.frame_ms) - x(0));
    ctx.fillRect(x(t0 + i * audio.frame_ms), (H - h) / 2, bar, h);
  });
  ctx.fillStyle = '#dc2626';
  (t.gaps || []).forEach(g => ctx.fillRect(x(g.at_ms) - 1, 0, 2, H));
  if (tok && tok.attention) {
    ctx.fillStyle = '#92400e';
    ctx.fillRect(x(tok.attention.peak_ms) - 1, 0, 2, H);
  }
  canvas.dataset.highlight = tok ? tok.text : '';
}
