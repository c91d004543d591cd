import { renderResumeDocx } from './resume-docx.ts';
import type { ResumeModel } from './resume-model.ts';
import { renderResumePdf } from './resume-pdf.ts';

export interface RenderedFile {
  bytes: Buffer;
  contentType: string;
}

const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Renders a resume to its file, defects included (a corrupt file is a real file cut short and scrambled). */
export async function renderResumeFile(r: ResumeModel): Promise<RenderedFile> {
  const docx = r.layout.startsWith('docx');
  const contentType = docx ? DOCX : PDF;
  if (r.defect === 'empty') return { bytes: Buffer.alloc(0), contentType };
  if (docx && r.defect !== 'corrupt') return { bytes: renderResumeDocx(r), contentType };
  if (docx) return { bytes: scramble(renderResumeDocx(r)), contentType };
  const pdf = await renderResumePdf(r);
  return { bytes: r.defect === 'corrupt' ? scramble(pdf) : pdf, contentType };
}

function scramble(bytes: Buffer): Buffer {
  const cut = Buffer.from(bytes.subarray(0, Math.max(64, Math.floor(bytes.length / 3))));
  for (let i = 40; i < cut.length; i += 7) cut[i] = (cut[i] ?? 0) ^ 0x5a;
  return cut;
}

/** Bounded cache: rendering is lazy, and `large:N` must not keep every file in memory. */
export class FileCache {
  private readonly entries = new Map<string, RenderedFile>();
  constructor(private readonly maxEntries = 200) {}
  async get(key: string, render: () => Promise<RenderedFile>): Promise<RenderedFile> {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const file = await render();
    this.entries.set(key, file);
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return file;
  }
}
