package browser

import (
	"errors"
	"fmt"
)

func (r *stepRun) waitFor() error {
	t, err := r.target()
	if err != nil {
		return err
	}
	n := needVisible
	if r.step.Gone {
		n = needGone
	}
	q := newQuery(t, r.step.Kind, n)
	rep, err := waitReport(r.ctx, r.page, q, func(rep report) bool { return rep.OK })
	if err == nil {
		return nil
	}
	var we *waitError
	if r.step.Gone && errors.As(err, &we) && we.inspectErr == nil && rep.Desc != "" {
		return fmt.Errorf("the %s is still visible after %s", rep.Desc, roundDuration(r.timeout))
	}
	return r.fail(q, err)
}

// remember stores the target's text (a field's value) as a run variable for
// the {{name}} templates of later steps.
func (r *stepRun) remember() error {
	t, err := r.target()
	if err != nil {
		return err
	}
	if r.step.Name == "" {
		return fmt.Errorf("the step names no variable to remember into")
	}
	q := newQuery(t, r.step.Kind, needVisible)
	rep, err := waitReport(r.ctx, r.page, q, func(rep report) bool { return rep.OK && rep.State != nil })
	if err != nil {
		return r.fail(q, err)
	}
	r.vars[r.step.Name] = rep.State.Text
	r.data["name"] = r.step.Name
	r.data["value"] = rep.State.Text
	return nil
}
