package storetest

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/testing-agent/backend/db"
)

func testSessions(t *testing.T, open func(t *testing.T) db.Store) {
	t.Run("CreateAndGet", func(t *testing.T) {
		s := open(t)
		name := "Sign-up and login — «ünïcödé» 🙂"
		prompt := "Test the sign-up and login of http://localhost:3000\n\twith \"quotes\", 'apostrophes' and \\ backslashes"
		w := begin()
		got, err := s.CreateTestSession(ctx(t), db.NewTestSession{Name: name, Prompt: prompt})
		w = w.end()
		if err != nil {
			t.Fatalf("CreateTestSession: %v", err)
		}
		if got == nil {
			t.Fatal("CreateTestSession returned nil and no error")
		}
		if !db.ValidID(got.ID) {
			t.Errorf("ID = %q, not a valid ID", got.ID)
		}
		w.checkNow(t, "CreatedAt", got.CreatedAt)
		want := &db.TestSession{
			ID:        got.ID,
			Name:      name,
			Prompt:    prompt,
			Status:    db.SessionPending,
			CreatedAt: got.CreatedAt,
		}
		checkSessionEqual(t, "created session", got, want)

		read := mustGetSession(t, s, got.ID)
		checkTimeForm(t, "GetTestSession CreatedAt", read.CreatedAt)
		checkSessionEqual(t, "GetTestSession", read, want)

		listed := mustListSessions(t, s, 10)
		if len(listed) != 1 {
			t.Fatalf("ListTestSessions returned %d sessions, want 1", len(listed))
		}
		checkTimeForm(t, "ListTestSessions CreatedAt", listed[0].CreatedAt)
		checkSessionEqual(t, "ListTestSessions[0]", listed[0], want)
	})

	t.Run("IDsAreDistinct", func(t *testing.T) {
		s := open(t)
		a := mustSession(t, s, "a", "")
		b := mustSession(t, s, "b", "")
		if a.ID == b.ID {
			t.Fatalf("two sessions got the same ID %s", a.ID)
		}
		if got := mustGetSession(t, s, a.ID); got.Name != "a" {
			t.Errorf("GetTestSession(first).Name = %q, want %q", got.Name, "a")
		}
		if got := mustGetSession(t, s, b.ID); got.Name != "b" {
			t.Errorf("GetTestSession(second).Name = %q, want %q", got.Name, "b")
		}
	})

	t.Run("CreateAcceptsLimits", func(t *testing.T) {
		// Lengths count runes, not bytes: these are far over the limits in bytes.
		cases := []struct{ name, prompt string }{
			{runes("é", db.MaxNameLength), ""},
			{runes("🙂", db.MaxNameLength), runes("日", db.MaxTextLength)},
			{runes("x", db.MaxNameLength), runes("x", db.MaxTextLength)},
		}
		s := open(t)
		for i, c := range cases {
			got := mustSession(t, s, c.name, c.prompt)
			read := mustGetSession(t, s, got.ID)
			var d diffs
			d.str("Name", read.Name, c.name)
			d.str("Prompt", read.Prompt, c.prompt)
			d.report(t, fmt.Sprintf("case %d: GetTestSession", i))
		}
	})

	t.Run("CreateRejects", func(t *testing.T) {
		cases := []struct {
			what         string
			name, prompt string
		}{
			{"empty name", "", "p"},
			{"blank name", " \t\n ", "p"},
			{"name of 201 ASCII runes", runes("x", db.MaxNameLength+1), "p"},
			{"name of 201 two-byte runes", runes("é", db.MaxNameLength+1), "p"},
			{"name of 201 four-byte runes", runes("🙂", db.MaxNameLength+1), "p"},
			{"prompt of 20001 ASCII runes", "n", runes("x", db.MaxTextLength+1)},
			{"prompt of 20001 three-byte runes", "n", runes("日", db.MaxTextLength+1)},
		}
		s := open(t)
		for _, c := range cases {
			t.Run(strings.ReplaceAll(c.what, " ", "_"), func(t *testing.T) {
				got, err := s.CreateTestSession(ctx(t), db.NewTestSession{Name: c.name, Prompt: c.prompt})
				wantCode(t, err, db.ErrInvalid, "CreateTestSession with "+c.what)
				if err == nil && got != nil {
					t.Logf("created session %s", got.ID)
				}
			})
		}
		if n := len(mustListSessions(t, s, db.MaxListLimit)); n != 0 {
			t.Errorf("after only invalid creates, ListTestSessions returned %d sessions, want 0", n)
		}
	})

	t.Run("ListEmpty", func(t *testing.T) {
		s := open(t)
		if got := mustListSessions(t, s, 10); len(got) != 0 {
			t.Errorf("ListTestSessions on an empty store returned %d sessions, want 0", len(got))
		}
	})

	t.Run("ListNewestFirst", func(t *testing.T) {
		s := open(t)
		// Create sessions back to back, so that several share a millisecond
		// and only their IDs order them, until at least one such tie has been
		// seen (bounded).
		var created []*db.TestSession
		ties := 0
		for i := 0; i < 300 && (len(created) < 12 || ties == 0); i++ {
			c := mustSession(t, s, fmt.Sprintf("session %d", i), "")
			if n := len(created); n > 0 && created[n-1].CreatedAt.Equal(c.CreatedAt) {
				ties++
			}
			created = append(created, c)
		}
		if ties == 0 {
			t.Logf("no two sessions were created in the same millisecond; the ID tie-break went unchecked")
		}
		want := slices.Clone(created)
		slices.Reverse(want)

		all := mustListSessions(t, s, db.MaxListLimit)
		if !reflect.DeepEqual(sessionIDs(all), sessionIDs(want)) {
			t.Fatalf("ListTestSessions(%d) = %v, want newest first %v", db.MaxListLimit, sessionIDs(all), sessionIDs(want))
		}
		for i := range all {
			checkSessionEqual(t, fmt.Sprintf("ListTestSessions[%d]", i), all[i], want[i])
		}
		for _, limit := range []int{1, 5, len(want) - 1, len(want), len(want) + 1} {
			got := mustListSessions(t, s, limit)
			w := want[:min(limit, len(want))]
			if !reflect.DeepEqual(sessionIDs(got), sessionIDs(w)) {
				t.Errorf("ListTestSessions(%d) = %v, want %v", limit, sessionIDs(got), sessionIDs(w))
			}
		}
	})

	t.Run("ListLimit", func(t *testing.T) {
		s := open(t)
		mustSession(t, s, "one", "")
		for _, limit := range []int{0, -1, db.MaxListLimit + 1} {
			_, err := s.ListTestSessions(ctx(t), limit)
			wantCode(t, err, db.ErrInvalid, fmt.Sprintf("ListTestSessions(%d)", limit))
		}
		if got := mustListSessions(t, s, db.MaxListLimit); len(got) != 1 {
			t.Errorf("ListTestSessions(%d) returned %d sessions, want 1", db.MaxListLimit, len(got))
		}
	})

	t.Run("GetUnknown", func(t *testing.T) {
		s := open(t)
		mustSession(t, s, "exists", "")
		_, err := s.GetTestSession(ctx(t), db.NewID())
		wantCode(t, err, db.ErrNotFound, "GetTestSession(unknown ID)")
	})
}

