package browser

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/go-rod/rod"

	"github.com/testing-agent/backend/executor/steps"
)

// StepStatus is how a step ended.
type StepStatus string

const (
	StepPassed StepStatus = "passed"
	StepFailed StepStatus = "failed"
)

// StepResult is one executed step.
type StepResult struct {
	Line           int
	Source         string
	Kind           steps.Kind
	Status         StepStatus
	Duration       time.Duration
	Error          string         // failed: line, step, what was looked for, what the page had
	Screenshot     []byte         // PNG: always on failure, and for screenshot steps
	ScreenshotName string         // the step's name, or line-N / line-N-failure
	Data           map[string]any // e.g. url and title after a navigation, a remembered value
}

// RunResult is one executed flow.
type RunResult struct {
	Passed        bool
	Steps         []StepResult // the steps that ran; the last one failed if !Passed
	Error         string       // why the flow failed
	ConsoleErrors []string     // console errors and uncaught exceptions since the flow began
	// BrowserCrashed is set when the browser process, or the renderer of the
	// flow's page, died during the run; the pool has replaced it.
	BrowserCrashed bool
}

// errStepTimeout is the cause of a step context that ran out of time.
var errStepTimeout = errors.New("step timed out")

// Run executes the steps in order on the session's page and stops at the
// first failure. ctx bounds the whole flow: its deadline is the flow timeout
// and cancelling it stops the run at once. observe, if set, sees each step's
// result as soon as it is known. A session runs one flow at a time.
func (s *Session) Run(ctx context.Context, list []steps.Step, opts RunOptions, observe func(StepResult)) RunResult {
	if !s.running.CompareAndSwap(false, true) {
		return RunResult{Error: "this session is already running a flow"}
	}
	defer s.running.Store(false)
	opts = opts.withDefaults()
	vars := runVars(opts)
	s.console.reset()
	s.console.takeDialogs()
	s.egress.take() // what a page did before this flow is not its fault

	res := RunResult{Passed: true}
	for i, st := range list {
		if err := s.interrupted(ctx); err != nil {
			res.Passed, res.Error = false, err.Error()
			break
		}
		if st.Kind != steps.Dialog {
			s.dialogs.arm(followingAnswers(list, i))
		}
		r := s.runStep(ctx, st, opts, vars)
		res.Steps = append(res.Steps, r)
		if observe != nil {
			observe(r)
		}
		if r.Status == StepFailed {
			res.Passed, res.Error = false, r.Error
			break
		}
	}
	if msg := s.egress.take(); msg != "" && res.Passed {
		// A request the last step's page made after the step ended.
		res.Passed, res.Error = false, "after the last step: "+msg
	}
	res.ConsoleErrors = s.console.snapshot()
	if cause := context.Cause(s.ctx); errors.Is(cause, ErrBrowserCrashed) || errors.Is(cause, ErrPageCrashed) {
		res.BrowserCrashed = true
	}
	return res
}

// stepRun is the state of one step while it runs.
type stepRun struct {
	s       *Session
	flow    context.Context // the flow's ctx: loads a step starts get their own timeout from it
	ctx     context.Context // step timeout + flow ctx + session life
	page    *rod.Page       // the session's page bound to ctx
	step    steps.Step      // with templates expanded
	timeout time.Duration   // the step's bound: the step timeout, or the navigation timeout for page loads
	opts    RunOptions
	vars    map[string]string

	data     map[string]any
	shot     []byte
	shotName string
}

func (s *Session) runStep(ctx context.Context, st steps.Step, opts RunOptions, vars map[string]string) StepResult {
	start := time.Now()
	res := StepResult{Line: st.Line, Source: st.Source, Kind: st.Kind}
	if res.Source == "" {
		res.Source = string(st.Kind)
	}
	timeout := opts.stepTimeout(st.Line)
	if loadsPage(st.Kind) {
		timeout = opts.NavigationTimeout
	}
	r := &stepRun{s: s, flow: ctx, timeout: timeout, opts: opts, vars: vars, data: map[string]any{}}
	expanded, err := expandStep(st, vars)
	if err == nil {
		r.step = expanded
		if st.Kind == steps.Wait {
			timeout = 0 // an explicit wait is bounded by the flow, not the step timeout
		}
		stepCtx, cancel := s.stepContext(ctx, timeout)
		stepCtx = withSession(stepCtx, s)
		r.ctx, r.page = stepCtx, s.page.Context(stepCtx)
		err = r.exec()
		cancel()
	}
	if msg := s.egress.take(); msg != "" {
		if err == nil {
			err = errors.New(msg)
		} else {
			err = fmt.Errorf("%w (and a request of the page was %s)", err, msg)
		}
	}
	res.Duration = time.Since(start)
	res.Screenshot, res.ScreenshotName = r.shot, r.shotName
	if dialogs := s.console.takeDialogs(); len(dialogs) > 0 {
		r.data["dialogs"] = dialogs
	}
	if len(r.data) > 0 {
		res.Data = r.data
	}
	if err == nil {
		res.Status = StepPassed
		return res
	}
	res.Status = StepFailed
	res.Error = fmt.Sprintf("line %d: %s: %s", st.Line, res.Source, s.reason(ctx, err, r.timeout))
	if shot := s.failureScreenshot(ctx); shot != nil {
		res.Screenshot, res.ScreenshotName = shot, fmt.Sprintf("line-%d-failure", st.Line)
	}
	return res
}

