/**
 * Path (relative to catalog-info.yaml) of the component's OpenSLO v1 document, e.g.
 * `./slo/availability.yaml`. Listed in docs/annotations.md.
 */
export const OPENSLO_ANNOTATION = 'devportal.io/openslo';

