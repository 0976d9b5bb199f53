import { log } from './log.ts';
import type { Outcome, WorkerMetrics } from './metrics.ts';
import type { Job, JobQueue } from './queue.ts';

export type JobHandler = (job: Job) => void | Promise<void>;

export interface ConsumeOptions {
  queue: JobQueue;
  handleJob: JobHandler;
  metrics: WorkerMetrics;
  serviceName: string;
  /** Once aborted, no new job is taken; the one in hand is finished first. */
  signal: AbortSignal;
  /** Return when a poll finds the queue empty instead of waiting for more jobs. */
  stopWhenIdle: boolean;
  pollWaitMs: number;
}

export interface ConsumeSummary {
  succeeded: number;
  failed: number;
}

/**
 * Takes jobs from the queue one at a time until stopped. A failing job is counted and handed
 * back to the queue; an error from the queue itself ends the loop, so that the pod restarts.
 */
export async function consume(options: ConsumeOptions): Promise<ConsumeSummary> {
  const summary: ConsumeSummary = { succeeded: 0, failed: 0 };
  while (!options.signal.aborted) {
    const job = await options.queue.receive(options.pollWaitMs, options.signal);
    if (!job) {
      if (options.stopWhenIdle) {
        break;
      }
      continue;
    }
    if ((await processJob(job, options)) === 'success') {
      summary.succeeded += 1;
    } else {
      summary.failed += 1;
    }
  }
  return summary;
}

async function processJob(job: Job, options: ConsumeOptions): Promise<Outcome> {
  const { queue, handleJob, metrics, serviceName } = options;
  const stopTimer = metrics.jobDurationSeconds.startTimer({ service: serviceName });
  let outcome: Outcome;
  try {
    await handleJob(job);
    outcome = 'success';
  } catch (error) {
    outcome = 'failure';
    log.error('job failed', { jobId: job.id, attempt: job.attempt, error });
  }
  stopTimer({ outcome });
  metrics.jobsProcessedTotal.inc({ service: serviceName, outcome });

  if (outcome === 'success') {
    await queue.ack(job);
  } else {
    await queue.nack(job);
  }
  return outcome;
}
