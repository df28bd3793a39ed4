package planner

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"strings"
	"time"

	"github.com/testing-agent/backend/db"
	"github.com/testing-agent/backend/executor/steps"
)

// noTargetMessage is the session's errorMessage when the prompt gives the
// planner nothing to work from.
const noTargetMessage = "Nothing to generate: add the URL of the site to test, e.g. http://localhost:3000, " +
	"or write steps one per line, e.g. 1. Go to http://localhost:3000/login"

// finishTimeout bounds the writes that end a generation; they run even
// when its context was cancelled, so a session never stays generating.
const finishTimeout = 15 * time.Second

// mostFlows bounds what one generation proposes, so review stays possible.
const mostFlows = 60

// plan is what a generation came to.
type plan struct {
	flows []proposal
	note  string // errorMessage for a session that ends ready: what to add
}

// Generate turns a session's prompt into proposed flows. The session moves
// from pending, ready, completed or failed to generating (a CONFLICT error,
// returned as is, while it is running or generating), and then to ready
// with the flows stored unapproved, or to failed with metadata.errorMessage
// saying why (an unreachable site, a cancelled generation). Progress is
// written as the session's execution logs. Generate blocks until it is
// done; the returned error is for what kept it from recording an outcome.
func (p *Planner) Generate(ctx context.Context, sessionID string) (*db.TestSession, error) {
	// Marked before the status changes, so RecoverStale never takes a
	// generation that is just starting for an abandoned one.
	defer p.markGenerating(sessionID)()
	session, err := p.begin(ctx, sessionID)
	if err != nil {
		return nil, err
	}
	return p.generate(ctx, session)
}

// Start moves the session to generating and returns it at once; the
// generation goes on in the background under background (the server's
// lifetime: when it ends, the session ends failed as cancelled). Wait
// waits for background generations.
func (p *Planner) Start(ctx, background context.Context, sessionID string) (*db.TestSession, error) {
	done := p.markGenerating(sessionID)
	session, err := p.begin(ctx, sessionID)
	if err != nil {
		done()
		return nil, err
	}
	p.running.Add(1)
	go func() {
		defer p.running.Done()
		defer done()
		if _, err := p.generate(background, session); err != nil {
			p.log.Error("generation could not record its outcome", "session", sessionID, "err", err)
		}
	}()
	return session, nil
}

// Wait returns when every generation started by Start has ended.
func (p *Planner) Wait() { p.running.Wait() }

// begin moves a session to generating.
func (p *Planner) begin(ctx context.Context, sessionID string) (*db.TestSession, error) {
	return p.store.TransitionTestSession(ctx, sessionID,
		[]db.SessionStatus{db.SessionPending, db.SessionReady, db.SessionCompleted, db.SessionFailed}, db.SessionGenerating)
}

// generate plans a session that is generating and records the outcome.
func (p *Planner) generate(ctx context.Context, session *db.TestSession) (_ *db.TestSession, err error) {
	sessionID := session.ID
	pr := &progress{store: p.store, sessionID: sessionID, log: p.log}
	defer func() {
		// A bug must not leave the session generating for ever.
		if r := recover(); r != nil {
			p.log.Error("the planner panicked", "session", sessionID, "panic", r, "stack", string(debug.Stack()))
			_, err = p.finish(ctx, session, plan{}, fmt.Errorf("the planner failed unexpectedly: %v", r), pr)
			if err == nil {
				err = fmt.Errorf("planner panic: %v", r)
			}
		}
	}()
	pr.info(ctx, "Generating flows from the prompt", nil)
	out, planErr := p.plan(ctx, session, pr)
	return p.finish(ctx, session, out, planErr, pr)
}

