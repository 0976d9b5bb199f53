// Command server runs the service: the HTTP API on HTTP_PORT and Prometheus metrics on
// METRICS_PORT.
package main

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	${{ ('github.com/' ~ values.githubSlug ~ '/internal/httpserver') | go }}
)

const serviceName = ${{ values.name | go }}

// Kubernetes sends SIGKILL terminationGracePeriodSeconds (30 s in the chart) after SIGTERM;
// in-flight requests get what is left of that after the shutdown delay.
const shutdownTimeout = 20 * time.Second

func main() {
	logger := slog.New(slog.NewJSONHandler(os.Stdout, nil)).With("service", serviceName)
	slog.SetDefault(logger)
	if err := run(logger); err != nil {
		logger.Error("server failed", "error", err)
		os.Exit(1)
	}
}

func run(logger *slog.Logger) error {
	cfg, err := loadConfig()
	if err != nil {
		return err
	}

	srv := httpserver.New(serviceName, logger)
	appListener, err := net.Listen("tcp", ":"+cfg.httpPort)
	if err != nil {
		return err
	}
	metricsListener, err := net.Listen("tcp", ":"+cfg.metricsPort)
	if err != nil {
		return err
	}
	appServer := &http.Server{Handler: srv.Handler(), ReadHeaderTimeout: 10 * time.Second}
	metricsServer := &http.Server{Handler: srv.MetricsHandler(), ReadHeaderTimeout: 10 * time.Second}

	serveErrors := make(chan error, 2)
	go func() { serveErrors <- appServer.Serve(appListener) }()
	go func() { serveErrors <- metricsServer.Serve(metricsListener) }()

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()

	srv.SetReady(true)
	logger.Info("started", "http_port", cfg.httpPort, "metrics_port", cfg.metricsPort)

	select {
	case err := <-serveErrors:
		return err
	case <-ctx.Done():
	}

	logger.Info("shutting down")
	srv.SetReady(false)
	// Endpoints keep routing requests here until the failed readiness (or the pod's deletion)
	// has propagated to every node, so keep serving for a moment before closing.
	time.Sleep(cfg.shutdownDelay)

	shutdownCtx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	err = errors.Join(appServer.Shutdown(shutdownCtx), metricsServer.Shutdown(shutdownCtx))
	logger.Info("stopped")
	return err
}
