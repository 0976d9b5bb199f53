// Package health serves the probes and the metrics of a process that takes no requests.
package health

import (
	"encoding/json"
	"net/http"
	"sync/atomic"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Probes answers /healthz and /readyz. It starts not ready.
type Probes struct {
	ready atomic.Bool
}

// SetReady sets what the readiness probe answers.
func (p *Probes) SetReady(ready bool) {
	p.ready.Store(ready)
}

// Handler serves /healthz, /readyz and, from registry, /metrics.
func (p *Probes) Handler(registry *prometheus.Registry) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, _ *http.Request) {
		if !p.ready.Load() {
			writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "not ready"})
			return
		}
		writeJSON(w, http.StatusOK, map[string]string{"status": "ready"})
	})
	mux.Handle("GET /metrics", promhttp.HandlerFor(registry, promhttp.HandlerOpts{Registry: registry}))
	return mux
}

func writeJSON(w http.ResponseWriter, status int, body any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	// The status line is sent already: a failed write can only be a gone client.
	_ = json.NewEncoder(w).Encode(body)
}