// plan reads the prompt, explores the site it names and proposes flows.
func (p *Planner) plan(ctx context.Context, session *db.TestSession, pr *progress) (plan, error) {
	req := readPrompt(session.Prompt)
	var flows []proposal
	if req.steps != "" {
		flows = append(flows, promptFlow(req))
		pr.info(ctx, fmt.Sprintf("Found %s written in the prompt; they become one flow as written", count(req.stepCount, "step")), nil)
	}
	if req.site == nil {
		if len(flows) == 0 {
			pr.info(ctx, noTargetMessage, nil)
			return plan{note: noTargetMessage}, nil
		}
		if p.pool != nil && opensAbsoluteURLs(flows[0]) {
			flows = p.verifyFlows(ctx, "", flows, pr)
		}
		return plan{flows: flows}, nil
	}
	if len(req.others) > 0 {
		pr.info(ctx, fmt.Sprintf("Exploring %s only; the prompt also names %s", req.site, strings.Join(req.others, ", ")), nil)
	}
	if p.pool == nil {
		pr.warn(ctx, "No browser is available to explore the site; proposing a single smoke flow", nil)
		if f, ok := bareSmokeFlow(req); ok {
			flows = append(flows, f)
		}
		return plan{flows: flows}, nil
	}
	s, forms, account, err := p.explore(ctx, req, pr)
	if err != nil {
		return plan{}, err
	}
	rec := p.exploreStartPage(ctx, s, session.Prompt, pr)
	if ctx.Err() != nil {
		return plan{}, context.Cause(ctx)
	}
	var proposed []proposal
	if p.llm != nil {
		llmFlows, err := p.planWithLLM(ctx, session.Prompt, s, forms, account, rec, pr)
		if err == nil {
			proposed = llmFlows
		} else if ctx.Err() != nil {
			return plan{}, context.Cause(ctx)
		} else {
			pr.warn(ctx, fmt.Sprintf("The LLM planner failed (%v); the built-in planner proposes the flows instead", err), nil)
		}
	}
	if proposed == nil {
		proposed = append(proposeForApp(rec), proposeForSite(s, forms, account)...)
		rankByPrompt(session.Prompt, proposed)
	}
	flows = append(flows, proposed...)
	flows = p.verifyFlows(ctx, req.site.String(), flows, pr)
	if ctx.Err() != nil {
		return plan{}, context.Cause(ctx)
	}
	return plan{flows: flows, note: p.askedNote(ctx, session.Prompt, flows, pr)}, nil
}

// exploreStartPage tries the start page's controls within AppTimeout.
func (p *Planner) exploreStartPage(ctx context.Context, s *site, prompt string, pr *progress) *appRecord {
	actx, cancel := context.WithTimeout(ctx, p.opts.AppTimeout)
	defer cancel()
	pr.info(ctx, fmt.Sprintf("Trying the controls of %s as a person would (up to %s)", pathOf(s.start.url), p.opts.AppTimeout), nil)
	rec := p.exploreApp(actx, s, prompt, pr)
	if actx.Err() != nil && ctx.Err() == nil {
		pr.warn(ctx, fmt.Sprintf("Trying controls stopped after %s; flows cover what was tried by then", p.opts.AppTimeout), nil)
	}
	pr.info(ctx, fmt.Sprintf("%s on %s changed something a flow can check", count(len(rec.trials), "trial"), pathOf(s.start.url)), nil)
	return rec
}

// askedNote orders the flows by the behaviours the prompt names and says
// which of them no flow does: "could not find how to delete a todo".
func (p *Planner) askedNote(ctx context.Context, prompt string, flows []proposal, pr *progress) string {
	var notes []string
	for _, a := range orderByAsked(prompt, flows) {
		notes = append(notes, a.missing())
		pr.warn(ctx, "The prompt asks to test this, but the planner "+a.missing(), map[string]any{"behaviour": a.verb})
	}
	if len(notes) == 0 {
		return ""
	}
	return "The planner " + strings.Join(notes, "; ") + "."
}

// explore crawls the site and tries out its forms, within ExploreTimeout.
func (p *Planner) explore(ctx context.Context, req request, pr *progress) (*site, []*formCase, *accountCase, error) {
	exploreCtx, cancel := context.WithTimeout(ctx, p.opts.ExploreTimeout)
	defer cancel()
	pr.info(ctx, fmt.Sprintf("Exploring %s (same origin, up to %s, %d links deep, %s)", req.site,
		count(p.opts.MaxPages, "page"), p.opts.MaxDepth, p.opts.ExploreTimeout), map[string]any{"url": req.site.String()})
	s, err := p.crawlSite(exploreCtx, req, pr)
	if err != nil {
		if ctx.Err() != nil {
			return nil, nil, nil, context.Cause(ctx)
		}
		return nil, nil, nil, err
	}
	forms, account := p.tryForms(exploreCtx, s, pr)
	if ctx.Err() != nil {
		return nil, nil, nil, context.Cause(ctx)
	}
	if exploreCtx.Err() != nil {
		pr.warn(ctx, fmt.Sprintf("Exploring stopped after %s; flows cover what was seen by then", p.opts.ExploreTimeout), nil)
	}
	pr.info(ctx, fmt.Sprintf("Explored %s and tried %s", count(len(s.pages), "page"), count(len(forms), "form")), nil)
	return s, forms, account, nil
}

func (p *Planner) crawlSite(ctx context.Context, req request, pr *progress) (*site, error) {
	crawlCtx, cancel := context.WithTimeout(ctx, time.Duration(float64(p.opts.ExploreTimeout)*crawlShare))
	defer cancel()
	sess, err := p.pool.Acquire(ctx)
	if err != nil {
		return nil, fmt.Errorf("open a browser to explore %s: %w", req.site, err)
	}
	defer sess.Release()
	return p.crawl(crawlCtx, sess, req.site, req.absolute, pr)
}

