import { DEFAULT_FREEZE_POLICY, evaluateFreeze, FreezeState, validateFreezePolicy } from './freezePolicy';
import { computeSloStatus } from './sloStatus';
import { SLO_REPORTING_WINDOWS } from './sloWindows';

/**
 * A 99.9% SLO (budget 0.1%) measured with the given burn rates over 6h and 30m (error ratio
 * = burn × 0.001), 0.5× elsewhere, and `wholeWindowBurn` over its 30 days.
 */
function statusWith(burn6h: number, burn30m: number, wholeWindowBurn = 0.5) {
  const byWindow = Object.fromEntries(SLO_REPORTING_WINDOWS.map(w => [w, 0.0005])) as Record<
    (typeof SLO_REPORTING_WINDOWS)[number],
    number
  >;
  byWindow['6h'] = burn6h * 0.001;
  byWindow['30m'] = burn30m * 0.001;
  return computeSloStatus({ target: 0.999, window: '30d', measured: { byWindow, wholeWindow: wholeWindowBurn * 0.001 } });
}

const at = (minute: number) => new Date(Date.UTC(2026, 10, 27, 10, minute));
const policy = DEFAULT_FREEZE_POLICY;

/** Feeds statuses one refresh at a time, as the refresher does, and returns each state. */
function run(statuses: Array<ReturnType<typeof statusWith> | null>) {
  let previous: FreezeState | null = null;
  return statuses.map((status, i) => {
    const next = evaluateFreeze({ policy, status, previous, now: at(i * 5) });
    previous = next;
    return next;
  });
}

describe('the error-budget freeze policy (6× over 6h and 30m, ends below 4.8×)', () => {
  it('freezes when both windows burn at the threshold, and records when it started', () => {
    const [ok, frozen] = run([statusWith(5.9, 20), statusWith(6, 6)]);
    expect(ok).toMatchObject({ frozen: false, since: null, transition: null });
    expect(frozen).toMatchObject({ frozen: true, since: at(5).toISOString(), transition: 'started' });
    expect(frozen.reason).toBe('burning 6× over 6h and 6× over 30m (freeze at 6×)');
    expect(frozen.burn).toMatchObject({ longWindow: '6h', shortWindow: '30m', threshold: 6, releaseBelow: 4.8 });
    expect(frozen.burn.long).toBeCloseTo(6, 9);
  });

  it('does not freeze when only the short window burns (a blip) or only the long one (already recovering)', () => {
    expect(run([statusWith(1, 30)])[0].frozen).toBe(false);
    expect(run([statusWith(8, 2)])[0].frozen).toBe(false);
  });

  it('freezes on an exhausted budget even at a low burn', () => {
    const [state] = run([statusWith(0.5, 0.5, 1.2)]);
    expect(state).toMatchObject({ frozen: true, reason: 'error budget exhausted', transition: 'started' });
  });

  it('stays frozen between 4.8× and 6× and keeps its start, so it does not flap', () => {
    const states = run([
      statusWith(7, 9),
      statusWith(5.5, 5.2), // below 6×, above 4.8×: still frozen
      statusWith(6.1, 6.3),
      statusWith(4.9, 4.0), // long window still above 4.8×
      statusWith(4.7, 4.7), // both below: thaws
      statusWith(5.5, 5.9), // below 6× again: does not refreeze
    ]);
    expect(states.map(s => s.frozen)).toEqual([true, true, true, true, false, false]);
    expect(states.map(s => s.transition)).toEqual(['started', null, null, null, 'ended', null]);
    expect(new Set(states.slice(0, 4).map(s => s.since))).toEqual(new Set([at(0).toISOString()]));
    expect(states[1].reason).toBe(
      'burning 5.5× over 6h and 5.2× over 30m (freeze at 6×); the freeze ends once both fall below 4.8×',
    );
    expect(states[4].since).toBeNull();
  });

  it('stays frozen while the budget is exhausted even after the burn has cooled', () => {
    const states = run([statusWith(7, 7, 1.1), statusWith(1, 1, 1.05), statusWith(1, 1, 0.9)]);
    expect(states.map(s => s.frozen)).toEqual([true, true, false]);
    expect(states[1].reason).toBe('error budget exhausted');
  });

  it('neither starts nor ends a freeze without burn figures, and says the data is missing', () => {
    const noTraffic = computeSloStatus({
      target: 0.999,
      window: '30d',
      measured: {
        byWindow: Object.fromEntries(SLO_REPORTING_WINDOWS.map(w => [w, Number.NaN])) as any,
        wholeWindow: Number.NaN,
      },
    });
    expect(run([noTraffic])[0]).toMatchObject({ frozen: false, noData: true });
    expect(run([null])[0]).toMatchObject({ frozen: false, noData: true });
    const states = run([statusWith(9, 9), noTraffic, null]);
    expect(states.map(s => s.frozen)).toEqual([true, true, true]);
    expect(states[2].reason).toBe(states[0].reason);
    expect(states[2].since).toBe(at(0).toISOString());
  });

  it('uses the configured windows, threshold and hysteresis', () => {
    const strict = { threshold: 14.4, longWindow: '1h' as const, shortWindow: '5m' as const, hysteresis: 1 };
    const status = statusWith(20, 20); // 0.5× over 1h and 5m
    expect(evaluateFreeze({ policy: strict, status, previous: null, now: at(0) }).frozen).toBe(false);
    const thawed = evaluateFreeze({
      policy: { ...policy, hysteresis: 1 },
      status: statusWith(5.9, 5.9),
      previous: { frozen: true, since: at(0).toISOString(), reason: 'x' },
      now: at(5),
    });
    expect(thawed.frozen).toBe(false);
  });

  it('rejects a policy it cannot apply, naming the key and the fix', () => {
    expect(() => validateFreezePolicy({ ...policy, longWindow: '4h' as any })).toThrow(/slo\.freezePolicy\.longWindow.*5m, 30m/);
    expect(() => validateFreezePolicy({ ...policy, longWindow: '30m', shortWindow: '6h' })).toThrow(/shortWindow \(6h\) must be shorter/);
    expect(() => validateFreezePolicy({ ...policy, hysteresis: 1.5 })).toThrow(/hysteresis/);
    expect(() => validateFreezePolicy({ ...policy, threshold: 0 })).toThrow(/threshold/);
  });
});
