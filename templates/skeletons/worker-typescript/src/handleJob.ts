import { log } from './log.ts';
import type { Job } from './queue.ts';

interface GreetingPayload {
  name: string;
}

/**
 * The work a job stands for. Throwing fails the job: it is counted as a failure and handed
 * back to the queue, which retries or dead-letters it.
 */
export function handleJob(job: Job): void {
  const { name } = parsePayload(job.payload);
  log.info('job processed', { jobId: job.id, attempt: job.attempt, greeting: `Hello, ${name}!` });
}

function parsePayload(payload: unknown): GreetingPayload {
  if (
    typeof payload === 'object' &&
    payload !== null &&
    'name' in payload &&
    typeof payload.name === 'string'
  ) {
    return { name: payload.name };
  }
  throw new Error('payload must be an object with a string "name"');
}