// finish stores the flows and ends the session ready, or ends it failed
// with planErr as its errorMessage.
func (p *Planner) finish(ctx context.Context, session *db.TestSession, out plan, planErr error, pr *progress) (*db.TestSession, error) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), finishTimeout)
	defer cancel()
	if planErr == nil {
		var err error
		if out.flows, err = p.storeFlows(ctx, session.ID, out.flows); err != nil {
			planErr = err
		}
	}
	if planErr != nil {
		msg := failureMessage(planErr)
		pr.write(ctx, db.LogError, "Generating flows failed: "+msg, nil)
		p.setMetadata(ctx, session.ID, nil, &msg)
		ended, err := p.store.TransitionTestSession(ctx, session.ID, []db.SessionStatus{db.SessionGenerating}, db.SessionFailed)
		if err != nil {
			return nil, fmt.Errorf("end generation of session %s as failed: %w", session.ID, err)
		}
		return ended, nil
	}
	est := estimate(out.flows)
	var note *string
	if out.note != "" {
		note = &out.note
	}
	p.setMetadata(ctx, session.ID, &est, note)
	ended, err := p.store.TransitionTestSession(ctx, session.ID, []db.SessionStatus{db.SessionGenerating}, db.SessionReady)
	if err != nil {
		return nil, fmt.Errorf("end generation of session %s: %w", session.ID, err)
	}
	pr.info(ctx, fmt.Sprintf("Proposed %s, about %s to run; review and approve them to run", count(len(out.flows), "flow"),
		(time.Duration(est)*time.Millisecond).Round(time.Second)), map[string]any{"flows": len(out.flows), "estimatedDurationMs": est})
	return ended, nil
}

// storeFlows stores the proposals not already in the session (a generation run
// again proposes much the same) and returns those stored.
func (p *Planner) storeFlows(ctx context.Context, sessionID string, flows []proposal) ([]proposal, error) {
	existing, err := p.store.ListTestFlows(ctx, sessionID)
	if err != nil {
		return nil, fmt.Errorf("list the session's flows: %w", err)
	}
	have := map[string]bool{}
	for _, f := range existing {
		have[strings.TrimSpace(f.Instructions)] = true
	}
	var fresh []proposal
	for _, f := range flows {
		key := strings.TrimSpace(f.instructions())
		if have[key] || len(fresh) >= mostFlows {
			continue
		}
		have[key] = true
		fresh = append(fresh, f)
	}
	for start := 0; start < len(fresh); start += db.MaxFlowsPerCall {
		batch := make([]db.NewTestFlow, 0, db.MaxFlowsPerCall)
		for _, f := range fresh[start:min(len(fresh), start+db.MaxFlowsPerCall)] {
			batch = append(batch, f.newFlow())
		}
		if _, _, err := p.store.CreateTestFlows(ctx, sessionID, batch); err != nil {
			return nil, fmt.Errorf("store the proposed flows: %w", err)
		}
	}
	return fresh, nil
}

// setMetadata records the estimate and the error message; a failure to
// is logged, as the flows and the status matter more.
func (p *Planner) setMetadata(ctx context.Context, id string, estimatedMs *int64, errorMessage *string) {
	if errorMessage != nil {
		msg := clip(*errorMessage, 2000)
		errorMessage = &msg
	}
	if _, err := p.store.SetSessionMetadata(ctx, id, estimatedMs, errorMessage); err != nil {
		p.log.Error("set session metadata", "session", id, "err", err)
	}
}

// failureMessage is what the person reads on a failed session.
func failureMessage(err error) string {
	var ue *unreachableError
	switch {
	case errors.As(err, &ue):
		return ue.Error()
	case errors.Is(err, context.Canceled):
		return "generation was cancelled"
	case errors.Is(err, context.DeadlineExceeded):
		return "generation ran out of time"
	}
	return err.Error()
}

// promptFlow is the steps the prompt spells out, as written.
func promptFlow(req request) proposal {
	return proposal{
		name:        "Steps from the prompt",
		description: fmt.Sprintf("The %s written in the prompt, run as written.", count(req.stepCount, "step")),
		lines:       strings.Split(req.steps, "\n"),
		kind:        "prompt",
	}
}

// bareSmokeFlow opens the site without having explored it.
func bareSmokeFlow(req request) (proposal, bool) {
	var b builder
	where := pathOf(req.site)
	if req.absolute {
		where = req.site.String()
	}
	b.add(navigate(where))
	b.add(expect(steps.NoConsoleErrors, ""))
	if b.err != nil {
		return proposal{}, false
	}
	return proposal{
		name:        req.site.Host + " loads",
		description: fmt.Sprintf("Opens %s and checks that it logs no console errors. No browser was available to explore the site, so this is all the planner proposes.", req.site),
		lines:       b.lines,
		kind:        "smoke",
	}, true
}
