import PDFDocument from 'pdfkit';

/** A one-page PDF resume of these lines, as a recruiter would drop into chat or upload. */
export function resumePdf(lines: readonly string[]): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 56 });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  for (const line of lines) doc.text(line);
  doc.end();
  return new Promise((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
}

/**
 * The lines of a resume that names how to find the person in Ashby (email, phone, profile URL), with
 * one role and what it did.
 */
export function personLines(name: string, email: string, phone: string, role: string, work: string): string[] {
  return [name, `${email} | ${phone} | linkedin.com/in/${name.toLowerCase().replace(/\s+/g, '-')}`, role, work];
}
