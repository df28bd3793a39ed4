package planner

import (
	"context"
	"crypto/rand"
	"fmt"
	"math/big"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/testing-agent/backend/executor/browser"
	"github.com/testing-agent/backend/executor/steps"
)

// tryout is one dry run of a form in a fresh browser context: the page
// just before it was submitted, and what it showed after.
type tryout struct {
	before, after browser.PageOutline
	// volatile are the values this run typed that another run would not
	// ({{random.email}} and the like): text holding them is not asserted.
	volatile []string
	// took is how long after the submit the page first changed.
	took time.Duration
}

// Bounds on watching a page after a submit: it is read every outcomePause;
// with no change for quietReads reads it is taken as showing nothing, and
// it is never read more than mostOutcomeReads times.
const (
	outcomePause     = 200 * time.Millisecond
	quietReads       = 10
	mostOutcomeReads = 25
)

// tryOut runs setup (open the page, fill the form), then submit, with the
// runner itself, and watches what the page does. form names a field of the
// form, so the browser's own validation of its values can be checked.
func (p *Planner) tryOut(ctx context.Context, base string, setup, submit []string, form *steps.Target) (*tryout, error) {
	setupSteps, errs := steps.Parse(strings.Join(setup, "\n"))
	if errs != nil {
		return nil, fmt.Errorf("the steps that fill the form do not parse: %w", errs)
	}
	submitSteps, errs := steps.Parse(strings.Join(submit, "\n"))
	if errs != nil {
		return nil, fmt.Errorf("the submit step does not parse: %w", errs)
	}
	sess, err := p.pool.Acquire(ctx)
	if err != nil {
		return nil, fmt.Errorf("open a browser: %w", err)
	}
	defer sess.Release()

	vars, volatile := tryoutVars()
	opts := browser.RunOptions{BaseURL: base, StepTimeout: p.opts.PageTimeout, Vars: vars}
	if res := sess.Run(ctx, setupSteps, opts, nil); !res.Passed {
		return nil, fmt.Errorf("filling it in failed: %s", res.Error)
	}
	before, err := p.settledOutline(ctx, sess)
	if err != nil {
		return nil, fmt.Errorf("read the filled form: %w", err)
	}
	if why := refusedValue(before, form); why != "" {
		return nil, fmt.Errorf("the browser refuses a value: %s", why)
	}
	if res := sess.Run(ctx, submitSteps, opts, nil); !res.Passed {
		return nil, fmt.Errorf("submitting it failed: %s", res.Error)
	}
	after, took := awaitOutcome(ctx, sess, before)
	return &tryout{before: before, after: after, volatile: volatile, took: took}, nil
}

// tryoutVars fixes the random values of a tryout, so that text showing
// them can be recognised and left out of assertions.
func tryoutVars() (map[string]string, []string) {
	word := randomWord()
	number := randomDigits(6)
	email := "user." + word + "@example.com"
	vars := map[string]string{"random.email": email, "random.string": word, "random.number": number}
	return vars, []string{email, word, number}
}

func randomWord() string {
	const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
	b := make([]byte, 10)
	for i := range b {
		n, _ := rand.Int(rand.Reader, big.NewInt(int64(len(alphabet))))
		b[i] = alphabet[n.Int64()]
	}
	return string(b)
}

func randomDigits(n int) string {
	b := make([]byte, n)
	for i := range b {
		d, _ := rand.Int(rand.Reader, big.NewInt(10))
		b[i] = byte('0' + d.Int64())
	}
	if b[0] == '0' {
		b[0] = '1'
	}
	return string(b)
}

// refusedValue names a field of the form holding field whose value the
// browser's validation refuses, which would block the submit.
func refusedValue(o browser.PageOutline, field *steps.Target) string {
	f := formHolding(o, field)
	if f == nil {
		return ""
	}
	for _, fl := range f.Fields {
		if !fl.Valid && !fl.Hidden && !fl.Disabled {
			return fmt.Sprintf("%q: %s", displayName(fl), fl.ValidationMessage)
		}
	}
	return ""
}

// formHolding finds the form with a field named by t.
func formHolding(o browser.PageOutline, t *steps.Target) *browser.OutlineForm {
	if t == nil {
		return nil
	}
	for i, f := range o.Forms {
		for _, fl := range f.Fields {
			if fl.Target != nil && reflect.DeepEqual(*fl.Target, *t) {
				return &o.Forms[i]
			}
		}
	}
	return nil
}

// awaitOutcome reads the page until it changed and settled, or stayed the
// same long enough to say the submit showed nothing. took is when it first
// changed (zero when it did not).
func awaitOutcome(ctx context.Context, sess *browser.Session, before browser.PageOutline) (_ browser.PageOutline, took time.Duration) {
	start := time.Now()
	last := before
	for i := 0; i < mostOutcomeReads; i++ {
		if pause(ctx, outcomePause) != nil {
			break
		}
		cur, err := sess.Outline(ctx)
		if err != nil {
			continue // the page is navigating
		}
		changed := !sameContent(cur, before)
		switch {
		case changed && took > 0 && sameContent(cur, last):
			return cur, took
		case changed && took == 0:
			took = time.Since(start)
		case !changed && took == 0 && i+1 >= quietReads:
			return cur, 0
		}
		last = cur
	}
	return last, took
}

// newTexts are the lines of after that before did not show, in page order.
func newTexts(before, after []string) []string {
	var out []string
	for _, t := range after {
		if !slices.Contains(before, t) {
			out = append(out, t)
		}
	}
	return out
}
