package main

import (
	"fmt"
	"os"
	"strconv"
	"time"
)

type config struct {
	metricsPort string
	// How long one poll of the queue waits for a job before polling again.
	pollWait time.Duration
	// How long one job may take. Keep it under the pod's termination grace period (30 s in
	// the chart) so that a job in hand at SIGTERM can finish.
	jobTimeout time.Duration
{%- if values.schedule %}
	// Where a run pushes its metrics before exiting; empty: no push.
	pushgatewayURL string
{%- endif %}
}

func loadConfig() (config, error) {
	metricsPort, err := portFromEnv("METRICS_PORT", "9090")
	if err != nil {
		return config{}, err
	}
{%- if values.schedule %}
	// A run ends at the first poll that finds nothing, so it need not wait long.
	pollWait, err := durationFromEnv("POLL_WAIT", time.Second)
{%- else %}
	pollWait, err := durationFromEnv("POLL_WAIT", 20*time.Second)
{%- endif %}
	if err != nil {
		return config{}, err
	}
	jobTimeout, err := durationFromEnv("JOB_TIMEOUT", 25*time.Second)
	if err != nil {
		return config{}, err
	}
	cfg := config{metricsPort: metricsPort, pollWait: pollWait, jobTimeout: jobTimeout}
{%- if values.schedule %}
	cfg.pushgatewayURL = os.Getenv("PUSHGATEWAY_URL")
{%- endif %}
	return cfg, nil
}

func portFromEnv(name, fallback string) (string, error) {
	raw := os.Getenv(name)
	if raw == "" {
		return fallback, nil
	}
	if port, err := strconv.Atoi(raw); err != nil || port < 0 || port > 65535 {
		return "", fmt.Errorf("%s must be a port number, got %q", name, raw)
	}
	return raw, nil
}

func durationFromEnv(name string, fallback time.Duration) (time.Duration, error) {
	raw := os.Getenv(name)
	if raw == "" {
		return fallback, nil
	}
	d, err := time.ParseDuration(raw)
	if err != nil {
		return 0, fmt.Errorf("%s: %w", name, err)
	}
	return d, nil
}
