package browser

import (
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/go-rod/rod"
	"github.com/go-rod/rod/lib/proto"
)

// resolveURL makes raw absolute against base and refuses anything but http(s):
// a flow must not open javascript: or file: URLs.
func resolveURL(base, raw string) (string, error) {
	ref, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return "", fmt.Errorf("%q is not a valid URL: %w", raw, err)
	}
	if !ref.IsAbs() {
		if base == "" {
			return "", fmt.Errorf("%q is relative and the run has no base URL", raw)
		}
		b, err := url.Parse(base)
		if err != nil {
			return "", fmt.Errorf("the base URL %q is not valid: %w", base, err)
		}
		ref = b.ResolveReference(ref)
	}
	if ref.Scheme != "http" && ref.Scheme != "https" {
		return "", fmt.Errorf("only http and https URLs can be opened, not %q", ref.String())
	}
	return ref.String(), nil
}

func (r *stepRun) navigate() error {
	u, err := resolveURL(r.opts.BaseURL, r.step.URL)
	if err != nil {
		return err
	}
	err = r.navigateAndWait(u, func() error {
		err := r.page.Navigate(u)
		var navErr *rod.NavigationError
		if errors.As(err, &navErr) {
			if strings.Contains(navErr.Reason, "ERR_TUNNEL_CONNECTION_FAILED") {
				// The network event saying so may come after this error:
				// ask the policy now, so the step says why.
				r.s.egress.explain(r.ctx, u)
			}
			return fmt.Errorf("could not open %s: %s", u, navErr.Reason)
		}
		return err
	})
	if err != nil {
		return err
	}
	r.recordPage()
	return nil
}

// history goes back (-1) or forward (+1) through the session's history.
func (r *stepRun) history(delta int) error {
	h, err := proto.PageGetNavigationHistory{}.Call(r.page)
	if err != nil {
		return fmt.Errorf("read the history: %w", err)
	}
	i := h.CurrentIndex + delta
	if i < 0 || i >= len(h.Entries) {
		if delta < 0 {
			return errors.New("there is no previous page to go back to")
		}
		return errors.New("there is no next page to go forward to")
	}
	entry := h.Entries[i]
	if err := r.navigateAndWait(entry.URL, func() error {
		return proto.PageNavigateToHistoryEntry{EntryID: entry.ID}.Call(r.page)
	}); err != nil {
		return err
	}
	r.recordPage()
	return nil
}

func (r *stepRun) reload() error {
	if err := r.navigateAndWait("the page", func() error { return proto.PageReload{}.Call(r.page) }); err != nil {
		return err
	}
	r.recordPage()
	return nil
}

// navigateAndWait runs trigger and waits until the main frame has loaded:
// the load event, a same-document navigation, or a page restored from the
// back-forward cache (which fires no load event).
func (r *stepRun) navigateAndWait(what string, trigger func() error) error {
	p, stop := r.page.WithCancel()
	defer stop()
	wait := p.EachEvent(
		func(*proto.PageLoadEventFired) bool { return true },
		func(e *proto.PageNavigatedWithinDocument) bool { return e.FrameID == p.FrameID },
		func(e *proto.PageFrameNavigated) bool {
			return e.Frame.ParentID == "" && e.Type == proto.PageNavigationTypeBackForwardCacheRestore
		},
	)
	if err := trigger(); err != nil {
		return err
	}
	wait() // returns early if the step's context ends
	if r.ctx.Err() != nil {
		return fmt.Errorf("%s did not finish loading: %w", what, r.ctx.Err())
	}
	return nil
}

// recordPage notes where the page is after a navigation.
func (r *stepRun) recordPage() {
	if u, err := r.currentURL(); err == nil {
		r.data["url"] = u
	}
	res, err := r.page.Eval(`() => ({
		title: document.title,
		status: (performance.getEntriesByType('navigation')[0] || {}).responseStatus || 0,
	})`)
	if err != nil {
		return
	}
	r.data["title"] = res.Value.Get("title").Str()
	if status := res.Value.Get("status").Int(); status > 0 {
		r.data["status"] = status
	}
}

// currentURL asks the browser, not the page, so it works mid-navigation.
func (r *stepRun) currentURL() (string, error) {
	info, err := proto.TargetGetTargetInfo{TargetID: r.page.TargetID}.Call(r.s.incognito.Context(r.ctx))
	if err != nil {
		return "", fmt.Errorf("read the url: %w", err)
	}
	return info.TargetInfo.URL, nil
}

func (r *stepRun) waitForURL() error {
	var last string
	for attempt := 0; ; attempt++ {
		u, err := r.currentURL()
		if err == nil {
			last = u
			if strings.Contains(u, r.step.Text) {
				r.data["url"] = u
				return nil
			}
		}
		if err := sleep(r.ctx, pollDelay(attempt)); err != nil {
			return fmt.Errorf("the url %q does not contain %q after %s", last, r.step.Text, roundDuration(r.timeout))
		}
	}
}
