package planner

import (
	"slices"
	"strings"
	"testing"
)

func TestAskedBehaviours(t *testing.T) {
	tests := []struct {
		prompt string
		want   []string // verb: object
	}{
		{"Test the todo list app at http://localhost:3000: adding todos, completing them, filtering active and completed todos, clearing completed todos, editing a todo and deleting a todo",
			[]string{"add: todos", "complete: ", "filter: active", "clear: completed todos", "edit: a todo", "delete: a todo"}},
		{"test sign-up and login on http://localhost:3000", []string{"sign up: ", "log in: "}},
		{"check the email address field and the addresses page", nil},
		{"Make sure removal of a contact works, then search contacts", []string{"remove: a contact works", "search: contacts"}},
		{"test http://localhost:3000", nil},
	}
	for _, tc := range tests {
		var got []string
		for _, a := range askedBehaviours(tc.prompt) {
			got = append(got, a.verb+": "+a.object)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("askedBehaviours(%q)\n = %q\nwant %q", tc.prompt, got, tc.want)
		}
	}
}

func TestOrderByAskedPutsNamedBehavioursFirstAndReportsMissing(t *testing.T) {
	flows := []proposal{
		{name: "Home page loads", kind: "smoke"},
		{name: "Follow the Completed link", kind: "app", class: classFilter, control: "Completed"},
		{name: "Follow the Active link", kind: "app", class: classFilter, control: "Active"},
		{name: "Add entries", kind: "app", class: classAdd, control: "What needs to be done?"},
		{name: "Steps from the prompt", kind: "prompt"},
		{name: "Log in form submits", description: "Fills in the log in form", kind: "form"},
	}
	missing := orderByAsked("Test adding todos, filtering active todos, logging in and deleting a todo", flows)
	var names []string
	for _, f := range flows {
		names = append(names, f.name)
	}
	want := []string{"Steps from the prompt", "Add entries", "Follow the Active link", "Follow the Completed link", "Log in form submits", "Home page loads"}
	if !slices.Equal(names, want) {
		t.Errorf("order\n %q\nwant %q", names, want)
	}
	var notes []string
	for _, a := range missing {
		notes = append(notes, a.missing())
	}
	if strings.Join(notes, "; ") != "could not find how to delete a todo" {
		t.Errorf("missing %q, want only deleting a todo", notes)
	}
}