// stepContext ends when the flow's ctx ends, the session ends (crash,
// release) or, if timeout > 0, the step runs out of time.
func (s *Session) stepContext(ctx context.Context, timeout time.Duration) (context.Context, context.CancelFunc) {
	merged, cancel := context.WithCancelCause(ctx)
	stop := context.AfterFunc(s.ctx, func() { cancel(context.Cause(s.ctx)) })
	stepCtx, cancelTimeout := merged, context.CancelFunc(func() {})
	if timeout > 0 {
		stepCtx, cancelTimeout = context.WithTimeoutCause(merged, timeout, errStepTimeout)
	}
	return stepCtx, func() {
		cancelTimeout()
		stop()
		cancel(nil)
	}
}

// interrupted says why the flow cannot go on, if it cannot: cancelled, out
// of time, browser or page crashed, session released.
func (s *Session) interrupted(ctx context.Context) error {
	switch cause := context.Cause(ctx); {
	case ctx.Err() == nil:
	case errors.Is(ctx.Err(), context.DeadlineExceeded) && cause == context.DeadlineExceeded:
		return errors.New("the flow timed out")
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		return fmt.Errorf("the flow timed out: %w", cause)
	case cause == context.Canceled:
		return errors.New("cancelled")
	default:
		return fmt.Errorf("cancelled: %w", cause)
	}
	if s.ctx.Err() != nil {
		return context.Cause(s.ctx)
	}
	return nil
}

// reason turns a step's error into the part of the message after the step.
func (s *Session) reason(ctx context.Context, err error, timeout time.Duration) string {
	if stop := s.interrupted(ctx); stop != nil {
		return stop.Error()
	}
	msg := err.Error()
	if errors.Is(err, errStepTimeout) || errors.Is(err, context.DeadlineExceeded) {
		// A go-rod call that ran out of the step's time says only "context deadline exceeded".
		msg = strings.ReplaceAll(msg, context.DeadlineExceeded.Error(), "timed out after "+roundDuration(timeout))
		msg = strings.ReplaceAll(msg, errStepTimeout.Error(), "timed out after "+roundDuration(timeout))
	}
	return msg
}

func (r *stepRun) exec() error {
	switch r.step.Kind {
	case steps.Navigate:
		return r.navigate()
	case steps.GoBack:
		return r.history(-1)
	case steps.GoForward:
		return r.history(+1)
	case steps.Reload:
		return r.reload()
	case steps.Click:
		return r.click()
	case steps.Type:
		return r.typeText(r.step.Text)
	case steps.Clear:
		return r.typeText("")
	case steps.Press:
		if r.step.Target != nil {
			return r.loadAfter(r.pressIn)
		}
		return r.loadAfter(func() error { return pressKeys(r.ctx, r.page, r.step.Key) })
	case steps.Select:
		return r.selectOption()
	case steps.Check:
		return r.setChecked(true)
	case steps.Uncheck:
		return r.setChecked(false)
	case steps.Hover:
		return r.hover()
	case steps.ScrollTo:
		return r.scrollTo()
	case steps.ScrollDown:
		return r.scrollBy(1)
	case steps.ScrollUp:
		return r.scrollBy(-1)
	case steps.Wait:
		return sleep(r.ctx, r.step.Duration)
	case steps.WaitFor:
		return r.waitFor()
	case steps.WaitForURL:
		return r.waitForURL()
	case steps.Assert:
		return r.assert()
	case steps.Remember:
		return r.remember()
	case steps.Screenshot:
		return r.screenshot()
	case steps.Dialog:
		return r.dialogStep()
	case steps.SwitchTab:
		return r.switchTab()
	case steps.CloseTab:
		return r.closeTab()
	}
	return fmt.Errorf("the executor does not know steps of kind %q", r.step.Kind)
}

// target is the step's target; a step that needs one and has none is a
// parser bug, reported rather than panicking.
func (r *stepRun) target() (*steps.Target, error) {
	t := r.step.Target
	if r.step.Kind == steps.Assert && r.step.Assert != nil {
		t = r.step.Assert.Target
	}
	if t == nil {
		return nil, fmt.Errorf("the step has no target")
	}
	return t, nil
}

// fail turns a wait that ran out into "what was missing after how long;
// what the page had instead".
func (r *stepRun) fail(q query, err error) error {
	var we *waitError
	if !errors.As(err, &we) {
		return err
	}
	if we.inspectErr != nil {
		return fmt.Errorf("could not inspect the page after %s: %w", roundDuration(r.timeout), we.inspectErr)
	}
	return errors.New(notFound(q, we.last, r.timeout))
}
