import { type ParseArgsConfig, parseArgs } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * The frame of a subcommand: parses its flags (with `--help` built in), prints the usage on `--help`,
 * and turns a bad flag into the usage text and exit code 2. The body gets the parsed flag values.
 */
export async function runCommand<T extends Options>(
  argv: string[],
  usage: string,
  options: T,
  body: (values: ReturnType<typeof parseArgs<{ args: string[]; options: T; strict: true }>>['values']) => Promise<number>,
): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: true }));
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${usage}`);
    return 2;
  }
  if ((values as { help?: boolean }).help) {
    console.log(usage);
    return 0;
  }
  return body(values as Parameters<typeof body>[0]);
}
