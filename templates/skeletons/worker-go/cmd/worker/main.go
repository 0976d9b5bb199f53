{%- if values.schedule -%}
// Command worker runs one scheduled run of the service (a CronJob): it
// works through the jobs waiting, pushes its metrics and exits. METRICS_PORT serves /metrics,
// /healthz and /readyz meanwhile.
{%- else -%}
// Command worker runs the service: it takes jobs from the queue until SIGTERM.
// METRICS_PORT serves /metrics, /healthz and /readyz.
{%- endif %}
package main

import (
	"context"
	"errors"
{%- if values.schedule %}
	"fmt"
{%- endif %}
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
{% if values.schedule %}
	"github.com/prometheus/client_golang/prometheus/push"
{% endif %}
	${{ ('github.com/' ~ values.githubSlug ~ '/internal/health') | go }}
	${{ ('github.com/' ~ values.githubSlug ~ '/internal/worker') | go }}
)

const serviceName = ${{ values.name | go }}

func main() {
	logger := slog.New(slog.NewJSONHandler(os.Stdout, nil)).With("service", serviceName)
	slog.SetDefault(logger)
	if err := run(logger); err != nil {
		logger.Error("worker failed", "error", err)
		os.Exit(1)
	}
}

func run(logger *slog.Logger) error {
	cfg, err := loadConfig()
	if err != nil {
		return err
	}

	metrics := worker.NewMetrics(serviceName)
	probes := &health.Probes{}
	listener, err := net.Listen("tcp", ":"+cfg.metricsPort)
	if err != nil {
		return err
	}
	healthServer := &http.Server{
		Handler:           probes.Handler(metrics.Registry()),
		ReadHeaderTimeout: 10 * time.Second,
	}
	go func() {
		if err := healthServer.Serve(listener); !errors.Is(err, http.ErrServerClosed) {
			logger.Error("health server failed", "error", err)
		}
	}()

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()

	consumer := &worker.Consumer{
		// The in-memory queue stands in for the real one: any worker.Queue plugs in here.
		Queue:      worker.NewMemoryQueue(3),
		Handle:     worker.HandleJob,
		Metrics:    metrics,
		Logger:     logger,
		PollWait:   cfg.pollWait,
		JobTimeout: cfg.jobTimeout,
	}
	probes.SetReady(true)
	logger.Info("started", "metrics_port", cfg.metricsPort)
{% if values.schedule %}
	summary, runErr := consumer.Run(ctx, true)
	logger.Info("run finished", "succeeded", summary.Succeeded, "failed", summary.Failed)
	if cfg.pushgatewayURL != "" {
		succeeded := runErr == nil && summary.Failed == 0
		if err := pushMetrics(cfg.pushgatewayURL, metrics, succeeded); err != nil {
			logger.Error("pushing metrics failed", "error", err)
		}
	}
{%- else %}
	summary, runErr := consumer.Run(ctx, false)
	logger.Info("stopped", "succeeded", summary.Succeeded, "failed", summary.Failed)
{%- endif %}

	probes.SetReady(false)
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := healthServer.Shutdown(shutdownCtx); err != nil {
		logger.Error("stopping the health server failed", "error", err)
	}
{%- if values.schedule %}
	if runErr != nil {
		return runErr
	}
	if summary.Failed > 0 {
		// Kubernetes then records the Job as failed, and retries it up to the chart's backoffLimit.
		return fmt.Errorf("%d of %d jobs failed", summary.Failed, summary.Failed+summary.Succeeded)
	}
	return nil
}

// pushMetrics sends this run's metrics to the Pushgateway: the pod ends before Prometheus
// would scrape it. A run that succeeded also sends the time it succeeded, which the
// chart's CronJobLastSuccessTooOld alert reads. Add (an HTTP POST) replaces only the
// metrics this push carries, so a failed run leaves the last success time in place.
func pushMetrics(gatewayURL string, metrics *worker.Metrics, succeeded bool) error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	pusher := push.New(gatewayURL, serviceName).Gatherer(metrics.Registry())
	if succeeded {
		pusher = pusher.Collector(worker.LastSuccess(serviceName, time.Now()))
	}
	return pusher.AddContext(ctx)
}
{%- else %}
	return runErr
}
{%- endif %}
