import { encodePng } from './png.ts';

// The two icons of the Teams app package, drawn here (no binary files in the repository): a white check
// mark, Skima's "decide" gesture, on the accent colour for the 192x192 colour icon, and inside a rounded
// square outline for the 32x32 outline icon, which Teams requires to be white on transparent.

/** The app's accent colour (manifest `accentColor`), the same as the Slack app's background. */
export const ACCENT = '#1f3a5f';

type Shape = (x: number, y: number) => boolean;
type Point = [number, number];

/** Samples per pixel along each axis: edges get partial coverage (anti-aliasing) from a 4x4 grid. */
const SUPERSAMPLE = 4;

/** The check mark, in unit coordinates (0..1 across the icon), as a thick polyline. */
const CHECK: Point[] = [[0.27, 0.53], [0.43, 0.69], [0.74, 0.35]];

function nearSegment(px: number, py: number, [ax, ay]: Point, [bx, by]: Point, half: number): boolean {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy)) <= half;
}

const check = (width: number): Shape => (x, y) =>
  nearSegment(x, y, CHECK[0]!, CHECK[1]!, width / 2) || nearSegment(x, y, CHECK[1]!, CHECK[2]!, width / 2);

function roundedSquare(inset: number, radius: number): Shape {
  return (x, y) => {
    const lo = inset + radius;
    const hi = 1 - inset - radius;
    const cx = Math.max(lo, Math.min(hi, x));
    const cy = Math.max(lo, Math.min(hi, y));
    return x >= inset && x <= 1 - inset && y >= inset && y <= 1 - inset && Math.hypot(x - cx, y - cy) <= radius;
  };
}

/** How much of each pixel a shape covers, 0..1. */
function coverage(size: number, shape: Shape): Float64Array {
  const out = new Float64Array(size * size);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let hits = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          if (shape((px + (sx + 0.5) / SUPERSAMPLE) / size, (py + (sy + 0.5) / SUPERSAMPLE) / size)) hits++;
        }
      }
      out[py * size + px] = hits / (SUPERSAMPLE * SUPERSAMPLE);
    }
  }
  return out;
}

const hex = (color: string) => [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16)) as [number, number, number];

/** 192x192: the white check on a full-bleed accent square (Teams rounds the corners itself). */
export function colorIcon(): Buffer {
  const size = 192;
  const mark = coverage(size, check(0.11));
  const [r, g, b] = hex(ACCENT);
  const rgba = new Uint8Array(size * size * 4);
  mark.forEach((a, i) => {
    rgba[i * 4] = Math.round(r + (255 - r) * a);
    rgba[i * 4 + 1] = Math.round(g + (255 - g) * a);
    rgba[i * 4 + 2] = Math.round(b + (255 - b) * a);
    rgba[i * 4 + 3] = 255;
  });
  return encodePng(size, size, rgba);
}

/** 32x32: the check inside a rounded-square border, white with transparency only. */
export function outlineIcon(): Buffer {
  const size = 32;
  const outer = roundedSquare(0.03, 0.2);
  const inner = roundedSquare(0.03 + 2.2 / size, 0.2 - 2.2 / size);
  const mark = check(0.13);
  const cover = coverage(size, (x, y) => (outer(x, y) && !inner(x, y)) || mark(x, y));
  const rgba = new Uint8Array(size * size * 4);
  cover.forEach((a, i) => {
    rgba.fill(255, i * 4, i * 4 + 3);
    rgba[i * 4 + 3] = Math.round(255 * a);
  });
  return encodePng(size, size, rgba);
}
