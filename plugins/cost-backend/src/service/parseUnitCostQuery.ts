import { InputError } from '@backstage/errors';
import { readDayRange } from './parseAnomalyQuery';

const UNIT = /^[a-zA-Z0-9][a-zA-Z0-9._ -]{0,62}$/;

export interface UnitCostQuery {
  unit: string;
  from?: string;
  to?: string;
}

/** Validates `unit` (as in `devportal.io/cost-unit`), `from` and `to`. */
export function parseUnitCostQuery(
  query: Record<string, unknown>,
): UnitCostQuery {
  const unit = query.unit;
  if (typeof unit !== 'string' || !UNIT.test(unit)) {
    throw new InputError(
      `unit ${
        unit === undefined ? 'is missing' : `"${String(unit)}" is not a unit name`
      }; give the unit components declare in devportal.io/cost-unit, e.g. unit=orders`,
    );
  }
  return { unit, ...readDayRange(query) };
}
