// `skima manifest teams`: the app package Teams admins upload. The manifest against the official v1.30
// schema, the zip's exact contents, and the icons decoded here (IHDR read, IDAT inflated) to check what
// Teams checks: 192x192 colour, 32x32 white-on-transparent outline.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { teamsAppPackage } from '../../../src/bot/teams/app-package.ts';
import { teamsManifest } from '../../../src/bot/teams/manifest.ts';
import { crc32 } from '../../../src/bot/teams/png.ts';
import { run } from '../../../src/cli/manifest.ts';
import { teamsManifestValidator } from './schemas.ts';

const APP_ID = '1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d';
const BASE = 'https://skima.acme.test';
const options = { appId: APP_ID, baseUrl: BASE, version: '0.1.0' };

interface Png { width: number; height: number; rgba: Uint8Array }

/** A strict little PNG reader: signature, chunk CRCs, 8-bit RGBA, IDAT inflated, rows unfiltered (filter 0). */
function decodePng(bytes: Uint8Array): Png {
  const buf = Buffer.from(bytes);
  expect(buf.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let at = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  const types: string[] = [];
  while (at < buf.length) {
    const length = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    const data = buf.subarray(at + 8, at + 8 + length);
    expect(buf.readUInt32BE(at + 8 + length), `CRC of ${type}`).toBe(crc32(buf.subarray(at + 4, at + 8 + length)));
    types.push(type);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect([...data.subarray(8)]).toEqual([8, 6, 0, 0, 0]); // 8-bit RGBA, deflate, no interlace
    }
    if (type === 'IDAT') idat.push(data);
    at += 12 + length;
  }
  expect(types[0]).toBe('IHDR');
  expect(types.at(-1)).toBe('IEND');
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  expect(raw.length).toBe((stride + 1) * height);
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    expect(raw[y * (stride + 1)]).toBe(0);
    rgba.set(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)), y * stride);
  }
  return { width, height, rgba };
}

const pixels = (png: Png) =>
  Array.from({ length: png.width * png.height }, (_, i) => [...png.rgba.subarray(i * 4, i * 4 + 4)]);

