import { type BiasAudit, SELECTIONS } from './bias.ts';
import { layoutChart, type Primitive } from './chart-layout.ts';
import { chartsOf } from './charts.ts';
import type { Report } from './compute.ts';
import { JOB_COLUMNS, jobRows } from './exports.ts';
import { formatChange, formatFigure, headlineOf, hoursSavedAssumption } from './headline.ts';
import { biasCell } from './bias-format.ts';

type Doc = PDFKit.PDFDocument;

const MARGIN = 48;
const PAGE_W = 595.28;
const PAGE_H = 841.89;
const CONTENT_W = PAGE_W - 2 * MARGIN;

/** The standard fonts speak WinAnsi: a minus sign becomes a hyphen. */
const ansi = (text: string) => text.replace(/\u2212/g, '-');

function ensureRoom(doc: Doc, height: number): void {
  if (doc.y + height > PAGE_H - MARGIN) doc.addPage();
}

function heading(doc: Doc, text: string): void {
  ensureRoom(doc, 40);
  doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).fillColor('#000').text(ansi(text), MARGIN, doc.y, { width: CONTENT_W });
  doc.moveDown(0.3);
}

function drawPrimitive(doc: Doc, p: Primitive): void {
  switch (p.type) {
    case 'rect':
      doc.rect(p.x, p.y, p.w, p.h).fill(p.color);
      break;
    case 'line':
      doc.moveTo(p.x1, p.y1).lineTo(p.x2, p.y2).lineWidth(p.width).stroke(p.color);
      break;
    case 'polyline': {
      const [first, ...rest] = p.points;
      doc.moveTo(first![0], first![1]);
      for (const [x, y] of rest) doc.lineTo(x, y);
      doc.lineWidth(p.width).stroke(p.color);
      break;
    }
    case 'dot':
      doc.circle(p.x, p.y, p.r).fill(p.color);
      break;
    case 'text': {
      doc.font('Helvetica').fontSize(p.size).fillColor(p.color);
      const width = doc.widthOfString(ansi(p.text));
      const x = p.anchor === 'middle' ? p.x - width / 2 : p.anchor === 'end' ? p.x - width : p.x;
      // SVG places text by its baseline, pdfkit by its top.
      doc.text(ansi(p.text), x, p.y - p.size * 0.8, { lineBreak: false });
      break;
    }
  }
}

/** A chart as vectors: the same primitives the page's SVG is made of, scaled to the page. */
function drawChart(doc: Doc, spec: ReturnType<typeof chartsOf>[number]): void {
  const drawing = layoutChart(spec);
  const scale = CONTENT_W / drawing.width;
  ensureRoom(doc, drawing.height * scale + 40);
  doc.font('Helvetica-Bold').fontSize(11).fillColor('#000').text(ansi(spec.title), MARGIN, doc.y + 6);
  const top = doc.y + 4;
  doc.save().translate(MARGIN, top).scale(scale);
  for (const p of drawing.primitives) drawPrimitive(doc, p);
  doc.restore();
  let x = MARGIN;
  const legendY = top + drawing.height * scale + 2;
  if (drawing.legend.length > 1) {
    for (const l of drawing.legend) {
      doc.rect(x, legendY + 2, 8, 8).fill(l.color);
      doc.font('Helvetica').fontSize(9).fillColor('#333').text(l.name, x + 12, legendY + 1, { lineBreak: false });
      x += 24 + doc.widthOfString(l.name);
    }
  }
  doc.x = MARGIN;
  doc.y = legendY + 14;
}

/** A plain table: the first column left-aligned, the rest right-aligned. */
function table(doc: Doc, header: string[], rows: string[][], widths: number[]): void {
  const rowH = 14;
  const draw = (cells: string[], bold: boolean) => {
    ensureRoom(doc, rowH);
    const y = doc.y;
    let x = MARGIN;
    cells.forEach((cell, i) => {
      doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8.5).fillColor('#000');
      doc.text(ansi(cell), x, y, { width: widths[i]! - 4, align: i === 0 ? 'left' : 'right', lineBreak: false, ellipsis: true });
      x += widths[i]!;
    });
    doc.x = MARGIN;
    doc.y = y + rowH;
  };
  draw(header, true);
  for (const row of rows) draw(row, false);
}

function spreadWidths(first: number, count: number): number[] {
  return [first, ...Array.from({ length: count - 1 }, () => (CONTENT_W - first) / (count - 1))];
}

/** The report as a PDF: the same figures and charts as the page, and its bias audit when given. */
export async function renderReportPdf(report: Report, bias?: BiasAudit): Promise<Buffer> {
  // Loaded when a PDF is drawn: pdfkit unpacks its Unicode tables as it loads (about 0.1 s of CPU), a
  // cost every process and CLI command that never draws one would pay otherwise.
  const { default: PDFDocument } = await import('pdfkit');
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: MARGIN,
      info: { Title: 'Skima ROI report', Creator: 'Skima', CreationDate: report.generatedAt },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);

    doc.font('Helvetica-Bold').fontSize(18).text('Skima ROI report');
    doc.font('Helvetica').fontSize(11).fillColor('#444').text(ansi(report.job ? `Job: ${report.job.title}` : 'Whole organisation'));
    doc.text(
      `${report.period.firstDay} to ${report.period.lastDay} (${report.settings.timeZone}), against ${report.previousPeriod.firstDay} to ${report.previousPeriod.lastDay}`,
    );

    heading(doc, 'Summary');
    table(
      doc,
      ['Figure', 'This period', 'Period before', 'Change'],
      headlineOf(report).map((h) => [
        h.label,
        formatFigure(h.current, h.unit),
        formatFigure(h.previous, h.unit),
        formatChange(h),
      ]),
      spreadWidths(200, 4),
    );
    doc.moveDown(0.4).font('Helvetica-Oblique').fontSize(8.5).fillColor('#444').text(hoursSavedAssumption(report), MARGIN, doc.y, { width: CONTENT_W });

    heading(doc, 'Per week');
    for (const chart of chartsOf(report)) drawChart(doc, chart);

    if (!report.job && report.jobs.length) {
      heading(doc, 'Per job');
      table(doc, JOB_COLUMNS, jobRows(report).map((r) => r.map((c) => (c === null ? '–' : String(c)))), spreadWidths(120, JOB_COLUMNS.length));
    }

    if (bias) {
      heading(doc, 'Bias audit');
      doc.font('Helvetica').fontSize(9).fillColor('#333').text(
        bias.unavailable
        ?? `${bias.population} applications screened, ${bias.withAnswers} with demographic answers. Categories with fewer than ${bias.minGroup} people are too small to compare.`,
        MARGIN,
        doc.y,
        { width: CONTENT_W },
      );
      for (const t of bias.tables) {
        heading(doc, `${t.field}: ${SELECTIONS.find((s) => s.id === t.selection)!.label}`);
        table(doc, ['Category', 'People', 'Selected', 'Selection rate', 'Impact ratio'], t.rows.map((r) => [r.category, ...biasCell(r)]), spreadWidths(220, 5));
      }
    }
    doc.end();
  });
}
