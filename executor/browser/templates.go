package browser

import (
	"fmt"
	"maps"

	"github.com/testing-agent/backend/executor/steps"
)

// runVars are the values {{templates}} see: the caller's run variables, the
// base URL, and what remember steps store as the flow goes.
func runVars(opts RunOptions) map[string]string {
	vars := maps.Clone(opts.Vars)
	if vars == nil {
		vars = map[string]string{}
	}
	if _, ok := vars["baseUrl"]; !ok && opts.BaseURL != "" {
		vars["baseUrl"] = opts.BaseURL
	}
	return vars
}

// expandStep returns a copy of st with its templates filled in; the caller's
// steps are left as parsed.
func expandStep(st steps.Step, vars map[string]string) (steps.Step, error) {
	var err error
	expand := func(s *string) {
		if err == nil && *s != "" {
			*s, err = steps.Expand(*s, vars)
		}
	}
	expandTarget := func(t *steps.Target) *steps.Target {
		if t == nil {
			return nil
		}
		c := *t
		expand(&c.Text)
		expand(&c.CSS)
		expand(&c.XPath)
		return &c
	}
	expand(&st.URL)
	expand(&st.Text)
	st.Target = expandTarget(st.Target)
	if st.Assert != nil {
		a := *st.Assert
		expand(&a.Text)
		a.Target = expandTarget(a.Target)
		st.Assert = &a
	}
	if err != nil {
		return st, fmt.Errorf("fill in templates: %w", err)
	}
	return st, nil
}
