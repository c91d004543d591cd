// `skima`: a thin dispatcher. Each command is a module in ./cli/ exporting `run(argv)`, loaded only
// when asked for, so `skima --help` stays fast and one command's dependencies never load for another.
import { ConfigError } from './config/load.ts';
import { COMMANDS } from './cli/commands.ts';
import { VERSION } from './version.ts';

function help(): string {
  const lines = ['Usage: skima <command> [options]', '', 'Commands:'];
  for (const [name, { summary }] of Object.entries(COMMANDS)) lines.push(`  ${name.padEnd(10)} ${summary}`);
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
    console.log(help());
    return first === undefined ? 2 : 0;
  }
  const command = COMMANDS[first];
  if (!command) {
    console.error(`skima: unknown command "${first}"\n\n${help()}`);
    return 2;
  }
  try {
    return await (await command.load()).run(rest);
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
