package browser

import (
	"context"
	"errors"
	"os"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/go-rod/rod/lib/proto"

	"github.com/testing-agent/backend/executor/browser/remotetest"
)

// events collects a pool's browser events for a test.
type events struct {
	mu   sync.Mutex
	list []BrowserEvent
	ch   chan BrowserEvent
}

func newEvents() *events { return &events{ch: make(chan BrowserEvent, 64)} }

func (e *events) record(ev BrowserEvent) {
	e.mu.Lock()
	e.list = append(e.list, ev)
	e.mu.Unlock()
	e.ch <- ev
}

// await returns the next event of kind, failing the test after a bound.
func (e *events) await(t *testing.T, kind BrowserEventKind) BrowserEvent {
	t.Helper()
	deadline := time.After(20 * time.Second)
	for {
		select {
		case ev := <-e.ch:
			if ev.Kind == kind {
				return ev
			}
		case <-deadline:
			t.Fatalf("no %s event within 20s", kind)
		}
	}
}

// processAlive reports whether pid exists and is not a zombie.
func processAlive(pid int) bool {
	p, ok := remotetest.ReadProcess(pid)
	return ok && p.State != "Z"
}

// groupMembers lists live processes in process group pgid.
func groupMembers(pgid int) []int {
	var pids []int
	for _, p := range remotetest.Processes() {
		if p.State != "Z" && p.PGID == pgid {
			pids = append(pids, p.PID)
		}
	}
	return pids
}

