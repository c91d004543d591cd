// What one database statement costs on the hot path: the same read and the same write as a Prisma
// model call (the baseline) and as raw SQL through `rawSql` (straight through better-sqlite3 on SQLite,
// Prisma's raw queries on PostgreSQL), on each database. CPU microseconds per call (user + system of
// this process, which includes the PostgreSQL client but not the server), median of 3 rounds.
import { rawSql } from '../src/db/raw-sql.ts';
import { DB_KINDS } from '../test/helpers/databases.ts';
import { fmt, median, migratedDb } from './_support.ts';

const CALLS = Number(process.env.BENCH_DB_CALLS ?? 3000);
const ROWS = 1000;
const ROUNDS = 3;

const cpuMicros = () => {
  const { user, system } = process.cpuUsage();
  return user + system;
};

async function perCall(run: (i: number) => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 300; i++) await run(i); // warm: plans cached, statements prepared
  const rounds: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const c0 = cpuMicros();
    for (let i = 0; i < CALLS; i++) await run(i);
    rounds.push((cpuMicros() - c0) / CALLS);
  }
  return median(rounds);
}

for (const kind of DB_KINDS) {
  const { db, close } = await migratedDb(kind);
  const sql = rawSql(db);
  await db.candidate.create({ data: { id: 'c-1', name: 'Ada Example' } });
  await db.job.create({ data: { id: 'j-1', title: 'Engineer', status: 'Open' } });
  await db.application.createMany({
    data: Array.from({ length: ROWS }, (_, i) => ({ id: `a-${i}`, candidateId: 'c-1', jobId: 'j-1', status: 'Active' })),
  });
  const id = (i: number) => `a-${i % ROWS}`;
  const SELECT = `SELECT "screeningState", "status", "jobId", "candidateId", "stageId" FROM "Application"
    WHERE "id" = ?`;
  const UPDATE = `UPDATE "Application" SET "currentScore" = ?, "updatedAt" = ? WHERE "id" = ?`;

  const cases: [string, number, number][] = [
    [
      'read an application by id (5 columns)',
      await perCall((i) => db.application.findUnique({
        where: { id: id(i) },
        select: { screeningState: true, status: true, jobId: true, candidateId: true, stageId: true },
      })),
      await perCall((i) => sql.rows(SELECT, id(i))),
    ],
    [
      'update one application by id',
      await perCall((i) => db.application.updateMany({ where: { id: id(i) }, data: { currentScore: i % 100 } })),
      await perCall((i) => sql.run(UPDATE, i % 100, new Date(), id(i))),
    ],
    [
      'three updates in one transaction',
      await perCall((i) => db.$transaction([0, 1, 2].map((k) =>
        db.application.updateMany({ where: { id: id(i + k) }, data: { currentScore: i % 100 } })))),
      await perCall((i) => sql.batch([0, 1, 2].map((k) => [UPDATE, [i % 100, new Date(), id(i + k)]]))),
    ],
  ];
  console.log(`${kind}: CPU per call, Prisma model call (baseline) -> raw SQL`);
  for (const [name, prisma, raw] of cases) {
    console.log(`  ${name.padEnd(40)} ${fmt(prisma)} µs -> ${fmt(raw)} µs (x${fmt(prisma / raw, 1)} cheaper)`);
  }
  await close();
}
