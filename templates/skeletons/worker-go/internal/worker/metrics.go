package worker

import (
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
)

// Outcomes of a job, the values of the outcome label.
const (
	OutcomeSuccess = "success"
	OutcomeFailure = "failure"
)

// Metrics are a contract: the chart's SLO recording rules and the developer portal query
// jobs_processed_total{service, outcome}.
type Metrics struct {
	registry      *prometheus.Registry
	jobsProcessed *prometheus.CounterVec
	jobDuration   *prometheus.HistogramVec
	service       string
}

// NewMetrics registers the job metrics, and the Go runtime and process ones, for service.
func NewMetrics(service string) *Metrics {
	labels := []string{"service", "outcome"}
	m := &Metrics{
		registry: prometheus.NewRegistry(),
		jobsProcessed: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "jobs_processed_total",
			Help: "Jobs processed, by outcome (success or failure).",
		}, labels),
		jobDuration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "job_duration_seconds",
			Help:    "Time spent processing one job.",
			Buckets: []float64{0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300},
		}, labels),
		service: service,
	}
	m.registry.MustRegister(
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		m.jobsProcessed,
		m.jobDuration,
	)
	// Start both series at zero: rate() only sees an increase once a series exists, so the
	// first failure would otherwise go unnoticed by the SLO alerts.
	for _, outcome := range []string{OutcomeSuccess, OutcomeFailure} {
		m.jobsProcessed.WithLabelValues(service, outcome)
	}
	return m
}

// Registry is what /metrics serves and what a scheduled run pushes.
func (m *Metrics) Registry() *prometheus.Registry {
	return m.registry
}

func (m *Metrics) observe(outcome string, took time.Duration) {
	m.jobsProcessed.WithLabelValues(m.service, outcome).Inc()
	m.jobDuration.WithLabelValues(m.service, outcome).Observe(took.Seconds())
}

// LastSuccess is job_last_success_timestamp_seconds{service}: when a scheduled run last
// succeeded, pushed only by runs that succeed.
func LastSuccess(service string, at time.Time) prometheus.Collector {
	gauge := prometheus.NewGauge(prometheus.GaugeOpts{
		Name:        "job_last_success_timestamp_seconds",
		Help:        "When a run of the job last succeeded, in seconds since 1970.",
		ConstLabels: prometheus.Labels{"service": service},
	})
	gauge.Set(float64(at.UnixNano()) / 1e9)
	return gauge
}
