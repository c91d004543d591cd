import { randomBytes } from 'node:crypto';

/** Ashby's API-key permissions (module read/write toggles). */
export const PERMISSIONS = [
  'candidatesRead',
  'candidatesWrite',
  'jobsRead',
  'jobsWrite',
  'interviewsRead',
  'interviewsWrite',
  'hiringProcessMetadataRead',
  'hiringProcessMetadataWrite',
  'organizationRead',
  'organizationWrite',
  'apiKeysRead',
  'apiKeysWrite',
  'reportsRead',
  'offersRead',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export interface SandboxApiKey {
  key: string;
  title: string;
  permissions: ReadonlySet<Permission>;
  createdAt: number;
}

/** `candidatesWrite` → `candidates:write`, the format apiKey.info reports. */
export function scopeName(p: Permission): string {
  const m = /^(.*)(Read|Write)$/.exec(p);
  return m ? `${m[1]}:${(m[2] as string).toLowerCase()}` : p;
}

export class ApiKeyRegistry {
  private readonly keys = new Map<string, SandboxApiKey>();

  add(
    title: string,
    permissions: Iterable<Permission>,
    now: number,
    key = `sandbox_${randomBytes(18).toString('base64url')}`,
  ): SandboxApiKey {
    const entry = { key, title, permissions: new Set(permissions), createdAt: now };
    this.keys.set(key, entry);
    return entry;
  }

  find(key: string): SandboxApiKey | undefined {
    return this.keys.get(key);
  }
}

/** Reads the key from `Authorization: Basic base64(key:)`; Ashby ignores the password. */
export function keyFromAuthorization(header: string | undefined): string | undefined {
  if (!header?.startsWith('Basic ')) return undefined;
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const key = decoded.split(':')[0];
  return key || undefined;
}
