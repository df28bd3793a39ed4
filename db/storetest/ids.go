package storetest

import (
	"strings"
	"testing"

	"github.com/testing-agent/backend/db"
)

// idOp is one store call that takes an ID, given the ID to pass and real
// entities for its other arguments.
type idOp struct {
	name string
	call func(s db.Store, t *testing.T, fx fixture, id string) error
	// unknownIsNotFound: a well-formed ID of nothing is ErrNotFound. Not set
	// for optional references (a log's flow), whose existence the interface
	// does not promise to check.
	unknownIsNotFound bool
}

var idOps = []idOp{
	{"GetTestSession", func(s db.Store, t *testing.T, _ fixture, id string) error {
		_, err := s.GetTestSession(ctx(t), id)
		return err
	}, true},
	{"DeleteTestSession", func(s db.Store, t *testing.T, _ fixture, id string) error {
		_, err := s.DeleteTestSession(ctx(t), id)
		return err
	}, true},
	{"ListTestFlows", func(s db.Store, t *testing.T, _ fixture, id string) error {
		_, err := s.ListTestFlows(ctx(t), id)
		return err
	}, true},
	{"CreateTestFlows", func(s db.Store, t *testing.T, _ fixture, id string) error {
		_, _, err := s.CreateTestFlows(ctx(t), id, []db.NewTestFlow{newFlow("f")})
		return err
	}, true},
	{"GetTestFlow", func(s db.Store, t *testing.T, _ fixture, id string) error {
		_, err := s.GetTestFlow(ctx(t), id)
		return err
	}, true},
	{"UpdateTestFlow", func(s db.Store, t *testing.T, _ fixture, id string) error {
		_, err := s.UpdateTestFlow(ctx(t), id, db.TestFlowUpdate{Name: ptr("renamed")})
		return err
	}, true},
	{"DeleteTestFlow", func(s db.Store, t *testing.T, _ fixture, id string) error {
		_, err := s.DeleteTestFlow(ctx(t), id)
		return err
	}, true},
	{"SetFlowsApproved", func(s db.Store, t *testing.T, fx fixture, id string) error {
		_, err := s.SetFlowsApproved(ctx(t), []string{fx.flows[0].ID, id}, true)
		return err
	}, true},
	{"ListBrowserSessions", func(s db.Store, t *testing.T, _ fixture, id string) error {
		_, err := s.ListBrowserSessions(ctx(t), id)
		return err
	}, true},
	{"CreateBrowserSession.SessionID", func(s db.Store, t *testing.T, _ fixture, id string) error {
		_, err := s.CreateBrowserSession(ctx(t), db.NewBrowserSession{SessionID: id, Status: db.BrowserStarting, BrowserType: "chromium"})
		return err
	}, true},
	{"CreateBrowserSession.FlowID", func(s db.Store, t *testing.T, fx fixture, id string) error {
		_, err := s.CreateBrowserSession(ctx(t), db.NewBrowserSession{SessionID: fx.session.ID, FlowID: &id, Status: db.BrowserStarting, BrowserType: "chromium"})
		return err
	}, false},
	{"AppendExecutionLog.SessionID", func(s db.Store, t *testing.T, _ fixture, id string) error {
		_, err := s.AppendExecutionLog(ctx(t), db.NewExecutionLog{SessionID: id, Level: db.LogInfo, Message: "m"})
		return err
	}, true},
	{"AppendExecutionLog.FlowID", func(s db.Store, t *testing.T, fx fixture, id string) error {
		_, err := s.AppendExecutionLog(ctx(t), db.NewExecutionLog{SessionID: fx.session.ID, FlowID: &id, Level: db.LogInfo, Message: "m"})
		return err
	}, false},
	{"AppendExecutionLog.BrowserSessionID", func(s db.Store, t *testing.T, fx fixture, id string) error {
		_, err := s.AppendExecutionLog(ctx(t), db.NewExecutionLog{SessionID: fx.session.ID, BrowserSessionID: &id, Level: db.LogInfo, Message: "m"})
		return err
	}, false},
	{"ListExecutionLogs.SessionID", func(s db.Store, t *testing.T, _ fixture, id string) error {
		_, err := s.ListExecutionLogs(ctx(t), db.LogQuery{SessionID: id, Limit: 10})
		return err
	}, true},
	{"ListExecutionLogs.FlowID", func(s db.Store, t *testing.T, fx fixture, id string) error {
		_, err := s.ListExecutionLogs(ctx(t), db.LogQuery{SessionID: fx.session.ID, FlowID: &id, Limit: 10})
		return err
	}, false},
}

// testIDValidation checks every method that takes an ID: a malformed one is
// ErrInvalid, a well-formed one of nothing is ErrNotFound, and neither
// changes anything.
func testIDValidation(t *testing.T, open func(t *testing.T) db.Store) {
	s := open(t)
	fx := makeFixture(t, s, "bystander", 2, 1, 2)
	someID := db.NewID()
	malformed := []struct{ what, id string }{
		{"empty", ""},
		{"short word", "xyz"},
		{"uppercase hex", "ABCDEF" + strings.ToUpper(someID[6:])},
		{"23 digits", someID[:23]},
		{"25 digits", someID + "0"},
		{"24 non-hex characters", "zzzzzzzzzzzzzzzzzzzzzzzz"},
		{"padded with spaces", " " + someID[:22] + " "},
		{"a real ID with a trailing space", fx.session.ID + " "},
	}
	for _, op := range idOps {
		t.Run(op.name, func(t *testing.T) {
			for _, m := range malformed {
				err := op.call(s, t, fx, m.id)
				wantCode(t, err, db.ErrInvalid, op.name+" with a malformed ID ("+m.what+")")
			}
			if op.unknownIsNotFound {
				err := op.call(s, t, fx, db.NewID())
				wantCode(t, err, db.ErrNotFound, op.name+" with an unknown ID")
			}
		})
	}
	fx.check(t, s, "the store after calls with bad IDs")
}