func testSetSessionMetadata(t *testing.T, open func(t *testing.T) db.Store) {
	s := open(t)
	c := ctx(t)
	session := mustSession(t, s, "plan", "")
	estimate, message := int64(90_000), "add the URL of the site to test"
	got, err := s.SetSessionMetadata(c, session.ID, &estimate, &message)
	if err != nil {
		t.Fatal(err)
	}
	if got.Metadata == nil || got.Metadata.EstimatedDuration == nil || *got.Metadata.EstimatedDuration != estimate ||
		got.Metadata.ErrorMessage == nil || *got.Metadata.ErrorMessage != message || got.Metadata.ActualDuration != nil {
		t.Errorf("metadata = %+v, want the estimate and message", got.Metadata)
	}
	if again := mustGetSession(t, s, session.ID); again.Metadata == nil || *again.Metadata.ErrorMessage != message {
		t.Errorf("stored metadata = %+v", again.Metadata)
	}
	got, err = s.SetSessionMetadata(c, session.ID, &estimate, nil)
	if err != nil || got.Metadata == nil || got.Metadata.ErrorMessage != nil || *got.Metadata.EstimatedDuration != estimate {
		t.Errorf("clearing the message gave %+v, %v", got, err)
	}
	got, err = s.SetSessionMetadata(c, session.ID, nil, nil)
	if err != nil || got.Metadata != nil {
		t.Errorf("clearing both gave metadata %+v, %v; want none", got.Metadata, err)
	}
	_, err = s.SetSessionMetadata(c, db.NewID(), nil, nil)
	wantCode(t, err, db.ErrNotFound, "SetSessionMetadata of an unknown session")
	long := runes("x", db.MaxTextLength+1)
	_, err = s.SetSessionMetadata(c, session.ID, nil, &long)
	wantCode(t, err, db.ErrInvalid, "an error message over the limit")
}

func testListSessionsWithStatus(t *testing.T, open func(t *testing.T) db.Store) {
	s := open(t)
	c := ctx(t)
	var generating []string
	for i := range 4 {
		session := mustSession(t, s, fmt.Sprint("s", i), "")
		if i%2 == 0 {
			if _, err := s.TransitionTestSession(c, session.ID, []db.SessionStatus{db.SessionPending}, db.SessionGenerating); err != nil {
				t.Fatal(err)
			}
			generating = append(generating, session.ID)
		}
	}
	got, err := s.ListSessionsWithStatus(c, db.SessionGenerating, 10)
	if err != nil || len(got) != 2 || got[0].ID != generating[0] || got[1].ID != generating[1] {
		t.Errorf("ListSessionsWithStatus(generating) = %v, %v; want the two, oldest first", got, err)
	}
	if got, err := s.ListSessionsWithStatus(c, db.SessionGenerating, 1); err != nil || len(got) != 1 || got[0].ID != generating[0] {
		t.Errorf("with limit 1 = %v, %v; want the oldest", got, err)
	}
	if got, err := s.ListSessionsWithStatus(c, db.SessionRunning, 10); err != nil || len(got) != 0 {
		t.Errorf("ListSessionsWithStatus(running) = %v, %v; want none", got, err)
	}
	_, err = s.ListSessionsWithStatus(c, "sleeping", 10)
	wantCode(t, err, db.ErrInvalid, "an unknown status")
	_, err = s.ListSessionsWithStatus(c, db.SessionReady, 0)
	wantCode(t, err, db.ErrInvalid, "limit 0")
}
