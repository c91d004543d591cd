// The body of a scoring thread: extraction and the default scorer, off the main event loop.
import { getHeapStatistics } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { extractText } from '../extract/extract-text.ts';
import { createScorer } from '../scorer.ts';
import type { TaskReply, TaskRequest, ThreadHeap, ThreadSettings } from './protocol.ts';

const settings = (workerData as { settings: ThreadSettings }).settings;
const scorer = createScorer({ asOf: new Date(settings.asOf) });
const port = parentPort;
if (!port) throw new Error('scoring-thread.ts runs only as a worker thread');

function heap(): ThreadHeap {
  const stats = getHeapStatistics();
  return { used: stats.used_heap_size, total: stats.total_heap_size };
}

async function run(task: TaskRequest): Promise<TaskReply> {
  try {
    const result =
      task.op === 'extract'
        ? await extractText(task.bytes, task.options)
        : task.op === 'score'
          ? scorer.score(task.jd, task.resume, task.options)
          : heap();
    return { id: task.id, ok: true, result };
  } catch (err) {
    // Only the message crosses back: resume text must not ride along in an error's properties.
    return { id: task.id, ok: false, message: err instanceof Error ? err.message : String(err) };
  }
}

port.on('message', (task: TaskRequest) => {
  void run(task).then((reply) => port.postMessage(reply));
});
