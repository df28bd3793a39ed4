package planner

import (
	"reflect"
	"testing"

	"github.com/testing-agent/backend/executor/browser"
)

func TestDiffTellsWhatAnActionChanged(t *testing.T) {
	values := []string{"Buy milk", "Walk the dog"}
	two := browser.AppControls{
		URL:   "http://127.0.0.1/app/#/",
		Texts: []string{"todos", "Buy milk", "Walk the dog", "2 items left"},
		Items: []browser.AppItem{{Label: "Buy milk", Visible: true}, {Label: "Walk the dog", Visible: true}},
		Checks: []browser.AppControl{
			{Item: "Buy milk", Visible: true}, {Item: "Walk the dog", Visible: true},
		},
	}
	with := func(change func(c *browser.AppControls)) browser.AppControls {
		c := two
		c.Texts = append([]string{}, two.Texts...)
		c.Items = append([]browser.AppItem{}, two.Items...)
		c.Checks = append([]browser.AppControl{}, two.Checks...)
		change(&c)
		return c
	}
	tests := map[string]struct {
		before, after browser.AppControls
		want          effect
	}{
		"added": {
			before: browser.AppControls{URL: two.URL, Texts: []string{"todos"}},
			after:  two,
			want:   effect{added: values, texts: []string{"2 items left"}},
		},
		"checked, a count and a button": {
			before: two,
			after: with(func(c *browser.AppControls) {
				c.Checks[0].Checked = true
				c.Texts = []string{"todos", "Buy milk", "Walk the dog", "1 item left", "Clear completed (1)"}
				c.Button = []browser.AppControl{{Names: []string{"Clear completed (1)"}, Visible: true}}
			}),
			want: effect{checked: []string{"Buy milk"}, texts: []string{"1 item left"}, gone: []string{"2 items left"}, buttons: []string{"Clear completed"}},
		},
		"filtered by a route": {
			before: two,
			after: with(func(c *browser.AppControls) {
				c.URL = "http://127.0.0.1/app/#/active"
				c.Items[0].Visible = false
				c.Texts = []string{"todos", "Walk the dog", "2 items left"}
			}),
			want: effect{hidden: []string{"Buy milk"}, url: "#/active"},
		},
		"removed": {
			before: two,
			after: with(func(c *browser.AppControls) {
				c.Items = c.Items[1:]
				c.Checks = c.Checks[1:]
				c.Texts = []string{"todos", "Walk the dog", "1 item left"}
			}),
			want: effect{removed: []string{"Buy milk"}, texts: []string{"1 item left"}, gone: []string{"2 items left"}},
		},
		"opened for editing": {
			before: two,
			after: with(func(c *browser.AppControls) {
				c.Fields = []browser.AppControl{{Item: "Buy milk", Value: "Buy milk", Focused: true, Visible: true}}
			}),
			want: effect{editing: "Buy milk"},
		},
		"nothing": {before: two, after: two, want: effect{}},
	}
	for name, tc := range tests {
		got := diff(tc.before, tc.after, values)
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: diff = %+v, want %+v", name, got, tc.want)
		}
		if got.empty() != (name == "nothing") {
			t.Errorf("%s: empty() = %v", name, got.empty())
		}
	}
}

func TestStepNameDropsCounts(t *testing.T) {
	for in, want := range map[string]string{"Clear completed (2)": "Clear completed", "Inbox 3": "Inbox", "42": "42", "Active": "Active"} {
		if got := stepName(in); got != want {
			t.Errorf("stepName(%q) = %q, want %q", in, got, want)
		}
	}
}
