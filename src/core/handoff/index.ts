export {
  deliverHandoff,
  HANDOFF_QUEUE,
  type HandoffJob,
  handoffDelayMs,
  handoffSignature,
  registerHandoffWorker,
  replayHandoff,
  startHandoff,
} from './deliver.ts';
export { buildHandoffBody, type HandoffBody } from './payload.ts';
export { type HandoffLog, handoffLog } from './log.ts';
