import type { AshbyClient, AshbyCustomFieldValue, AshbyOffer } from '../../ashby/index.ts';
import type { HandoffAttachment, HandoffEndpoint, HandoffFieldSource } from '../../config/handoff.ts';
import type { AppContext } from '../context.ts';
import { hiringTeamOf } from '../people/hiring-team.ts';

/** What a hand-off sends: the mapped fields, and the files asked for. */
export interface HandoffBody {
  event: 'candidate.hired';
  deliveryId: string;
  applicationId: string;
  sentAt: string;
  fields: Record<string, string | number | boolean | string[] | null>;
  files: Array<{ kind: HandoffAttachment; name: string; contentType: string; base64: string }>;
}

type FieldValue = HandoffBody['fields'][string];

function customValue(fields: AshbyCustomFieldValue[] | null | undefined, id: string): FieldValue {
  const found = fields?.find((f) => f.id === id);
  if (!found) return null;
  const value = found.value as unknown;
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return value as FieldValue;
  if (Array.isArray(value)) return value.map(String);
  return JSON.stringify(value);
}

/** The application's accepted offer (else its latest decided or made one); null when it has none. */
async function offerOf(client: AshbyClient, applicationId: string): Promise<AshbyOffer | null> {
  const offers: AshbyOffer[] = [];
  for await (const offer of client.offer.list({ applicationId })) {
    if (offer.applicationId === applicationId) offers.push(offer);
  }
  const accepted = offers.filter((o) => o.acceptanceStatus === 'Accepted' || o.offerStatus === 'CandidateAccepted');
  const when = (o: AshbyOffer) => o.decidedAt ?? o.latestVersion?.createdAt ?? '';
  return [...(accepted.length ? accepted : offers)].sort((a, b) => when(b).localeCompare(when(a)))[0] ?? null;
}

async function fileOf(client: AshbyClient, kind: HandoffAttachment, handle: { name: string; handle: string }) {
  const file = await client.file.download(handle.handle);
  return {
    kind,
    name: handle.name,
    contentType: file.contentType ?? 'application/octet-stream',
    base64: Buffer.from(file.bytes).toString('base64'),
  };
}

/** Reads the hire from Ashby (application, candidate, job) and maps it as the endpoint says. */
export async function buildHandoffBody(
  ctx: AppContext,
  endpoint: HandoffEndpoint,
  delivery: { id: string; applicationId: string },
): Promise<HandoffBody> {
  const { client } = ctx.ashby;
  const application = await client.application.info(delivery.applicationId);
  const candidate = await client.candidate.info(application.candidate.id);
  const needsJob = Object.values(endpoint.fields).some(
    (f) => f === 'job.employmentType' || (typeof f === 'object' && f.of === 'job'),
  );
  const ashbyJob = needsJob ? await client.job.info(application.job.id) : undefined;
  const job = await ctx.db.job.findUnique({ where: { id: application.job.id } });
  // offer.list only when the mapping asks for an offer's field or files (it needs offersRead).
  const needsOffer = endpoint.attach.includes('offer') || Object.values(endpoint.fields).some((f) => f === 'offer.startDate');
  const offer = needsOffer ? await offerOf(client, application.id) : null;
  const manager = hiringTeamOf(job ?? { hiringTeam: [] }).find((m) => /hiring manager/i.test(m.role));
  const [firstName, ...rest] = candidate.name.trim().split(/\s+/);
  const hired = application.applicationHistory?.at(-1)?.enteredStageAt ?? application.updatedAt;
  const system: Record<string, FieldValue> = {
    'candidate.id': candidate.id,
    'candidate.name': candidate.name,
    'candidate.firstName': firstName ?? '',
    'candidate.lastName': rest.join(' '),
    'candidate.email': candidate.primaryEmailAddress?.value ?? null,
    'candidate.phone': candidate.primaryPhoneNumber?.value ?? null,
    'candidate.linkedInUrl': candidate.socialLinks.find((l) => l.type === 'LinkedIn')?.url ?? null,
    'candidate.location': candidate.location?.locationSummary ?? null,
    'application.id': application.id,
    'application.hiredAt': hired,
    'application.source': application.source?.title ?? null,
    'job.id': application.job.id,
    'job.title': application.job.title,
    'job.department': job?.departmentName ?? null,
    'job.location': job?.locationName ?? null,
    'job.employmentType': ashbyJob?.employmentType ?? null,
    'hiringManager.name': manager ? `${manager.firstName ?? ''} ${manager.lastName ?? ''}`.trim() || null : null,
    'hiringManager.email': manager?.email ?? null,
    'offer.startDate': offer?.latestVersion?.startDate ?? null,
  };
  const fields: HandoffBody['fields'] = {};
  for (const [name, source] of Object.entries(endpoint.fields) as Array<[string, HandoffFieldSource]>) {
    if (typeof source === 'string') fields[name] = system[source] ?? null;
    else {
      const from = source.of === 'candidate' ? candidate.customFields : source.of === 'job' ? ashbyJob?.customFields : application.customFields;
      fields[name] = customValue(from, source.customField);
    }
  }
  const files: HandoffBody['files'] = [];
  if (endpoint.attach.includes('resume') && candidate.resumeFileHandle) {
    files.push(await fileOf(client, 'resume', candidate.resumeFileHandle));
  }
  if (endpoint.attach.includes('offer')) {
    for (const handle of offer?.latestVersion?.fileHandles ?? []) files.push(await fileOf(client, 'offer', handle));
  }
  return {
    event: 'candidate.hired',
    deliveryId: delivery.id,
    applicationId: delivery.applicationId,
    sentAt: new Date().toISOString(),
    fields,
    files,
  };
}
