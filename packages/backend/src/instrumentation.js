/*
 * Prometheus metrics for the backend, loaded before it with `node --require` (the image's
 * CMD and the Helm chart's args do). It must run first: Backstage's meters (catalog entity
 * counts, scheduler task runs, scaffolder tasks) bind to the global meter provider when
 * they are created, and the HTTP instrumentation has to patch `http` before it is loaded.
 *
 * Serves GET :PORTAL_METRICS_PORT/metrics (default 9464, the chart's `ports.metrics`, which
 * its ServiceMonitor scrapes). PORTAL_METRICS_PORT=off leaves metrics off.
 * Plain CommonJS on purpose: it runs before any TypeScript transform.
 */
const port = process.env.PORTAL_METRICS_PORT ?? '9464';

if (port !== 'off') {
  const { metrics } = require('@opentelemetry/api');
  const { resourceFromAttributes } = require('@opentelemetry/resources');
  const { MeterProvider } = require('@opentelemetry/sdk-metrics');
  const { PrometheusExporter } = require('@opentelemetry/exporter-prometheus');
  const { registerInstrumentations } = require('@opentelemetry/instrumentation');
  const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http');

  const exporter = new PrometheusExporter({ port: Number(port) }, error => {
    if (error) {
      // A taken port costs the metrics, not the portal.
      console.error(`Prometheus metrics are off: port ${port} could not be opened (${error.message}); set PORTAL_METRICS_PORT`);
    }
  });
  const meterProvider = new MeterProvider({
    readers: [exporter],
    resource: resourceFromAttributes({ 'service.name': process.env.OTEL_SERVICE_NAME ?? 'developer-portal' }),
  });
  metrics.setGlobalMeterProvider(meterProvider);
  registerInstrumentations({
    meterProvider,
    // Request duration by route and status (http_server_request_duration, in seconds); probes
    // every few seconds would only add noise.
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: request => request.url?.startsWith('/.backstage/health') ?? false,
      }),
    ],
  });
}
