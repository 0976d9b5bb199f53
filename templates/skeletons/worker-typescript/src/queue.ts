export interface Job {
  id: string;
  payload: unknown;
  /** 1 on the first delivery, one more on each redelivery. */
  attempt: number;
}

/**
 * Where jobs come from. A client for the real queue (SQS, RabbitMQ, a database table, ...)
 * implements this and replaces InMemoryJobQueue in main.ts; nothing else changes.
 */
export interface JobQueue {
  /** Waits up to waitMs for the next job; undefined when none came or the signal aborted. */
  receive(waitMs: number, signal: AbortSignal): Promise<Job | undefined>;
  /** The job succeeded: remove it for good. */
  ack(job: Job): Promise<void>;
  /** The job failed: deliver it again later, or dead-letter it after too many attempts. */
  nack(job: Job): Promise<void>;
}

/** A queue in process memory, for tests and local runs. */
export class InMemoryJobQueue implements JobQueue {
  readonly deadLetters: Job[] = [];
  readonly #maxAttempts: number;
  readonly #ready: Job[] = [];
  readonly #waiters = new Set<() => void>();

  constructor(options: { maxAttempts?: number } = {}) {
    this.#maxAttempts = options.maxAttempts ?? 3;
  }

  get size(): number {
    return this.#ready.length;
  }

  enqueue(id: string, payload: unknown): void {
    this.#push({ id, payload, attempt: 1 });
  }

  async receive(waitMs: number, signal: AbortSignal): Promise<Job | undefined> {
    const deadline = Date.now() + waitMs;
    while (!signal.aborted) {
      const job = this.#ready.shift();
      if (job) {
        return job;
      }
      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        return undefined;
      }
      await this.#waitForJob(remaining, signal);
    }
    return undefined;
  }

  ack(): Promise<void> {
    return Promise.resolve();
  }

  nack(job: Job): Promise<void> {
    if (job.attempt >= this.#maxAttempts) {
      this.deadLetters.push(job);
    } else {
      this.#push({ ...job, attempt: job.attempt + 1 });
    }
    return Promise.resolve();
  }

  #push(job: Job): void {
    this.#ready.push(job);
    for (const wake of [...this.#waiters]) {
      wake();
    }
  }

  #waitForJob(timeoutMs: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', wake);
        this.#waiters.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, timeoutMs);
      signal.addEventListener('abort', wake);
      this.#waiters.add(wake);
    });
  }
}
