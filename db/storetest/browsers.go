package storetest

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/testing-agent/backend/db"
)

func browserIDs(bs []*db.BrowserSession) []string {
	ids := make([]string, len(bs))
	for i, b := range bs {
		if b != nil {
			ids[i] = b.ID
		}
	}
	return ids
}

func testBrowserSessions(t *testing.T, open func(t *testing.T) db.Store) {
	t.Run("CreateAndList", func(t *testing.T) {
		s := open(t)
		sess := mustSession(t, s, "browsers", "")
		_, fs := mustFlows(t, s, sess.ID, newFlow("f0"))
		cases := []struct {
			what string
			in   db.NewBrowserSession
		}{
			{"no flow, no metadata", db.NewBrowserSession{Status: db.BrowserStarting, BrowserType: "chromium"}},
			{"flow and full metadata", db.NewBrowserSession{
				FlowID: &fs[0].ID, Status: db.BrowserRunning, BrowserType: "chromium",
				Metadata: &db.BrowserMetadata{
					Version:   "HeadlessChrome/131.0.6778.85",
					UserAgent: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36",
					Viewport:  &db.Viewport{Width: 1280, Height: 720},
				},
			}},
			{"metadata without viewport", db.NewBrowserSession{
				Status: db.BrowserIdle, BrowserType: "firefox",
				Metadata: &db.BrowserMetadata{Version: "128.0"},
			}},
			{"longest browser type", db.NewBrowserSession{Status: db.BrowserReady, BrowserType: strings.Repeat("b", db.MaxBrowserTypeLength)}},
		}
		var want []*db.BrowserSession
		for _, c := range cases {
			in := c.in
			in.SessionID = sess.ID
			w := begin()
			got, err := s.CreateBrowserSession(ctx(t), in)
			w = w.end()
			if err != nil {
				t.Fatalf("CreateBrowserSession(%s): %v", c.what, err)
			}
			if got == nil {
				t.Fatalf("CreateBrowserSession(%s) returned nil and no error", c.what)
			}
			if !db.ValidID(got.ID) {
				t.Errorf("%s: ID %q is not a valid ID", c.what, got.ID)
			}
			w.checkNow(t, c.what+": StartedAt", got.StartedAt)
			w.checkNow(t, c.what+": LastActivity", got.LastActivity)
			if got.LastActivity.Before(got.StartedAt) {
				t.Errorf("%s: LastActivity %v is before StartedAt %v", c.what, got.LastActivity, got.StartedAt)
			}
			wb := &db.BrowserSession{
				ID: got.ID, SessionID: sess.ID, FlowID: in.FlowID, Status: in.Status, BrowserType: in.BrowserType,
				StartedAt: got.StartedAt, LastActivity: got.LastActivity, Metadata: in.Metadata,
			}
			checkBrowserEqual(t, c.what+": created browser session", got, wb)
			want = append(want, wb)
		}
		list := mustListBrowsers(t, s, sess.ID)
		if !reflect.DeepEqual(browserIDs(list), browserIDs(want)) {
			t.Fatalf("ListBrowserSessions = %v, want oldest first %v", browserIDs(list), browserIDs(want))
		}
		for i := range list {
			checkTimeForm(t, fmt.Sprintf("ListBrowserSessions[%d].StartedAt", i), list[i].StartedAt)
			checkTimeForm(t, fmt.Sprintf("ListBrowserSessions[%d].LastActivity", i), list[i].LastActivity)
			checkBrowserEqual(t, fmt.Sprintf("ListBrowserSessions[%d] (%s)", i, cases[i].what), list[i], want[i])
		}
	})

	t.Run("AllStatuses", func(t *testing.T) {
		s := open(t)
		sess := mustSession(t, s, "statuses", "")
		statuses := []db.BrowserStatus{db.BrowserStarting, db.BrowserReady, db.BrowserRunning, db.BrowserIdle, db.BrowserStopped, db.BrowserError}
		for _, st := range statuses {
			mustBrowser(t, s, db.NewBrowserSession{SessionID: sess.ID, Status: st, BrowserType: "chromium"})
		}
		list := mustListBrowsers(t, s, sess.ID)
		if len(list) != len(statuses) {
			t.Fatalf("ListBrowserSessions returned %d, want %d", len(list), len(statuses))
		}
		for i, b := range list {
			if b.Status != statuses[i] {
				t.Errorf("ListBrowserSessions[%d].Status = %q, want %q", i, b.Status, statuses[i])
			}
		}
	})

	t.Run("ListOldestFirst", func(t *testing.T) {
		// Created back to back, many share a millisecond: IDs order them.
		s := open(t)
		sess := mustSession(t, s, "order", "")
		other := mustSession(t, s, "other", "")
		var want []string
		for i := range 20 {
			b := mustBrowser(t, s, db.NewBrowserSession{SessionID: sess.ID, Status: db.BrowserReady, BrowserType: fmt.Sprintf("b%d", i)})
			want = append(want, b.ID)
			if i%5 == 0 {
				mustBrowser(t, s, db.NewBrowserSession{SessionID: other.ID, Status: db.BrowserReady, BrowserType: "other"})
			}
		}
		if got := browserIDs(mustListBrowsers(t, s, sess.ID)); !reflect.DeepEqual(got, want) {
			t.Errorf("ListBrowserSessions = %v, want oldest first %v", got, want)
		}
		if got := mustListBrowsers(t, s, other.ID); len(got) != 4 {
			t.Errorf("ListBrowserSessions(other) returned %d, want 4", len(got))
		}
	})

	t.Run("ListEmpty", func(t *testing.T) {
		s := open(t)
		sess := mustSession(t, s, "none", "")
		if got := mustListBrowsers(t, s, sess.ID); len(got) != 0 {
			t.Errorf("ListBrowserSessions of a session without any returned %d", len(got))
		}
	})

	t.Run("CreateRejects", func(t *testing.T) {
		cases := []struct {
			what string
			edit func(in *db.NewBrowserSession)
		}{
			{"empty status", func(in *db.NewBrowserSession) { in.Status = "" }},
			{"unknown status", func(in *db.NewBrowserSession) { in.Status = "crashed" }},
			{"capitalised status", func(in *db.NewBrowserSession) { in.Status = "Running" }},
			{"empty browser type", func(in *db.NewBrowserSession) { in.BrowserType = "" }},
			{"browser type of 101 characters", func(in *db.NewBrowserSession) { in.BrowserType = strings.Repeat("b", db.MaxBrowserTypeLength+1) }},
			{"malformed flow ID", func(in *db.NewBrowserSession) { in.FlowID = ptr("xyz") }},
			{"malformed session ID", func(in *db.NewBrowserSession) { in.SessionID = "xyz" }},
		}
		s := open(t)
		sess := mustSession(t, s, "rejects", "")
		for _, c := range cases {
			t.Run(strings.ReplaceAll(c.what, " ", "_"), func(t *testing.T) {
				in := db.NewBrowserSession{SessionID: sess.ID, Status: db.BrowserStarting, BrowserType: "chromium"}
				c.edit(&in)
				_, err := s.CreateBrowserSession(ctx(t), in)
				wantCode(t, err, db.ErrInvalid, "CreateBrowserSession with "+c.what)
			})
		}
		if got := mustListBrowsers(t, s, sess.ID); len(got) != 0 {
			t.Errorf("after only invalid creates, ListBrowserSessions returned %d", len(got))
		}
	})

	t.Run("UnknownSession", func(t *testing.T) {
		s := open(t)
		mustSession(t, s, "exists", "")
		_, err := s.CreateBrowserSession(ctx(t), db.NewBrowserSession{SessionID: db.NewID(), Status: db.BrowserStarting, BrowserType: "chromium"})
		wantCode(t, err, db.ErrNotFound, "CreateBrowserSession(unknown session)")
		_, err = s.ListBrowserSessions(ctx(t), db.NewID())
		wantCode(t, err, db.ErrNotFound, "ListBrowserSessions(unknown session)")
	})
}

