package browser

import (
	"errors"
	"fmt"

	"github.com/go-rod/rod/lib/proto"
)

// A click that opens a new tab or window (target=_blank, window.open)
// leaves the flow where it was; "switch to the new tab" continues in the
// newest page of the flow's context, and "close the tab" closes it and
// goes back to the tab before it.

// switchTab waits for a page of the session's context that the flow has
// not been on yet, and makes it the current page.
func (r *stepRun) switchTab() error {
	s := r.s
	for attempt := 0; ; attempt++ {
		targets, err := proto.TargetGetTargets{}.Call(s.incognito.Context(r.ctx))
		if err == nil {
			var newest *proto.TargetTargetInfo
			for _, t := range targets.TargetInfos {
				if t.BrowserContextID == s.incognito.BrowserContextID && t.Type == proto.TargetTargetInfoTypePage && !s.knows(t.TargetID) {
					newest = t
				}
			}
			if newest != nil {
				return r.enterTab(newest.TargetID)
			}
		}
		if err := sleep(r.ctx, pollDelay(attempt)); err != nil {
			return fmt.Errorf("no new tab or window opened after %s", roundDuration(r.timeout))
		}
	}
}

// enterTab attaches to a new page and makes it current.
func (r *stepRun) enterTab(id proto.TargetTargetID) error {
	s := r.s
	page, err := s.incognito.Context(s.ctx).PageFromTarget(id)
	if err != nil {
		return fmt.Errorf("attach to the new tab: %w", err)
	}
	if err := s.preparePage(page); err != nil {
		return fmt.Errorf("prepare the new tab: %w", err)
	}
	s.tabs = append(s.tabs, s.page)
	s.page = page
	s.known[id] = true
	// Wait for it to load, as after a navigation.
	r.page = page.Context(r.ctx)
	_ = proto.PageSetLifecycleEventsEnabled{Enabled: true}.Call(r.page)
	if _, err := r.page.Eval(`() => new Promise((resolve) => document.readyState === 'complete' ? resolve() : addEventListener('load', resolve, { once: true }))`); err != nil && r.ctx.Err() != nil {
		return fmt.Errorf("the new tab did not finish loading after %s", roundDuration(r.timeout))
	}
	r.recordPage()
	return nil
}

// closeTab closes the current page and goes back to the one before it.
func (r *stepRun) closeTab() error {
	s := r.s
	if len(s.tabs) == 0 {
		return errors.New("this is the flow's only tab; there is no other to go back to")
	}
	closing := s.page
	s.page = s.tabs[len(s.tabs)-1]
	s.tabs = s.tabs[:len(s.tabs)-1]
	r.page = s.page.Context(r.ctx)
	if err := closing.Context(r.ctx).Close(); err != nil {
		return fmt.Errorf("close the tab: %w", err)
	}
	s.in.browser.RemoveState(closing.TargetID)
	r.recordPage()
	return nil
}

// knows reports whether the flow has been on the target.
func (s *Session) knows(id proto.TargetTargetID) bool { return s.known[id] }
