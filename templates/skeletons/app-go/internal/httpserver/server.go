// Package httpserver serves the API, its health probes and its metrics.
package httpserver

import (
	"encoding/json"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Server holds what the handlers share: the request metrics and the readiness flag.
type Server struct {
	service string
	logger  *slog.Logger
	metrics *metrics
	ready   atomic.Bool
}

// New returns a Server that is not ready yet; call SetReady once it listens.
func New(service string, logger *slog.Logger) *Server {
	return &Server{service: service, logger: logger, metrics: newMetrics()}
}

// SetReady sets what the readiness probe answers.
func (s *Server) SetReady(ready bool) {
	s.ready.Store(ready)
}

// Handler serves the API and the health probes.
func (s *Server) Handler() http.Handler {
	api := http.NewServeMux()
	api.HandleFunc("GET /api/hello", s.hello)

	mux := http.NewServeMux()
	// Probes stay out of the request metrics: they would dilute the error ratio of the SLO.
	mux.HandleFunc("GET /healthz", s.healthz)
	mux.HandleFunc("GET /readyz", s.readyz)
	mux.Handle("/", s.instrument(api))
	return mux
}

// MetricsHandler serves /metrics for Prometheus.
func (s *Server) MetricsHandler() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", promhttp.HandlerFor(s.metrics.registry, promhttp.HandlerOpts{
		Registry: s.metrics.registry,
	}))
	return mux
}

func (s *Server) healthz(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

func (s *Server) readyz(w http.ResponseWriter, _ *http.Request) {
	if !s.ready.Load() {
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "not ready"})
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ready"})
}

func (s *Server) hello(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	if name == "" {
		name = "world"
	}
	if utf8.RuneCountInString(name) > 100 {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "name must be at most 100 characters"})
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"message": "Hello, " + name + "!"})
}

// instrument counts and times every request that api answers.
func (s *Server) instrument(api *http.ServeMux) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		recorder := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		api.ServeHTTP(recorder, r)

		labels := prometheus.Labels{
			"service": s.service,
			"code":    strconv.Itoa(recorder.status),
			"method":  methodLabel(r.Method),
			"route":   routeLabel(r),
		}
		s.metrics.requestsTotal.With(labels).Inc()
		s.metrics.requestDuration.With(labels).Observe(time.Since(start).Seconds())
	})
}

// routeLabel is the path of the pattern api matched, which ServeMux records on the request:
// bounded, unlike the raw path. Unmatched requests (404, 405) share one value.
func routeLabel(r *http.Request) string {
	if r.Pattern == "" {
		return "unmatched"
	}
	if _, path, hasMethod := strings.Cut(r.Pattern, " "); hasMethod {
		return path
	}
	return r.Pattern
}

// methodLabel keeps the label's values bounded: clients can send any method token.
func methodLabel(method string) string {
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodPatch,
		http.MethodDelete, http.MethodOptions:
		return method
	default:
		return "OTHER"
	}
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(status int) {
	r.status = status
	r.ResponseWriter.WriteHeader(status)
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (r *statusRecorder) Unwrap() http.ResponseWriter {
	return r.ResponseWriter
}

func writeJSON(w http.ResponseWriter, status int, body any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	// The status line is sent already: a failed write can only be a gone client.
	_ = json.NewEncoder(w).Encode(body)
}
