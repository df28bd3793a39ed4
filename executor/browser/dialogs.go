package browser

import (
	"fmt"
	"sync"

	"github.com/go-rod/rod"
	"github.com/go-rod/rod/lib/proto"

	"github.com/testing-agent/backend/executor/steps"
)

// JavaScript dialogs (alert, confirm, prompt) block the page, and every
// step with it, until answered. A dialog is answered the moment it opens:
// as the "accept|dismiss the dialog" steps right after the step that opened
// it say, or, when no such step follows, dismissed and noted on the step, so
// that an unexpected dialog never hangs a flow.

// dialogAnswer is how a dialog step answers: OK (with a prompt's text) or Cancel.
type dialogAnswer struct {
	accept bool
	text   string
}

// dialogRecord is a dialog answered by plan, waiting for its step.
type dialogRecord struct {
	kind     string
	message  string
	accepted bool
}

// dialogState is a session's planned answers and answered dialogs.
type dialogState struct {
	mu      sync.Mutex
	plan    []dialogAnswer // for the next dialogs, in order
	records []dialogRecord // answered by plan, not yet reported by their step
	changed chan struct{}  // closed and replaced when a record is added
}

func newDialogState() *dialogState { return &dialogState{changed: make(chan struct{})} }

// arm plans the answers of the dialog steps that follow the step about to
// run; answers planned earlier and not used are dropped.
func (d *dialogState) arm(plan []dialogAnswer) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.plan, d.records = plan, nil
}

// next is the answer for a dialog that just opened, and whether a step planned it.
func (d *dialogState) next() (dialogAnswer, bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if len(d.plan) == 0 {
		return dialogAnswer{}, false
	}
	a := d.plan[0]
	d.plan = d.plan[1:]
	return a, true
}

func (d *dialogState) record(r dialogRecord) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.records = append(d.records, r)
	close(d.changed)
	d.changed = make(chan struct{})
}

// take returns the oldest dialog answered for a step; if there is none, it
// plans a (when nothing is planned) and returns a channel that is closed
// when a dialog has been answered.
func (d *dialogState) take(a dialogAnswer) (dialogRecord, bool, <-chan struct{}) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if len(d.records) > 0 {
		r := d.records[0]
		d.records = d.records[1:]
		return r, true, nil
	}
	if len(d.plan) == 0 {
		d.plan = []dialogAnswer{a}
	}
	return dialogRecord{}, false, d.changed
}

// followingAnswers are the answers of the dialog steps right after list[i].
func followingAnswers(list []steps.Step, i int) []dialogAnswer {
	var out []dialogAnswer
	for _, st := range list[i+1:] {
		if st.Kind != steps.Dialog {
			break
		}
		out = append(out, dialogAnswer{accept: st.Accept, text: st.Text})
	}
	return out
}

// answerDialog answers a dialog that opened on page.
func (s *Session) answerDialog(page *rod.Page, e *proto.PageJavascriptDialogOpening) {
	if e.Type == proto.PageDialogTypeBeforeunload {
		// Leaving the page is what the step asked for.
		_ = proto.PageHandleJavaScriptDialog{Accept: true}.Call(page)
		s.console.dialog(fmt.Sprintf("accepted beforeunload: %s", e.Message))
		return
	}
	a, planned := s.dialogs.next()
	text := a.text
	if a.accept && text == "" {
		text = e.DefaultPrompt
	}
	_ = proto.PageHandleJavaScriptDialog{Accept: a.accept, PromptText: text}.Call(page)
	switch {
	case !planned:
		s.console.dialog(fmt.Sprintf("dismissed unexpected %s: %s", e.Type, e.Message))
		s.pool.log.Info("dismissed an unexpected dialog", "browser", s.in.id, "type", e.Type, "message", e.Message)
	case a.accept:
		s.console.dialog(fmt.Sprintf("accepted %s: %s", e.Type, e.Message))
	default:
		s.console.dialog(fmt.Sprintf("dismissed %s: %s", e.Type, e.Message))
	}
	if planned {
		s.dialogs.record(dialogRecord{kind: string(e.Type), message: e.Message, accepted: a.accept})
	}
}

// dialogStep reports the dialog its answer was given to, waiting for one to
// open if none has yet.
func (r *stepRun) dialogStep() error {
	want := dialogAnswer{accept: r.step.Accept, text: r.step.Text}
	for {
		rec, ok, changed := r.s.dialogs.take(want)
		if ok {
			r.data["dialog"] = rec.kind
			r.data["message"] = rec.message
			return nil
		}
		select {
		case <-changed:
		case <-r.ctx.Done():
			return fmt.Errorf("no dialog opened after %s", roundDuration(r.timeout))
		}
	}
}
