import { SloItem } from '@internal/plugin-slo-common';
import { DemoDataLabel, StaleDataNotice } from '@internal/portal-react';

/**
 * The demo label when figures are generated, and the stale notice when the latest refresh
 * failed for any of the SLOs shown (with the age of the oldest good value).
 */
export function SloFreshness(props: { demo: boolean; items: SloItem[] }) {
  const failed = props.items.filter(item => item.error);
  return (
    <>
      {props.demo && <DemoDataLabel source="Prometheus" />}
      {failed.length > 0 && (
        <StaleDataNotice
          source="Prometheus"
          lastSuccessAt={failed
            .map(item => item.measuredAt)
            .filter((at): at is string => at !== null)
            .sort()[0]}
          error={failed[0].error}
        />
      )}
    </>
  );
}
