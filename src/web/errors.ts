import type { FastifyError, FastifyInstance } from 'fastify';
import type { Db } from '../db/client.ts';

/** How long a failed request waits to learn whether the database answers. */
const PROBE_TIMEOUT_MS = 2_000;

/** A page that says what is wrong and nothing else: no message, path, code or address of any part. */
function plainErrorPage(title: string, message: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title} - Skima</title></head>
<body><main><h1>${title}</h1><p>${message}</p></main></body></html>
`;
}

async function databaseAnswers(db: Db): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      db.$queryRawUnsafe('SELECT 1').then(() => true),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), PROBE_TIMEOUT_MS);
      }),
    ]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * What a request that failed inside Skima answers: 503 "database unreachable" when the database does
 * not answer (so the caller retries later), else 500. Neither says more than that: the driver's
 * message names the database's host and port, and stack traces name source files. The error itself
 * goes to the log. Client errors (4xx: a malformed body, one too large) keep fastify's answer.
 */
export function answerServerErrorsPlainly(app: FastifyInstance, db: Db): void {
  app.setErrorHandler(async (err: FastifyError, req, reply) => {
    const status = err.statusCode ?? 500;
    if (status < 500) return reply.send(err);
    const down = !(await databaseAnswers(db));
    req.log.error({ err, databaseUnreachable: down }, 'request failed');
    const [code, title, message] = down
      ? [503, 'Service unavailable', 'Skima cannot answer right now: database unreachable. Please try again in a few minutes.']
      : [500, 'Something went wrong', 'Skima could not answer this request. Please try again later.'];
    if (down) reply.header('retry-after', '30');
    return reply
      .code(code)
      .headers({ 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' })
      .type('text/html; charset=utf-8')
      .send(plainErrorPage(title, message));
  });
}
