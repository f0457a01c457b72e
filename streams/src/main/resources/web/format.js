// Small helpers shared by the views: time formatting and colours.

export function clock(ms) {
  const d = new Date(ms);
  return d.toISOString().slice(11, 19);
}

export function dateTime(ms) {
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}

export function num(v, digits = 2) {
  if (v === null || v === undefined || Number.isNaN(v)) return '–';
  const a = Math.abs(v);
  return a >= 1000 ? v.toFixed(0) : v.toFixed(a >= 100 ? 1 : digits);
}

/** Amber with an alpha from 0..1, for attention. */
export function attention(alpha) {
  return `rgba(245, 158, 11, ${Math.max(0, Math.min(1, alpha)).toFixed(3)})`;
}

/** White to amber to dark red for a value in 0..1 (the heatmap). */
export function heat(v) {
  const t = Math.max(0, Math.min(1, v));
  const stops = [[255, 255, 255], [253, 224, 138], [245, 158, 11], [153, 27, 27]];
  const p = t * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(p));
  const f = p - i;
  const c = stops[i].map((a, k) => Math.round(a + (stops[i + 1][k] - a) * f));
  return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
}
