package worker

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

func newTestConsumer(queue Queue, handle Handler) *Consumer {
	return &Consumer{
		Queue:      queue,
		Handle:     handle,
		Metrics:    NewMetrics("test-worker"),
		Logger:     slog.New(slog.NewTextHandler(io.Discard, nil)),
		PollWait:   10 * time.Millisecond,
		JobTimeout: time.Second,
	}
}

func TestRunProcessesWaitingJobsRetriesFailuresAndCountsOutcomes(t *testing.T) {
	queue := NewMemoryQueue(2)
	queue.Enqueue("job-1", []byte(`{"name": "Ada"}`))
	queue.Enqueue("job-2", []byte(`{"nickname": "no name"}`))
	queue.Enqueue("job-3", []byte(`{"name": "Grace"}`))
	consumer := newTestConsumer(queue, HandleJob)

	summary, err := consumer.Run(context.Background(), true)
	if err != nil {
		t.Fatal(err)
	}

	if want := (Summary{Succeeded: 2, Failed: 2}); summary != want {
		t.Errorf("got summary %+v, want %+v", summary, want)
	}
	if dead := queue.DeadLetters(); len(dead) != 1 || dead[0].ID != "job-2" || dead[0].Attempt != 2 {
		t.Errorf("got dead letters %+v, want job-2 after 2 attempts", dead)
	}
	if queue.Len() != 0 {
		t.Errorf("%d jobs left in the queue", queue.Len())
	}
	for outcome, want := range map[string]float64{OutcomeSuccess: 2, OutcomeFailure: 2} {
		if got := processed(t, consumer.Metrics, outcome); got != want {
			t.Errorf("jobs_processed_total{outcome=%q} = %v, want %v", outcome, got, want)
		}
	}
}

func TestRunStopsWaitingWhenCancelled(t *testing.T) {
	consumer := newTestConsumer(NewMemoryQueue(3), HandleJob)
	consumer.PollWait = time.Minute
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()

	summary, err := consumer.Run(ctx, false)

	if err != nil || summary != (Summary{}) {
		t.Errorf("got %+v, %v; want an empty summary and no error", summary, err)
	}
}

func TestRunTakesAJobEnqueuedWhileWaiting(t *testing.T) {
	queue := NewMemoryQueue(3)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	consumer := newTestConsumer(queue, func(context.Context, Job) error {
		cancel()
		return nil
	})
	consumer.PollWait = time.Minute
	time.AfterFunc(20*time.Millisecond, func() { queue.Enqueue("late", []byte(`{"name": "Edsger"}`)) })

	summary, err := consumer.Run(ctx, false)

	if err != nil || summary != (Summary{Succeeded: 1}) {
		t.Errorf("got %+v, %v; want one success", summary, err)
	}
}

func TestRunFinishesTheJobInHandWhenCancelled(t *testing.T) {
	queue := NewMemoryQueue(3)
	queue.Enqueue("job-1", []byte(`{"name": "Ada"}`))
	ctx, cancel := context.WithCancel(context.Background())
	consumer := newTestConsumer(queue, func(jobCtx context.Context, _ Job) error {
		cancel()
		return jobCtx.Err()
	})

	summary, err := consumer.Run(ctx, false)

	if err != nil || summary != (Summary{Succeeded: 1}) {
		t.Errorf("got %+v, %v; want the job to succeed despite the cancellation", summary, err)
	}
}

func TestRunEndsOnQueueErrors(t *testing.T) {
	consumer := newTestConsumer(failingQueue{}, HandleJob)

	_, err := consumer.Run(context.Background(), false)

	if err == nil || !strings.Contains(err.Error(), "queue unavailable") {
		t.Errorf("got error %v, want the queue's error", err)
	}
}

type failingQueue struct{ Queue }

func (failingQueue) Receive(context.Context, time.Duration) (Job, bool, error) {
	return Job{}, false, errors.New("queue unavailable")
}

func processed(t *testing.T, metrics *Metrics, outcome string) float64 {
	t.Helper()
	families, err := metrics.Registry().Gather()
	if err != nil {
		t.Fatal(err)
	}
	want := prometheus.Labels{"service": "test-worker", "outcome": outcome}
	for _, family := range families {
		if family.GetName() != "jobs_processed_total" {
			continue
		}
		for _, metric := range family.GetMetric() {
			labels := prometheus.Labels{}
			for _, pair := range metric.GetLabel() {
				labels[pair.GetName()] = pair.GetValue()
			}
			if labels["service"] == want["service"] && labels["outcome"] == want["outcome"] {
				return metric.GetCounter().GetValue()
			}
		}
	}
	return 0
}
