// Resumes added for a job against the sandbox, on both databases: never a duplicate (twice, or two at
// once), an existing person attached, an unreadable file answered with nothing created.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitIntake, IntakeError, type IntakeInput, previewIntake } from '../../../src/core/intake/index.ts';
import { DB_KINDS } from '../../helpers/databases.ts';
import { writesFor } from '../../helpers/skima.ts';
import { type DispositionEnv, dispositionEnv } from '../disposition/sandbox-env.ts';
import { resumePdf, personLines } from '../../helpers/resume-pdf.ts';
import { buildDocx } from '../../scoring/helpers/fixtures.ts';

const person = (name: string, email: string, phone: string) =>
  personLines(name, email, phone, 'Senior Backend Engineer, Acme Corp, 2019 - 2024', 'Built Go and PostgreSQL services; Kubernetes; AWS.');

describe.each(DB_KINDS)('adding a resume for a job on %s', (kind) => {
  let env: DispositionEnv;
  const creates = () => writesFor(env.sandbox, 'candidate.create', () => true);
  const appCreates = () => writesFor(env.sandbox, 'application.create', () => true);
  const input = (filename: string, bytes: Uint8Array, jobId = env.jobA): IntakeInput => ({
    jobId,
    filename,
    bytes,
    actor: env.recruiter,
    channel: 'cli',
  });

  beforeAll(async () => {
    env = await dispositionEnv(kind, { worker: false });
  }, 120_000);
  afterAll(async () => {
    await env?.close();
  });

  it('the same file added twice makes one candidate and one application', async () => {
    const file = input('Nadia_Okoye.pdf', await resumePdf(person('Nadia Okoye', 'nadia.okoye@example.org', '+1 (720) 555-0101')));
    const preview = await previewIntake(env.ctx, file);
    expect(preview.existing).toBeUndefined();
    expect(preview.contact).toMatchObject({ name: 'Nadia Okoye', email: 'nadia.okoye@example.org' });
    expect(creates()).toEqual([]); // nothing before the confirmation
    const first = await commitIntake(env.ctx, file, preview);
    expect(first).toMatchObject({ candidateCreated: true, applicationCreated: true });
    const again = await commitIntake(env.ctx, file, await previewIntake(env.ctx, file));
    expect(again).toEqual({ ...first, candidateCreated: false, applicationCreated: false });
    expect(creates()).toHaveLength(1);
    expect(appCreates()).toHaveLength(1);
    // Ashby has no source called "Skima" here: none is named rather than some other one.
    expect(creates()[0]!.body).not.toHaveProperty('sourceId');
    expect(appCreates()[0]!.body).not.toHaveProperty('sourceId');
    const candidate = await env.ctx.ashby.client.candidate.info(first.candidateId);
    expect(candidate.resumeFileHandle?.name).toBe('Nadia_Okoye.pdf');
    expect(candidate.applicationIds).toEqual([first.applicationId]);
    const audit = await env.ctx.db.auditEvent.findMany({ where: { action: 'candidate.added' } });
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain('Nadia');
  });

  it('two drops of the same person at once make one candidate and one application', async () => {
    const before = { c: creates().length, a: appCreates().length };
    const tomas = person('Tomas Reyes', 'tomas.reyes@example.org', '+1 (720) 555-0102');
    const a = input('Tomas_Reyes.pdf', await resumePdf(tomas));
    // Another file of the same person (one more line), dropped at the same moment.
    const b = input('Tomas_Reyes_CV.pdf', await resumePdf([...tomas, 'References on request.']));
    const [pa, pb] = await Promise.all([previewIntake(env.ctx, a), previewIntake(env.ctx, b)]);
    const [ra, rb] = await Promise.all([commitIntake(env.ctx, a, pa), commitIntake(env.ctx, b, pb)]);
    expect(ra.candidateId).toBe(rb.candidateId);
    expect(ra.applicationId).toBe(rb.applicationId);
    expect([ra.candidateCreated, rb.candidateCreated].sort()).toEqual([false, true]);
    expect(creates().length - before.c).toBe(1);
    expect(appCreates().length - before.a).toBe(1);
  });

  it('a resume of a person already in Ashby attaches to them, found by email', async () => {
    const seededApps = await env.ctx.db.application.findMany({ where: { jobId: env.jobB }, orderBy: { id: 'asc' } });
    let seeded = seededApps[0]!;
    let ashbyCandidate = await env.ctx.ashby.client.candidate.info(seeded.candidateId);
    for (const app of seededApps) {
      seeded = app;
      ashbyCandidate = await env.ctx.ashby.client.candidate.info(app.candidateId);
      if (ashbyCandidate.resumeFileHandle) break; // a few seeded candidates sent no resume
    }
    const file = await env.ctx.ashby.client.file.download(ashbyCandidate.resumeFileHandle!.handle);
    const drop = input('resume.pdf', file.bytes);
    const preview = await previewIntake(env.ctx, drop);
    const { name } = ashbyCandidate;
    expect(preview.existing).toEqual({ candidateId: seeded.candidateId, name, matchedBy: 'email' });
    const before = creates().length;
    const result = await commitIntake(env.ctx, drop, preview);
    expect(result).toMatchObject({ candidateId: seeded.candidateId, candidateCreated: false });
    expect(result.applicationCreated).toBe(true);
    expect(creates()).toHaveLength(before);
    const application = await env.ctx.ashby.client.application.info(result.applicationId);
    expect(application.job.id).toBe(env.jobA);
    expect(application.candidate.id).toBe(seeded.candidateId);
  });

  it('finds a person Ashby has by phone, then by profile URL, when the resume gives another email, and attaches to them', async () => {
    const { client } = env.ctx.ashby;
    const byPhone = await client.candidate.create({ name: 'Priya Natarajan', email: 'priya@old-employer.example', phoneNumber: '+1 720 555 0142' });
    const byUrl = await client.candidate.create({
      name: 'Oskar Lind',
      email: 'oskar@old-employer.example',
      linkedInUrl: 'https://www.linkedin.com/in/oskar-lind',
    });
    const before = { c: creates().length, a: appCreates().length };
    const phoneDrop = input('Priya.pdf', await resumePdf(['Priya Natarajan', 'priya.n@example.org | (720) 555-0142', 'Backend Engineer, 2019 - 2024']));
    const phonePreview = await previewIntake(env.ctx, phoneDrop);
    expect(phonePreview.existing).toEqual({ candidateId: byPhone.id, name: 'Priya Natarajan', matchedBy: 'phone' });
    const urlDrop = input('Oskar.pdf', await resumePdf(['Oskar Lind', 'oskar.lind@example.org | linkedin.com/in/Oskar-Lind/', 'Platform Engineer, 2017 - 2024']));
    const urlPreview = await previewIntake(env.ctx, urlDrop);
    expect(urlPreview.existing).toEqual({ candidateId: byUrl.id, name: 'Oskar Lind', matchedBy: 'profile URL' });

    const attached = { candidateCreated: false, applicationCreated: true };
    const viaPhone = await commitIntake(env.ctx, phoneDrop, phonePreview);
    expect(viaPhone).toMatchObject({ candidateId: byPhone.id, ...attached });
    expect(await commitIntake(env.ctx, urlDrop, urlPreview)).toMatchObject({ candidateId: byUrl.id, ...attached });
    expect(creates()).toHaveLength(before.c);
    expect(appCreates().length - before.a).toBe(2);
  });

  it('a DOCX resume is added as a DOCX', async () => {
    const drop = input('Maya_Ortiz.docx', buildDocx(person('Maya Ortiz', 'maya.ortiz@example.org', '+1 (720) 555-0188')));
    const preview = await previewIntake(env.ctx, drop);
    expect(preview).toMatchObject({ format: 'docx', contact: { name: 'Maya Ortiz', email: 'maya.ortiz@example.org' } });
    const result = await commitIntake(env.ctx, drop, preview);
    expect(result).toMatchObject({ candidateCreated: true, applicationCreated: true });
    const uploads = writesFor(env.sandbox, 'candidate.uploadResume', () => true);
    expect(uploads.length).toBeGreaterThan(0);
    const candidate = await env.ctx.ashby.client.candidate.info(result.candidateId);
    expect(candidate.resumeFileHandle?.name).toBe('Maya_Ortiz.docx');
    const file = await env.ctx.ashby.client.file.download(candidate.resumeFileHandle!.handle);
    expect(file.contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  });

  it('an unreadable file gets a clear answer and nothing is created', async () => {
    const before = { c: creates().length, a: appCreates().length };
    const corrupt = input('scan.pdf', new TextEncoder().encode('%PDF-1.7\nthis is not really a pdf'));
    await expect(previewIntake(env.ctx, corrupt)).rejects.toThrow(/^Skima could not read scan\.pdf \(corrupt/);
    await expect(previewIntake(env.ctx, corrupt)).rejects.toThrow(/Nothing was created\.$/);
    await expect(previewIntake(env.ctx, corrupt)).rejects.toBeInstanceOf(IntakeError);
    const nobody = input('blank.pdf', await resumePdf(['experience in many things', 'and more things']));
    await expect(previewIntake(env.ctx, nobody)).rejects.toThrow('found no name or email in blank.pdf');
    expect(creates().length).toBe(before.c);
    expect(appCreates().length).toBe(before.a);
    expect(await env.ctx.db.candidateIntake.count({ where: { candidateId: null } })).toBe(0);
  });

  it('gives a new candidate and their application the source "Skima" where Ashby has one', async () => {
    const skima = { id: randomUUID(), title: 'Skima', isArchived: false, sourceType: { id: randomUUID(), title: 'Outbound', isArchived: false } };
    env.sandbox.control.org.sources.push(skima); // an admin added the source in Ashby
    const drop = input('Wen_Li.pdf', await resumePdf(person('Wen Li', 'wen.li@example.org', '+1 (720) 555-0177')));
    const result = await commitIntake(env.ctx, drop, await previewIntake(env.ctx, drop));
    expect(result).toMatchObject({ candidateCreated: true, applicationCreated: true });
    expect(creates().at(-1)!.body).toMatchObject({ name: 'Wen Li', sourceId: skima.id });
    expect(appCreates().at(-1)!.body).toEqual({ candidateId: result.candidateId, jobId: env.jobA, sourceId: skima.id });
    expect((await env.ctx.ashby.client.application.info(result.applicationId)).source?.title).toBe('Skima');
  });

  it('a hiring manager may not add candidates', async () => {
    const file = input('x.pdf', await resumePdf(person('Lee Park', 'lee.park@example.org', '+1 (720) 555-0103')));
    await expect(previewIntake(env.ctx, { ...file, actor: env.managerOfA })).rejects.toThrow(
      'Adding candidates needs a recruiting role',
    );
  });
});
