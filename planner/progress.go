package planner

import (
	"context"
	"encoding/json"
	"log/slog"
	"time"

	"github.com/testing-agent/backend/db"
)

// progress writes what the planner does as the session's execution logs,
// so the UI shows generation live, and to the server's log.
type progress struct {
	store     db.Store
	sessionID string
	log       *slog.Logger
}

// logWriteTimeout bounds one log write; a slow store must not stall planning.
const logWriteTimeout = 5 * time.Second

func (pr *progress) info(ctx context.Context, msg string, data map[string]any) {
	pr.write(ctx, db.LogInfo, msg, data)
}

func (pr *progress) warn(ctx context.Context, msg string, data map[string]any) {
	pr.write(ctx, db.LogWarning, msg, data)
}

func (pr *progress) write(ctx context.Context, level db.LogLevel, msg string, data map[string]any) {
	if level == db.LogWarning {
		pr.log.Warn(msg, "session", pr.sessionID)
	} else {
		pr.log.Debug(msg, "session", pr.sessionID)
	}
	if data == nil {
		data = map[string]any{}
	}
	data["source"] = "planner"
	raw, err := json.Marshal(data)
	if err != nil {
		raw = nil
	}
	// Written even when generation was cancelled: the log says how it ended.
	wctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), logWriteTimeout)
	defer cancel()
	if _, err := pr.store.AppendExecutionLog(wctx, db.NewExecutionLog{
		SessionID: pr.sessionID, Level: level, Message: clip(msg, 2000), Data: raw,
	}); err != nil {
		pr.log.Warn("write a planner log line", "session", pr.sessionID, "err", err)
	}
}
