/**
 * nock 15 intercepts through @mswjs/interceptors 0.44, which calls Promise.withResolvers (Node 22+).
 * On Node 20 every intercepted request would fail with "fetch failed"; this fills the gap for the
 * tests. Import it before nock.
 */
const promiseStatics = Promise as unknown as { withResolvers?: unknown };
promiseStatics.withResolvers ??= <T>() => {
  let resolve!: (value: T | PromiseLike<T>) => void;
  let reject!: (reason?: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};
