import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';

type PdfJs = typeof PdfJsModule;

/**
 * The built-ins pdf.js's legacy build (the one that runs on Node 20) replaces process-wide with its
 * bundled core-js polyfills, although Node 20 has them natively: every `push`, `JSON.stringify` and
 * `JSON.parse` in the process (Prisma, fastify, pino, the scorer) would then run through slower
 * JavaScript versions. What it only adds (Promise.withResolvers, the new Set methods, ...) stays.
 */
const RESTORED: [object, PropertyKey][] = [
  [Array.prototype, 'push'],
  [JSON, 'stringify'],
  [JSON, 'parse'],
  [Function.prototype, 'toString'],
];

/** pdf.js ships no types for its worker module: imported by name, it is just a module object. */
const WORKER_MODULE: string = 'pdfjs-dist/legacy/build/pdf.worker.mjs';

let loading: Promise<PdfJs> | undefined;

/**
 * pdf.js with its worker module loaded up front in this thread (pdf.js looks for it on
 * `globalThis.pdfjsWorker` before loading it itself, which would polyfill again), and Node's own
 * built-ins put back once both are in.
 */
export function loadPdfJs(): Promise<PdfJs> {
  loading ??= (async () => {
    const saved = RESTORED.map(([target, key]) => [target, key, Object.getOwnPropertyDescriptor(target, key)] as const);
    try {
      const [pdfjs, worker] = await Promise.all([
        import('pdfjs-dist/legacy/build/pdf.mjs'),
        import(WORKER_MODULE) as Promise<unknown>,
      ]);
      (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
      return pdfjs;
    } finally {
      for (const [target, key, descriptor] of saved) if (descriptor) Object.defineProperty(target, key, descriptor);
    }
  })();
  return loading;
}
