/**
 * nock 15 (via @mswjs/interceptors) calls Promise.withResolvers, which Node 20 lacks (it arrived in
 * Node 22). Importing this module before nock intercepts anything supplies the standard behaviour.
 */
const promise = Promise as unknown as { withResolvers?: unknown };
if (typeof promise.withResolvers !== 'function') {
  promise.withResolvers = <T>() => {
    let resolve!: (value: T | PromiseLike<T>) => void;
    let reject!: (reason?: unknown) => void;
    const p = new Promise<T>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise: p, resolve, reject };
  };
}
