package main

import (
	"fmt"
	"os"
	"strconv"
	"time"
)

type config struct {
	httpPort    string
	metricsPort string
	// How long to keep serving after SIGTERM while Kubernetes stops routing traffic here.
	shutdownDelay time.Duration
}

func loadConfig() (config, error) {
	httpPort, err := portFromEnv("HTTP_PORT", "8080")
	if err != nil {
		return config{}, err
	}
	metricsPort, err := portFromEnv("METRICS_PORT", "9090")
	if err != nil {
		return config{}, err
	}
	shutdownDelay := 5 * time.Second
	if raw := os.Getenv("SHUTDOWN_DELAY"); raw != "" {
		if shutdownDelay, err = time.ParseDuration(raw); err != nil {
			return config{}, fmt.Errorf("SHUTDOWN_DELAY: %w", err)
		}
	}
	return config{httpPort: httpPort, metricsPort: metricsPort, shutdownDelay: shutdownDelay}, nil
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
