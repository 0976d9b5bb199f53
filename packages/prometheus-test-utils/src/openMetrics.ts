import { GeneratedSeries } from './counterSeries';

function escapeLabelValue(value: string) {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n');
}

/**
 * The series as an OpenMetrics text exposition with timestamps, the input of
 * `promtool tsdb create-blocks-from openmetrics`. A metric family's samples must be
 * contiguous, so series are grouped by metric name.
 */
export function toOpenMetrics(series: GeneratedSeries[]): string {
  const lines: string[] = [];
  for (const metric of new Set(series.map(s => s.metric))) {
    lines.push(`# HELP ${metric} Generated known-answer counter.`);
    lines.push(`# TYPE ${metric} counter`);
    for (const s of series.filter(candidate => candidate.metric === metric)) {
      const labels = Object.entries(s.labels)
        .map(([k, v]) => `${k}="${escapeLabelValue(v)}"`)
        .join(',');
      for (const [t, v] of s.samples)
        lines.push(`${metric}{${labels}} ${v} ${t}`);
    }
  }
  lines.push('# EOF');
  return `${lines.join('\n')}\n`;
}
