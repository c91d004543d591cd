/** The local Ashby sandbox: start it in-process, or through `skima sandbox`. */
export { PERMISSIONS, type Permission } from './api-keys.ts';
export type { FaultSettings, FaultSettingsInput } from './faults.ts';
export type { SandboxSettings, SandboxState } from './sandbox-state.ts';
export { parseSeed, type SeedSpec } from './seed-spec.ts';
export { type RunningSandbox, type SandboxOptions, startSandbox } from './server.ts';
export type { DeliveryRecord } from './webhook-dispatcher.ts';
