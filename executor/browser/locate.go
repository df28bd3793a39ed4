package browser

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/go-rod/rod"
	"github.com/go-rod/rod/lib/js"
	"github.com/go-rod/rod/lib/proto"

	"github.com/testing-agent/backend/executor/steps"
)

//go:embed resolver.js
var resolverSource string

// resolverJS is installed once per document; go-rod caches it per JS context
// and re-installs it after a navigation.
var resolverJS = &js.Function{
	Name:         "testingAgentResolver",
	Definition:   strings.TrimRight(strings.TrimSpace(resolverSource), ";"),
	Dependencies: []*js.Function{},
}

// need says what a step requires of its target.
type need string

const (
	needAct     need = "act"     // visible (and enabled, stable… as flagged); actions
	needVisible need = "visible" // a visible match
	needPresent need = "present" // any match, visible ones first; state assertions
	needGone    need = "gone"    // no visible match
	needCount   need = "count"   // how many visible matches
)

// implicitRole is the role a step's kind implies when its target names none:
// "type into Email" means the Email field, not a button saying "Email me".
func implicitRole(k steps.Kind) string {
	switch k {
	case steps.Type, steps.Clear:
		return string(steps.Field)
	case steps.Select:
		return string(steps.Dropdown)
	case steps.Check, steps.Uncheck:
		return "checkable" // checkboxes, radio buttons and switches
	}
	return ""
}

// query is what resolver.js is asked; field names are its JSON.
type query struct {
	Text       string      `json:"text,omitempty"`
	Role       string      `json:"role,omitempty"`
	Nth        int         `json:"nth,omitempty"`
	CSS        string      `json:"css,omitempty"`
	XPath      string      `json:"xpath,omitempty"`
	Containing bool        `json:"containing,omitempty"`
	Focused    bool        `json:"focused,omitempty"`
	Scope      *scopeQuery `json:"scope,omitempty"`
	Scoped     bool        `json:"scoped,omitempty"`
	Need       need        `json:"need"`
	Enabled    bool        `json:"enabled,omitempty"`
	Editable   bool        `json:"editable,omitempty"`
	Stable     bool        `json:"stable,omitempty"`
	Pointer    bool        `json:"pointer,omitempty"`

	// Info names the candidates handed to the page, in their order.
	Info []candidateInfo `json:"info,omitempty"`
}

// candidateInfo is what the accessibility tree says of a candidate.
type candidateInfo struct {
	Noun string `json:"noun"`
	Name string `json:"name"`
}

func newQuery(t *steps.Target, kind steps.Kind, n need) query {
	q := query{Need: n}
	if t == nil {
		return q
	}
	q.Text, q.Role, q.Nth, q.CSS, q.XPath = t.Text, string(t.Role), t.Nth, t.CSS, t.XPath
	q.Containing, q.Focused = t.Containing, t.Focused
	if t.Scope != nil {
		q.Scope = &scopeQuery{Text: t.Scope.Text, Kind: string(t.Scope.Kind)}
		q.Scoped = true
	}
	if q.Role == "" {
		q.Role = implicitRole(kind)
	}
	if q.Focused && q.Role == string(steps.Field) {
		q.Role = "" // the focused element is what it is; typing checks it is editable
	}
	return q
}

// byTree reports whether the query's candidates come from the accessibility tree.
func (q query) byTree() bool { return q.CSS == "" && q.XPath == "" && !q.Focused }

// report is resolver.js's answer.
type report struct {
	OK      bool          `json:"ok"`
	Invalid string        `json:"invalid"`
	Problem string        `json:"problem"` // missing, too few, hidden, disabled, readonly, moving, covered
	Desc    string        `json:"desc"`    // the element it looked at, e.g. `button "Sign in"`
	Cover   string        `json:"cover"`
	X       float64       `json:"x"` // where a pointer action aims, in the page's viewport
	Y       float64       `json:"y"`
	Count   int           `json:"count"`
	State   *elementState `json:"state"`
	Nearby  []candidate   `json:"nearby"`
	Unnamed []unnamed     `json:"-"` // elements of the role without a name, for the hint
	frame   frameCtx      // the frame the target was found in; its page is nil for the step's page
}

// in is the page of the frame the report's element is in.
func (r report) in(page *rod.Page) *rod.Page {
	if r.frame.page == nil {
		return page
	}
	return r.frame.page.Context(page.GetContext())
}

type elementState struct {
	Visible  bool     `json:"visible"`
	Enabled  bool     `json:"enabled"`
	Checked  bool     `json:"checked"`
	Editable bool     `json:"editable"`
	Value    string   `json:"value"`
	Text     string   `json:"text"`
	Options  []string `json:"options"`
}

type candidate struct {
	Name     string `json:"name"`
	Role     string `json:"role"`
	Disabled bool   `json:"disabled"`
}

// waitError is a wait that ended before its condition held; it keeps the
// page's last answer so the failure can say what the page had instead.
type waitError struct {
	last       report
	inspectErr error // why the page could not be asked, if it never answered
	cause      error // why the wait ended: step timeout, cancel, crash
}

func (e *waitError) Error() string {
	if e.inspectErr != nil {
		return fmt.Sprintf("could not inspect the page (%v): %v", e.inspectErr, e.cause)
	}
	return "gave up waiting: " + e.cause.Error()
}

func (e *waitError) Unwrap() error { return e.cause }

// resolveOnce asks the page once: candidates from the accessibility tree
// (or a selector, or the focus), checked there for visibility, ordinal and
// actionability; the page's iframes are searched when the page has none.
func resolveOnce(ctx context.Context, page *rod.Page, q query) (report, error) {
	if !q.byTree() {
		return askResolver(ctx, page, q, nil)
	}
	return resolveInFrames(ctx, page, q)
}

