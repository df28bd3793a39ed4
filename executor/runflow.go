package executor

import (
	"context"
	"errors"
	"fmt"
	"os"
	"regexp"
	"strings"
	"time"

	"github.com/testing-agent/backend/db"
	"github.com/testing-agent/backend/executor/browser"
	"github.com/testing-agent/backend/executor/steps"
)

// storeTimeout bounds the writes that record a run's end, which must happen
// even when the run's own context was cancelled.
const storeTimeout = 10 * time.Second

// activeRun is a flow running here, as CancelSession finds it.
type activeRun struct {
	claim  string
	cancel context.CancelFunc
}

// run is one flow being run by this worker.
type run struct {
	e       *Executor
	flow    *db.TestFlow
	browser *db.BrowserSession // its record, once created
	steps   []db.StepResult
}

// runFlow runs a flow claimed as claim to its end and records the outcome.
// Every claim has its own owner name, so a run cancelled and then claimed
// again can never finish, renew or cancel the new run.
func (e *Executor) runFlow(ctx context.Context, flow *db.TestFlow, claim string) {
	started := time.Now()
	runCtx, cancel := context.WithTimeout(ctx, e.opts.FlowTimeout)
	defer cancel()
	mine := &activeRun{claim: claim, cancel: cancel}
	e.mu.Lock()
	e.running[flow.ID] = mine
	e.mu.Unlock()
	defer func() {
		e.mu.Lock()
		if e.running[flow.ID] == mine {
			delete(e.running, flow.ID)
		}
		e.mu.Unlock()
	}()
	leaseDone := make(chan struct{})
	go func() {
		defer close(leaseDone)
		e.keepLease(runCtx, flow.ID, claim, cancel)
	}()

	r := &run{e: e, flow: flow}
	r.log(ctx, db.LogInfo, fmt.Sprintf("Flow %q started (attempt %d)", flow.Name, flow.Attempts), nil)
	result := r.execute(runCtx)
	// Renewals stop before the outcome is written: one landing after it
	// would find the flow finished.
	cancel()
	<-leaseDone

	outcome := db.FlowOutcome{Passed: result.Passed, Error: result.Error, Duration: time.Since(started), Steps: r.steps}
	if r.browser != nil {
		outcome.BrowserSessionID = &r.browser.ID
	}
	switch {
	case result.Passed:
	case ctx.Err() != nil:
		outcome.Error = "interrupted: the server stopped while the flow ran; retry it"
	case errors.Is(runCtx.Err(), context.DeadlineExceeded):
		outcome.Error = fmt.Sprintf("the flow timed out after %s (%s)", e.opts.FlowTimeout, result.Error)
	}
	writeCtx, cancelWrite := context.WithTimeout(context.WithoutCancel(ctx), storeTimeout)
	defer cancelWrite()
	// The store writes the flow's closing log, and the session's when this
	// was its last flow, with the outcome: a client that sees the session
	// ended finds them already there.
	_, _, err := e.store.FinishFlow(writeCtx, flow.ID, claim, outcome)
	if db.ErrorCode(err) == db.ErrConflict {
		return // cancelled or recovered while it ran: the store recorded why
	}
	if err != nil {
		e.log.Error("record a flow's outcome", "flow", flow.ID, "err", err)
		return
	}
	e.recordDuration(outcome.Duration)
}

// keepLease renews the flow's lease every third of it; when the store says
// the flow is no longer ours (cancelled on another server, or recovered) it
// stops the run.
func (e *Executor) keepLease(ctx context.Context, flowID, claim string, stop context.CancelFunc) {
	ticker := time.NewTicker(e.opts.Lease / 3)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
		}
		err := e.store.RenewLease(ctx, flowID, claim, e.opts.Lease)
		switch db.ErrorCode(err) {
		case "":
		case db.ErrConflict, db.ErrNotFound:
			stop()
			return
		default:
			if ctx.Err() == nil {
				e.log.Warn("renew lease", "flow", flowID, "err", err)
			}
		}
	}
}

