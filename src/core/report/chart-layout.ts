import type { ChartSpec } from './charts.ts';

/**
 * A chart as drawing primitives in its own coordinates (origin top left), so the page's SVG and the
 * PDF's vectors are the same picture drawn by two thin renderers.
 */
export type Primitive =
  | { type: 'rect'; x: number; y: number; w: number; h: number; color: string }
  | { type: 'line'; x1: number; y1: number; x2: number; y2: number; color: string; width: number }
  | { type: 'polyline'; points: [number, number][]; color: string; width: number }
  | { type: 'dot'; x: number; y: number; r: number; color: string }
  | { type: 'text'; x: number; y: number; text: string; anchor: 'start' | 'middle' | 'end'; size: number; color: string };

export interface ChartDrawing {
  width: number;
  height: number;
  primitives: Primitive[];
  legend: { name: string; color: string }[];
}

export const SERIES_COLORS = ['#2f6f4f', '#c77d1a', '#8a3b3b', '#3b5b8a'];
const AXIS = '#6b6b6b';
const GRID = '#e3e3e3';
const INK = '#333333';

/** A round axis maximum above the largest value: 1, 2 or 5 times a power of ten. */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-11-02" as "2 Nov"; a stage name as it is. */
export function categoryLabel(category: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(category);
  return m ? `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]}` : category;
}

function formatTick(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

export function layoutChart(spec: ChartSpec, width = 640, height = 220): ChartDrawing {
  const left = 52;
  const right = 8;
  const top = 10;
  const bottom = 30;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const totals = spec.categories.map((_, i) =>
    spec.kind === 'stacked'
      ? spec.series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0)
      : Math.max(0, ...spec.series.map((s) => s.values[i] ?? 0)),
  );
  const max = spec.unit === 'percent' ? 100 : niceMax(Math.max(0, ...totals));
  const y = (v: number) => top + plotH - (v / max) * plotH;
  const slot = plotW / Math.max(1, spec.categories.length);
  const out: Primitive[] = [];

  for (let t = 0; t <= 4; t++) {
    const v = (max * t) / 4;
    out.push({ type: 'line', x1: left, y1: y(v), x2: left + plotW, y2: y(v), color: t ? GRID : AXIS, width: 1 });
    out.push({ type: 'text', x: left - 6, y: y(v) + 4, text: formatTick(v), anchor: 'end', size: 13, color: AXIS });
  }
  // At most about eight labels fit under a phone-width chart.
  const every = Math.max(1, Math.ceil(spec.categories.length / 8));
  spec.categories.forEach((c, i) => {
    if (i % every) return;
    out.push({ type: 'text', x: left + slot * (i + 0.5), y: height - 10, text: categoryLabel(c), anchor: 'middle', size: 13, color: INK });
  });

  if (spec.kind === 'lines') {
    spec.series.forEach((s, si) => {
      const color = SERIES_COLORS[si % SERIES_COLORS.length]!;
      // A week without a value breaks the line rather than drawing it to zero.
      let run: [number, number][] = [];
      const flush = () => {
        if (run.length > 1) out.push({ type: 'polyline', points: run, color, width: 2 });
        run = [];
      };
      s.values.forEach((v, i) => {
        if (v === null) return flush();
        const point: [number, number] = [left + slot * (i + 0.5), y(v)];
        run.push(point);
        out.push({ type: 'dot', x: point[0], y: point[1], r: 3, color });
      });
      flush();
    });
  } else {
    const barW = Math.max(2, slot * 0.6);
    spec.categories.forEach((_, i) => {
      let base = 0;
      spec.series.forEach((s, si) => {
        const v = s.values[i];
        if (v === null || v === undefined || v <= 0) return;
        const x = left + slot * i + (slot - barW) / 2;
        out.push({ type: 'rect', x, y: y(base + v), w: barW, h: y(base) - y(base + v), color: SERIES_COLORS[si % SERIES_COLORS.length]! });
        if (spec.kind === 'stacked') base += v;
      });
      if (spec.series.length === 1 && spec.categories.length <= 12) {
        const v = spec.series[0]!.values[i];
        if (v !== null && v !== undefined) {
          out.push({ type: 'text', x: left + slot * (i + 0.5), y: y(v) - 3, text: formatTick(v), anchor: 'middle', size: 12, color: INK });
        }
      }
    });
  }
  const legend = spec.series.map((s, si) => ({ name: s.name, color: SERIES_COLORS[si % SERIES_COLORS.length]! }));
  return { width, height, primitives: out, legend };
}
