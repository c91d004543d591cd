/**
 * The logging surface the Ashby boundary needs. pino's Logger satisfies it structurally, so this
 * module never imports core's logger.
 */
export interface AshbyLogger {
  debug(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export const silentLogger: AshbyLogger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
};
