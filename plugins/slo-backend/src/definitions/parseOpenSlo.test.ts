import { parseOpenSlo } from './parseOpenSlo';

const options = { entityRef: 'component:default/basket-service', defaultPrometheus: 'default' };

/** As the golden-path templates emit it (templates/skeletons/workload/slo/availability.yaml). */
const goldenPathDocument = `
apiVersion: openslo/v1
kind: SLO
metadata:
  name: basket-service-availability
  displayName: basket-service availability
spec:
  service: basket-service
  budgetingMethod: Occurrences
  timeWindow:
    - duration: 30d
      isRolling: true
  indicator:
    metadata:
      name: basket-service-errors
    spec:
      ratioMetric:
        counter: true
        bad:
          metricSource:
            type: Prometheus
            spec:
              query: sum(http_requests_total{service="basket-service",code=~"5.."})
        total:
          metricSource:
            type: Prometheus
            spec:
              query: sum(http_requests_total{service="basket-service"})
  objectives:
    - displayName: Availability
      target: 0.999
`;

describe('parseOpenSlo', () => {
  it('reads the document the golden-path templates emit', () => {
    expect(parseOpenSlo(goldenPathDocument, options)).toEqual({
      definitions: [
        {
          entityRef: 'component:default/basket-service',
          name: 'basket-service-availability',
          displayName: 'Availability',
          target: 0.999,
          window: '30d',
          prometheus: 'default',
          indicator: {
            bad: 'sum(http_requests_total{service="basket-service",code=~"5.."})',
            total: 'sum(http_requests_total{service="basket-service"})',
          },
        },
      ],
      problems: [],
    });
  });

  it('reads good/total SLIs, named Prometheus sources and several objectives', () => {
    const text = goldenPathDocument
      .replace('bad:', 'good:')
      .replace('code=~"5.."', 'code!~"5.."')
      .replace(/total:\n(\s+)metricSource:/, 'total:\n$1metricSource:\n$1  metricSourceRef: eu-west')
      .replace('      target: 0.999', '      target: 0.999\n    - displayName: Relaxed\n      target: 0.99');
    const { definitions, problems } = parseOpenSlo(text, options);
    expect(problems).toEqual([]);
    expect(definitions.map(d => [d.name, d.target, d.prometheus, 'good' in d.indicator])).toEqual([
      ['basket-service-availability-1', 0.999, 'eu-west', true],
      ['basket-service-availability-2', 0.99, 'eu-west', true],
    ]);
  });

  it('names the field and the fix for what it cannot read, and keeps the rest', () => {
    const broken = goldenPathDocument.replace('target: 0.999', 'target: 99.9');
    const second = goldenPathDocument.replace('basket-service-availability', 'second');
    const { definitions, problems } = parseOpenSlo(`${broken}\n---\n${second}`, options);
    expect(definitions.map(d => d.name)).toEqual(['second']);
    expect(problems).toEqual([
      {
        entityRef: 'component:default/basket-service',
        field: 'basket-service-availability: spec.objectives[0].target',
        message: 'is 99.9; use a ratio between 0 and 1, e.g. 0.999 for 99.9%',
      },
    ]);
  });

  it('reports a document without a ratio SLI', () => {
    const text = goldenPathDocument.replace(/ {8}total:[\s\S]*?(?= {2}objectives)/, '');
    expect(parseOpenSlo(text, options).problems[0].field).toBe(
      'basket-service-availability: spec.indicator.spec.ratioMetric',
    );
  });
});
