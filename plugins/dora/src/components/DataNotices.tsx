import { DemoDataLabel, StaleDataNotice } from '@internal/portal-react';

/** The stale-data notice when GitHub did not answer on the latest refresh. */
export function GitHubStaleNotice(props: { lastError: string | null; lastSuccessAt: string | null }) {
  if (!props.lastError) return null;
  return <StaleDataNotice source="GitHub" lastSuccessAt={props.lastSuccessAt} error={props.lastError} />;
}

export function DoraDemoLabel(props: { demo: boolean }) {
  return props.demo ? <DemoDataLabel source="GitHub" /> : null;
}
