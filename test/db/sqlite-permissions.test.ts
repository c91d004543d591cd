// The SQLite database holds resumes and personal data: its folder is created for Skima's user alone
// (0700) and the database, its WAL and shared-memory files are readable by that user only (0600).
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDb } from '../../src/db/client.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';

const mode = (file: string) => statSync(file).mode & 0o777;

describe('the SQLite files', () => {
  let root: string;
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('are created 0600 in a folder created 0700, whatever the umask allows', async () => {
    root = mkdtempSync(path.join(tmpdir(), 'skima-perm-'));
    const file = path.join(root, 'data', 'skima.db');
    const url = `file:${file}`;
    const umask = process.umask(0o022);
    try {
      await migrateDatabase(url);
      const db = await createDb(url);
      try {
        await db.auditEvent.create({ data: { actor: 'test', action: 'write' } });
        expect(mode(path.dirname(file)).toString(8)).toBe('700');
        for (const f of [file, `${file}-wal`, `${file}-shm`]) {
          expect(existsSync(f), f).toBe(true);
          expect(mode(f).toString(8), f).toBe('600');
        }
      } finally {
        await db.$disconnect();
      }
    } finally {
      process.umask(umask);
    }
  });

  it('are tightened to 0600 when an older version left them readable by others', async () => {
    root = mkdtempSync(path.join(tmpdir(), 'skima-perm-'));
    const dir = path.join(root, 'data');
    mkdirSync(dir, { mode: 0o755 });
    const file = path.join(dir, 'skima.db');
    writeFileSync(file, '', { mode: 0o644 });
    const db = await createDb(`file:${file}`);
    try {
      await db.$queryRawUnsafe('CREATE TABLE t (x)');
      for (const f of [file, `${file}-wal`, `${file}-shm`]) expect(mode(f).toString(8), f).toBe('600');
      // A folder the operator made is theirs to set; Skima does not change it.
      expect(mode(dir).toString(8)).toBe('755');
    } finally {
      await db.$disconnect();
    }
  });
});
