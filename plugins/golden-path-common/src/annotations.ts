/** Annotation keys the golden-path templates write; listed in docs/annotations.md. */
export const TEMPLATE_NAME_ANNOTATION = 'devportal.io/template-name';
export const TEMPLATE_VERSION_ANNOTATION = 'devportal.io/template-version';
export const ON_CALL_ANNOTATION = 'devportal.io/on-call';
export const COST_CENTER_ANNOTATION = 'devportal.io/cost-center';
export const TIER_ANNOTATION = 'devportal.io/tier';
