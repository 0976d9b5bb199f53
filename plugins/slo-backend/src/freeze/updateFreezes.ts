import { evaluateFreeze, FreezePolicy } from '@internal/plugin-slo-common';
import { FreezeStore } from '../database/FreezeStore';
import { SloMeasurement } from '../refresh/measureSlos';

/**
 * Applies the error-budget policy to one refresh's measurements. A failed measurement leaves
 * its SLO's freeze state as it was (a Prometheus outage neither starts nor ends a freeze).
 * Returns how many freezes started and ended.
 */
export async function updateFreezes(input: {
  freezes: FreezeStore;
  policy: FreezePolicy;
  measurements: SloMeasurement[];
  now: Date;
}): Promise<{ started: number; ended: number }> {
  const previous = await input.freezes.states();
  let started = 0;
  let ended = 0;
  for (const measurement of input.measurements) {
    if (!measurement.status) continue;
    const { entityRef, name } = measurement.slo;
    const evaluation = evaluateFreeze({
      policy: input.policy,
      status: measurement.status,
      previous: previous.get(`${entityRef}\u0000${name}`) ?? null,
      now: input.now,
    });
    if (evaluation.transition === 'started') started++;
    if (evaluation.transition === 'ended') ended++;
    await input.freezes.save(entityRef, name, evaluation, input.now);
  }
  return { started, ended };
}
