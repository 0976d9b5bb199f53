package health

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
)

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(body)
}

func TestProbes(t *testing.T) {
	probes := &Probes{}
	server := httptest.NewServer(probes.Handler(prometheus.NewRegistry()))
	defer server.Close()

	if status, _ := get(t, server.URL+"/healthz"); status != http.StatusOK {
		t.Errorf("GET /healthz: got %d, want 200", status)
	}
	if status, _ := get(t, server.URL+"/readyz"); status != http.StatusServiceUnavailable {
		t.Errorf("GET /readyz before SetReady: got %d, want 503", status)
	}
	probes.SetReady(true)
	if status, _ := get(t, server.URL+"/readyz"); status != http.StatusOK {
		t.Errorf("GET /readyz after SetReady: got %d, want 200", status)
	}
}

func TestMetrics(t *testing.T) {
	registry := prometheus.NewRegistry()
	jobs := prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "jobs_processed_total",
		Help: "Jobs processed.",
	}, []string{"service", "outcome"})
	registry.MustRegister(jobs)
	jobs.WithLabelValues("test-worker", "success").Inc()
	server := httptest.NewServer((&Probes{}).Handler(registry))
	defer server.Close()

	status, body := get(t, server.URL+"/metrics")

	want := `jobs_processed_total{outcome="success",service="test-worker"} 1`
	if status != http.StatusOK || !strings.Contains(body, want+"\n") {
		t.Errorf("GET /metrics: got %d without %s in:\n%s", status, want, body)
	}
}