// resolveInFrame resolves q in one frame and returns the frame's tree too.
func resolveInFrame(ctx context.Context, fc frameCtx, q query) (report, *axTree, error) {
	page := fc.page
	tree, err := loadAXTree(ctx, page)
	if err != nil {
		return report{}, nil, err
	}
	nodes := tree.matchAX(q.axQuery())
	objs, infos := resolveNodes(ctx, page, nodes)
	defer releaseCandidates(ctx, page)
	q.Info = infos
	r, err := askResolver(ctx, page, q, objs)
	if err == nil && r.Problem == "missing" {
		r.Nearby, r.Unnamed = tree.nearby(q)
	}
	r.frame = fc
	return r, tree, err
}

// askResolver runs resolver.js's resolve op with the candidates as arguments.
func askResolver(ctx context.Context, page *rod.Page, q query, cands []*proto.RuntimeRemoteObject) (report, error) {
	args := []any{resolverJS, "resolve", q}
	js := `(f, op, q) => f(op, q, null)`
	if cands != nil {
		js = `(f, op, q, ...cands) => f(op, q, cands)`
		for _, c := range cands {
			args = append(args, c)
		}
	}
	res, err := page.Context(ctx).Evaluate(rod.Eval(js, args...).ByPromise())
	if err != nil {
		return report{}, err
	}
	var r report
	if err := res.Value.Unmarshal(&r); err != nil {
		return report{}, fmt.Errorf("read resolver report: %w", err)
	}
	if !r.OK && r.Problem == "" && r.Invalid == "" {
		return report{}, errors.New("the resolver gave no answer")
	}
	return r, nil
}

// takeElement fetches the element the last successful resolve kept.
func takeElement(ctx context.Context, page *rod.Page) (*rod.Element, error) {
	p := page.Context(ctx)
	res, err := p.Evaluate(rod.Eval(`(f) => f("take")`, resolverJS).ByObject())
	if err != nil {
		return nil, err
	}
	if res.Subtype != proto.RuntimeRemoteObjectSubtypeNode {
		return nil, errors.New("the element went away")
	}
	return p.ElementFromObject(res)
}

// pollDelay paces retries: quick at first, when most waits end, then every
// 100 ms.
func pollDelay(attempt int) time.Duration {
	switch {
	case attempt < 4:
		return 25 * time.Millisecond
	case attempt < 10:
		return 50 * time.Millisecond
	default:
		return 100 * time.Millisecond
	}
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return context.Cause(ctx)
	}
}

// waitReport polls the resolver until accept holds or ctx ends; a
// *waitError carries the last report, so a failure can say what the page had.
func waitReport(ctx context.Context, page *rod.Page, q query, accept func(report) bool) (report, error) {
	var last report
	var lastErr error
	answered := false
	for attempt := 0; ; attempt++ {
		lookCtx, stop := ctx, context.CancelFunc(func() {})
		if attempt == 0 {
			lookCtx, stop = firstLook(ctx)
		}
		r, err := resolveOnce(lookCtx, page, q)
		stop()
		switch {
		case err == nil && r.Invalid != "":
			return r, errors.New(r.Invalid) // waiting will not fix a bad selector
		case err == nil:
			last, lastErr, answered = r, nil, true
			if accept(r) {
				return r, nil
			}
		default:
			lastErr = err // e.g. the page is navigating; ask again
		}
		if err := sleep(ctx, pollDelay(attempt)); err != nil {
			we := &waitError{last: last, cause: err}
			if !answered {
				we.inspectErr = lastErr
			}
			return last, we
		}
	}
}

// firstLookBound bounds a step's first look at the page.
const firstLookBound = 30 * time.Second

// firstLook is the context of a step's first look at the page: it outlives
// the step's timeout, so that even a step whose time ran out while the
// machine was busy can say what the page had, but it ends at once when the
// flow is cancelled or the session ends.
func firstLook(ctx context.Context) (context.Context, context.CancelFunc) {
	look, cancel := context.WithTimeout(context.WithoutCancel(ctx), firstLookBound)
	stop := context.AfterFunc(ctx, func() {
		if !errors.Is(context.Cause(ctx), errStepTimeout) {
			cancel()
		}
	})
	return look, func() {
		stop()
		cancel()
	}
}

// withElement waits until the target is actionable and runs act on it;
// when the element goes stale between the check and the act, it starts over.
func withElement(ctx context.Context, page *rod.Page, q query, act func(*rod.Element, report) error) (report, error) {
	for {
		rep, err := waitReport(ctx, page, q, func(r report) bool { return r.OK })
		if err != nil {
			return rep, err
		}
		// A first look that answered after the step's time ran out (see
		// firstLook) still gets its act, for the act's own answer.
		actCtx, stop := ctx, context.CancelFunc(func() {})
		if errors.Is(context.Cause(ctx), errStepTimeout) {
			actCtx, stop = firstLook(ctx)
		}
		el, err := takeElement(actCtx, rep.in(page))
		if err == nil {
			err = act(el.Context(actCtx), rep)
			_ = el.Context(actCtx).Release()
		}
		stop()
		if err == nil || !isStale(err) || ctx.Err() != nil {
			return rep, err
		}
		if err := sleep(ctx, pollDelay(0)); err != nil {
			return rep, err
		}
	}
}

// isStale reports errors that mean the element or its document went away.
func isStale(err error) bool {
	var objNotFound *rod.ObjectNotFoundError
	if errors.As(err, &objNotFound) {
		return true
	}
	msg := err.Error()
	for _, s := range []string{
		"Could not find object", "Cannot find context", "Execution context was destroyed",
		"Node is detached", "Node does not have a layout object", "element went away",
	} {
		if strings.Contains(msg, s) {
			return true
		}
	}
	return false
}