describe('the Teams app manifest', () => {
  it('passes the official v1.30 schema', () => {
    const validate = teamsManifestValidator();
    expect(validate(teamsManifest(options)), JSON.stringify(validate.errors)).toBe(true);
    const notices = { ...options, privacyUrl: 'https://acme.test/privacy', termsOfUseUrl: 'https://acme.test/terms' };
    expect(validate(teamsManifest(notices)), JSON.stringify(validate.errors)).toBe(true);
  });

  it('is a check that can fail: a wrong manifestVersion, no outline icon and two bots are refused', () => {
    const validate = teamsManifestValidator();
    const m = teamsManifest(options) as { icons: object; bots: object[] };
    expect(validate({ ...m, manifestVersion: '1.17' })).toBe(false);
    expect(validate({ ...m, icons: { color: 'color.png' } })).toBe(false);
    expect(validate({ ...m, bots: [m.bots[0], m.bots[0]] })).toBe(false);
  });

  it('lets a recruiter send the bot a file in the 1:1 chat (supportsFiles: true, which the schema checks)', () => {
    const validate = teamsManifestValidator();
    const m = teamsManifest(options) as { bots: Record<string, unknown>[] };
    expect(m.bots[0]!.supportsFiles).toBe(true);
    expect(validate(m), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...m, bots: [{ ...m.bots[0], supportsFiles: 'true' }] })).toBe(false);
  });

  it('names the bot by the app id, in personal, team and group chats, with the six commands', () => {
    const m = teamsManifest({ ...options, appId: APP_ID.toUpperCase(), baseUrl: `${BASE}/` }) as Record<string, unknown>;
    expect(m.$schema).toBe('https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.schema.json');
    expect(m.manifestVersion).toBe('1.30');
    expect(m.id).toBe(APP_ID);
    expect(m.version).toBe('0.1.0');
    type Commands = { scopes: string[]; commands: { title: string; description: string }[] }[];
    const [bot] = m.bots as { botId: string; scopes: string[]; commandLists: Commands }[];
    expect(bot!.botId).toBe(APP_ID);
    expect(bot!.scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(bot!.commandLists).toHaveLength(1);
    expect(bot!.commandLists[0]!.scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(bot!.commandLists[0]!.commands.map((c) => c.title)).toEqual(['help', 'shortlist', 'rediscover', 'setup', 'status', 'digest']);
    // Within the limits Teams' command menu has long documented (the v1.30 schema allows more).
    for (const c of bot!.commandLists[0]!.commands) {
      expect(c.title.length).toBeLessThanOrEqual(32);
      expect(c.description.length).toBeGreaterThan(10);
      expect(c.description.length, c.title).toBeLessThanOrEqual(128);
    }
    expect(m.validDomains).toEqual(['skima.acme.test']);
    expect(m.webApplicationInfo).toEqual({ id: APP_ID, resource: `api://skima.acme.test/${APP_ID}` });
    expect(m.developer).toMatchObject({ name: 'Skima', websiteUrl: BASE, privacyUrl: BASE, termsOfUseUrl: BASE });
    expect(m.accentColor).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('keeps a port in validDomains and the resource', () => {
    const m = teamsManifest({ ...options, baseUrl: 'https://skima.acme.test:8443/' }) as Record<string, unknown>;
    expect(m.validDomains).toEqual(['skima.acme.test:8443']);
    expect(m.webApplicationInfo).toEqual({ id: APP_ID, resource: `api://skima.acme.test:8443/${APP_ID}` });
  });
});

describe('the app package', () => {
  it('holds exactly manifest.json, color.png and outline.png, the same bytes every time', () => {
    const zip = teamsAppPackage(options);
    expect(Object.keys(unzipSync(zip)).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    expect(Buffer.from(teamsAppPackage(options)).equals(Buffer.from(zip))).toBe(true);
  });

  it('draws a 192x192 opaque colour icon: the accent colour with a white mark', () => {
    const png = decodePng(unzipSync(teamsAppPackage(options))['color.png']!);
    expect([png.width, png.height]).toEqual([192, 192]);
    const px = pixels(png);
    expect(px.every((p) => p[3] === 255)).toBe(true);
    const white = px.filter((p) => p[0] === 255 && p[1] === 255 && p[2] === 255).length;
    const accent = px.filter((p) => p[0] === 0x1f && p[1] === 0x3a && p[2] === 0x5f).length;
    expect(white).toBeGreaterThan(192 * 192 * 0.03);
    expect(accent).toBeGreaterThan(192 * 192 * 0.6);
  });

  it('draws a 32x32 outline icon in white on transparent only', () => {
    const png = decodePng(unzipSync(teamsAppPackage(options))['outline.png']!);
    expect([png.width, png.height]).toEqual([32, 32]);
    const px = pixels(png);
    expect(px.filter((p) => p[0] !== 255 || p[1] !== 255 || p[2] !== 255)).toEqual([]);
    expect(px.filter((p) => p[3] === 0).length).toBeGreaterThan(32 * 32 * 0.4); // mostly transparent
    expect(px.filter((p) => p[3] === 255).length).toBeGreaterThan(32 * 3); // and a visible mark
    expect(px[0]![3]).toBe(0); // the rounded corner is clear
  });
});

describe('skima manifest teams', () => {
  let dir: string;
  let errors: string[];
  let logs: string[];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'skima-teams-manifest-'));
    errors = [];
    logs = [];
    vi.spyOn(console, 'error').mockImplementation((m: string) => void errors.push(m));
    vi.spyOn(console, 'log').mockImplementation((m: string) => void logs.push(m));
  });
  afterEach(() => {
    vi.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes the package to --out, and its manifest passes the schema', async () => {
    const out = join(dir, 'skima-teams.zip');
    expect(await run(['teams', '--app-id', APP_ID, '--base-url', BASE, '--out', out])).toBe(0);
    const files = unzipSync(readFileSync(out));
    expect(Object.keys(files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(Buffer.from(files['manifest.json']!).toString('utf-8')) as { version: string };
    const validate = teamsManifestValidator();
    expect(validate(manifest), JSON.stringify(validate.errors)).toBe(true);
    expect(manifest.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(logs.join('\n')).toContain('Upload it in Teams admin center');
  });

  it('refuses an app id that is not a GUID, a base URL that is not HTTPS, and missing flags, writing nothing', async () => {
    const out = join(dir, 'x.zip');
    expect(await run(['teams', '--app-id', 'skima-bot', '--base-url', BASE, '--out', out])).toBe(2);
    expect(errors.at(-1)).toContain('the app id must be the Azure Bot\'s Microsoft App ID, a GUID');
    expect(await run(['teams', '--app-id', APP_ID, '--base-url', 'http://skima.acme.test', '--out', out])).toBe(2);
    expect(errors.at(-1)).toContain('the base URL must be HTTPS (Teams only calls bots over HTTPS): "http://skima.acme.test"');
    expect(await run(['teams', '--app-id', APP_ID, '--base-url', 'skima.acme.test', '--out', out])).toBe(2);
    expect(errors.at(-1)).toContain('the base URL is not a URL');
    expect(await run(['teams', '--base-url', BASE])).toBe(2);
    expect(errors.at(-1)).toContain('--app-id, --out are required');
    expect(() => readFileSync(out)).toThrow();
  });
});
