package storetest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/testing-agent/backend/db"
)

// clockSlack is how far a stored "now" may lie outside the interval of the
// call that made it, for backends whose clock is not the test's (a database
// server on another host). Zero or wildly wrong times still fail.
const clockSlack = 5 * time.Second

func ptr[T any](v T) *T { return &v }

// runes returns s repeated until it is n runes long; s is one rune.
func runes(s string, n int) string { return strings.Repeat(s, n) }

// wantCode fails t unless err carries code.
func wantCode(t *testing.T, err error, code, what string) {
	t.Helper()
	if err == nil {
		t.Errorf("%s: got no error, want %s", what, code)
		return
	}
	if got := db.ErrorCode(err); got != code {
		t.Errorf("%s: got error code %s (%v), want %s", what, got, err, code)
	}
}

// checkTimeForm fails t unless tm is a UTC time with whole milliseconds.
func checkTimeForm(t *testing.T, what string, tm time.Time) {
	t.Helper()
	if tm.IsZero() {
		t.Errorf("%s is the zero time", what)
		return
	}
	if tm.Location() != time.UTC {
		t.Errorf("%s = %v is in location %q, want UTC", what, tm, tm.Location())
	}
	if !tm.Equal(tm.Truncate(time.Millisecond)) {
		t.Errorf("%s = %v has sub-millisecond precision, want whole milliseconds", what, tm.Format(time.RFC3339Nano))
	}
}

// window records the interval around a store call that stamps "now".
type window struct{ lo, hi time.Time }

func begin() window { return window{lo: db.Now()} }

func (w window) end() window { w.hi = time.Now(); return w }

// checkNow fails t unless tm is a well-formed time inside w (give or take clockSlack).
func (w window) checkNow(t *testing.T, what string, tm time.Time) {
	t.Helper()
	checkTimeForm(t, what, tm)
	if tm.Before(w.lo.Add(-clockSlack)) || tm.After(w.hi.Add(clockSlack)) {
		t.Errorf("%s = %v, want the time of the call, between %v and %v",
			what, tm.Format(time.RFC3339Nano), w.lo.Format(time.RFC3339Nano), w.hi.Format(time.RFC3339Nano))
	}
}

// ---- creating things ----

func mustSession(t *testing.T, s db.Store, name, prompt string) *db.TestSession {
	t.Helper()
	sess, err := s.CreateTestSession(ctx(t), db.NewTestSession{Name: name, Prompt: prompt})
	if err != nil {
		t.Fatalf("CreateTestSession(%q): %v", name, err)
	}
	if sess == nil {
		t.Fatalf("CreateTestSession(%q) returned a nil session and no error", name)
	}
	return sess
}

func newFlow(name string) db.NewTestFlow {
	return db.NewTestFlow{
		Name:         name,
		Description:  "description of " + name,
		Instructions: "Go to http://localhost:3000/\nExpect the page contains \"" + name + "\"",
	}
}

func mustFlows(t *testing.T, s db.Store, sessionID string, flows ...db.NewTestFlow) (*db.TestSession, []*db.TestFlow) {
	t.Helper()
	sess, got, err := s.CreateTestFlows(ctx(t), sessionID, flows)
	if err != nil {
		t.Fatalf("CreateTestFlows(%s, %d flows): %v", sessionID, len(flows), err)
	}
	if sess == nil {
		t.Fatalf("CreateTestFlows returned a nil session and no error")
	}
	if len(got) != len(flows) {
		t.Fatalf("CreateTestFlows returned %d flows, want %d", len(got), len(flows))
	}
	for i, f := range got {
		if f == nil {
			t.Fatalf("CreateTestFlows returned a nil flow at index %d", i)
		}
	}
	return sess, got
}

func mustGetSession(t *testing.T, s db.Store, id string) *db.TestSession {
	t.Helper()
	sess, err := s.GetTestSession(ctx(t), id)
	if err != nil {
		t.Fatalf("GetTestSession(%s): %v", id, err)
	}
	if sess == nil {
		t.Fatalf("GetTestSession(%s) returned nil and no error", id)
	}
	return sess
}

func mustGetFlow(t *testing.T, s db.Store, id string) *db.TestFlow {
	t.Helper()
	f, err := s.GetTestFlow(ctx(t), id)
	if err != nil {
		t.Fatalf("GetTestFlow(%s): %v", id, err)
	}
	if f == nil {
		t.Fatalf("GetTestFlow(%s) returned nil and no error", id)
	}
	return f
}

func mustListFlows(t *testing.T, s db.Store, sessionID string) []*db.TestFlow {
	t.Helper()
	fs, err := s.ListTestFlows(ctx(t), sessionID)
	if err != nil {
		t.Fatalf("ListTestFlows(%s): %v", sessionID, err)
	}
	return fs
}

