// Package executor runs approved flows: workers claim queued flows from the
// store under a lease, run each in its own incognito context of a pooled
// headless Chromium (package browser), and record every step as an execution
// log, the flow's result, its browser session and its screenshots. Several
// server processes may share one database: a flow is claimed by exactly one
// worker, and a worker that dies loses its flows to lease recovery ("worker
// lost").
package executor

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/testing-agent/backend/db"
	"github.com/testing-agent/backend/executor/browser"
)

// Defaults for Options left zero.
const (
	DefaultStepTimeout       = browser.DefaultStepTimeout
	DefaultNavigationTimeout = browser.DefaultNavigationTimeout
	DefaultFlowTimeout       = 2 * time.Minute
	DefaultLease             = 30 * time.Second
	DefaultPollInterval      = time.Second
)

// Options configure an Executor.
type Options struct {
	Store db.Store
	// Pool configures the browsers; Workers defaults to its number of
	// concurrent contexts.
	Pool    browser.PoolOptions
	Workers int
	// BrowserURLs, when set, are DevTools endpoints of browsers run by
	// others (browserless, Chromium with --remote-debugging-port): the
	// executor launches none and opens its contexts there,
	// Pool.ContextsPerBrowser on each (see browser.NewRemotePool).
	BrowserURLs []string
	// QueueOnly: this process queues runs, cancels them and recovers dead
	// workers' flows, but runs none itself; worker processes on the same
	// database do. Its pool, if it has a browser, serves the planner only.
	QueueOnly bool
	// StepTimeout bounds each step (waits and retried assertions);
	// FlowTimeout bounds a whole flow.
	StepTimeout time.Duration
	FlowTimeout time.Duration
	// NavigationTimeout bounds each page load (go to, reload, back,
	// forward, and the load a click or key press starts), apart from the
	// step timeout.
	NavigationTimeout time.Duration
	// Lease is how long a claim lasts without renewal; workers renew it
	// every third of it, and flows whose lease ran out are failed as
	// "worker lost" by whichever server notices first.
	Lease time.Duration
	// PollInterval is how often idle workers look for flows queued by other
	// servers; flows queued through this one wake them at once.
	PollInterval time.Duration
	// AllowedEnv names the environment variables instructions may read as
	// {{env.NAME}}; no others are visible.
	AllowedEnv []string
	// WorkerID names this process in claims; empty picks host-pid-random.
	WorkerID string
	Logger   *slog.Logger
}

// Executor runs flows.
type Executor struct {
	opts  Options
	store db.Store
	pool  *browser.Pool
	// noBrowser is why this server cannot run flows (no Chromium), or nil.
	noBrowser error
	log       *slog.Logger
	worker    string
	claims    atomic.Int64 // numbers each claim's owner name
	wake      chan struct{}

	mu      sync.Mutex
	running map[string]*activeRun // flow ID → its run here
	recent  []time.Duration       // durations of the last flows finished here
}