// execute parses the flow and runs it in a browser context.
func (r *run) execute(ctx context.Context) browser.RunResult {
	e, flow := r.e, r.flow
	parsed, perr := steps.Parse(flow.Instructions)
	if perr != nil {
		return browser.RunResult{Error: "the instructions do not parse: " + perr.Error()}
	}
	session, err := e.store.GetTestSession(ctx, flow.SessionID)
	if err != nil {
		return browser.RunResult{Error: "read the session: " + db.ErrorMessage(err)}
	}
	if r.browser, err = e.store.CreateBrowserSession(ctx, db.NewBrowserSession{
		SessionID: flow.SessionID, FlowID: &flow.ID, Status: db.BrowserStarting, BrowserType: "chromium",
	}); err != nil {
		e.log.Error("record browser session", "flow", flow.ID, "err", err)
	}
	page, err := e.pool.Acquire(ctx)
	if err != nil {
		status := db.BrowserError
		if ctx.Err() != nil {
			status = db.BrowserStopped // cancelled or timed out before the browser was ready
		}
		r.setBrowserStatus(ctx, status, nil)
		return browser.RunResult{Error: "no browser: " + err.Error()}
	}
	defer page.Release()
	info := page.Info()
	r.setBrowserStatus(ctx, db.BrowserReady, &db.BrowserMetadata{Version: info.Version, UserAgent: info.UserAgent,
		Viewport: &db.Viewport{Width: info.Viewport.Width, Height: info.Viewport.Height}, Endpoint: info.Endpoint})
	r.setBrowserStatus(ctx, db.BrowserRunning, nil)

	base := baseURL(session.Prompt, parsed)
	result := page.Run(ctx, parsed, browser.RunOptions{
		BaseURL:           base,
		StepTimeout:       e.opts.StepTimeout,
		NavigationTimeout: e.opts.NavigationTimeout,
		Vars:              steps.NewVars(base, e.allowedEnv()),
	}, func(st browser.StepResult) { r.recordStep(ctx, st) })

	final := db.BrowserStopped
	if result.BrowserCrashed {
		final = db.BrowserError
	}
	r.setBrowserStatus(ctx, final, nil)
	return result
}

// recordStep stores a step's screenshot, logs the step and keeps its result.
func (r *run) recordStep(ctx context.Context, st browser.StepResult) {
	res := db.StepResult{Line: st.Line, Source: st.Source, Status: string(st.Status), DurationMs: st.Duration.Milliseconds()}
	if st.Error != "" {
		res.Error = &st.Error
	}
	data := map[string]any{"line": st.Line, "step": st.Source, "kind": string(st.Kind), "status": st.Status,
		"durationMs": res.DurationMs, "attempt": r.flow.Attempts}
	if len(st.Screenshot) > 0 {
		name := st.ScreenshotName
		if name == "" {
			name = fmt.Sprintf("line %d", st.Line)
		}
		a, err := r.e.store.SaveArtifact(context.WithoutCancel(ctx), db.NewArtifact{SessionID: r.flow.SessionID, FlowID: r.flow.ID,
			Name: name, ContentType: "image/png", Data: st.Screenshot})
		if err != nil {
			r.e.log.Error("store screenshot", "flow", r.flow.ID, "err", err)
		} else {
			res.ScreenshotID = &a.ID
			data["screenshotUrl"] = ArtifactURL(a.ID)
		}
	}
	for k, v := range st.Data {
		data[k] = v
	}
	r.steps = append(r.steps, res)
	level, verdict := db.LogInfo, "passed"
	if st.Status != browser.StepPassed {
		level, verdict = db.LogError, "failed: "+st.Error
	}
	r.log(ctx, level, fmt.Sprintf("Line %d: %s — %s (%d ms)", st.Line, st.Source, verdict, res.DurationMs), data)
	r.setBrowserStatus(ctx, db.BrowserRunning, nil) // stamps lastActivity
}

func (r *run) log(ctx context.Context, level db.LogLevel, message string, data any) {
	var browserID *string
	if r.browser != nil {
		browserID = &r.browser.ID
	}
	r.e.logLine(ctx, r.flow.SessionID, &r.flow.ID, browserID, level, message, data)
}

func (r *run) setBrowserStatus(ctx context.Context, status db.BrowserStatus, meta *db.BrowserMetadata) {
	if r.browser == nil {
		return
	}
	if _, err := r.e.store.UpdateBrowserSession(context.WithoutCancel(ctx), r.browser.ID, status, meta); err != nil {
		r.e.log.Error("update browser session", "browserSession", r.browser.ID, "err", err)
	}
}

// ArtifactPath is where the HTTP server serves artifacts (screenshots).
const ArtifactPath = "/artifacts/"

// ArtifactURL is the URL path of an artifact, as logs and step results give it.
func ArtifactURL(id string) string { return ArtifactPath + id }

var urlInPrompt = regexp.MustCompile(`https?://[^\s"'<>)\]]+`)

// baseURL is what relative URLs resolve against: the first URL of the
// session's prompt, else the first absolute URL the flow visits.
func baseURL(prompt string, parsed []steps.Step) string {
	if u := urlInPrompt.FindString(prompt); u != "" {
		return strings.TrimRight(u, ".,;:")
	}
	for _, st := range parsed {
		if st.Kind == steps.Navigate && urlInPrompt.MatchString(st.URL) {
			return st.URL
		}
	}
	return ""
}

// allowedEnv is the environment instructions may read as {{env.NAME}}.
func (e *Executor) allowedEnv() map[string]string {
	env := make(map[string]string, len(e.opts.AllowedEnv))
	for _, name := range e.opts.AllowedEnv {
		if v, ok := os.LookupEnv(name); ok {
			env[name] = v
		}
	}
	return env
}
