package worker

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
)

type greeting struct {
	Name string `json:"name"`
}

// HandleJob is the work a job stands for: here, greeting the name in its JSON payload.
func HandleJob(ctx context.Context, job Job) error {
	var payload greeting
	if err := json.Unmarshal(job.Payload, &payload); err != nil {
		return fmt.Errorf("decoding the payload: %w", err)
	}
	if payload.Name == "" {
		return errors.New(`the payload has no "name"`)
	}
	slog.InfoContext(ctx, "job processed",
		"job_id", job.ID, "attempt", job.Attempt, "greeting", "Hello, "+payload.Name+"!")
	return nil
}