func testUpdateBrowserSession(t *testing.T, open func(t *testing.T) db.Store) {
	s := open(t)
	c := ctx(t)
	session := mustSession(t, s, "browsers", "")
	b := mustBrowser(t, s, db.NewBrowserSession{SessionID: session.ID, Status: db.BrowserStarting, BrowserType: "chromium"})
	w := begin()
	meta := &db.BrowserMetadata{Version: "Chromium 156", UserAgent: "Mozilla/5.0 (X11)", Viewport: &db.Viewport{Width: 1280, Height: 720}}
	got, err := s.UpdateBrowserSession(c, b.ID, db.BrowserReady, meta)
	if err != nil {
		t.Fatal(err)
	}
	w = w.end()
	if got.Status != db.BrowserReady || got.Metadata == nil || *got.Metadata.Viewport != *meta.Viewport || got.Metadata.Version != meta.Version {
		t.Errorf("updated = %+v, want ready with the metadata", got)
	}
	w.checkNow(t, "lastActivity", got.LastActivity)
	if !got.StartedAt.Equal(b.StartedAt) {
		t.Errorf("startedAt changed from %v to %v", b.StartedAt, got.StartedAt)
	}
	// Without metadata, the metadata stays.
	if got, err = s.UpdateBrowserSession(c, b.ID, db.BrowserStopped, nil); err != nil || got.Status != db.BrowserStopped || got.Metadata == nil || got.Metadata.UserAgent != meta.UserAgent {
		t.Errorf("UpdateBrowserSession(stopped, nil) = %+v, %v; want stopped, metadata kept", got, err)
	}
	if list := mustListBrowsers(t, s, session.ID); len(list) != 1 || list[0].Status != db.BrowserStopped {
		t.Errorf("listed %+v, want the one stopped browser session", list)
	}
	_, err = s.UpdateBrowserSession(c, db.NewID(), db.BrowserReady, nil)
	wantCode(t, err, db.ErrNotFound, "UpdateBrowserSession of an unknown ID")
	_, err = s.UpdateBrowserSession(c, b.ID, "flying", nil)
	wantCode(t, err, db.ErrInvalid, "UpdateBrowserSession to an unknown status")
	_, err = s.UpdateBrowserSession(c, "x", db.BrowserReady, nil)
	wantCode(t, err, db.ErrInvalid, "UpdateBrowserSession with a malformed ID")
}