func mustListSessions(t *testing.T, s db.Store, limit int) []*db.TestSession {
	t.Helper()
	ss, err := s.ListTestSessions(ctx(t), limit)
	if err != nil {
		t.Fatalf("ListTestSessions(%d): %v", limit, err)
	}
	return ss
}

func mustBrowser(t *testing.T, s db.Store, in db.NewBrowserSession) *db.BrowserSession {
	t.Helper()
	b, err := s.CreateBrowserSession(ctx(t), in)
	if err != nil {
		t.Fatalf("CreateBrowserSession: %v", err)
	}
	if b == nil {
		t.Fatalf("CreateBrowserSession returned nil and no error")
	}
	return b
}

func mustListBrowsers(t *testing.T, s db.Store, sessionID string) []*db.BrowserSession {
	t.Helper()
	bs, err := s.ListBrowserSessions(ctx(t), sessionID)
	if err != nil {
		t.Fatalf("ListBrowserSessions(%s): %v", sessionID, err)
	}
	return bs
}

func mustLog(t *testing.T, s db.Store, in db.NewExecutionLog) *db.ExecutionLog {
	t.Helper()
	l, err := s.AppendExecutionLog(ctx(t), in)
	if err != nil {
		t.Fatalf("AppendExecutionLog(%q): %v", in.Message, err)
	}
	if l == nil {
		t.Fatalf("AppendExecutionLog returned nil and no error")
	}
	return l
}

func mustLogPage(t *testing.T, s db.Store, q db.LogQuery) *db.LogPage {
	t.Helper()
	p, err := s.ListExecutionLogs(ctx(t), q)
	if err != nil {
		t.Fatalf("ListExecutionLogs(%+v): %v", q, err)
	}
	if p == nil {
		t.Fatalf("ListExecutionLogs returned a nil page and no error")
	}
	return p
}

// allLogs returns every log of a session matching q's filters, walking pages
// of q.Limit, and fails t if the walk does not end.
func allLogs(t *testing.T, s db.Store, q db.LogQuery) []*db.ExecutionLog {
	t.Helper()
	var out []*db.ExecutionLog
	for range 10_000 {
		p := mustLogPage(t, s, q)
		out = append(out, p.Logs...)
		if !p.HasNextPage {
			return out
		}
		if len(p.Logs) == 0 {
			t.Fatalf("ListExecutionLogs returned an empty page with HasNextPage")
		}
		c := db.CursorOf(p.Logs[len(p.Logs)-1])
		q.After = &c
	}
	t.Fatalf("ListExecutionLogs: pagination did not end after 10000 pages")
	return nil
}

// ---- comparing things ----

// diffs collects field differences between two values.
type diffs []string

func (d *diffs) add(format string, args ...any) { *d = append(*d, fmt.Sprintf(format, args...)) }

func (d *diffs) str(field, got, want string) {
	if got != want {
		d.add("%s = %q, want %q", field, short(got), short(want))
	}
}

func (d *diffs) int(field string, got, want int) {
	if got != want {
		d.add("%s = %d, want %d", field, got, want)
	}
}

func (d *diffs) time(field string, got, want time.Time) {
	if !got.Equal(want) {
		d.add("%s = %v, want %v", field, got.Format(time.RFC3339Nano), want.Format(time.RFC3339Nano))
	}
}

func (d *diffs) timePtr(field string, got, want *time.Time) {
	switch {
	case got == nil && want == nil:
	case got == nil || want == nil:
		d.add("%s = %s, want %s", field, fmtPtr(got), fmtPtr(want))
	default:
		d.time(field, *got, *want)
	}
}

func (d *diffs) strPtr(field string, got, want *string) {
	switch {
	case got == nil && want == nil:
	case got == nil || want == nil:
		d.add("%s = %s, want %s", field, fmtPtr(got), fmtPtr(want))
	default:
		d.str(field, *got, *want)
	}
}

func (d *diffs) int64Ptr(field string, got, want *int64) {
	switch {
	case got == nil && want == nil:
	case got == nil || want == nil:
		d.add("%s = %s, want %s", field, fmtPtr(got), fmtPtr(want))
	case *got != *want:
		d.add("%s = %d, want %d", field, *got, *want)
	}
}

func (d diffs) report(t *testing.T, what string) {
	t.Helper()
	if len(d) > 0 {
		t.Errorf("%s:\n\t%s", what, strings.Join(d, "\n\t"))
	}
}

func fmtPtr[T any](p *T) string {
	if p == nil {
		return "nil"
	}
	return fmt.Sprintf("&%v", *p)
}

func short(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:60]) + fmt.Sprintf("…(%d runes)", len(r))
	}
	return s
}