// New makes an Executor; browsers start on first need. Without Chromium
// the executor still serves everything else, and refuses to start runs with
// a message that says how to install it.
func New(opts Options) (*Executor, error) {
	if opts.Store == nil {
		return nil, errors.New("executor: Options.Store is nil")
	}
	if opts.StepTimeout <= 0 {
		opts.StepTimeout = DefaultStepTimeout
	}
	if opts.FlowTimeout <= 0 {
		opts.FlowTimeout = DefaultFlowTimeout
	}
	if opts.NavigationTimeout <= 0 {
		opts.NavigationTimeout = DefaultNavigationTimeout
	}
	if opts.Lease <= 0 {
		opts.Lease = DefaultLease
	}
	if opts.PollInterval <= 0 {
		opts.PollInterval = DefaultPollInterval
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	if opts.WorkerID == "" {
		opts.WorkerID = defaultWorkerID()
	}
	opts.Pool.Logger = opts.Logger
	pool, noBrowser, err := newPool(opts)
	if err != nil {
		return nil, err
	}
	if opts.Workers <= 0 {
		// One worker per browser context the pool can hold at once.
		opts.Workers = max(1, opts.Pool.Browsers) * max(1, opts.Pool.ContextsPerBrowser)
		if len(opts.BrowserURLs) > 0 {
			opts.Workers = len(opts.BrowserURLs) * max(1, opts.Pool.ContextsPerBrowser)
		}
		if opts.Pool.ContextsPerBrowser == 0 {
			opts.Workers *= 2 // the pool's default contexts per browser
		}
	}
	return &Executor{
		opts:      opts,
		store:     opts.Store,
		pool:      pool,
		noBrowser: noBrowser,
		log:       opts.Logger.With("worker", opts.WorkerID),
		worker:    opts.WorkerID,
		wake:      make(chan struct{}, opts.Workers),
		running:   make(map[string]*activeRun),
	}, nil
}

// newPool opens the pool on remote browsers when BrowserURLs are set (a bad
// endpoint is an error to fix), else on Chromium launched here (noBrowser
// says why it cannot be, and the server runs without flows).
func newPool(opts Options) (pool *browser.Pool, noBrowser, err error) {
	if len(opts.BrowserURLs) > 0 {
		pool, err := browser.NewRemotePool(opts.BrowserURLs, opts.Pool)
		if err != nil {
			return nil, nil, fmt.Errorf("executor: %w", err)
		}
		return pool, nil, nil
	}
	pool, noBrowser = browser.NewPool(opts.Pool)
	if noBrowser != nil && !opts.QueueOnly {
		opts.Logger.Warn("flows cannot run on this server", "err", noBrowser)
	}
	return pool, noBrowser, nil
}

func defaultWorkerID() string {
	host, _ := os.Hostname()
	var b [4]byte
	_, _ = rand.Read(b[:])
	return fmt.Sprintf("%s-%d-%s", host, os.Getpid(), hex.EncodeToString(b[:]))
}

// Run works until ctx ends: it recovers flows whose worker died, then runs
// workers. When ctx ends, flows still running are failed as interrupted and
// the browsers close.
func (e *Executor) Run(ctx context.Context) error {
	return e.run(ctx, ctx)
}

// RunWithGrace works as Run does, but when ctx ends it only stops claiming:
// flows already running may finish for up to grace, and then are failed as
// interrupted. Workers stop this way on SIGTERM.
func (e *Executor) RunWithGrace(ctx context.Context, grace time.Duration) error {
	flows, cancel := context.WithCancel(context.WithoutCancel(ctx))
	defer cancel()
	stop := context.AfterFunc(ctx, func() {
		if n := e.RunningFlows(); n > 0 {
			e.log.Info("finishing the flows running here before stopping", "flows", n, "grace", grace)
		}
		timer := time.AfterFunc(grace, cancel)
		context.AfterFunc(flows, func() { timer.Stop() })
	})
	defer stop()
	return e.run(ctx, flows)
}

// run claims while claims lasts and runs what it claimed while flows lasts.
func (e *Executor) run(claims, flows context.Context) error {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		// Even a server that cannot run flows recovers those of dead servers.
		e.recoverLoop(claims)
	}()
	if e.noBrowser != nil || e.opts.QueueOnly {
		wg.Wait()
		if e.noBrowser == nil {
			e.pool.Close()
		}
		return nil
	}
	defer e.pool.Close()
	for range e.opts.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			e.workLoop(claims, flows)
		}()
	}
	wg.Wait()
	return nil
}

// RunningFlows is how many flows run here now.
func (e *Executor) RunningFlows() int {
	e.mu.Lock()
	defer e.mu.Unlock()
	return len(e.running)
}

// recoverLoop fails flows whose lease ran out, at start and then every half
// lease, so no flow stays running after its worker died.
func (e *Executor) recoverLoop(ctx context.Context) {
	ticker := time.NewTicker(e.opts.Lease / 2)
	defer ticker.Stop()
	for {
		recovered, err := e.store.RecoverExpiredLeases(ctx, db.Now())
		if err != nil && ctx.Err() == nil {
			e.log.Error("recover expired leases", "err", err)
		}
		for _, f := range recovered {
			e.log.Warn("flow recovered from a lost worker", "flow", f.ID, "session", f.SessionID)
			e.logLine(ctx, f.SessionID, &f.ID, nil, db.LogError, fmt.Sprintf("Flow %q failed: %s", f.Name, db.WorkerLostMessage), nil)
		}
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
		}
	}
}

// workLoop claims flows until claims ends and runs each until it ends or
// flows ends.
func (e *Executor) workLoop(claims, flows context.Context) {
	for claims.Err() == nil {
		claim := fmt.Sprintf("%s/%d", e.worker, e.claims.Add(1))
		// A claim sent is seen through even if claims ends meanwhile: one
		// abandoned half way could be taken in the store and run by nobody
		// until its lease ran out.
		claimCtx, cancel := context.WithTimeout(context.WithoutCancel(claims), storeTimeout)
		flow, err := e.store.ClaimFlow(claimCtx, claim, e.opts.Lease)
		cancel()
		if err != nil && claims.Err() == nil {
			e.log.Error("claim a flow", "err", err)
		}
		if flow != nil {
			e.runFlow(flows, flow, claim)
			continue
		}
		select {
		case <-claims.Done():
		case <-e.wake:
		case <-time.After(e.opts.PollInterval):
		}
	}
}