func waitUntil(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("%s: not within 20s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestCancelMidFlowReturnsPromptly(t *testing.T) {
	p := pool(t)
	s := acquire(t, p)
	defer s.Release()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	list := parse(t, "Go to /login.html\nWait for \"Never shows up\"")
	started := make(chan struct{})
	done := make(chan RunResult, 1)
	go func() {
		done <- s.Run(ctx, list, runOpts(time.Minute), func(st StepResult) {
			if st.Line == 1 {
				close(started)
			}
		})
	}()
	<-started
	time.Sleep(200 * time.Millisecond) // let the wait begin polling
	cancelled := time.Now()
	cancel()
	var res RunResult
	select {
	case res = <-done:
		t.Logf("Run returned %s after cancel", time.Since(cancelled).Round(time.Millisecond))
	case <-time.After(30 * time.Second): // generous: only guards against hanging
		t.Fatal("Run did not return within 30s of cancel")
	}
	if res.Passed || len(res.Steps) != 2 || !strings.Contains(res.Error, "line 2: ") || !strings.HasSuffix(res.Error, ": cancelled") {
		t.Fatalf("result after cancel:\n%s", describe(res))
	}
	if res.Steps[1].Screenshot != nil {
		t.Error("a cancelled step took a screenshot")
	}
	// The session is still usable.
	again := s.Run(context.Background(), parse(t, "Expect the page contains \"Remember me\""), runOpts(passTimeout), nil)
	if !again.Passed {
		t.Fatalf("run after cancel: %s", again.Error)
	}
}

func TestCancelWithCauseAndFlowTimeout(t *testing.T) {
	p := pool(t)
	s := acquire(t, p)
	defer s.Release()
	list := parse(t, "Go to /login.html\nWait for \"Never shows up\"")

	ctx, cancel := context.WithCancelCause(context.Background())
	time.AfterFunc(500*time.Millisecond, func() { cancel(errors.New("stopped by the user")) })
	res := s.Run(ctx, list, runOpts(time.Minute), nil)
	if !strings.HasSuffix(res.Error, "cancelled: stopped by the user") {
		t.Errorf("cancel with cause: %q", res.Error)
	}

	// The page is loaded first, so that the flow's second runs out in the wait.
	if res := s.Run(context.Background(), list[:1], runOpts(passTimeout), nil); !res.Passed {
		t.Fatalf("load: %s", describe(res))
	}
	ctx, cancelTimeout := context.WithTimeout(context.Background(), time.Second)
	defer cancelTimeout()
	res = s.Run(ctx, list[1:], runOpts(time.Minute), nil)
	last := res.Steps[len(res.Steps)-1]
	if !strings.HasSuffix(res.Error, "the flow timed out") {
		t.Errorf("flow timeout: %q", res.Error)
	}
	if len(last.Screenshot) == 0 {
		t.Error("a flow that timed out has no screenshot of where it stopped")
	}
}

func TestAcquireHonoursContext(t *testing.T) {
	p := newPool(t, PoolOptions{Browsers: 1, ContextsPerBrowser: 1})
	s := acquire(t, p)
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	if _, err := p.Acquire(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Acquire on a full pool: %v, want deadline exceeded", err)
	}
	if st := p.Stats(); st.Contexts != 1 || st.Waiting != 0 || st.Capacity != 1 {
		t.Errorf("stats = %+v", st)
	}
	s.Release()
	s.Release() // twice is harmless
	s2 := acquire(t, p)
	s2.Release()
}

func TestBrowserCrashFailsTheFlowAndIsReplaced(t *testing.T) {
	ev := newEvents()
	p := newPool(t, PoolOptions{Browsers: 1, ContextsPerBrowser: 2, OnBrowserEvent: ev.record})
	s := acquire(t, p)
	started := ev.await(t, BrowserStarted)
	info := s.Info()
	if started.BrowserID != info.BrowserID || started.PID != info.PID || info.PID == 0 {
		t.Fatalf("started event %+v, session info %+v", started, info)
	}

	list := parse(t, "Go to /login.html\nWait for \"Never shows up\"")
	done := make(chan RunResult, 1)
	var killed atomic.Value
	go func() {
		done <- s.Run(context.Background(), list, runOpts(time.Minute), func(st StepResult) {
			if st.Line == 1 {
				proc, err := os.FindProcess(info.PID)
				if err == nil {
					killed.Store(time.Now())
					_ = proc.Kill()
				}
			}
		})
	}()
	var res RunResult
	select {
	case res = <-done:
		t.Logf("Run returned %s after the kill", time.Since(killed.Load().(time.Time)).Round(time.Millisecond))
	case <-time.After(15 * time.Second):
		t.Fatal("Run did not return within 15s of the browser dying")
	}
	if res.Passed || !res.BrowserCrashed || !strings.Contains(res.Error, "line 2: ") || !strings.Contains(res.Error, "browser crashed") {
		t.Fatalf("result after kill:\n%s", describe(res))
	}
	crashed := ev.await(t, BrowserCrashed)
	if crashed.BrowserID != info.BrowserID || !errors.Is(crashed.Err, ErrBrowserCrashed) {
		t.Errorf("crash event %+v", crashed)
	}
	s.Release()
	waitUntil(t, "the crashed browser's processes exit", func() bool { return len(groupMembers(info.PID)) == 0 })

	s2 := acquire(t, p)
	defer s2.Release()
	if s2.Info().BrowserID == info.BrowserID {
		t.Fatal("the next session runs on the crashed browser")
	}
	res = s2.Run(context.Background(), parse(t, "Go to /login.html\nClick the \"Sign in\" button"), runOpts(passTimeout), nil)
	if !res.Passed {
		t.Fatalf("flow on the replacement browser: %s", res.Error)
	}
}

func TestRendererCrashFailsOnlyThatFlow(t *testing.T) {
	p := pool(t)
	s := acquire(t, p)
	list := parse(t, "Go to /login.html\nWait for \"Never shows up\"")
	res := s.Run(context.Background(), list, runOpts(time.Minute), func(st StepResult) {
		if st.Line == 1 {
			go func() { _ = proto.PageCrash{}.Call(s.page) }()
		}
	})
	if !res.BrowserCrashed || !strings.Contains(res.Error, "page crashed") {
		t.Fatalf("result after the renderer crashed:\n%s", describe(res))
	}
	browserID := s.Info().BrowserID
	s.Release()
	s2 := acquire(t, p)
	defer s2.Release()
	if s2.Info().BrowserID != browserID {
		t.Error("a renderer crash replaced the whole browser")
	}
	if res := s2.Run(context.Background(), parse(t, "Go to /quiet.html"), runOpts(passTimeout), nil); !res.Passed {
		t.Fatalf("next flow: %s", res.Error)
	}
}

func TestConcurrentSessionsAreIsolated(t *testing.T) {
	p := newPool(t, PoolOptions{Browsers: 1, ContextsPerBrowser: 2})
	a, b := acquire(t, p), acquire(t, p)
	defer a.Release()
	defer b.Release()
	if a.Info().BrowserID != b.Info().BrowserID {
		t.Fatal("the two sessions should share one browser for this test to mean anything")
	}
	both := func(flow func(name string) string) {
		t.Helper()
		var wg sync.WaitGroup
		results := map[string]*RunResult{"alice": {}, "bob": {}}
		for name, s := range map[string]*Session{"alice": a, "bob": b} {
			wg.Go(func() {
				*results[name] = s.Run(context.Background(), parse(t, flow(name)), runOpts(passTimeout), nil)
			})
		}
		wg.Wait()
		for name, res := range results {
			if !res.Passed {
				t.Fatalf("%s: %s", name, describe(*res))
			}
		}
	}
	both(func(name string) string {
		return "Go to /storage.html\nExpect the page contains \"cookie=none storage=none\"\n" +
			"Type \"" + name + "\" into \"Who\"\nClick \"Save\"\nExpect the page contains \"saved " + name + "\""
	})
	both(func(name string) string {
		return "Reload\nExpect the page contains \"cookie=" + name + " storage=" + name + "\""
	})

	// A released context leaves nothing behind for the next one.
	a.Release()
	c := acquire(t, p)
	defer c.Release()
	res := c.Run(context.Background(), parse(t, "Go to /storage.html\nExpect the page contains \"cookie=none storage=none\""), runOpts(passTimeout), nil)
	if !res.Passed {
		t.Fatalf("fresh context: %s", describe(res))
	}
}

func TestIdleBrowserCloses(t *testing.T) {
	ev := newEvents()
	p := newPool(t, PoolOptions{IdleTimeout: 300 * time.Millisecond, OnBrowserEvent: ev.record})
	s := acquire(t, p)
	first := s.Info()
	if res := s.Run(context.Background(), parse(t, "Go to /quiet.html"), runOpts(passTimeout), nil); !res.Passed {
		t.Fatal(res.Error)
	}
	s.Release()
	closed := ev.await(t, BrowserClosed)
	if closed.BrowserID != first.BrowserID || closed.Reason != "idle" {
		t.Errorf("closed event %+v", closed)
	}
	waitUntil(t, "the idle browser exits", func() bool { return !processAlive(first.PID) })
	if st := p.Stats(); st.Browsers != 0 || st.Contexts != 0 {
		t.Errorf("stats after idle close = %+v", st)
	}
	s2 := acquire(t, p)
	defer s2.Release()
	if s2.Info().BrowserID == first.BrowserID {
		t.Error("acquire after idle close reused the closed browser")
	}
}

func TestCloseKillsEveryProcess(t *testing.T) {
	ev := newEvents()
	p := newPool(t, PoolOptions{Browsers: 2, ContextsPerBrowser: 1, OnBrowserEvent: ev.record})
	a, b := acquire(t, p), acquire(t, p)
	pids := []int{a.Info().PID, b.Info().PID}
	if pids[0] == pids[1] {
		t.Fatal("two browsers expected")
	}
	for _, pid := range pids {
		if len(groupMembers(pid)) < 2 {
			t.Errorf("browser %d has no child processes; the check below would prove nothing", pid)
		}
	}
	_ = p.Close()
	for _, pid := range pids {
		if members := groupMembers(pid); len(members) > 0 {
			t.Errorf("processes of browser %d still alive after Close: %v", pid, members)
		}
	}
	if _, err := p.Acquire(context.Background()); !errors.Is(err, ErrPoolClosed) {
		t.Errorf("Acquire after Close: %v", err)
	}
	res := a.Run(context.Background(), parse(t, "Go to /quiet.html"), runOpts(passTimeout), nil)
	if res.Passed || !strings.Contains(res.Error, "pool closed") {
		t.Errorf("run on a closed pool: %q", res.Error)
	}
	a.Release()
	b.Release()
}

func TestRecycleAfter(t *testing.T) {
	ev := newEvents()
	p := newPool(t, PoolOptions{RecycleAfter: 2, OnBrowserEvent: ev.record})
	ids := map[string]bool{}
	for range 3 {
		s := acquire(t, p)
		ids[s.Info().BrowserID] = true
		s.Release()
	}
	if len(ids) != 2 {
		t.Errorf("3 contexts with RecycleAfter 2 ran on %d browsers, want 2", len(ids))
	}
	if closed := ev.await(t, BrowserClosed); closed.Reason != "recycled" {
		t.Errorf("closed event %+v", closed)
	}
}

func TestSessionsLeaveNothingBehind(t *testing.T) {
	p := newPool(t, PoolOptions{})
	warm := acquire(t, p)
	warm.Release()
	// The warm spares hold goroutines of their own: count with them all open.
	sparesReady := func() bool {
		p.mu.Lock()
		defer p.mu.Unlock()
		return len(p.instances) == 1 && len(p.instances[0].spares) == p.opts.ContextsPerBrowser && p.instances[0].spareOpening == 0
	}
	waitUntil(t, "the spares open", sparesReady)
	time.Sleep(200 * time.Millisecond)
	before := runtime.NumGoroutine()
	for range 8 {
		if res := runFlow(t, p, "Go to /console.html\nClick \"Log error\"", runOpts(passTimeout)); !res.Passed {
			t.Fatal(res.Error)
		}
	}
	waitUntil(t, "goroutines settle", func() bool { return sparesReady() && runtime.NumGoroutine() <= before+2 })
	if st := p.Stats(); st.Contexts != 0 || st.Browsers != 1 {
		t.Errorf("stats = %+v", st)
	}
}

func TestCloseDuringStart(t *testing.T) {
	ev := newEvents()
	p := newPool(t, PoolOptions{OnBrowserEvent: ev.record})
	done := make(chan error, 1)
	go func() {
		s, err := p.Acquire(context.Background())
		if s != nil {
			s.Release()
		}
		done <- err
	}()
	waitUntil(t, "a browser starts", func() bool { return p.Stats().Browsers == 1 })
	_ = p.Close()
	select {
	case err := <-done:
		if err != nil && !errors.Is(err, ErrPoolClosed) {
			t.Errorf("Acquire during Close: %v", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("Acquire hung across Close")
	}
}