func sessionDiffs(got, want *db.TestSession) diffs {
	var d diffs
	if got == nil || want == nil {
		if got != want {
			d.add("session = %v, want %v", got, want)
		}
		return d
	}
	d.str("ID", got.ID, want.ID)
	d.str("Name", got.Name, want.Name)
	d.str("Prompt", got.Prompt, want.Prompt)
	d.str("Status", string(got.Status), string(want.Status))
	d.time("CreatedAt", got.CreatedAt, want.CreatedAt)
	d.timePtr("StartedAt", got.StartedAt, want.StartedAt)
	d.timePtr("CompletedAt", got.CompletedAt, want.CompletedAt)
	d.int("TotalFlows", got.TotalFlows, want.TotalFlows)
	d.int("CompletedFlows", got.CompletedFlows, want.CompletedFlows)
	switch gm, wm := got.Metadata, want.Metadata; {
	case gm == nil && wm == nil:
	case gm == nil || wm == nil:
		d.add("Metadata = %v, want %v", gm, wm)
	default:
		d.int64Ptr("Metadata.EstimatedDuration", gm.EstimatedDuration, wm.EstimatedDuration)
		d.int64Ptr("Metadata.ActualDuration", gm.ActualDuration, wm.ActualDuration)
		d.strPtr("Metadata.ErrorMessage", gm.ErrorMessage, wm.ErrorMessage)
	}
	return d
}

func checkSessionEqual(t *testing.T, what string, got, want *db.TestSession) {
	t.Helper()
	sessionDiffs(got, want).report(t, what)
}

func flowDiffs(got, want *db.TestFlow) diffs {
	var d diffs
	if got == nil || want == nil {
		if got != want {
			d.add("flow = %v, want %v", got, want)
		}
		return d
	}
	d.str("ID", got.ID, want.ID)
	d.str("SessionID", got.SessionID, want.SessionID)
	d.str("Name", got.Name, want.Name)
	d.str("Description", got.Description, want.Description)
	d.str("Instructions", got.Instructions, want.Instructions)
	if got.Approved != want.Approved {
		d.add("Approved = %v, want %v", got.Approved, want.Approved)
	}
	d.str("Status", string(got.Status), string(want.Status))
	d.int("Order", got.Order, want.Order)
	d.time("CreatedAt", got.CreatedAt, want.CreatedAt)
	d.timePtr("StartedAt", got.StartedAt, want.StartedAt)
	d.timePtr("CompletedAt", got.CompletedAt, want.CompletedAt)
	d.int64Ptr("DurationMs", got.DurationMs, want.DurationMs)
	d.strPtr("Error", got.Error, want.Error)
	return d
}

func checkFlowEqual(t *testing.T, what string, got, want *db.TestFlow) {
	t.Helper()
	flowDiffs(got, want).report(t, what)
}

func checkFlowsEqual(t *testing.T, what string, got, want []*db.TestFlow) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: got %d flows %v, want %d %v", what, len(got), flowIDs(got), len(want), flowIDs(want))
		return
	}
	for i := range got {
		checkFlowEqual(t, fmt.Sprintf("%s[%d]", what, i), got[i], want[i])
	}
}

func flowIDs(fs []*db.TestFlow) []string {
	ids := make([]string, len(fs))
	for i, f := range fs {
		if f != nil {
			ids[i] = f.ID
		}
	}
	return ids
}

func sessionIDs(ss []*db.TestSession) []string {
	ids := make([]string, len(ss))
	for i, s := range ss {
		if s != nil {
			ids[i] = s.ID
		}
	}
	return ids
}

func browserDiffs(got, want *db.BrowserSession) diffs {
	var d diffs
	if got == nil || want == nil {
		if got != want {
			d.add("browser session = %v, want %v", got, want)
		}
		return d
	}
	d.str("ID", got.ID, want.ID)
	d.str("SessionID", got.SessionID, want.SessionID)
	d.strPtr("FlowID", got.FlowID, want.FlowID)
	d.str("Status", string(got.Status), string(want.Status))
	d.str("BrowserType", got.BrowserType, want.BrowserType)
	d.time("StartedAt", got.StartedAt, want.StartedAt)
	d.time("LastActivity", got.LastActivity, want.LastActivity)
	d = append(d, browserMetaDiffs(got.Metadata, want.Metadata)...)
	return d
}

func browserMetaDiffs(got, want *db.BrowserMetadata) diffs {
	var d diffs
	switch {
	case got == nil && want == nil:
	case got == nil || want == nil:
		d.add("Metadata = %v, want %v", got, want)
	default:
		d.str("Metadata.Version", got.Version, want.Version)
		d.str("Metadata.UserAgent", got.UserAgent, want.UserAgent)
		switch gv, wv := got.Viewport, want.Viewport; {
		case gv == nil && wv == nil:
		case gv == nil || wv == nil:
			d.add("Metadata.Viewport = %v, want %v", gv, wv)
		case *gv != *wv:
			d.add("Metadata.Viewport = %+v, want %+v", *gv, *wv)
		}
	}
	return d
}