// wakeWorkers tells idle workers that flows were queued.
func (e *Executor) wakeWorkers() {
	for range e.opts.Workers {
		select {
		case e.wake <- struct{}{}:
		default:
		}
	}
}

// StartSession runs a session's approved flows.
func (e *Executor) StartSession(ctx context.Context, sessionID string) (*db.TestSession, error) {
	if err := e.canRun(); err != nil {
		return nil, err
	}
	session, queued, err := e.store.StartRun(ctx, sessionID)
	if err != nil {
		return nil, err
	}
	e.logLine(ctx, sessionID, nil, nil, db.LogInfo, fmt.Sprintf("Run started: %d approved flow(s) queued", len(queued)), map[string]any{"queued": len(queued)})
	e.wakeWorkers()
	return session, nil
}

// CancelSession stops a running session at once: its flows running here are
// interrupted now; flows running on other servers stop at their next lease
// renewal.
func (e *Executor) CancelSession(ctx context.Context, sessionID string) (*db.TestSession, error) {
	session, stopped, err := e.store.CancelRun(ctx, sessionID)
	if err != nil {
		return nil, err
	}
	e.mu.Lock()
	for _, f := range stopped {
		if run, ok := e.running[f.ID]; ok {
			run.cancel()
		}
	}
	e.mu.Unlock()
	e.logLine(ctx, sessionID, nil, nil, db.LogWarning, fmt.Sprintf("Run cancelled: %d running flow(s) stopped", len(stopped)), nil)
	return session, nil
}

// RetryFlow runs one finished flow again.
func (e *Executor) RetryFlow(ctx context.Context, flowID string) (*db.TestFlow, *db.TestSession, error) {
	if err := e.canRun(); err != nil {
		return nil, nil, err
	}
	flow, session, err := e.store.RetryFlow(ctx, flowID)
	if err != nil {
		return nil, nil, err
	}
	e.logLine(ctx, session.ID, &flow.ID, nil, db.LogInfo, fmt.Sprintf("Flow %q queued again", flow.Name), nil)
	e.wakeWorkers()
	return flow, session, nil
}

// logLine appends an execution log; a failure to log is itself only logged.
func (e *Executor) logLine(ctx context.Context, sessionID string, flowID, browserID *string, level db.LogLevel, message string, data any) {
	in := db.NewExecutionLog{SessionID: sessionID, FlowID: flowID, BrowserSessionID: browserID, Level: level, Message: message}
	if data != nil {
		raw, err := json.Marshal(data)
		if err == nil {
			in.Data = raw
		}
	}
	if _, err := e.store.AppendExecutionLog(context.WithoutCancel(ctx), in); err != nil && db.ErrorCode(err) != db.ErrNotFound {
		e.log.Error("append execution log", "session", sessionID, "err", err)
	}
}

// canRun refuses runs on a server without a browser, saying how to fix it,
// unless workers elsewhere run its flows.
func (e *Executor) canRun() error {
	if e.noBrowser == nil || e.opts.QueueOnly {
		return nil
	}
	return db.Errorf(db.ErrConflict, "this server cannot run flows: %v", e.noBrowser)
}

// ActiveBrowsers is how many browsers this process has open now: Chromium
// processes it launched, or connections to remote ones (BROWSER_URLS).
func (e *Executor) ActiveBrowsers() int {
	if e.pool == nil {
		return 0
	}
	return e.pool.Stats().Browsers
}

// AvgFlowDuration is the mean duration of the flows this server finished
// recently (the last 100), or false when it finished none.
func (e *Executor) AvgFlowDuration() (time.Duration, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if len(e.recent) == 0 {
		return 0, false
	}
	var sum time.Duration
	for _, d := range e.recent {
		sum += d
	}
	return sum / time.Duration(len(e.recent)), true
}

// recordDuration keeps a finished flow's duration for AvgFlowDuration.
func (e *Executor) recordDuration(d time.Duration) {
	const keep = 100
	e.mu.Lock()
	defer e.mu.Unlock()
	if len(e.recent) == keep {
		e.recent = e.recent[1:]
	}
	e.recent = append(e.recent, d)
}

// Pool is the executor's browser pool, for others that need a browser (the
// planner explores sites in it); nil on a server without Chromium.
func (e *Executor) Pool() *browser.Pool {
	if e.noBrowser != nil {
		return nil
	}
	return e.pool
}
