package db_test

import (
	"strings"
	"testing"

	"github.com/testing-agent/backend/db"
)

func TestFailureSummary(t *testing.T) {
	failed := func(name string, reason ...string) *db.TestFlow {
		f := &db.TestFlow{Name: name}
		if len(reason) > 0 {
			f.Error = &reason[0]
		}
		return f
	}
	long := strings.Repeat("é", 201)
	tests := []struct {
		what   string
		failed []*db.TestFlow
		ran    int
		want   string
	}{
		{"one", []*db.TestFlow{failed("Log in", "line 3: no button")}, 3,
			`1 of 3 flows failed: "Log in" (line 3: no button)`},
		{"no reason, quotes in the name", []*db.TestFlow{failed(`Say "hi"`)}, 1,
			`1 of 1 flows failed: "Say \"hi\"" ()`},
		{"long reason", []*db.TestFlow{failed("a", long)}, 1,
			`1 of 1 flows failed: "a" (` + strings.Repeat("é", 200) + `…)`},
		{"more failed than counted as ran", []*db.TestFlow{failed("a", "x"), failed("b", "y")}, 1,
			`2 of 2 flows failed: "a" (x), "b" (y)`},
		{"more than five", []*db.TestFlow{failed("1", "x"), failed("2", "x"), failed("3", "x"),
			failed("4", "x"), failed("5", "x"), failed("6", "x"), failed("7", "x")}, 9,
			`7 of 9 flows failed: "1" (x), "2" (x), "3" (x), "4" (x), "5" (x) and 2 more`},
	}
	for _, tc := range tests {
		if got := db.FailureSummary(tc.failed, tc.ran); got != tc.want {
			t.Errorf("%s: FailureSummary = %q, want %q", tc.what, got, tc.want)
		}
	}
}
