/** An Ashby-style failure: answered as `{success: false, errorInfo: {code, message, requestId}}`. */
export class SandboxApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** Ashby answers most errors with HTTP 200; auth and permission failures are real 401/403s. */
    readonly httpStatus = 200,
  ) {
    super(message);
    this.name = 'SandboxApiError';
  }
}

export const notFound = (what: string) =>
  new SandboxApiError(`${what}_not_found`, `${what.replace(/_/g, ' ')} not found`);
