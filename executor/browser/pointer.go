package browser

import (
	"fmt"

	"github.com/go-rod/rod"
	"github.com/go-rod/rod/lib/proto"

	"github.com/testing-agent/backend/executor/steps"
)

// callOnElement runs a resolver op with the element as `this`.
const callOnElement = `function (f, op, arg) { return f.call(this, op, arg) }`

// actionQuery is the query of an action: a visible, stable target, and the
// extra checks the action needs.
func (r *stepRun) actionQuery(t *steps.Target, enabled, pointer bool) query {
	q := newQuery(t, r.step.Kind, needAct)
	q.Enabled, q.Stable, q.Pointer = enabled, true, pointer
	return q
}

// actionFailed explains a failed action: a wait that ran out says what was
// missing; an error while acting names the element.
func (r *stepRun) actionFailed(q query, rep report, verb string, err error) error {
	if failed := r.fail(q, err); failed != err {
		return failed
	}
	if rep.Desc != "" {
		return fmt.Errorf("%s the %s: %w", verb, rep.Desc, err)
	}
	return err
}

func (r *stepRun) click() error {
	t, err := r.target()
	if err != nil {
		return err
	}
	q := r.actionQuery(t, true, true)
	var rep report
	err = r.loadAfter(func() error {
		rep, err = withElement(r.ctx, r.page, q, r.clickElement)
		return err
	})
	if err != nil {
		return r.actionFailed(q, rep, "click", err)
	}
	return nil
}

// clickElement clicks where the page checked the element receives the
// pointer: once, twice or with the right button.
func (r *stepRun) clickElement(_ *rod.Element, rep report) error {
	switch r.step.Click {
	case steps.DoubleClick:
		// Two clicks, the second with count 2, as a person's double-click.
		if err := r.clickAt(rep, proto.InputMouseButtonLeft, 1); err != nil {
			return err
		}
		return r.clickAt(rep, proto.InputMouseButtonLeft, 2)
	case steps.RightClick:
		return r.clickAt(rep, proto.InputMouseButtonRight, 1)
	default:
		return r.clickAt(rep, proto.InputMouseButtonLeft, 1)
	}
}

// mouseButtons is the DevTools "buttons" bit of each button.
var mouseButtons = map[proto.InputMouseButton]int{proto.InputMouseButtonLeft: 1, proto.InputMouseButtonRight: 2}

// clickAt moves the mouse to the point the resolver hit-tested and presses
// and releases button there. Dispatching at that very point, rather than at
// a point of the element's box computed apart, is what makes a click on a
// styled control or on a pseudo-element's content land where it was checked.
func (r *stepRun) clickAt(rep report, button proto.InputMouseButton, count int) error {
	if err := r.moveTo(rep); err != nil {
		return err
	}
	for _, t := range []proto.InputDispatchMouseEventType{proto.InputDispatchMouseEventTypeMousePressed, proto.InputDispatchMouseEventTypeMouseReleased} {
		ev := proto.InputDispatchMouseEvent{Type: t, X: rep.X + rep.frame.dx, Y: rep.Y + rep.frame.dy, Button: button, ClickCount: count}
		if t == proto.InputDispatchMouseEventTypeMousePressed {
			b := mouseButtons[button]
			ev.Buttons = &b
		}
		if err := ev.Call(r.page); err != nil {
			return fmt.Errorf("dispatch the click: %w", err)
		}
	}
	return nil
}

func (r *stepRun) moveTo(rep report) error {
	x, y := rep.X+rep.frame.dx, rep.Y+rep.frame.dy
	if err := (proto.InputDispatchMouseEvent{Type: proto.InputDispatchMouseEventTypeMouseMoved, X: x, Y: y}).Call(r.page); err != nil {
		return fmt.Errorf("move the mouse: %w", err)
	}
	return nil
}

func (r *stepRun) hover() error {
	t, err := r.target()
	if err != nil {
		return err
	}
	q := r.actionQuery(t, false, true) // disabled elements show tooltips too
	rep, err := withElement(r.ctx, r.page, q, func(_ *rod.Element, rep report) error { return r.moveTo(rep) })
	if err != nil {
		return r.actionFailed(q, rep, "hover over", err)
	}
	return nil
}

func (r *stepRun) scrollTo() error {
	t, err := r.target()
	if err != nil {
		return err
	}
	q := newQuery(t, r.step.Kind, needVisible)
	rep, err := withElement(r.ctx, r.page, q, func(el *rod.Element, _ report) error {
		_, err := el.Evaluate(rod.Eval(`function () { this.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' }) }`))
		return err
	})
	if err != nil {
		return r.actionFailed(q, rep, "scroll to", err)
	}
	return nil
}

// scrollBy scrolls the document most of a screen down (1) or up (-1).
func (r *stepRun) scrollBy(direction int) error {
	res, err := r.page.Eval(`(d) => {
		const el = document.scrollingElement || document.documentElement;
		el.scrollBy({ top: d * Math.round(innerHeight * 0.8), behavior: 'instant' });
		return el.scrollTop;
	}`, direction)
	if err != nil {
		return fmt.Errorf("scroll: %w", err)
	}
	r.data["scrollY"] = res.Value.Int()
	return nil
}
