package graph

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"
)

// TestClientDisconnectIsNotAnError checks that an operation whose client
// left is not logged as a server error (one socket used to log hundreds),
// while a real failure still is.
func TestClientDisconnectIsNotAnError(t *testing.T) {
	var logs bytes.Buffer
	prev := slog.Default()
	slog.SetDefault(slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelInfo})))
	t.Cleanup(func() { slog.SetDefault(prev) })

	gone, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name     string
		ctx      context.Context
		err      error
		code     string
		errorLog bool
	}{
		{"client left mid-query", gone, fmt.Errorf("list sessions: %w", context.Canceled), CodeCancelled, false},
		{"store failure", context.Background(), errors.New("disk I/O error"), CodeInternal, true},
		{"cancelled error while the client is still there", context.Background(), fmt.Errorf("x: %w", context.Canceled), CodeInternal, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			logs.Reset()
			got := presentError(tc.ctx, tc.err)
			if got.Extensions["code"] != tc.code {
				t.Errorf("code %v, want %s", got.Extensions["code"], tc.code)
			}
			if logged := strings.Contains(logs.String(), "level=ERROR"); logged != tc.errorLog {
				t.Errorf("logged an error: %v, want %v\n%s", logged, tc.errorLog, logs.String())
			}
		})
	}
}
