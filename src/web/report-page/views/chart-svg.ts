import type { ChartSpec } from '../../../core/report/charts.ts';
import { type ChartDrawing, layoutChart, type Primitive } from '../../../core/report/chart-layout.ts';
import { html, type Html } from '../../shortlist-page/html.ts';

const n = (v: number) => Math.round(v * 10) / 10;

function element(p: Primitive): Html {
  switch (p.type) {
    case 'rect':
      return html`<rect x="${n(p.x)}" y="${n(p.y)}" width="${n(p.w)}" height="${n(p.h)}" fill="${p.color}"/>`;
    case 'line':
      return html`<line x1="${n(p.x1)}" y1="${n(p.y1)}" x2="${n(p.x2)}" y2="${n(p.y2)}" stroke="${p.color}" stroke-width="${p.width}"/>`;
    case 'polyline':
      return html`<polyline points="${p.points.map(([x, y]) => `${n(x)},${n(y)}`).join(' ')}" fill="none" stroke="${p.color}" stroke-width="${p.width}"/>`;
    case 'dot':
      return html`<circle cx="${n(p.x)}" cy="${n(p.y)}" r="${p.r}" fill="${p.color}"/>`;
    case 'text':
      return html`<text x="${n(p.x)}" y="${n(p.y)}" text-anchor="${p.anchor}" font-size="${p.size}" fill="${p.color}">${p.text}</text>`;
  }
}

function legend(drawing: ChartDrawing): Html | null {
  if (drawing.legend.length < 2) return null;
  return html`<ul class="legend">${drawing.legend.map(
    (l) => html`<li><svg width="12" height="12" aria-hidden="true"><rect width="12" height="12" fill="${l.color}"/></svg>${l.name}</li>`,
  )}</ul>`;
}

/** A chart as inline SVG drawn on the server: it scales to the page's width, and needs no script. */
export function chartFigure(spec: ChartSpec): Html {
  const drawing = layoutChart(spec);
  const summary = spec.series
    .map((s) => `${s.name}: ${s.values.map((v, i) => `${spec.categories[i]} ${v ?? 'none'}`).join(', ')}`)
    .join('; ');
  return html`<figure class="chart" id="chart-${spec.id}">
<figcaption>${spec.title}</figcaption>
<svg viewBox="0 0 ${drawing.width} ${drawing.height}" role="img" aria-label="${`${spec.title}. ${summary}`}" preserveAspectRatio="xMidYMid meet">
${drawing.primitives.map(element)}
</svg>
${legend(drawing)}
</figure>`;
}
