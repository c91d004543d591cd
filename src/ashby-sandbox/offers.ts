import { z } from 'zod';
import { type EndpointDef, endpoint, type SandboxContext } from './context.ts';
import { applicationIndexOrThrow } from './handlers-read.ts';
import { arraySource, listPage } from './list-paging.ts';
import type { OfferRec, OrgState } from './org-state.ts';
import { notFound } from './sandbox-error.ts';
import { fileHandleFor } from './serialize.ts';

// Offers as Ashby's offer.list / offer.info give them. The sandbox makes one, accepted, when an
// application is moved to a Hired stage, with its offer letter as a file (a small PDF), so the hire
// hand-off's `attach: [offer]` has something to fetch.

const DAY = 86_400_000;

/** A one-page PDF whose text is the letter: enough for a receiver to open. */
function offerLetterPdf(text: string): Buffer {
  const safe = text.replace(/[()\\]/g, ' ');
  const stream = `BT /F1 12 Tf 72 720 Td (${safe}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, n) => {
    offsets.push(pdf.length);
    pdf += `${n + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) pdf += `${String(o).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/** The application's offer, made (once) when it is hired. */
export function ensureOffer(org: OrgState, applicationIndex: number, now: number): OfferRec {
  const existing = org.offers.get(applicationIndex);
  if (existing) return existing;
  const n = org.offers.size;
  const candidate = org.candidateBase(org.applicationCandidate(applicationIndex));
  const file = org.storeFile('Offer Letter.pdf', 'application/pdf', offerLetterPdf(`Offer letter for ${candidate?.name ?? 'the candidate'}`));
  const offer = {
    id: org.id('offer', n),
    versionId: org.id('offer-version', n),
    applicationIndex,
    fileId: file.id,
    createdAt: now,
    seq: org.nextSeq(),
  };
  org.offers.set(applicationIndex, offer);
  return offer;
}

export function offerJson(org: OrgState, offer: OfferRec) {
  const file = org.files.get(offer.fileId);
  const applicationId = org.id('application', offer.applicationIndex);
  return {
    id: offer.id,
    applicationId,
    decidedAt: new Date(offer.createdAt).toISOString(),
    acceptanceStatus: 'Accepted',
    offerStatus: 'CandidateAccepted',
    latestVersion: {
      id: offer.versionId,
      startDate: new Date(offer.createdAt + 14 * DAY).toISOString(),
      createdAt: new Date(offer.createdAt).toISOString(),
      salary: { currencyCode: 'USD', value: 120000 },
      customFields: [],
      fileHandles: file ? [fileHandleFor(file.id, file.name)] : [],
    },
  };
}

const offersOf = (ctx: SandboxContext) => [...ctx.org.offers.values()].sort((a, b) => a.seq - b.seq);

export const offerEndpoints: Record<string, EndpointDef> = {
  'offer.list': endpoint({
    permission: 'offersRead',
    write: false,
    input: z.object({
      cursor: z.string().optional(),
      syncToken: z.string().optional(),
      limit: z.number().int().min(1).optional(),
      createdAfter: z.number().int().optional(),
      applicationId: z.string().optional(),
    }),
    handle: (ctx, input) => {
      const only = input.applicationId === undefined ? undefined : applicationIndexOrThrow(ctx, input.applicationId);
      const wanted = (o: OfferRec) =>
        (only === undefined || o.applicationIndex === only)
        && (input.createdAfter === undefined || o.createdAt > input.createdAfter);
      const source = arraySource('offer.list', offersOf(ctx), (o) => (wanted(o) ? offerJson(ctx.org, o) : undefined));
      return listPage(source, input, ctx.paging());
    },
  }),
  'offer.info': endpoint({
    permission: 'offersRead',
    write: false,
    input: z.object({ offerId: z.string(), excludeFormDefinition: z.boolean().optional() }),
    handle: (ctx, input) => {
      const offer = offersOf(ctx).find((o) => o.id === input.offerId);
      if (!offer) throw notFound('offer');
      return { results: offerJson(ctx.org, offer) };
    },
  }),
};
