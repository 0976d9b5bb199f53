package worker

import (
	"context"
	"fmt"
	"log/slog"
	"time"
)

// Handler does the work a job stands for. An error fails the job: it is counted as a
// failure and handed back to the queue.
type Handler func(ctx context.Context, job Job) error

// Consumer takes jobs from Queue one at a time and runs Handle on each.
type Consumer struct {
	Queue   Queue
	Handle  Handler
	Metrics *Metrics
	Logger  *slog.Logger
	// PollWait is how long one Receive waits for a job.
	PollWait time.Duration
	// JobTimeout bounds one job, which runs to the end even after shutdown has begun.
	JobTimeout time.Duration
}

// Summary counts the jobs of one Run.
type Summary struct {
	Succeeded int
	Failed    int
}

// Run takes jobs until ctx is done or, with stopWhenIdle, until a poll finds none. An error
// from the queue itself ends the run, so that the pod restarts.
func (c *Consumer) Run(ctx context.Context, stopWhenIdle bool) (Summary, error) {
	var summary Summary
	for ctx.Err() == nil {
		job, ok, err := c.Queue.Receive(ctx, c.PollWait)
		if err != nil {
			return summary, fmt.Errorf("receiving a job: %w", err)
		}
		if !ok {
			if stopWhenIdle {
				break
			}
			continue
		}

		outcome, err := c.process(ctx, job)
		if err != nil {
			return summary, err
		}
		if outcome == OutcomeSuccess {
			summary.Succeeded++
		} else {
			summary.Failed++
		}
	}
	return summary, nil
}

func (c *Consumer) process(ctx context.Context, job Job) (string, error) {
	jobCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), c.JobTimeout)
	defer cancel()

	start := time.Now()
	outcome := OutcomeSuccess
	if err := c.Handle(jobCtx, job); err != nil {
		outcome = OutcomeFailure
		c.Logger.Error("job failed", "job_id", job.ID, "attempt", job.Attempt, "error", err)
	}
	c.Metrics.observe(outcome, time.Since(start))

	if outcome == OutcomeSuccess {
		if err := c.Queue.Ack(jobCtx, job); err != nil {
			return outcome, fmt.Errorf("acknowledging job %s: %w", job.ID, err)
		}
	} else if err := c.Queue.Nack(jobCtx, job); err != nil {
		return outcome, fmt.Errorf("handing back job %s: %w", job.ID, err)
	}
	return outcome, nil
}
