package storetest

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/testing-agent/backend/db"
)

// A deployment of N API servers and M workers on one database has many
// claimers at once, each claim under its own owner name, while every
// process sweeps for expired leases.
const (
	raceSessions = 2
	raceFlows    = 12 // per session
	raceClaimers = 16
)

// testClaimers races many claimers over several sessions' queues, with
// lease renewals and recovery sweeps running beside them.
func testClaimers(t *testing.T, open func(t *testing.T) db.Store) {
	t.Run("ManyClaimersExactlyOnce", func(t *testing.T) { testManyClaimers(t, open(t)) })
	t.Run("BrowserEndpoint", func(t *testing.T) { testBrowserEndpoint(t, open(t)) })
}

// claimRace is what the claimers of testManyClaimers saw.
type claimRace struct {
	mu      sync.Mutex
	claimed map[string]string // flow ID → claim that took it
	ended   map[string]int    // session ID → how many FinishFlow calls ended it
	errs    []error

	claimedOne chan struct{} // wakes the recovery sweep
}

func (r *claimRace) fail(err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.errs = append(r.errs, err)
}

func testManyClaimers(t *testing.T, s db.Store) {
	sessions := make([]string, raceSessions)
	for i := range sessions {
		in := make([]db.NewTestFlow, raceFlows)
		for j := range in {
			in[j] = newFlow(fmt.Sprintf("s%d f%d", i, j))
			in[j].Approved = true
		}
		session, _ := mustFlows(t, s, mustSession(t, s, fmt.Sprint("race ", i), "").ID, in...)
		if _, _, err := s.StartRun(ctx(t), session.ID); err != nil {
			t.Fatal(err)
		}
		sessions[i] = session.ID
	}
	c, cancel := context.WithTimeout(ctx(t), concurrencyTimeout)
	defer cancel()
	race := &claimRace{claimed: map[string]string{}, ended: map[string]int{}, claimedOne: make(chan struct{}, 1)}
	var (
		claims    atomic.Int64
		wg        sync.WaitGroup
		stop      = make(chan struct{})
		recovered atomic.Int64
	)
	// A sweep beside the claimers must never take a flow whose lease holds.
	// It sweeps after claims, as servers do between theirs.
	sweeper := make(chan struct{})
	go func() {
		defer close(sweeper)
		for {
			select {
			case <-stop:
				return
			case <-race.claimedOne:
			}
			got, err := s.RecoverExpiredLeases(c, db.Now())
			if err != nil {
				race.fail(fmt.Errorf("RecoverExpiredLeases: %w", err))
				return
			}
			recovered.Add(int64(len(got)))
		}
	}()
	start := make(chan struct{})
	for w := range raceClaimers {
		wg.Go(func() {
			<-start
			for range raceSessions * raceFlows { // bounded: no claimer needs more turns
				claim := fmt.Sprintf("worker-%d/%d", w, claims.Add(1))
				if !claimOne(c, s, race, claim) {
					return
				}
			}
		})
	}
	close(start)
	wg.Wait()
	close(stop)
	<-sweeper

	for _, err := range race.errs[:min(5, len(race.errs))] {
		t.Error(err)
	}
	if len(race.claimed) != raceSessions*raceFlows {
		t.Errorf("%d flows claimed, want each of the %d once", len(race.claimed), raceSessions*raceFlows)
	}
	if n := recovered.Load(); n != 0 {
		t.Errorf("recovery sweeps took %d flows whose leases held", n)
	}
	for _, id := range sessions {
		if race.ended[id] != 1 {
			t.Errorf("session %s ended %d times, want once", id, race.ended[id])
		}
		got := mustGetSession(t, s, id)
		if got.Status != db.SessionFailed || got.CompletedFlows+got.FailedFlows != raceFlows || got.FailedFlows != raceFlows/2 {
			t.Errorf("session = %+v, want failed with %d of %d flows failed", got, raceFlows/2, raceFlows)
		}
		for _, f := range mustListFlows(t, s, id) {
			if f.Status == db.FlowRunning || f.Queued || f.Attempts != 1 {
				t.Errorf("flow %s: status %s, queued %v, attempts %d; want finished, claimed once", f.Name, f.Status, f.Queued, f.Attempts)
			}
		}
	}
}

// claimOne claims a flow, renews its lease and finishes it (flows of odd
// order fail); false when the queue is empty or a call failed.
func claimOne(c context.Context, s db.Store, race *claimRace, claim string) bool {
	f, err := s.ClaimFlow(c, claim, lease)
	if err != nil {
		race.fail(fmt.Errorf("%s: ClaimFlow: %w", claim, err))
		return false
	}
	if f == nil {
		return false
	}
	race.mu.Lock()
	if other, dup := race.claimed[f.ID]; dup {
		race.errs = append(race.errs, fmt.Errorf("flow %q claimed by %s and by %s", f.Name, other, claim))
	}
	race.claimed[f.ID] = claim
	race.mu.Unlock()
	select {
	case race.claimedOne <- struct{}{}:
	default:
	}
	if err := s.RenewLease(c, f.ID, claim, lease); err != nil {
		race.fail(fmt.Errorf("%s: RenewLease of its own flow: %w", claim, err))
	}
	out := db.FlowOutcome{Passed: f.Order%2 == 0}
	if !out.Passed {
		out.Error = "odd"
	}
	_, ended, err := s.FinishFlow(c, f.ID, claim, out)
	if err != nil {
		race.fail(fmt.Errorf("%s: FinishFlow: %w", claim, err))
		return false
	}
	if ended != nil {
		race.mu.Lock()
		race.ended[ended.ID]++
		race.mu.Unlock()
	}
	return true
}

// testBrowserEndpoint checks that the remote browser a flow ran on is kept.
func testBrowserEndpoint(t *testing.T, s db.Store) {
	c := ctx(t)
	session := mustSession(t, s, "remote", "")
	const farm = "ws://farm:3000/chromium?token=…"
	remote, err := s.CreateBrowserSession(c, db.NewBrowserSession{SessionID: session.ID, Status: db.BrowserStarting, BrowserType: "chromium",
		Metadata: &db.BrowserMetadata{Version: "v", UserAgent: "ua", Endpoint: farm}})
	if err != nil {
		t.Fatal(err)
	}
	local, err := s.CreateBrowserSession(c, db.NewBrowserSession{SessionID: session.ID, Status: db.BrowserStarting, BrowserType: "chromium"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.UpdateBrowserSession(c, local.ID, db.BrowserReady, &db.BrowserMetadata{Version: "v", UserAgent: "ua"}); err != nil {
		t.Fatal(err)
	}
	list, err := s.ListBrowserSessions(c, session.ID)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, b := range list {
		if b.Metadata != nil {
			got[b.ID] = b.Metadata.Endpoint
		}
	}
	if got[remote.ID] != farm || got[local.ID] != "" || len(got) != 2 {
		t.Errorf("endpoints = %q, want %q for the remote browser and empty for the local one", got, farm)
	}
	const moved = "http://127.0.0.1:9222"
	updated, err := s.UpdateBrowserSession(c, remote.ID, db.BrowserRunning, &db.BrowserMetadata{Version: "v", UserAgent: "ua", Endpoint: moved})
	if err != nil {
		t.Fatal(err)
	}
	if updated.Metadata == nil || updated.Metadata.Endpoint != moved {
		t.Errorf("updated metadata = %+v, want endpoint %s", updated.Metadata, moved)
	}
}
