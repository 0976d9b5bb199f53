import { FactSourceStatus } from '@internal/plugin-scorecards-common';
import { StaleDataNotice } from '@internal/portal-react';

/**
 * A notice per fact source that failed or served stale values on the latest run, limited
 * to `onlyFacts` when given (the facts the card at hand uses).
 */
export function FactSourceNotices(props: { sources: FactSourceStatus[]; onlyFacts?: string[] }) {
  const relevant = props.sources.filter(
    source => source.error && (!props.onlyFacts || source.facts.some(f => props.onlyFacts!.includes(f))),
  );
  return (
    <>
      {relevant.map(source => (
        <StaleDataNotice
          key={source.id}
          source={source.title}
          lastSuccessAt={source.available ? source.asOf : null}
          error={source.error}
        />
      ))}
    </>
  );
}
