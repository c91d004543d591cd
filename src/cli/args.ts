import { type ParseArgsConfig, parseArgs } from 'node:util';

export class UsageError extends Error {}

/** parseArgs with `--help` built in; a bad flag becomes a UsageError naming it. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(
  argv: string[],
  options: T,
  allowPositionals = false,
) {
  try {
    return parseArgs({
      args: argv,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals,
      strict: true,
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

/** Runs a command body, turning a UsageError into the usage text and exit code 2. */
export async function withUsage(usage: string, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`${err.message}\n\n${usage}`);
      return 2;
    }
    throw err;
  }
}
