package planner

import (
	"context"
	"time"

	"github.com/testing-agent/backend/db"
)

// StaleAfter is how long a generating session may go without a progress log
// before it counts as abandoned: longer than any step of a live generation
// (exploring is bounded by ExploreTimeout, an LLM request by its timeout).
const StaleAfter = 5 * time.Minute

// interruptedMessage is the errorMessage of a generation whose server died.
const interruptedMessage = "generation was interrupted (the server generating it stopped): generate the flows again"

// RecoverStale fails generating sessions that no server works on any more
// (their generation logged nothing for StaleAfter, and it is not running in
// this process), so no session stays generating after a crash. It returns
// the IDs it recovered.
func (p *Planner) RecoverStale(ctx context.Context, now time.Time) ([]string, error) {
	sessions, err := p.store.ListSessionsWithStatus(ctx, db.SessionGenerating, db.MaxListLimit)
	if err != nil {
		return nil, err
	}
	var recovered []string
	for _, s := range sessions {
		if p.isGenerating(s.ID) {
			continue
		}
		lastSign := s.CreatedAt
		if last, err := p.store.LastExecutionLog(ctx, db.LogQuery{SessionID: s.ID}); err != nil {
			return recovered, err
		} else if last != nil && last.Timestamp.After(lastSign) {
			lastSign = last.Timestamp
		}
		if now.Sub(lastSign) < StaleAfter {
			continue
		}
		msg := interruptedMessage
		if _, err := p.store.SetSessionMetadata(ctx, s.ID, nil, &msg); err != nil {
			return recovered, err
		}
		// The status in the filter: a generation that ended meanwhile wins.
		if _, err := p.store.TransitionTestSession(ctx, s.ID, []db.SessionStatus{db.SessionGenerating}, db.SessionFailed); err != nil {
			if db.ErrorCode(err) == db.ErrConflict || db.ErrorCode(err) == db.ErrNotFound {
				continue
			}
			return recovered, err
		}
		p.log.Warn("generation recovered from a stopped server", "session", s.ID)
		recovered = append(recovered, s.ID)
	}
	return recovered, nil
}

// RecoverLoop runs RecoverStale at once and every minute until ctx ends.
func (p *Planner) RecoverLoop(ctx context.Context) {
	ticker := time.NewTicker(time.Minute)
	defer ticker.Stop()
	for {
		if _, err := p.RecoverStale(ctx, db.Now()); err != nil && ctx.Err() == nil {
			p.log.Error("recover stale generations", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
		}
	}
}

// markGenerating records that this process generates a session until done.
func (p *Planner) markGenerating(sessionID string) (done func()) {
	p.activeMu.Lock()
	p.active[sessionID] = true
	p.activeMu.Unlock()
	return func() {
		p.activeMu.Lock()
		delete(p.active, sessionID)
		p.activeMu.Unlock()
	}
}

func (p *Planner) isGenerating(sessionID string) bool {
	p.activeMu.Lock()
	defer p.activeMu.Unlock()
	return p.active[sessionID]
}
