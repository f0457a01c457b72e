// The page's microphone as a live audio stream of Heed: getUserMedia and an AudioWorklet capture
// it, 100 ms chunks of 16-bit PCM go over a WebSocket (/api/talk) to the audio topic, and the
// transcripts of this page's stream come back through the event stream like any other.

import { Transcripts } from './transcripts.js';

const CHUNK_MS = 100;
const WANTED_RATE = 16000;

export class Talk {
  constructor(button, status, level, root) {
    this.button = button;
    this.status = status;
    this.level = level;
    this.transcripts = new Transcripts(root);
    this.stream = null;
    this.running = false;
    button.addEventListener('click', () => (this.running ? this.stop() : this.start()));
  }

  /** A transcript from the event stream: kept when it belongs to this page's stream. */
  transcript(t) {
    if (this.stream && t.stream === this.stream) this.transcripts.add(t);
  }

  render() {
    this.transcripts.render();
  }

  say(text, error) {
    this.status.textContent = text;
    this.status.classList.toggle('error', !!error);
  }

  async start() {
    if (!navigator.mediaDevices || !window.AudioWorkletNode) {
      this.say('this browser cannot capture audio here (it needs https, or http on this machine)',
        true);
      return;
    }
    this.running = true;
    this.button.textContent = 'stop';
    this.button.classList.add('on');
    this.say('asking for the microphone…');
    try {
      this.media = await navigator.mediaDevices.getUserMedia({
        audio: { channelCount: 1, echoCancellation: false, noiseSuppression: false,
          autoGainControl: false } });
    } catch (e) {
      this.fail(`the microphone was refused (${e.name}): allow it for this page, then press talk`);
      return;
    }
    try {
      this.ctx = new AudioContext({ sampleRate: WANTED_RATE });
    } catch (e) {
      this.ctx = new AudioContext();
    }
    await this.ctx.audioWorklet.addModule('pcm-worklet.js');
    const rate = this.ctx.sampleRate;
    const per = Math.round(rate * CHUNK_MS / 1000);
    const scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
    const ws = new WebSocket(`${scheme}${location.host}/api/talk?rate=${rate}`);
    ws.binaryType = 'arraybuffer';
    this.ws = ws;
    ws.onmessage = e => {
      const m = JSON.parse(e.data);
      if (m.error) {
        this.fail(`Heed refused the audio: ${m.error}`);
      } else if (m.stream) {
        this.stream = m.stream;
        this.say(`listening: stream ${m.stream} at ${m.rate} Hz; speak, then press stop`);
      }
    };
    ws.onerror = () => this.fail('Heed is unreachable: the audio cannot be sent (is it running?)');
    ws.onclose = e => {
      if (this.running) this.fail(`Heed closed the audio stream (${e.code}${e.reason ? ': '
        + e.reason : ''})`);
    };
    await new Promise((resolve, reject) => {
      ws.addEventListener('open', resolve, { once: true });
      ws.addEventListener('close', reject, { once: true });
    }).catch(() => null);
    if (ws.readyState !== WebSocket.OPEN) return;
    const source = this.ctx.createMediaStreamSource(this.media);
    const node = new AudioWorkletNode(this.ctx, 'pcm-capture');
    const mute = this.ctx.createGain();
    mute.gain.value = 0;
    source.connect(node).connect(mute).connect(this.ctx.destination);
    let buffer = new Float32Array(0);
    node.port.onmessage = e => {
      const joined = new Float32Array(buffer.length + e.data.length);
      joined.set(buffer);
      joined.set(e.data, buffer.length);
      buffer = joined;
      while (buffer.length >= per) {
        this.send(buffer.subarray(0, per));
        buffer = buffer.slice(per);
      }
    };
    this.node = node;
  }

  send(samples) {
    const pcm = new Int16Array(samples.length);
    let sum = 0;
    for (let i = 0; i < samples.length; i++) {
      const v = Math.max(-1, Math.min(1, samples[i]));
      pcm[i] = v < 0 ? v * 0x8000 : v * 0x7fff;
      sum += v * v;
    }
    const rms = Math.sqrt(sum / samples.length);
    const db = 20 * Math.log10(Math.max(rms, 1e-5));
    this.level.firstElementChild.style.width = `${Math.max(0, Math.min(100, (db + 60) * 100 / 60))}%`;
    this.level.dataset.db = db.toFixed(1);
    if (this.ws && this.ws.readyState === WebSocket.OPEN) this.ws.send(pcm.buffer);
  }

  stop() {
    this.running = false;
    if (this.ws && this.ws.readyState === WebSocket.OPEN) this.ws.send('end');
    this.cleanup();
    this.say('stopped; the last words come back in a moment');
  }

  fail(message) {
    this.running = false;
    this.cleanup();
    this.say(message, true);
  }

  cleanup() {
    this.button.textContent = 'talk';
    this.button.classList.remove('on');
    if (this.node) this.node.port.onmessage = null;
    if (this.media) this.media.getTracks().forEach(t => t.stop());
    if (this.ctx) this.ctx.close().catch(() => null);
    this.level.firstElementChild.style.width = '0';
    this.node = null;
    this.media = null;
    this.ctx = null;
  }
}
