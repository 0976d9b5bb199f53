/**
 * Path (relative to catalog-info.yaml) of the component's OpenSLO v1 document, e.g.
 * `./slo/availability.yaml`. Listed in docs/annotations.md.
 */
export const OPENSLO_ANNOTATION = 'devportal.io/openslo';


/**
 * Prefix of the short form: SLOs written as annotations, one key per field, e.g.
 * `slo.devportal.io/availability.target: "0.999"`,
 * `slo.devportal.io/availability.bad: 'http_requests_total{service="cart",code=~"5.."}'`,
 * `slo.devportal.io/availability.total: 'http_requests_total{service="cart"}'`, and
 * optionally `.window` (default 30d), `.good` instead of `.bad`, `.prometheus`, `.displayName`.
 */
export const SLO_ANNOTATION_PREFIX = 'slo.devportal.io/';

/** The rolling window an SLO uses when its definition names none. */
export const DEFAULT_SLO_WINDOW = '30d';

/** Whether a component declares SLOs, in either form. */
export function declaresSlos(annotations: Record<string, string> | undefined): boolean {
  return Object.keys(annotations ?? {}).some(
    key => key === OPENSLO_ANNOTATION || key.startsWith(SLO_ANNOTATION_PREFIX),
  );
}
