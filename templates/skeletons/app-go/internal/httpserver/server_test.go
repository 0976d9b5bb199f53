package httpserver

import (
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func newTestServer(t *testing.T) (*Server, *httptest.Server, *httptest.Server) {
	t.Helper()
	srv := New("test-service", slog.New(slog.NewTextHandler(io.Discard, nil)))
	srv.SetReady(true)
	app := httptest.NewServer(srv.Handler())
	t.Cleanup(app.Close)
	metrics := httptest.NewServer(srv.MetricsHandler())
	t.Cleanup(metrics.Close)
	return srv, app, metrics
}

func request(t *testing.T, method, url string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(method, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
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

func TestHealthz(t *testing.T) {
	_, app, _ := newTestServer(t)

	if status, _ := request(t, http.MethodGet, app.URL+"/healthz"); status != http.StatusOK {
		t.Errorf("GET /healthz: got status %d, want 200", status)
	}
}

func TestReadyzFollowsTheReadyFlag(t *testing.T) {
	srv, app, _ := newTestServer(t)

	for _, tc := range []struct {
		ready bool
		want  int
	}{
		{ready: true, want: http.StatusOK},
		{ready: false, want: http.StatusServiceUnavailable},
	} {
		srv.SetReady(tc.ready)
		if status, _ := request(t, http.MethodGet, app.URL+"/readyz"); status != tc.want {
			t.Errorf("ready=%v: GET /readyz answered %d, want %d", tc.ready, status, tc.want)
		}
	}
}

func TestHello(t *testing.T) {
	_, app, _ := newTestServer(t)

	for _, tc := range []struct {
		query      string
		wantStatus int
		wantKey    string
		wantValue  string
	}{
		{query: "", wantStatus: http.StatusOK, wantKey: "message", wantValue: "Hello, world!"},
		{query: "?name=Ada", wantStatus: http.StatusOK, wantKey: "message", wantValue: "Hello, Ada!"},
		{
			query:      "?name=" + strings.Repeat("x", 101),
			wantStatus: http.StatusBadRequest,
			wantKey:    "error",
			wantValue:  "name must be at most 100 characters",
		},
	} {
		status, body := request(t, http.MethodGet, app.URL+"/api/hello"+tc.query)
		var got map[string]string
		if err := json.Unmarshal([]byte(body), &got); err != nil {
			t.Fatalf("GET /api/hello%s: %v in %q", tc.query, err, body)
		}
		if status != tc.wantStatus || got[tc.wantKey] != tc.wantValue {
			t.Errorf("GET /api/hello%s: got %d %v, want %d with %s=%q",
				tc.query, status, got, tc.wantStatus, tc.wantKey, tc.wantValue)
		}
	}
}

func TestRequestsAreCountedByCodeMethodAndRoute(t *testing.T) {
	_, app, metrics := newTestServer(t)

	request(t, http.MethodGet, app.URL+"/api/hello")
	request(t, http.MethodGet, app.URL+"/api/hello?name=Ada")
	request(t, http.MethodDelete, app.URL+"/api/hello")
	request(t, http.MethodGet, app.URL+"/no/such/path")
	request(t, http.MethodGet, app.URL+"/healthz")

	status, exposition := request(t, http.MethodGet, metrics.URL+"/metrics")
	if status != http.StatusOK {
		t.Fatalf("GET /metrics: got status %d", status)
	}
	for _, want := range []string{
		`http_requests_total{code="200",method="GET",route="/api/hello",service="test-service"} 2`,
		`http_requests_total{code="405",method="DELETE",route="unmatched",service="test-service"} 1`,
		`http_requests_total{code="404",method="GET",route="unmatched",service="test-service"} 1`,
		`http_request_duration_seconds_count{code="200",method="GET",route="/api/hello",service="test-service"} 2`,
	} {
		if !strings.Contains(exposition, want+"\n") {
			t.Errorf("metrics lack %s", want)
		}
	}
	if strings.Contains(exposition, `route="/healthz"`) {
		t.Error("probe requests were counted")
	}
}
