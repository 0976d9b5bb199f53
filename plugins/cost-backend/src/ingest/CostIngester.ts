import { LoggerService } from '@backstage/backend-plugin-api';
import { addDays, dayOf, daysBetween } from '@internal/plugin-cost-common';
import { CostStore } from '../database/CostStore';
import { CostSource } from '../sources/CostSource';
import { CostEntity } from './readCostEntities';
import { ThroughputSource } from './ThroughputSource';

/** After this many failed requests in a row, a source waits for the next run. */
const MAX_FAILURES_IN_A_ROW = 3;

/** A day a source answered without cost is asked for again once this old, not every run. */
export const EMPTY_DAY_RETRY_MS = 24 * 3_600_000;

export interface IngestSummary {
  source: string;
  daysRead: number;
  pendingDays: number;
  error?: string;
}

/**
 * One scheduled run: snapshot the catalog's teams and services, then ask every source for
 * the days in the look-back window it has not delivered for good. A failed request leaves
 * its days pending, so the next run asks again and nothing is lost.
 */
export class CostIngester {
  constructor(
    private readonly deps: {
      store: CostStore;
      sources: CostSource[];
      readEntities: () => Promise<CostEntity[]>;
      throughput?: ThroughputSource;
      /** How many days back history is filled in. */
      lookbackDays: number;
      logger: LoggerService;
    },
  ) {}

  private entities: CostEntity[] = [];

  async run(now = new Date()): Promise<IngestSummary[]> {
    this.entities = await this.deps.readEntities();
    await this.deps.store.replaceEntities(
      this.entities.map(({ unitQuery: _unused, ...stored }) => stored),
      now,
    );

    // Today is still being spent: read up to yesterday.
    const last = addDays(dayOf(now), -1);
    const first = addDays(last, -(this.deps.lookbackDays - 1));
    const summaries: IngestSummary[] = [];
    for (const source of this.deps.sources) {
      summaries.push(await this.ingestSource(source, first, last, now));
    }
    // Counts cover the whole window: the weekly review divides 12 weeks of cost by them.
    // Days already stored are not asked for again.
    if (this.deps.throughput)
      await this.ingestThroughput(this.deps.throughput, first, last);
    return summaries;
  }

  private async ingestSource(
    source: CostSource,
    first: string,
    last: string,
    now: Date,
  ): Promise<IngestSummary> {
    const done = await this.deps.store.daysNotToAsk(
      source.name,
      first,
      last,
      now,
      EMPTY_DAY_RETRY_MS,
    );
    const pending = daysBetween(first, last).filter(day => !done.has(day));
    let daysRead = 0;
    const errors: string[] = [];
    const failedRanges: string[] = [];
    let failuresInARow = 0;
    // Newest first: month to date matters most. A source that keeps failing is left alone
    // for this run rather than asked for every day of the window.
    const ranges = contiguousRanges(
      pending,
      source.maxDaysPerRequest,
    ).reverse();
    for (const range of ranges) {
      if (failuresInARow >= MAX_FAILURES_IN_A_ROW) break;
      try {
        const days = await source.readDays(range.first, range.last);
        const answered = new Map(
          days
            .filter(d => d.day >= range.first && d.day <= range.last)
            .map(d => [d.day, d]),
        );
        for (const day of daysBetween(range.first, range.last)) {
          // A day left out of the answer: the source has no cost for it.
          const read = answered.get(day) ?? {
            day,
            lines: [],
            provisional: false,
          };
          await this.deps.store.replaceDay(
            source.name,
            day,
            read.lines,
            read.provisional,
            now,
          );
          if (!read.provisional) daysRead++;
        }
        failuresInARow = 0;
      } catch (error) {
        failuresInARow++;
        errors.push((error as Error).message);
        failedRanges.push(`${range.first}..${range.last}`);
      }
    }
    const stillPending = pending.length - daysRead;
    if (errors.length > 0) {
      // What the source answered, as it said it: the pages show this to users.
      const message = errors[0];
      this.deps.logger.warn(
        `Cost ingestion from ${source.name} failed for ${failedRanges.join(
          ', ',
        )}; ${stillPending} day(s) will be read again on the next run: ${errors.join(
          '; ',
        )}`,
      );
      await this.deps.store.recordError(
        source.name,
        message,
        now,
        stillPending,
      );
      return {
        source: source.name,
        daysRead,
        pendingDays: stillPending,
        error: message,
      };
    }
    await this.deps.store.recordSuccess(source.name, now, stillPending);
    this.deps.logger.info(
      `Cost ingestion from ${source.name}: ${daysRead} day(s) read, ${stillPending} pending`,
    );
    return { source: source.name, daysRead, pendingDays: stillPending };
  }

  private async ingestThroughput(
    throughput: ThroughputSource,
    first: string,
    last: string,
  ) {
    for (const service of this.entities.filter(
      e => e.kind === 'service' && e.unit,
    )) {
      const known = await this.deps.store.unitDays(
        service.entityRef,
        first,
        last,
      );
      for (const day of daysBetween(first, last).filter(d => !known.has(d))) {
        try {
          const units = await throughput.unitsOnDay(service, day);
          if (units !== null)
            await this.deps.store.saveUnits(service.entityRef, day, units);
        } catch (error) {
          this.deps.logger.warn(
            `Units of ${service.entityRef} on ${day} could not be read: ${
              (error as Error).message
            }`,
          );
          break;
        }
      }
    }
  }
}

/**
 * ['01','02','04'] → [01..02, 04..04]: one request per gap-free stretch of days, each at
 * most `maxDays` long.
 */
export function contiguousRanges(
  days: string[],
  maxDays = Infinity,
): Array<{ first: string; last: string }> {
  const ranges: Array<{ first: string; last: string; length: number }> = [];
  for (const day of [...days].sort()) {
    const current = ranges[ranges.length - 1];
    if (
      current &&
      addDays(current.last, 1) === day &&
      current.length < maxDays
    ) {
      current.last = day;
      current.length++;
    } else {
      ranges.push({ first: day, last: day, length: 1 });
    }
  }
  return ranges.map(({ first, last }) => ({ first, last }));
}
