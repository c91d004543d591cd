// Resumes added for a job against the sandbox, on both databases: never a duplicate (twice, or two at
// once), an existing person attached, an unreadable file answered with nothing created.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  commitIntake,
  IntakeError,
  type IntakeInput,
  type IntakePreview,
  type IntakeResult,
  previewIntake,
} from '../../../src/core/intake/index.ts';
import { DB_KINDS } from '../../helpers/databases.ts';
import { writesFor } from '../../helpers/skima.ts';
import { type DispositionEnv, dispositionEnv } from '../disposition/sandbox-env.ts';
import { resumePdf, personLines } from '../../helpers/resume-pdf.ts';
import { buildDocx } from '../../scoring/helpers/fixtures.ts';
import { sleep, waitFor } from '../../helpers/wait.ts';

const person = (name: string, email: string, phone: string) =>
  personLines(name, email, phone, 'Senior Backend Engineer, Acme Corp, 2019 - 2024', 'Built Go and PostgreSQL services; Kubernetes; AWS.');

describe.each(DB_KINDS)('adding a resume for a job on %s', (kind) => {
  let env: DispositionEnv;
  const creates = () => writesFor(env.sandbox, 'candidate.create', () => true);
  const appCreates = () => writesFor(env.sandbox, 'application.create', () => true);
  const uploads = () => writesFor(env.sandbox, 'candidate.uploadResume', () => true);
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

  it('two drops of the same person for two jobs at once make one candidate with one application per job', async () => {
    const before = { c: creates().length, a: appCreates().length, u: uploads().length };
    const ines = person('Ines Duarte', 'ines.duarte@example.org', '+1 (720) 555-0104');
    // Two files of the same person (they share the email and phone, not the file), one per job.
    const a = input('Ines_Duarte.pdf', await resumePdf(ines), env.jobA);
    const b = input('Ines_Duarte_CV.pdf', await resumePdf([...ines, 'References on request.']), env.jobB);
    const [pa, pb] = await Promise.all([previewIntake(env.ctx, a), previewIntake(env.ctx, b)]);
    // Every Ashby call slowed a little, so that both look for the person before either could create them.
    env.sandbox.control.setFaults({ latencyMs: 50 });
    const [ra, rb] = await Promise.all([commitIntake(env.ctx, a, pa), commitIntake(env.ctx, b, pb)]).finally(() =>
      env.sandbox.control.setFaults({}),
    );
    expect(ra.candidateId).toBe(rb.candidateId);
    expect([ra.candidateCreated, rb.candidateCreated].sort()).toEqual([false, true]);
    expect([ra.applicationCreated, rb.applicationCreated]).toEqual([true, true]);
    expect(creates().length - before.c).toBe(1);
    expect(uploads().length - before.u).toBe(1);
    const jobsApplied = appCreates().slice(before.a).map((w) => (w.body as { jobId: string }).jobId);
    expect(jobsApplied.sort()).toEqual([env.jobA, env.jobB].sort());
    const { client } = env.ctx.ashby;
    expect(await client.candidate.search({ email: 'ines.duarte@example.org' })).toHaveLength(1);
    const candidate = await client.candidate.info(ra.candidateId);
    expect([...candidate.applicationIds].sort()).toEqual([ra.applicationId, rb.applicationId].sort());
    expect((await client.application.info(ra.applicationId)).job.id).toBe(env.jobA);
    expect((await client.application.info(rb.applicationId)).job.id).toBe(env.jobB);
    // Dropped again for either job, nothing more is created.
    expect(await commitIntake(env.ctx, b, await previewIntake(env.ctx, b))).toEqual({
      ...rb,
      candidateCreated: false,
      applicationCreated: false,
    });
    expect(creates().length - before.c).toBe(1);
    expect(appCreates().length - before.a).toBe(2);
  });

  it('when creating a person fails for one job, the drop racing it for another job creates them', async () => {
    const before = { c: creates().length, a: appCreates().length };
    const bytes = await resumePdf(person('Kofi Mensah', 'kofi.mensah@example.org', '+1 (720) 555-0105'));
    const drops = [input('Kofi_Mensah.pdf', bytes, env.jobA), input('Kofi_Mensah.pdf', bytes, env.jobB)];
    const previews = await Promise.all(drops.map((d) => previewIntake(env.ctx, d)));
    // Ashby refuses the first candidate.create; every call is slowed so that the other drop is waiting on
    // the person's claim when it does.
    env.sandbox.control.setFaults({ latencyMs: 50, next: [{ endpoint: 'candidate.create', code: 'invalid_input' }] });
    const settled = await Promise.allSettled(drops.map((d, i) => commitIntake(env.ctx, d, previews[i]!))).finally(() =>
      env.sandbox.control.setFaults({}),
    );
    const failed = settled.findIndex((r) => r.status === 'rejected');
    const other = settled[1 - failed]!;
    expect(failed).toBeGreaterThanOrEqual(0);
    expect((settled[failed] as PromiseRejectedResult).reason).toMatchObject({ code: 'invalid_input' });
    expect(other.status).toBe('fulfilled');
    const made = (other as PromiseFulfilledResult<IntakeResult>).value;
    expect(made).toMatchObject({ candidateCreated: true, applicationCreated: true });
    expect(creates().length - before.c).toBe(1);
    // Nothing is left claimed by the failed drop, so trying it again attaches to the person just made.
    expect(await env.ctx.db.candidateClaim.count({ where: { candidateId: null } })).toBe(0);
    expect(await env.ctx.db.candidateIntake.count({ where: { candidateId: null } })).toBe(0);
    const retry = await commitIntake(env.ctx, drops[failed]!, await previewIntake(env.ctx, drops[failed]!));
    expect(retry).toMatchObject({ candidateId: made.candidateId, candidateCreated: false, applicationCreated: true });
    expect(creates().length - before.c).toBe(1);
    expect(appCreates().length - before.a).toBe(2);
    expect(await env.ctx.ashby.client.candidate.search({ email: 'kofi.mensah@example.org' })).toHaveLength(1);
    expect((await env.ctx.ashby.client.candidate.info(made.candidateId)).applicationIds).toHaveLength(2);
  });

  it('a drop waits for the upload that holds the person, takes its candidate, or claims when it lets go', async () => {
    const { client } = env.ctx.ashby;
    const bytes = await resumePdf(person('Sara Haddad', 'sara.haddad@example.org', '+1 (720) 555-0106'));
    const forA = input('Sara_Haddad.pdf', bytes, env.jobA);
    const forB = input('Sara_Haddad.pdf', bytes, env.jobB);
    const preview = await previewIntake(env.ctx, forA);
    const email = 'email:sara.haddad@example.org';
    /** The drop's commit, once it is seen waiting on the claim another upload holds. */
    const waitingDrop = async (drop: IntakeInput, dropPreview: IntakePreview) => {
      let settled = false;
      const result = commitIntake(env.ctx, drop, dropPreview).finally(() => (settled = true));
      const claimed = { jobId: drop.jobId, key: { in: dropPreview.keys }, candidateId: null };
      await waitFor('the job claim', () => env.ctx.db.candidateIntake.findFirst({ where: claimed }));
      await sleep(600);
      expect(settled).toBe(false);
      return { result };
    };
    // Another upload (for some other job) holds the person: this one waits, then takes the candidate it names.
    await env.ctx.db.candidateClaim.create({ data: { key: email, holder: 'another upload' } });
    const first = await waitingDrop(forA, preview);
    const before = { c: creates().length, a: appCreates().length };
    const held = await client.candidate.create({ name: 'Sara Haddad', email: 'sara.haddad@example.org' });
    await env.ctx.db.candidateClaim.update({ where: { key: email }, data: { candidateId: held.id } });
    const attached = { candidateId: held.id, candidateCreated: false, applicationCreated: true };
    expect(await first.result).toMatchObject(attached);
    expect(creates().length - before.c).toBe(1); // the holder's own
    expect(appCreates().length - before.a).toBe(1);

    // Another holds a second person's keys and fails: this one claims in its place and creates them.
    const lena = input('Lena_Berg.pdf', await resumePdf(person('Lena Berg', 'lena.berg@example.org', '+1 (720) 555-0107')));
    const lenaPreview = await previewIntake(env.ctx, lena);
    await env.ctx.db.candidateClaim.create({ data: { key: 'email:lena.berg@example.org', holder: 'another upload' } });
    const second = await waitingDrop(lena, lenaPreview);
    await env.ctx.db.candidateClaim.delete({ where: { key: 'email:lena.berg@example.org' } });
    const made = await second.result;
    expect(made).toMatchObject({ candidateCreated: true, applicationCreated: true });
    const claims = await env.ctx.db.candidateClaim.findMany({ where: { key: { in: lenaPreview.keys } } });
    expect(claims.map((c) => c.candidateId)).toEqual(lenaPreview.keys.map(() => made.candidateId));

    // A claim whose upload died (no candidate after five minutes) is taken over at once.
    const died = new Date(Date.now() - 6 * 60_000);
    await env.ctx.db.candidateClaim.deleteMany({ where: { key: { in: preview.keys } } });
    await env.ctx.db.candidateClaim.create({ data: { key: email, holder: 'an upload that died', claimedAt: died } });
    const taken = await commitIntake(env.ctx, forB, preview);
    expect(taken).toMatchObject(attached);
    const claim = await env.ctx.db.candidateClaim.findUnique({ where: { key: email } });
    expect(claim).toMatchObject({ candidateId: held.id, claimedAt: expect.any(Date) });
    expect(claim!.claimedAt.getTime()).toBeGreaterThan(died.getTime());
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
    expect(uploads().length).toBeGreaterThan(0);
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
