// Package worker takes jobs from a queue, processes them and counts the outcomes.
package worker

import (
	"context"
	"sync"
	"time"
)

// Job is one unit of work taken from a queue.
type Job struct {
	ID      string
	Payload []byte
	// Attempt is 1 on the first delivery and one more on each redelivery.
	Attempt int
}

// Queue is where jobs come from. A client for the real queue (SQS, RabbitMQ, a database
// table, ...) implements it and replaces MemoryQueue in cmd/worker; nothing else changes.
type Queue interface {
	// Receive waits up to wait for the next job. ok is false when none came in time or ctx
	// ended first.
	Receive(ctx context.Context, wait time.Duration) (job Job, ok bool, err error)
	// Ack removes a job that succeeded for good.
	Ack(ctx context.Context, job Job) error
	// Nack hands back a job that failed, to be delivered again or dead-lettered.
	Nack(ctx context.Context, job Job) error
}

// MemoryQueue is a Queue in process memory, for tests and local runs. A job that fails
// maxAttempts times moves to the dead letters.
type MemoryQueue struct {
	mu          sync.Mutex
	ready       []Job
	deadLetters []Job
	maxAttempts int
	// arrived is closed, and replaced, whenever a job becomes ready.
	arrived chan struct{}
}

// NewMemoryQueue returns an empty queue that gives each job up to maxAttempts deliveries.
func NewMemoryQueue(maxAttempts int) *MemoryQueue {
	return &MemoryQueue{maxAttempts: maxAttempts, arrived: make(chan struct{})}
}

// Enqueue adds a job for its first delivery.
func (q *MemoryQueue) Enqueue(id string, payload []byte) {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.pushLocked(Job{ID: id, Payload: payload, Attempt: 1})
}

// Receive implements Queue.
func (q *MemoryQueue) Receive(ctx context.Context, wait time.Duration) (Job, bool, error) {
	timer := time.NewTimer(wait)
	defer timer.Stop()
	for {
		q.mu.Lock()
		if len(q.ready) > 0 {
			job := q.ready[0]
			q.ready = q.ready[1:]
			q.mu.Unlock()
			return job, true, nil
		}
		arrived := q.arrived
		q.mu.Unlock()

		select {
		case <-arrived:
		case <-timer.C:
			return Job{}, false, nil
		case <-ctx.Done():
			return Job{}, false, nil
		}
	}
}

// Ack implements Queue.
func (q *MemoryQueue) Ack(context.Context, Job) error {
	return nil
}

// Nack implements Queue.
func (q *MemoryQueue) Nack(_ context.Context, job Job) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	if job.Attempt >= q.maxAttempts {
		q.deadLetters = append(q.deadLetters, job)
		return nil
	}
	job.Attempt++
	q.pushLocked(job)
	return nil
}

// Len returns how many jobs wait for delivery.
func (q *MemoryQueue) Len() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return len(q.ready)
}

// DeadLetters returns the jobs that failed on every attempt.
func (q *MemoryQueue) DeadLetters() []Job {
	q.mu.Lock()
	defer q.mu.Unlock()
	return append([]Job(nil), q.deadLetters...)
}

func (q *MemoryQueue) pushLocked(job Job) {
	q.ready = append(q.ready, job)
	close(q.arrived)
	q.arrived = make(chan struct{})
}
