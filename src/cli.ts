// `skima`: a thin dispatcher. Each command is a module in ./cli/ exporting `summary` and `run(argv)`,
// loaded only when asked for, so `skima --help` stays fast and one command's dependencies never load
// for another.
import { ConfigError } from './config/load.ts';
import { VERSION } from './version.ts';

export interface CliCommand {
  summary: string;
  run(argv: string[]): Promise<number>;
}

const COMMANDS: Record<string, () => Promise<CliCommand>> = {
  start: () => import('./cli/start.ts'),
  migrate: () => import('./cli/migrate.ts'),
  sandbox: () => import('./cli/sandbox.ts'),
  score: () => import('./cli/score.ts'),
  sync: () => import('./cli/sync.ts'),
  worker: () => import('./cli/worker.ts'),
  setup: () => import('./cli/setup.ts'),
  status: () => import('./cli/status.ts'),
  digest: () => import('./cli/digest.ts'),
  rediscover: () => import('./cli/rediscover.ts'),
  links: () => import('./cli/links.ts'),
  advance: () => import('./cli/advance.ts'),
  archive: () => import('./cli/archive.ts'),
  handoff: () => import('./cli/handoff.ts'),
  manifest: () => import('./cli/manifest.ts'),
};

async function help(): Promise<string> {
  const lines = ['Usage: skima <command> [options]', '', 'Commands:'];
  for (const [name, load] of Object.entries(COMMANDS)) lines.push(`  ${name.padEnd(10)} ${(await load()).summary}`);
  lines.push('', 'Options:', '  --help     show help (also: skima <command> --help)', '  --version  print the version');
  lines.push('', 'Configuration comes from the environment and .env; see .env.example.');
  return lines.join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === '--version' || first === '-v') {
    console.log(VERSION);
    return 0;
  }
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    console.log(await help());
    return first === undefined ? 2 : 0;
  }
  const load = COMMANDS[first];
  if (!load) {
    console.error(`skima: unknown command "${first}"\n\n${await help()}`);
    return 2;
  }
  try {
    return await (await load()).run(rest);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      return 2;
    }
    console.error(`skima ${first}: ${err instanceof Error ? err.message : String(err)}`);
    if (process.env.SKIMA_DEBUG) console.error(err);
    return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(err);
    process.exitCode = 1;
  },
);
