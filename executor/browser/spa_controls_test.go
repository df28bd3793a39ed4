package browser

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/testing-agent/backend/executor/steps"
)

// TestControlsListsAppControls reads testdata/list.html: a field outside
// any form, list items with their own buttons, a same-page link; targets
// are checked with the runner's own resolution, ordinals where names repeat.
func TestControlsListsAppControls(t *testing.T) {
	s := acquire(t, pool(t))
	defer s.Release()
	ctx, cancel := context.WithTimeout(context.Background(), flowBound)
	defer cancel()
	if res := s.Run(ctx, parse(t, "Go to /list.html"), runOpts(passTimeout), nil); !res.Passed {
		t.Fatalf("open the page: %s", res.Error)
	}
	c, err := s.Controls(ctx, true)
	if err != nil {
		t.Fatal(err)
	}
	find := func(list []AppControl, name string, nth int) *AppControl {
		for i := range list {
			if list[i].Name() == name {
				if nth--; nth == 0 {
					return &list[i]
				}
			}
		}
		t.Fatalf("no control %q (#%d) in %+v", name, nth, list)
		return nil
	}
	tests := []struct {
		what    string
		control *AppControl
		item    string
		want    *steps.Target
	}{
		{"the field", find(c.Fields, "New item", 1), "", &steps.Target{Text: "New item", Role: steps.Field}},
		{"the first item's button", find(c.Button, "Delete", 1), "Milk", &steps.Target{Text: "Delete", Role: steps.Button}},
		{"the second item's button", find(c.Button, "Delete", 2), "Eggs", &steps.Target{Text: "Delete", Role: steps.Button, Nth: 2}},
		{"a link", find(c.Links, "Footer link", 1), "", &steps.Target{Text: "Footer link", Role: steps.Link}},
	}
	for _, tc := range tests {
		if !strings.HasPrefix(tc.control.Item, tc.item) || (tc.item == "") != (tc.control.Scope != "item") {
			t.Errorf("%s is in %s %q, want list item %q", tc.what, tc.control.Scope, tc.control.Item, tc.item)
		}
		if tc.control.Target == nil || *tc.control.Target != *tc.want {
			t.Errorf("%s has target %+v, want %+v", tc.what, tc.control.Target, tc.want)
		}
	}
	if l := find(c.Links, "Footer link", 1); !strings.HasSuffix(l.URL, "/list.html#top") {
		t.Errorf("link URL %q, want the absolute #top", l.URL)
	}
	var labels []string
	for _, it := range c.Items {
		labels = append(labels, strings.Fields(it.Label)[0])
	}
	if !slices.Equal(labels, []string{"Milk", "Eggs"}) {
		t.Errorf("items %+v, want Milk and Eggs", c.Items)
	}
	if !slices.Contains(c.Texts, "2 items") || slices.Contains(c.Texts, "Secret tip") {
		t.Errorf("texts %q: want the visible count and not the hidden tip", c.Texts)
	}
}