func checkBrowserEqual(t *testing.T, what string, got, want *db.BrowserSession) {
	t.Helper()
	browserDiffs(got, want).report(t, what)
}

func logDiffs(got, want *db.ExecutionLog) diffs {
	var d diffs
	if got == nil || want == nil {
		if got != want {
			d.add("log = %v, want %v", got, want)
		}
		return d
	}
	d.str("ID", got.ID, want.ID)
	d.str("SessionID", got.SessionID, want.SessionID)
	d.strPtr("FlowID", got.FlowID, want.FlowID)
	d.strPtr("BrowserSessionID", got.BrowserSessionID, want.BrowserSessionID)
	d.str("Level", string(got.Level), string(want.Level))
	d.str("Message", got.Message, want.Message)
	d.time("Timestamp", got.Timestamp, want.Timestamp)
	if msg := jsonDiff(got.Data, want.Data); msg != "" {
		d.add("Data: %s", msg)
	}
	return d
}

func checkLogEqual(t *testing.T, what string, got, want *db.ExecutionLog) {
	t.Helper()
	logDiffs(got, want).report(t, what)
}

func logIDs(ls []*db.ExecutionLog) []string {
	ids := make([]string, len(ls))
	for i, l := range ls {
		if l != nil {
			ids[i] = l.ID
		}
	}
	return ids
}

// checkLogsEqual fails t unless got holds exactly the logs of want, in order.
func checkLogsEqual(t *testing.T, what string, got, want []*db.ExecutionLog) {
	t.Helper()
	if !reflect.DeepEqual(logIDs(got), logIDs(want)) {
		t.Errorf("%s: got logs\n\t%v\nwant\n\t%v", what, logMessages(got), logMessages(want))
		return
	}
	for i := range got {
		checkLogEqual(t, fmt.Sprintf("%s[%d]", what, i), got[i], want[i])
	}
}

func logMessages(ls []*db.ExecutionLog) []string {
	ms := make([]string, len(ls))
	for i, l := range ls {
		if l != nil {
			ms[i] = l.Message
		}
	}
	return ms
}

// jsonDiff compares two JSON documents by meaning (key order, spacing and
// number spelling do not matter) and describes the difference, or returns "".
// nil means absent and differs from any document, including null.
func jsonDiff(got, want json.RawMessage) string {
	switch {
	case got == nil && want == nil:
		return ""
	case got == nil:
		return fmt.Sprintf("nil, want %s", short(string(want)))
	case want == nil:
		return fmt.Sprintf("%s, want nil", short(string(got)))
	}
	var g, w any
	if err := json.Unmarshal(got, &g); err != nil {
		return fmt.Sprintf("%q is not valid JSON: %v", short(string(got)), err)
	}
	if err := json.Unmarshal(want, &w); err != nil {
		return fmt.Sprintf("want %q is not valid JSON: %v", short(string(want)), err)
	}
	if !reflect.DeepEqual(g, w) {
		return fmt.Sprintf("%s, want %s", short(compact(got)), short(compact(want)))
	}
	return ""
}

func compact(raw []byte) string {
	var b bytes.Buffer
	if err := json.Compact(&b, raw); err != nil {
		return string(raw)
	}
	return b.String()
}

func statsDiffs(got, want *db.SystemStats) diffs {
	var d diffs
	if got == nil || want == nil {
		if got != want {
			d.add("stats = %v, want %v", got, want)
		}
		return d
	}
	d.str("ID", got.ID, want.ID)
	d.time("Timestamp", got.Timestamp, want.Timestamp)
	d.int("ActiveSessions", got.ActiveSessions, want.ActiveSessions)
	d.int("ActiveBrowsers", got.ActiveBrowsers, want.ActiveBrowsers)
	d.int("TotalFlowsExecuted", got.TotalFlowsExecuted, want.TotalFlowsExecuted)
	switch gm, wm := got.Metrics, want.Metrics; {
	case gm == nil && wm == nil:
	case gm == nil || wm == nil:
		d.add("Metrics = %v, want %v", gm, wm)
	default:
		d.int("Metrics.QueueDepth", gm.QueueDepth, wm.QueueDepth)
		d.int64Ptr("Metrics.AvgFlowDurationMs", gm.AvgFlowDurationMs, wm.AvgFlowDurationMs)
		d.int64Ptr("Metrics.MemoryBytes", gm.MemoryBytes, wm.MemoryBytes)
		d.int("Metrics.Subscribers", gm.Subscribers, wm.Subscribers)
	}
	return d
}

func checkStatsEqual(t *testing.T, what string, got, want *db.SystemStats) {
	t.Helper()
	statsDiffs(got, want).report(t, what)
}
