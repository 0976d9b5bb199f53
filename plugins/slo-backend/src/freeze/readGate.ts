import { LoggerService } from '@backstage/backend-plugin-api';
import { GateResponse } from '@internal/plugin-slo-common';
import { FreezeStore } from '../database/FreezeStore';
import { decideGate } from './decideGate';

/**
 * The deploy gate's answer for one component now, from stored state. When the store cannot
 * be read the answer is "unknown" with `failed` set, never "allowed".
 */
export async function readGate(input: {
  freezes: FreezeStore;
  entityRef: string;
  now: Date;
  maxAgeMs: number;
  logger: LoggerService;
}): Promise<{ gate: GateResponse; failed: boolean }> {
  const { entityRef, now } = input;
  try {
    const inputs = await input.freezes.gateInputs(entityRef, now);
    return { gate: decideGate({ entityRef, inputs, now, maxAgeMs: input.maxAgeMs }), failed: false };
  } catch (error) {
    input.logger.error(`Deploy gate for ${entityRef} failed: ${error}`);
    return {
      failed: true,
      gate: {
        entityRef,
        decision: 'unknown',
        reason: `the portal could not read the freeze state: ${(error as Error).message}`,
        burn: null,
        frozenSince: null,
        evaluatedAt: now.toISOString(),
      },
    };
  }
}
