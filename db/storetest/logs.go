package storetest

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/testing-agent/backend/db"
)

// sortedLogs returns ls in the order a session's logs list: by timestamp, then ID.
func sortedLogs(ls []*db.ExecutionLog) []*db.ExecutionLog {
	out := slices.Clone(ls)
	slices.SortStableFunc(out, func(a, b *db.ExecutionLog) int {
		if c := a.Timestamp.Compare(b.Timestamp); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	return out
}

func filterLogs(ls []*db.ExecutionLog, keep func(*db.ExecutionLog) bool) []*db.ExecutionLog {
	var out []*db.ExecutionLog
	for _, l := range ls {
		if keep(l) {
			out = append(out, l)
		}
	}
	return out
}

// recent returns an instant with whole milliseconds a little before now, for
// explicit timestamps: recent enough that no retention policy drops it.
func recent() time.Time {
	return db.Now().Add(-10 * time.Minute)
}

func testLogs(t *testing.T, open func(t *testing.T) db.Store) {
	base := recent()
	t.Run("Append", func(t *testing.T) {
		s := open(t)
		sess := mustSession(t, s, "logs", "")
		_, fs := mustFlows(t, s, sess.ID, newFlow("f0"))
		br := mustBrowser(t, s, db.NewBrowserSession{SessionID: sess.ID, FlowID: &fs[0].ID, Status: db.BrowserRunning, BrowserType: "chromium"})
		zone := time.FixedZone("UTC+05:30", 5*3600+30*60)
		cases := []struct {
			what   string
			in     db.NewExecutionLog
			wantTS time.Time // zero: the time of the call
		}{
			{"zero timestamp", db.NewExecutionLog{Level: db.LogInfo, Message: "starting"}, time.Time{}},
			{"explicit timestamp", db.NewExecutionLog{Level: db.LogDebug, Message: "explicit", Timestamp: base}, base},
			{"sub-millisecond timestamp", db.NewExecutionLog{Level: db.LogWarning, Message: "sub-ms", Timestamp: base.Add(999_999 * time.Nanosecond)}, base},
			{"timestamp in another zone", db.NewExecutionLog{Level: db.LogError, Message: "zoned", Timestamp: base.Add(time.Second).In(zone)}, base.Add(time.Second)},
			{"flow and browser session", db.NewExecutionLog{FlowID: &fs[0].ID, BrowserSessionID: &br.ID, Level: db.LogInfo, Message: "Click \"Sign in\" — ok ✓\nsecond line", Timestamp: base.Add(2 * time.Millisecond)}, base.Add(2 * time.Millisecond)},
			{"flow only", db.NewExecutionLog{FlowID: &fs[0].ID, Level: db.LogInfo, Message: "flow only", Timestamp: base.Add(3 * time.Millisecond)}, base.Add(3 * time.Millisecond)},
			{"browser session only", db.NewExecutionLog{BrowserSessionID: &br.ID, Level: db.LogInfo, Message: "browser only", Timestamp: base.Add(4 * time.Millisecond)}, base.Add(4 * time.Millisecond)},
			{"longest message", db.NewExecutionLog{Level: db.LogInfo, Message: runes("日", db.MaxTextLength), Timestamp: base.Add(5 * time.Millisecond)}, base.Add(5 * time.Millisecond)},
		}
		var want []*db.ExecutionLog
		for _, c := range cases {
			in := c.in
			in.SessionID = sess.ID
			w := begin()
			got, err := s.AppendExecutionLog(ctx(t), in)
			w = w.end()
			if err != nil {
				t.Fatalf("AppendExecutionLog(%s): %v", c.what, err)
			}
			if got == nil {
				t.Fatalf("AppendExecutionLog(%s) returned nil and no error", c.what)
			}
			if !db.ValidID(got.ID) {
				t.Errorf("%s: ID %q is not a valid ID", c.what, got.ID)
			}
			ts := c.wantTS
			if ts.IsZero() {
				w.checkNow(t, c.what+": Timestamp", got.Timestamp)
				ts = got.Timestamp
			} else {
				checkTimeForm(t, c.what+": Timestamp", got.Timestamp)
			}
			wl := &db.ExecutionLog{
				ID: got.ID, SessionID: sess.ID, FlowID: in.FlowID, BrowserSessionID: in.BrowserSessionID,
				Level: in.Level, Message: in.Message, Timestamp: ts,
			}
			checkLogEqual(t, c.what+": appended log", got, wl)
			want = append(want, wl)
		}
		list := allLogs(t, s, db.LogQuery{SessionID: sess.ID, Limit: 100})
		for i, l := range list {
			checkTimeForm(t, fmt.Sprintf("ListExecutionLogs[%d].Timestamp", i), l.Timestamp)
		}
		checkLogsEqual(t, "ListExecutionLogs", list, sortedLogs(want))
	})

	t.Run("Data", func(t *testing.T) {
		big := `"` + strings.Repeat("x", db.MaxLogDataBytes-2) + `"`
		cases := []struct {
			what string
			data json.RawMessage
		}{
			{"nil", nil},
			{"null", json.RawMessage(`null`)},
			{"empty object", json.RawMessage(`{}`)},
			{"empty array", json.RawMessage(`[]`)},
			{"object", json.RawMessage(`{"step":3,"selector":"#login","ok":true,"nested":{"a":[1,2.5,-3e2,"x",null,true,false],"b":{}},"text":"é🙂\n\"q\"\\"}`)},
			{"array", json.RawMessage(`[1,"two",{"three":3},[4],null]`)},
			{"integer", json.RawMessage(`42`)},
			{"negative float", json.RawMessage(`-0.125`)},
			{"large integer", json.RawMessage(`9007199254740991`)},
			{"string", json.RawMessage(`"a string with \u00e9 and \ud83d\ude42"`)},
			{"true", json.RawMessage(`true`)},
			{"false", json.RawMessage(`false`)},
			{"surrounding whitespace", json.RawMessage(" \n {\"k\" : \"v\"}\t ")},
			{"64 KiB", json.RawMessage(big)},
		}
		s := open(t)
		sess := mustSession(t, s, "data", "")
		var want []*db.ExecutionLog
		for i, c := range cases {
			in := db.NewExecutionLog{SessionID: sess.ID, Level: db.LogInfo, Message: c.what, Data: c.data, Timestamp: base.Add(time.Duration(i) * time.Millisecond)}
			got := mustLog(t, s, in)
			if msg := jsonDiff(got.Data, c.data); msg != "" {
				t.Errorf("%s: appended log's Data = %s", c.what, msg)
			}
			want = append(want, &db.ExecutionLog{ID: got.ID, SessionID: sess.ID, Level: db.LogInfo, Message: c.what, Timestamp: in.Timestamp, Data: c.data})
		}
		checkLogsEqual(t, "ListExecutionLogs", allLogs(t, s, db.LogQuery{SessionID: sess.ID, Limit: 100}), want)
	})

	t.Run("AppendRejects", func(t *testing.T) {
		cases := []struct {
			what string
			edit func(in *db.NewExecutionLog)
		}{
			{"empty level", func(in *db.NewExecutionLog) { in.Level = "" }},
			{"unknown level", func(in *db.NewExecutionLog) { in.Level = "fatal" }},
			{"capitalised level", func(in *db.NewExecutionLog) { in.Level = "INFO" }},
			{"truncated JSON", func(in *db.NewExecutionLog) { in.Data = json.RawMessage(`{"a":`) }},
			{"not JSON", func(in *db.NewExecutionLog) { in.Data = json.RawMessage(`not json`) }},
			{"trailing garbage", func(in *db.NewExecutionLog) { in.Data = json.RawMessage(`{"a":1} x`) }},
			{"data over 64 KiB", func(in *db.NewExecutionLog) {
				in.Data = json.RawMessage(`"` + strings.Repeat("x", db.MaxLogDataBytes-1) + `"`)
			}},
			{"message of 20001 runes", func(in *db.NewExecutionLog) { in.Message = runes("é", db.MaxTextLength+1) }},
			{"malformed flow ID", func(in *db.NewExecutionLog) { in.FlowID = ptr("xyz") }},
			{"malformed browser session ID", func(in *db.NewExecutionLog) { in.BrowserSessionID = ptr("XYZ") }},
			{"malformed session ID", func(in *db.NewExecutionLog) { in.SessionID = "" }},
		}
		s := open(t)
		sess := mustSession(t, s, "rejects", "")
		for _, c := range cases {
			t.Run(strings.ReplaceAll(c.what, " ", "_"), func(t *testing.T) {
				in := db.NewExecutionLog{SessionID: sess.ID, Level: db.LogInfo, Message: "m"}
				c.edit(&in)
				_, err := s.AppendExecutionLog(ctx(t), in)
				wantCode(t, err, db.ErrInvalid, "AppendExecutionLog with "+c.what)
			})
		}
		if got := mustLogPage(t, s, db.LogQuery{SessionID: sess.ID, Limit: 10}); len(got.Logs) != 0 || got.HasNextPage {
			t.Errorf("after only invalid appends, ListExecutionLogs returned %d logs (HasNextPage %v), want none", len(got.Logs), got.HasNextPage)
		}
	})

	t.Run("UnknownSession", func(t *testing.T) {
		s := open(t)
		mustSession(t, s, "exists", "")
		_, err := s.AppendExecutionLog(ctx(t), db.NewExecutionLog{SessionID: db.NewID(), Level: db.LogInfo, Message: "m"})
		wantCode(t, err, db.ErrNotFound, "AppendExecutionLog(unknown session)")
		_, err = s.ListExecutionLogs(ctx(t), db.LogQuery{SessionID: db.NewID(), Limit: 10})
		wantCode(t, err, db.ErrNotFound, "ListExecutionLogs(unknown session)")
	})

	t.Run("ListEmpty", func(t *testing.T) {
		s := open(t)
		sess := mustSession(t, s, "quiet", "")
		p := mustLogPage(t, s, db.LogQuery{SessionID: sess.ID, Limit: 10})
		if len(p.Logs) != 0 || p.HasNextPage {
			t.Errorf("ListExecutionLogs of a session without logs = %d logs, HasNextPage %v; want none, false", len(p.Logs), p.HasNextPage)
		}
	})

	t.Run("ListRejects", func(t *testing.T) {
		s := open(t)
		sess := mustSession(t, s, "s", "")
		mustLog(t, s, db.NewExecutionLog{SessionID: sess.ID, Level: db.LogInfo, Message: "m"})
		for _, limit := range []int{0, -1, db.MaxListLimit + 1} {
			_, err := s.ListExecutionLogs(ctx(t), db.LogQuery{SessionID: sess.ID, Limit: limit})
			wantCode(t, err, db.ErrInvalid, fmt.Sprintf("ListExecutionLogs(Limit %d)", limit))
		}
		_, err := s.ListExecutionLogs(ctx(t), db.LogQuery{SessionID: sess.ID, Limit: 10, Level: ptr(db.LogLevel("fatal"))})
		wantCode(t, err, db.ErrInvalid, "ListExecutionLogs(Level fatal)")
		_, err = s.ListExecutionLogs(ctx(t), db.LogQuery{SessionID: sess.ID, Limit: 10, FlowID: ptr("xyz")})
		wantCode(t, err, db.ErrInvalid, "ListExecutionLogs(FlowID xyz)")
		if p := mustLogPage(t, s, db.LogQuery{SessionID: sess.ID, Limit: db.MaxListLimit}); len(p.Logs) != 1 {
			t.Errorf("ListExecutionLogs(Limit %d) returned %d logs, want 1", db.MaxListLimit, len(p.Logs))
		}
	})

	t.Run("Order", func(t *testing.T) {
		// Logs sort by timestamp, then ID, whatever order they were appended in.
		s := open(t)
		sess := mustSession(t, s, "order", "")
		offsets := []int{3, 1, 2, 1, 0, 3, 1}
		var logs []*db.ExecutionLog
		for i, ms := range offsets {
			logs = append(logs, mustLog(t, s, db.NewExecutionLog{
				SessionID: sess.ID, Level: db.LogInfo, Message: fmt.Sprintf("log %d at +%dms", i, ms),
				Timestamp: base.Add(time.Duration(ms) * time.Millisecond),
			}))
		}
		want := sortedLogs(logs)
		checkLogsEqual(t, "ListExecutionLogs", mustLogPage(t, s, db.LogQuery{SessionID: sess.ID, Limit: 100}).Logs, want)
		checkPages(t, s, db.LogQuery{SessionID: sess.ID, Limit: 2}, want)
	})

	t.Run("Filters", func(t *testing.T) {
		s := open(t)
		sess := mustSession(t, s, "filters", "")
		other := mustSession(t, s, "other", "")
		_, fs := mustFlows(t, s, sess.ID, newFlow("f0"), newFlow("f1"), newFlow("f2 without logs"))
		_, fo := mustFlows(t, s, other.ID, newFlow("other flow"))
		levels := []db.LogLevel{db.LogInfo, db.LogError, db.LogDebug, db.LogInfo, db.LogWarning}
		var logs []*db.ExecutionLog
		for i := range 30 {
			in := db.NewExecutionLog{
				SessionID: sess.ID, Level: levels[i%len(levels)], Message: fmt.Sprintf("log %d", i),
				Timestamp: base.Add(time.Duration(i/4) * time.Millisecond),
			}
			switch i % 3 {
			case 0:
				in.FlowID = &fs[0].ID
			case 1:
				in.FlowID = &fs[1].ID
			}
			logs = append(logs, mustLog(t, s, in))
			// Same timestamps in another session, with its own flow, must never show.
			mustLog(t, s, db.NewExecutionLog{SessionID: other.ID, FlowID: &fo[0].ID, Level: in.Level, Message: "other " + in.Message, Timestamp: in.Timestamp})
		}
		all := sortedLogs(logs)
		byFlow := func(id string) func(*db.ExecutionLog) bool {
			return func(l *db.ExecutionLog) bool { return l.FlowID != nil && *l.FlowID == id }
		}
		byLevel := func(lv db.LogLevel) func(*db.ExecutionLog) bool {
			return func(l *db.ExecutionLog) bool { return l.Level == lv }
		}
		cases := []struct {
			what  string
			flow  *string
			level *db.LogLevel
			keep  func(*db.ExecutionLog) bool
		}{
			{"no filter", nil, nil, func(*db.ExecutionLog) bool { return true }},
			{"flow 0", &fs[0].ID, nil, byFlow(fs[0].ID)},
			{"flow 1", &fs[1].ID, nil, byFlow(fs[1].ID)},
			{"flow without logs", &fs[2].ID, nil, byFlow(fs[2].ID)},
			{"level info", nil, ptr(db.LogInfo), byLevel(db.LogInfo)},
			{"level error", nil, ptr(db.LogError), byLevel(db.LogError)},
			{"flow 1 and level debug", &fs[1].ID, ptr(db.LogDebug), func(l *db.ExecutionLog) bool { return byFlow(fs[1].ID)(l) && byLevel(db.LogDebug)(l) }},
			{"flow of another session", &fo[0].ID, nil, byFlow(fo[0].ID)},
		}
		for _, c := range cases {
			t.Run(strings.ReplaceAll(c.what, " ", "_"), func(t *testing.T) {
				want := filterLogs(all, c.keep)
				q := db.LogQuery{SessionID: sess.ID, FlowID: c.flow, Level: c.level, Limit: db.MaxListLimit}
				p := mustLogPage(t, s, q)
				checkLogsEqual(t, "ListExecutionLogs", p.Logs, want)
				if p.HasNextPage {
					t.Errorf("HasNextPage is true with every matching log on the page")
				}
				q.Limit = 3
				checkPages(t, s, q, want)
			})
		}
	})

	t.Run("Pagination", func(t *testing.T) {
		patterns := map[string]func(i int) time.Time{
			"distinct":       func(i int) time.Time { return base.Add(time.Duration(i) * time.Millisecond) },
			"same":           func(int) time.Time { return base },
			"runs":           func(i int) time.Time { return base.Add(time.Duration(i/3) * time.Millisecond) },
			"shuffled":       func(i int) time.Time { return base.Add(time.Duration((i*7)%5) * time.Millisecond) },
			"now":            func(int) time.Time { return time.Time{} },
			"descending":     func(i int) time.Time { return base.Add(-time.Duration(i) * time.Millisecond) },
			"sub-ms in same": func(i int) time.Time { return base.Add(time.Duration(i) * time.Microsecond) },
		}
		cases := []struct {
			n, limit int
			pattern  string
		}{
			{25, 10, "distinct"},
			{25, 10, "same"},
			{25, 10, "runs"},
			{25, 10, "shuffled"},
			{25, 10, "now"},
			{25, 10, "descending"},
			{25, 10, "sub-ms in same"},
			{20, 10, "distinct"},
			{20, 10, "same"},
			{30, 7, "runs"},
			{7, 1, "same"},
			{5, 10, "runs"},
			{10, 10, "same"},
			{11, 10, "same"},
			{1, 1, "distinct"},
			{0, 10, "distinct"},
		}
		s := open(t)
		noise := mustSession(t, s, "noise", "")
		for _, c := range cases {
			t.Run(fmt.Sprintf("%d_logs_limit_%d_%s", c.n, c.limit, strings.ReplaceAll(c.pattern, " ", "_")), func(t *testing.T) {
				sess := mustSession(t, s, "pages", "")
				var logs []*db.ExecutionLog
				for i := range c.n {
					ts := patterns[c.pattern](i)
					logs = append(logs, mustLog(t, s, db.NewExecutionLog{SessionID: sess.ID, Level: db.LogInfo, Message: fmt.Sprintf("log %d", i), Timestamp: ts}))
					if i%4 == 0 {
						mustLog(t, s, db.NewExecutionLog{SessionID: noise.ID, Level: db.LogInfo, Message: "noise", Timestamp: ts})
					}
				}
				checkPages(t, s, db.LogQuery{SessionID: sess.ID, Limit: c.limit}, sortedLogs(logs))
			})
		}
	})

	t.Run("AfterCursor", func(t *testing.T) {
		// A run of logs in one millisecond, with neighbours on either side.
		s := open(t)
		sess := mustSession(t, s, "cursor", "")
		var logs []*db.ExecutionLog
		add := func(ts time.Time, msg string) {
			logs = append(logs, mustLog(t, s, db.NewExecutionLog{SessionID: sess.ID, Level: db.LogInfo, Message: msg, Timestamp: ts}))
		}
		for i := range 25 {
			add(base, fmt.Sprintf("run %d", i))
			if i == 10 {
				add(base.Add(time.Millisecond), "after the run")
				add(base.Add(-time.Millisecond), "before the run")
			}
		}
		want := sortedLogs(logs) // before, run 0..24, after
		if want[0].Message != "before the run" || want[len(want)-1].Message != "after the run" {
			t.Fatalf("unexpected order of the fixture: %v", logMessages(want))
		}
		const zeros, fs = "000000000000000000000000", "ffffffffffffffffffffffff"
		cases := []struct {
			what   string
			after  db.LogCursor
			limit  int
			from   int // index in want of the first log expected
			n      int // how many logs expected
			hasNxt bool
		}{
			{"middle of the run, short page", db.CursorOf(want[13]), 5, 14, 5, true},
			{"middle of the run, long page", db.CursorOf(want[13]), 100, 14, len(want) - 14, false},
			{"first of the run", db.CursorOf(want[1]), 3, 2, 3, true},
			{"last of the run", db.CursorOf(want[25]), 10, 26, 1, false},
			{"the last log", db.CursorOf(want[len(want)-1]), 10, len(want), 0, false},
			{"before the first log", db.CursorOf(want[0]), 25, 1, 25, true},
			{"run's time, lowest ID", db.LogCursor{Timestamp: base, ID: zeros}, 100, 1, 25 + 1, false},
			{"run's time, highest ID", db.LogCursor{Timestamp: base, ID: fs}, 100, 26, 1, false},
			{"earlier time, highest ID", db.LogCursor{Timestamp: base.Add(-time.Millisecond), ID: fs}, 100, 1, 26, false},
			{"long before everything", db.LogCursor{Timestamp: base.Add(-time.Hour), ID: fs}, 100, 0, len(want), false},
			{"long after everything", db.LogCursor{Timestamp: base.Add(time.Hour), ID: zeros}, 100, len(want), 0, false},
		}
		for _, c := range cases {
			t.Run(strings.ReplaceAll(c.what, " ", "_"), func(t *testing.T) {
				for _, parsed := range []bool{false, true} {
					after := c.after
					if parsed {
						var err error
						if after, err = db.ParseLogCursor("after", c.after.String()); err != nil {
							t.Fatalf("ParseLogCursor: %v", err)
						}
					}
					p := mustLogPage(t, s, db.LogQuery{SessionID: sess.ID, After: &after, Limit: c.limit})
					what := fmt.Sprintf("ListExecutionLogs(After %s, Limit %d, cursor parsed from a string: %v)", c.what, c.limit, parsed)
					checkLogsEqual(t, what, p.Logs, want[c.from:c.from+c.n])
					if p.HasNextPage != c.hasNxt {
						t.Errorf("%s: HasNextPage = %v, want %v", what, p.HasNextPage, c.hasNxt)
					}
				}
			})
		}
	})
}

// checkPages walks q's pages from q.After and fails t unless they hold want
// in order, each page as full as q.Limit allows, with HasNextPage true on
// every page but the last. It alternates cursors made by db.CursorOf with
// cursors that went through their string form, as a client's would.
func checkPages(t *testing.T, s db.Store, q db.LogQuery, want []*db.ExecutionLog) {
	t.Helper()
	pos := 0
	for page := 0; ; page++ {
		if page > len(want)+1 {
			t.Fatalf("page %d: pagination does not end", page)
		}
		p := mustLogPage(t, s, q)
		n := min(q.Limit, len(want)-pos)
		what := fmt.Sprintf("page %d (limit %d, from log %d of %d)", page, q.Limit, pos, len(want))
		if len(p.Logs) != n {
			t.Errorf("%s: got %d logs %v, want %d %v", what, len(p.Logs), logMessages(p.Logs), n, logMessages(want[pos:pos+n]))
			return
		}
		checkLogsEqual(t, what, p.Logs, want[pos:pos+n])
		pos += n
		if wantNext := pos < len(want); p.HasNextPage != wantNext {
			t.Errorf("%s: HasNextPage = %v, want %v", what, p.HasNextPage, wantNext)
		}
		if !p.HasNextPage || n == 0 {
			break
		}
		c := db.CursorOf(p.Logs[n-1])
		if page%2 == 1 {
			var err error
			if c, err = db.ParseLogCursor("after", c.String()); err != nil {
				t.Fatalf("ParseLogCursor(%s): %v", c.String(), err)
			}
		}
		q.After = &c
	}
	if pos != len(want) {
		t.Errorf("pages held %d logs, want %d", pos, len(want))
	}
}

func testLastExecutionLog(t *testing.T, open func(t *testing.T) db.Store) {
	s := open(t)
	c := ctx(t)
	session := mustSession(t, s, "last", "")
	_, flows := mustFlows(t, s, session.ID, db.NewTestFlow{Name: "a", Instructions: "x"}, db.NewTestFlow{Name: "b", Instructions: "x"})
	if got, err := s.LastExecutionLog(c, db.LogQuery{SessionID: session.ID}); err != nil || got != nil {
		t.Fatalf("LastExecutionLog of a session without logs = %v, %v; want nil, nil", got, err)
	}
	base := db.Now().Add(-time.Minute)
	var logs []*db.ExecutionLog
	for i := range 6 {
		// Later appends carry earlier timestamps: order is by time, not insertion.
		logs = append(logs, mustLog(t, s, db.NewExecutionLog{SessionID: session.ID, FlowID: &flows[i%2].ID,
			Level: []db.LogLevel{db.LogInfo, db.LogError}[i/3], Message: fmt.Sprint(i),
			Timestamp: base.Add(time.Duration(5-i) * time.Millisecond)}))
	}
	tests := []struct {
		name string
		q    db.LogQuery
		want *db.ExecutionLog
	}{
		{"whole session", db.LogQuery{SessionID: session.ID}, logs[0]},
		{"one flow", db.LogQuery{SessionID: session.ID, FlowID: &flows[1].ID}, logs[1]},
		{"one level", db.LogQuery{SessionID: session.ID, Level: ptr(db.LogError)}, logs[3]},
		{"flow and level", db.LogQuery{SessionID: session.ID, FlowID: &flows[0].ID, Level: ptr(db.LogError)}, logs[4]},
		{"after and limit are ignored", db.LogQuery{SessionID: session.ID, Limit: 5000, After: &db.LogCursor{Timestamp: base.Add(time.Hour), ID: db.NewID()}}, logs[0]},
	}
	for _, tc := range tests {
		got, err := s.LastExecutionLog(c, tc.q)
		if err != nil || got == nil || got.ID != tc.want.ID {
			t.Errorf("%s: LastExecutionLog = %v, %v; want log %q", tc.name, got, err, tc.want.Message)
		}
	}
	// Two logs in one millisecond: the larger ID is the last.
	same := db.Now()
	mustLog(t, s, db.NewExecutionLog{SessionID: session.ID, Level: db.LogInfo, Message: "x", Timestamp: same})
	second := mustLog(t, s, db.NewExecutionLog{SessionID: session.ID, Level: db.LogInfo, Message: "y", Timestamp: same})
	if got, err := s.LastExecutionLog(c, db.LogQuery{SessionID: session.ID}); err != nil || got == nil || got.ID != second.ID {
		t.Errorf("LastExecutionLog with a same-millisecond tie = %v, %v; want the later ID", got, err)
	}
	_, err := s.LastExecutionLog(c, db.LogQuery{SessionID: db.NewID()})
	wantCode(t, err, db.ErrNotFound, "LastExecutionLog of an unknown session")
	_, err = s.LastExecutionLog(c, db.LogQuery{SessionID: "bad"})
	wantCode(t, err, db.ErrInvalid, "LastExecutionLog with a malformed session ID")
}
