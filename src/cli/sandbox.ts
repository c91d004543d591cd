import { parseArgs } from 'node:util';
import { parseSeed } from '../ashby/sandbox/seed-spec.ts';
import { startSandbox } from '../ashby/sandbox/server.ts';

const USAGE = `Usage: skima sandbox [--port P] [--host H] [--seed small|demo|large:N|jsonl:PATH] [--api-key K]
                     [--webhook-url U --webhook-secret S] [--time-scale X]

Starts a local server that behaves like the Ashby API for the endpoints Skima uses.
  --port            port to listen on (default 4010; 0 picks a free one)
  --host            interface to bind (default 127.0.0.1)
  --seed            small (2 jobs, 12 applications), demo (5 jobs x 60), large:N (N applications) or
                    jsonl:PATH (jobs and candidates from a file, one JSON object a line; docs/ashby-sandbox.md)
  --api-key         key with every permission (default: a random key, printed at start)
  --webhook-url     send signed webhooks here (needs --webhook-secret)
  --webhook-secret  secret for the Ashby-Signature HMAC
  --time-scale      scale Ashby's webhook retry schedule (default 1)

Try: curl -u KEY: -X POST -H 'Content-Type: application/json' -d '{}' http://127.0.0.1:4010/job.list
Controls (no key): GET /_sandbox/state, POST /_sandbox/faults, /_sandbox/keys, /_sandbox/reset, ...`;

export async function run(argv: string[]): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        'port': { type: 'string', default: '4010' },
        'host': { type: 'string', default: '127.0.0.1' },
        'seed': { type: 'string', default: 'demo' },
        'api-key': { type: 'string' },
        'webhook-url': { type: 'string' },
        'webhook-secret': { type: 'string' },
        'time-scale': { type: 'string', default: '1' },
        'help': { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const port = Number(values.port);
  const timeScale = Number(values['time-scale']);
  const webhookUrl = values['webhook-url'] as string | undefined;
  const webhookSecret = values['webhook-secret'] as string | undefined;
  const problems: string[] = [];
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    problems.push('--port must be a whole number from 0 to 65535');
  if (!(timeScale > 0)) problems.push('--time-scale must be a number above 0');
  if (Boolean(webhookUrl) !== Boolean(webhookSecret)) problems.push('--webhook-url and --webhook-secret go together');
  if (webhookUrl && !/^https?:\/\/\S+$/.test(webhookUrl)) problems.push('--webhook-url must be an http(s) URL');
  try {
    parseSeed(String(values.seed));
  } catch (error) {
    problems.push((error as Error).message);
  }
  if (problems.length > 0) {
    console.error(`${problems.join('\n')}\n\n${USAGE}`);
    return 2;
  }

  const sandbox = await startSandbox({
    port,
    host: String(values.host),
    seed: String(values.seed),
    apiKey: values['api-key'] as string | undefined,
    webhook: webhookUrl && webhookSecret ? { url: webhookUrl, secret: webhookSecret } : undefined,
    timeScale,
  });
  const s = sandbox.control.summary();
  console.log(`Ashby sandbox listening on ${sandbox.url}`);
  console.log(`  seed ${values.seed}: ${s.jobs} jobs, ${s.candidates} candidates, ${s.applications} applications`);
  // The key is printed only when we generated it; a key passed in is the caller's secret already.
  console.log(
    values['api-key']
      ? '  API key: the one given with --api-key (every permission)'
      : `  API key (every permission): ${sandbox.apiKey}`,
  );
  if (webhookUrl) console.log(`  webhooks -> ${webhookUrl}`);

  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await sandbox.close();
  return 0;
}
