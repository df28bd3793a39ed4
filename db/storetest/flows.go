package storetest

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/testing-agent/backend/db"
)

func testFlows(t *testing.T, open func(t *testing.T) db.Store) {
	t.Run("CreateAndList", func(t *testing.T) {
		s := open(t)
		sess := mustSession(t, s, "flows", "prompt")
		first := []db.NewTestFlow{
			{Name: "Sign up", Description: "", Instructions: "Go to /signup\nClick \"Create account\"", Approved: false},
			{Name: "Log in — ünïcödé 🙂", Description: "logs in\nwith a second line", Instructions: "Go to /login", Approved: true},
			{Name: "Log out", Description: "d", Instructions: "  Click \"Log out\"  ", Approved: false},
		}
		w := begin()
		gotSess, flows, err := s.CreateTestFlows(ctx(t), sess.ID, first)
		w = w.end()
		if err != nil {
			t.Fatalf("CreateTestFlows: %v", err)
		}
		wantSess := *sess
		wantSess.TotalFlows = 3
		checkSessionEqual(t, "session returned by the first CreateTestFlows", gotSess, &wantSess)
		checkSessionEqual(t, "GetTestSession after the first CreateTestFlows", mustGetSession(t, s, sess.ID), &wantSess)
		if len(flows) != len(first) {
			t.Fatalf("CreateTestFlows returned %d flows, want %d", len(flows), len(first))
		}
		var want []*db.TestFlow
		for i, in := range first {
			f := flows[i]
			if f == nil {
				t.Fatalf("flow %d is nil", i)
			}
			if !db.ValidID(f.ID) {
				t.Errorf("flow %d: ID %q is not a valid ID", i, f.ID)
			}
			w.checkNow(t, fmt.Sprintf("flow %d CreatedAt", i), f.CreatedAt)
			want = append(want, &db.TestFlow{
				ID: f.ID, SessionID: sess.ID, Name: in.Name, Description: in.Description,
				Instructions: in.Instructions, Approved: in.Approved, Status: db.FlowPending,
				Order: i + 1, CreatedAt: f.CreatedAt,
			})
		}
		checkFlowsEqual(t, "flows returned by the first CreateTestFlows", flows, want)

		more := []db.NewTestFlow{newFlow("fourth"), {Name: "fifth", Instructions: "Reload", Approved: true}}
		gotSess, flows, err = s.CreateTestFlows(ctx(t), sess.ID, more)
		if err != nil {
			t.Fatalf("second CreateTestFlows: %v", err)
		}
		wantSess.TotalFlows = 5
		checkSessionEqual(t, "session returned by the second CreateTestFlows", gotSess, &wantSess)
		if len(flows) != len(more) {
			t.Fatalf("second CreateTestFlows returned %d flows, want %d", len(flows), len(more))
		}
		for i, in := range more {
			f := flows[i]
			if f == nil {
				t.Fatalf("flow %d is nil", i)
			}
			want = append(want, &db.TestFlow{
				ID: f.ID, SessionID: sess.ID, Name: in.Name, Description: in.Description,
				Instructions: in.Instructions, Approved: in.Approved, Status: db.FlowPending,
				Order: 4 + i, CreatedAt: f.CreatedAt,
			})
		}
		checkFlowsEqual(t, "flows returned by the second CreateTestFlows", flows, want[3:])

		ids := map[string]bool{}
		for _, f := range want {
			if ids[f.ID] {
				t.Errorf("flow ID %s given twice", f.ID)
			}
			ids[f.ID] = true
			if f.ID == sess.ID {
				t.Errorf("flow ID %s is the session's ID", f.ID)
			}
		}

		checkSessionEqual(t, "GetTestSession after the second CreateTestFlows", mustGetSession(t, s, sess.ID), &wantSess)
		checkFlowsEqual(t, "ListTestFlows", mustListFlows(t, s, sess.ID), want)
		for i, f := range want {
			got := mustGetFlow(t, s, f.ID)
			checkTimeForm(t, fmt.Sprintf("GetTestFlow(flow %d).CreatedAt", i), got.CreatedAt)
			checkFlowEqual(t, fmt.Sprintf("GetTestFlow(flow %d)", i), got, f)
		}
	})

	t.Run("SessionsHaveTheirOwnFlows", func(t *testing.T) {
		s := open(t)
		a := mustSession(t, s, "a", "")
		b := mustSession(t, s, "b", "")
		_, fa := mustFlows(t, s, a.ID, newFlow("a0"), newFlow("a1"))
		_, fb := mustFlows(t, s, b.ID, newFlow("b0"))
		if fb[0].Order != 1 {
			t.Errorf("first flow of the second session has Order %d, want 1", fb[0].Order)
		}
		if fb[0].SessionID != b.ID {
			t.Errorf("flow of session b has SessionID %s, want %s", fb[0].SessionID, b.ID)
		}
		checkFlowsEqual(t, "ListTestFlows(a)", mustListFlows(t, s, a.ID), fa)
		checkFlowsEqual(t, "ListTestFlows(b)", mustListFlows(t, s, b.ID), fb)
		if got := mustGetSession(t, s, a.ID).TotalFlows; got != 2 {
			t.Errorf("session a TotalFlows = %d, want 2", got)
		}
		if got := mustGetSession(t, s, b.ID).TotalFlows; got != 1 {
			t.Errorf("session b TotalFlows = %d, want 1", got)
		}
	})

	t.Run("ListEmpty", func(t *testing.T) {
		s := open(t)
		sess := mustSession(t, s, "no flows", "")
		if got := mustListFlows(t, s, sess.ID); len(got) != 0 {
			t.Errorf("ListTestFlows of a session without flows returned %d flows, want 0", len(got))
		}
	})

	t.Run("CreateAcceptsLimits", func(t *testing.T) {
		s := open(t)
		sess := mustSession(t, s, "limits", "")
		batch := make([]db.NewTestFlow, db.MaxFlowsPerCall)
		for i := range batch {
			batch[i] = newFlow(fmt.Sprintf("flow %d", i))
		}
		batch[0].Name = runes("é", db.MaxNameLength)
		batch[1].Instructions = runes("日", db.MaxTextLength)
		batch[2].Description = runes("🙂", db.MaxTextLength)
		gotSess, flows := mustFlows(t, s, sess.ID, batch...)
		if gotSess.TotalFlows != db.MaxFlowsPerCall {
			t.Errorf("TotalFlows = %d, want %d", gotSess.TotalFlows, db.MaxFlowsPerCall)
		}
		for i, f := range flows {
			if f.Order != i+1 {
				t.Errorf("flow %d has Order %d", i, f.Order)
			}
		}
		listed := mustListFlows(t, s, sess.ID)
		if len(listed) != db.MaxFlowsPerCall {
			t.Fatalf("ListTestFlows returned %d flows, want %d", len(listed), db.MaxFlowsPerCall)
		}
		var d diffs
		d.str("flow 0 Name", listed[0].Name, batch[0].Name)
		d.str("flow 1 Instructions", listed[1].Instructions, batch[1].Instructions)
		d.str("flow 2 Description", listed[2].Description, batch[2].Description)
		d.report(t, "ListTestFlows")
	})

	t.Run("CreateRejects", func(t *testing.T) {
		many := make([]db.NewTestFlow, db.MaxFlowsPerCall+1)
		for i := range many {
			many[i] = newFlow(fmt.Sprintf("flow %d", i))
		}
		with := func(f func(*db.NewTestFlow)) []db.NewTestFlow {
			fl := newFlow("ok")
			f(&fl)
			return []db.NewTestFlow{fl}
		}
		cases := []struct {
			what  string
			flows []db.NewTestFlow
		}{
			{"nil flows", nil},
			{"no flows", []db.NewTestFlow{}},
			{"101 flows", many},
			{"empty name", with(func(f *db.NewTestFlow) { f.Name = "" })},
			{"blank name", with(func(f *db.NewTestFlow) { f.Name = " \t " })},
			{"name of 201 runes", with(func(f *db.NewTestFlow) { f.Name = runes("é", db.MaxNameLength+1) })},
			{"empty instructions", with(func(f *db.NewTestFlow) { f.Instructions = "" })},
			{"blank instructions", with(func(f *db.NewTestFlow) { f.Instructions = "\n \t\n" })},
			{"instructions of 20001 runes", with(func(f *db.NewTestFlow) { f.Instructions = runes("日", db.MaxTextLength+1) })},
			{"description of 20001 runes", with(func(f *db.NewTestFlow) { f.Description = runes("x", db.MaxTextLength+1) })},
			{"one bad flow among good ones", []db.NewTestFlow{newFlow("good 1"), {Name: "bad", Instructions: " "}, newFlow("good 2")}},
		}
		s := open(t)
		sess := mustSession(t, s, "rejects", "")
		for _, c := range cases {
			t.Run(strings.ReplaceAll(c.what, " ", "_"), func(t *testing.T) {
				_, _, err := s.CreateTestFlows(ctx(t), sess.ID, c.flows)
				wantCode(t, err, db.ErrInvalid, "CreateTestFlows with "+c.what)
			})
		}
		if got := mustListFlows(t, s, sess.ID); len(got) != 0 {
			t.Errorf("after only invalid creates, ListTestFlows returned %d flows, want 0", len(got))
		}
		if got := mustGetSession(t, s, sess.ID).TotalFlows; got != 0 {
			t.Errorf("after only invalid creates, TotalFlows = %d, want 0", got)
		}
	})

	t.Run("CreateUnknownSession", func(t *testing.T) {
		s := open(t)
		mustSession(t, s, "exists", "")
		_, _, err := s.CreateTestFlows(ctx(t), db.NewID(), []db.NewTestFlow{newFlow("f")})
		wantCode(t, err, db.ErrNotFound, "CreateTestFlows(unknown session)")
	})

	t.Run("Update", func(t *testing.T) {
		cases := []struct {
			what string
			upd  db.TestFlowUpdate
			edit func(f *db.TestFlow)
		}{
			{"name", db.TestFlowUpdate{Name: ptr("renamed 🙂")},
				func(f *db.TestFlow) { f.Name = "renamed 🙂" }},
			{"description", db.TestFlowUpdate{Description: ptr("new description")},
				func(f *db.TestFlow) { f.Description = "new description" }},
			{"description to empty", db.TestFlowUpdate{Description: ptr("")},
				func(f *db.TestFlow) { f.Description = "" }},
			// New instructions were not reviewed: the flow needs approving again.
			{"instructions", db.TestFlowUpdate{Instructions: ptr("Go to /other\nReload")},
				func(f *db.TestFlow) { f.Instructions, f.Approved = "Go to /other\nReload", false }},
			{"instructions to the same text", db.TestFlowUpdate{Name: ptr("same steps"), Instructions: ptr(newFlow("flow to update instructions to the same text").Instructions)},
				func(f *db.TestFlow) { f.Name = "same steps" }},
			{"all fields", db.TestFlowUpdate{Name: ptr("n2"), Description: ptr("d2"), Instructions: ptr("Go back")},
				func(f *db.TestFlow) { f.Name, f.Description, f.Instructions, f.Approved = "n2", "d2", "Go back", false }},
			{"to the longest values", db.TestFlowUpdate{Name: ptr(runes("é", db.MaxNameLength)), Instructions: ptr(runes("日", db.MaxTextLength))},
				func(f *db.TestFlow) {
					f.Name, f.Instructions, f.Approved = runes("é", db.MaxNameLength), runes("日", db.MaxTextLength), false
				}},
		}
		s := open(t)
		sess := mustSession(t, s, "updates", "")
		for _, c := range cases {
			t.Run(strings.ReplaceAll(c.what, " ", "_"), func(t *testing.T) {
				in := newFlow("flow to update " + c.what)
				in.Approved = true
				_, created := mustFlows(t, s, sess.ID, in)
				_, other := mustFlows(t, s, sess.ID, newFlow("bystander"))
				want := *created[0]
				c.edit(&want)
				got, err := s.UpdateTestFlow(ctx(t), created[0].ID, c.upd)
				if err != nil {
					t.Fatalf("UpdateTestFlow: %v", err)
				}
				checkFlowEqual(t, "flow returned by UpdateTestFlow", got, &want)
				checkFlowEqual(t, "GetTestFlow after UpdateTestFlow", mustGetFlow(t, s, want.ID), &want)
				checkFlowEqual(t, "another flow after UpdateTestFlow", mustGetFlow(t, s, other[0].ID), other[0])
			})
		}
		if got, want := mustGetSession(t, s, sess.ID).TotalFlows, 2*len(cases); got != want {
			t.Errorf("after updates, TotalFlows = %d, want %d", got, want)
		}
	})

	t.Run("UpdateRejects", func(t *testing.T) {
		cases := []struct {
			what string
			upd  db.TestFlowUpdate
		}{
			{"no fields", db.TestFlowUpdate{}},
			{"empty name", db.TestFlowUpdate{Name: ptr("")}},
			{"blank name", db.TestFlowUpdate{Name: ptr("  ")}},
			{"name of 201 runes", db.TestFlowUpdate{Name: ptr(runes("🙂", db.MaxNameLength+1))}},
			{"empty instructions", db.TestFlowUpdate{Instructions: ptr("")}},
			{"blank instructions", db.TestFlowUpdate{Instructions: ptr(" \n\t")}},
			{"instructions of 20001 runes", db.TestFlowUpdate{Instructions: ptr(runes("x", db.MaxTextLength+1))}},
			{"description of 20001 runes", db.TestFlowUpdate{Description: ptr(runes("é", db.MaxTextLength+1))}},
			{"good name, bad instructions", db.TestFlowUpdate{Name: ptr("fine"), Instructions: ptr(" ")}},
		}
		s := open(t)
		sess := mustSession(t, s, "update rejects", "")
		_, created := mustFlows(t, s, sess.ID, newFlow("unchanged"))
		for _, c := range cases {
			t.Run(strings.ReplaceAll(c.what, " ", "_"), func(t *testing.T) {
				_, err := s.UpdateTestFlow(ctx(t), created[0].ID, c.upd)
				wantCode(t, err, db.ErrInvalid, "UpdateTestFlow with "+c.what)
				checkFlowEqual(t, "flow after a rejected update", mustGetFlow(t, s, created[0].ID), created[0])
			})
		}
	})

	t.Run("UpdateUnknown", func(t *testing.T) {
		s := open(t)
		sess := mustSession(t, s, "s", "")
		mustFlows(t, s, sess.ID, newFlow("exists"))
		_, err := s.UpdateTestFlow(ctx(t), db.NewID(), db.TestFlowUpdate{Name: ptr("x")})
		wantCode(t, err, db.ErrNotFound, "UpdateTestFlow(unknown flow)")
	})

	t.Run("GetUnknown", func(t *testing.T) {
		s := open(t)
		sess := mustSession(t, s, "s", "")
		mustFlows(t, s, sess.ID, newFlow("exists"))
		_, err := s.GetTestFlow(ctx(t), db.NewID())
		wantCode(t, err, db.ErrNotFound, "GetTestFlow(unknown flow)")
		_, err = s.GetTestFlow(ctx(t), sess.ID)
		wantCode(t, err, db.ErrNotFound, "GetTestFlow(ID of a session)")
	})

	t.Run("SetFlowsApproved", func(t *testing.T) {
		s := open(t)
		a := mustSession(t, s, "a", "")
		b := mustSession(t, s, "b", "")
		_, fa := mustFlows(t, s, a.ID, newFlow("a0"), newFlow("a1"), newFlow("a2"))
		_, fb := mustFlows(t, s, b.ID, newFlow("b0"))

		approved := func(f *db.TestFlow, v bool) *db.TestFlow {
			c := *f
			c.Approved = v
			return &c
		}
		// Approve out of order and across sessions: results come back in the order asked.
		got, err := s.SetFlowsApproved(ctx(t), []string{fa[2].ID, fb[0].ID, fa[0].ID}, true)
		if err != nil {
			t.Fatalf("SetFlowsApproved(true): %v", err)
		}
		checkFlowsEqual(t, "SetFlowsApproved(a2, b0, a0, true)", got,
			[]*db.TestFlow{approved(fa[2], true), approved(fb[0], true), approved(fa[0], true)})
		checkFlowsEqual(t, "ListTestFlows(a) after approving a2 and a0", mustListFlows(t, s, a.ID),
			[]*db.TestFlow{approved(fa[0], true), fa[1], approved(fa[2], true)})
		checkFlowEqual(t, "GetTestFlow(b0) after approving it", mustGetFlow(t, s, fb[0].ID), approved(fb[0], true))

		// Approving an approved flow is not an error.
		got, err = s.SetFlowsApproved(ctx(t), []string{fa[0].ID}, true)
		if err != nil {
			t.Fatalf("SetFlowsApproved on an approved flow: %v", err)
		}
		checkFlowsEqual(t, "SetFlowsApproved(a0, true) again", got, []*db.TestFlow{approved(fa[0], true)})

		got, err = s.SetFlowsApproved(ctx(t), []string{fa[0].ID}, false)
		if err != nil {
			t.Fatalf("SetFlowsApproved(false): %v", err)
		}
		checkFlowsEqual(t, "SetFlowsApproved(a0, false)", got, []*db.TestFlow{approved(fa[0], false)})
		checkFlowsEqual(t, "ListTestFlows(a) after unapproving a0", mustListFlows(t, s, a.ID),
			[]*db.TestFlow{approved(fa[0], false), fa[1], approved(fa[2], true)})
		if n := mustGetSession(t, s, a.ID).TotalFlows; n != 3 {
			t.Errorf("TotalFlows after approvals = %d, want 3", n)
		}
	})

	t.Run("SetFlowsApprovedAllOrNone", func(t *testing.T) {
		s := open(t)
		sess := mustSession(t, s, "s", "")
		_, fs := mustFlows(t, s, sess.ID, newFlow("f0"), newFlow("f1"))
		tooMany := make([]string, db.MaxApproveIDsPerCall+1)
		for i := range tooMany {
			tooMany[i] = fs[i%2].ID
		}
		cases := []struct {
			what string
			ids  []string
			code string
		}{
			{"an unknown ID last", []string{fs[0].ID, fs[1].ID, db.NewID()}, db.ErrNotFound},
			{"an unknown ID first", []string{db.NewID(), fs[0].ID}, db.ErrNotFound},
			{"a session's ID", []string{fs[0].ID, sess.ID}, db.ErrNotFound},
			{"a malformed ID", []string{fs[0].ID, "xyz"}, db.ErrInvalid},
			{"no IDs", []string{}, db.ErrInvalid},
			{"nil IDs", nil, db.ErrInvalid},
			{"1001 IDs", tooMany, db.ErrInvalid},
		}
		for _, c := range cases {
			t.Run(strings.ReplaceAll(c.what, " ", "_"), func(t *testing.T) {
				_, err := s.SetFlowsApproved(ctx(t), c.ids, true)
				wantCode(t, err, c.code, "SetFlowsApproved with "+c.what)
				checkFlowsEqual(t, "flows after a rejected SetFlowsApproved", mustListFlows(t, s, sess.ID), fs)
			})
		}
	})

	t.Run("Delete", func(t *testing.T) {
		s := open(t)
		sess := mustSession(t, s, "s", "")
		other := mustSession(t, s, "other", "")
		_, fs := mustFlows(t, s, sess.ID, newFlow("f0"), newFlow("f1"), newFlow("f2"))
		_, fo := mustFlows(t, s, other.ID, newFlow("o0"))

		got, err := s.DeleteTestFlow(ctx(t), fs[1].ID)
		if err != nil {
			t.Fatalf("DeleteTestFlow: %v", err)
		}
		want := *sess
		want.TotalFlows = 2
		checkSessionEqual(t, "session returned by DeleteTestFlow", got, &want)
		checkSessionEqual(t, "GetTestSession after DeleteTestFlow", mustGetSession(t, s, sess.ID), &want)
		checkFlowsEqual(t, "ListTestFlows after DeleteTestFlow", mustListFlows(t, s, sess.ID), []*db.TestFlow{fs[0], fs[2]})
		checkFlowsEqual(t, "ListTestFlows(other session) after DeleteTestFlow", mustListFlows(t, s, other.ID), fo)

		_, err = s.GetTestFlow(ctx(t), fs[1].ID)
		wantCode(t, err, db.ErrNotFound, "GetTestFlow(deleted flow)")
		_, err = s.DeleteTestFlow(ctx(t), fs[1].ID)
		wantCode(t, err, db.ErrNotFound, "DeleteTestFlow(deleted flow)")
		_, err = s.UpdateTestFlow(ctx(t), fs[1].ID, db.TestFlowUpdate{Name: ptr("x")})
		wantCode(t, err, db.ErrNotFound, "UpdateTestFlow(deleted flow)")
		_, err = s.SetFlowsApproved(ctx(t), []string{fs[0].ID, fs[1].ID}, true)
		wantCode(t, err, db.ErrNotFound, "SetFlowsApproved(including a deleted flow)")
		checkFlowEqual(t, "flow after SetFlowsApproved named a deleted flow", mustGetFlow(t, s, fs[0].ID), fs[0])

		// A flow created after a delete sorts after every remaining flow, and
		// no two flows share an order.
		gotSess, added := mustFlows(t, s, sess.ID, newFlow("f3"))
		if gotSess.TotalFlows != 3 {
			t.Errorf("TotalFlows after delete and create = %d, want 3", gotSess.TotalFlows)
		}
		list := mustListFlows(t, s, sess.ID)
		wantIDs := []string{fs[0].ID, fs[2].ID, added[0].ID}
		if !reflect.DeepEqual(flowIDs(list), wantIDs) {
			t.Errorf("ListTestFlows after delete and create = %v, want %v", flowIDs(list), wantIDs)
		}
		for i := 1; i < len(list); i++ {
			if list[i].Order <= list[i-1].Order {
				t.Errorf("ListTestFlows orders are not strictly increasing: %d then %d", list[i-1].Order, list[i].Order)
			}
		}

		// Deleting every flow brings the total to zero.
		for _, f := range list {
			if _, err := s.DeleteTestFlow(ctx(t), f.ID); err != nil {
				t.Fatalf("DeleteTestFlow(%s): %v", f.ID, err)
			}
		}
		if n := mustGetSession(t, s, sess.ID).TotalFlows; n != 0 {
			t.Errorf("TotalFlows after deleting every flow = %d, want 0", n)
		}
		if got := mustListFlows(t, s, sess.ID); len(got) != 0 {
			t.Errorf("ListTestFlows after deleting every flow returned %d flows", len(got))
		}
	})

	t.Run("DeleteUnknown", func(t *testing.T) {
		s := open(t)
		sess := mustSession(t, s, "s", "")
		mustFlows(t, s, sess.ID, newFlow("exists"))
		_, err := s.DeleteTestFlow(ctx(t), db.NewID())
		wantCode(t, err, db.ErrNotFound, "DeleteTestFlow(unknown flow)")
		if n := mustGetSession(t, s, sess.ID).TotalFlows; n != 1 {
			t.Errorf("TotalFlows after deleting an unknown flow = %d, want 1", n)
		}
	})
}
