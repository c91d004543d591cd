import { strToU8, zipSync } from 'fflate';
import { colorIcon, outlineIcon } from './icons.ts';
import { teamsManifest, type TeamsManifestOptions } from './manifest.ts';

/**
 * The installable Teams app package: manifest.json, color.png and outline.png at the top of one zip,
 * which is what Teams admin center and "Upload a custom app" accept. Fixed timestamps, so the same
 * settings always give the same bytes.
 */
export function teamsAppPackage(o: TeamsManifestOptions): Uint8Array {
  const manifest = teamsManifest(o);
  return zipSync(
    {
      'manifest.json': strToU8(`${JSON.stringify(manifest, null, 2)}\n`),
      'color.png': colorIcon(),
      'outline.png': outlineIcon(),
    },
    { level: 9, mtime: new Date('2024-01-01T00:00:00Z') },
  );
}
