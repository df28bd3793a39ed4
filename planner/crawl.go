package planner

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/testing-agent/backend/executor/browser"
	"github.com/testing-agent/backend/executor/steps"
)

// site is what exploring found.
type site struct {
	start    *page
	origin   string // scheme://host of the start page, after redirects
	absolute bool   // steps carry absolute URLs rather than paths
	pages    []*page
	broken   []*page // pages that answered with an HTTP error
	byKey    map[string]*page
}

// page is one explored page.
type page struct {
	url     *url.URL // where the browser ended up
	depth   int
	status  int
	outline browser.PageOutline
}

// key identifies a page: its URL without the fragment.
func pageKey(u *url.URL) string {
	c := *u
	c.Fragment, c.RawFragment = "", ""
	return c.String()
}

// where is how steps write the page's address: its path (and query), which
// the run resolves against the site's base URL, or the whole URL.
func (s *site) where(u *url.URL) string {
	if s.absolute {
		c := *u
		c.Fragment, c.RawFragment = "", ""
		return c.String()
	}
	return pathOf(u)
}

func pathOf(u *url.URL) string {
	p := u.EscapedPath()
	if p == "" {
		p = "/"
	}
	if u.RawQuery != "" {
		p += "?" + u.RawQuery
	}
	return p
}

// crawlShare is the part of the exploration budget the crawl may use; the
// rest is left for trying out forms.
const crawlShare = 0.6

// crawl visits the site breadth first from start: same origin, at most
// MaxDepth links away, at most MaxPages pages, until ctx ends. An error
// means the start page itself could not be opened.
func (p *Planner) crawl(ctx context.Context, sess *browser.Session, start *url.URL, absolute bool, pr *progress) (*site, error) {
	s := &site{absolute: absolute, byKey: map[string]*page{}}
	type queued struct {
		u     *url.URL
		depth int
	}
	queue := []queued{{u: start}}
	enqueued := map[string]bool{pageKey(start): true}
	for i := 0; i < len(queue) && len(s.pages) < p.opts.MaxPages && ctx.Err() == nil; i++ {
		q := queue[i]
		pg, err := p.visit(ctx, sess, q.u.String())
		if i == 0 {
			if err != nil {
				return nil, err
			}
			if pg.status >= 400 {
				return nil, httpFailure(q.u.String(), pg.status)
			}
			s.origin = originOf(pg.url)
		}
		if err != nil {
			pr.warn(ctx, fmt.Sprintf("Could not open %s: %v", q.u, unwrapReason(err)), map[string]any{"url": q.u.String()})
			continue
		}
		pg.depth = q.depth
		if originOf(pg.url) != s.origin || s.byKey[pageKey(pg.url)] != nil {
			continue // redirected off the site, or to a page already seen
		}
		s.byKey[pageKey(pg.url)] = pg
		s.byKey[pageKey(q.u)] = pg
		if pg.status >= 400 {
			s.broken = append(s.broken, pg)
			pr.warn(ctx, fmt.Sprintf("%s answered HTTP %d", pathOf(pg.url), pg.status), map[string]any{"url": pg.url.String(), "status": pg.status})
			continue
		}
		if i == 0 {
			s.start = pg
		}
		s.pages = append(s.pages, pg)
		o := pg.outline
		pr.info(ctx, fmt.Sprintf("Explored %s: %q, %s, %s, %s", pathOf(pg.url), o.Title, count(len(o.Links), "link"), count(len(o.Forms), "form"),
			count(len(o.ConsoleErrors), "console error")), map[string]any{"url": pg.url.String(), "depth": q.depth})
		if q.depth >= p.opts.MaxDepth {
			continue
		}
		for _, l := range o.Links {
			u, ok := followable(l, s.origin)
			if !ok || enqueued[pageKey(u)] || len(queue) >= p.opts.MaxPages*10 {
				continue
			}
			enqueued[pageKey(u)] = true
			queue = append(queue, queued{u: u, depth: q.depth + 1})
		}
	}
	if s.start == nil {
		return nil, errors.New("exploring ran out of time before the first page loaded")
	}
	return s, nil
}

func originOf(u *url.URL) string { return u.Scheme + "://" + u.Host }

func unwrapReason(err error) string {
	var ue *unreachableError
	if errors.As(err, &ue) {
		return ue.reason
	}
	return err.Error()
}

// skippedExtensions are links to files rather than pages.
var skippedExtensions = []string{".pdf", ".zip", ".gz", ".tar", ".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".ico",
	".mp3", ".mp4", ".webm", ".csv", ".xls", ".xlsx", ".doc", ".docx", ".exe", ".dmg", ".json", ".xml", ".txt"}

// destructiveWords mark links a crawl must not follow: they end the
// session or change data.
var destructiveWords = []string{"logout", "log out", "log-out", "signout", "sign out", "sign-out", "delete", "remove", "unsubscribe"}

// followable returns the page a link leads to when exploring may follow it.
func followable(l browser.OutlineLink, origin string) (*url.URL, bool) {
	u, err := url.Parse(l.URL)
	if err != nil || l.NewTab || (u.Scheme != "http" && u.Scheme != "https") || originOf(u) != origin {
		return nil, false
	}
	u.Fragment, u.RawFragment = "", ""
	if slices.Contains(skippedExtensions, strings.ToLower(path.Ext(u.Path))) {
		return nil, false
	}
	words := strings.ToLower(l.Name + " " + u.Path)
	for _, w := range destructiveWords {
		if strings.Contains(words, w) {
			return nil, false
		}
	}
	return u, true
}

// visit opens u with the runner's own navigate step and outlines the page
// once its content stops changing.
func (p *Planner) visit(ctx context.Context, sess *browser.Session, u string) (*page, error) {
	res := sess.Run(ctx, []steps.Step{{Line: 1, Source: "go to " + u, Kind: steps.Navigate, URL: u}},
		browser.RunOptions{StepTimeout: p.opts.PageTimeout}, nil)
	if !res.Passed {
		if ctx.Err() != nil {
			// The crawl's time ran out (a cancelled generation is told apart by the caller).
			return nil, &unreachableError{url: u, reason: "it did not finish loading within the time allowed for exploring"}
		}
		return nil, loadFailure(u, res.Error)
	}
	status := 0
	if len(res.Steps) > 0 {
		if v, ok := res.Steps[0].Data["status"].(int); ok {
			status = v
		}
	}
	o, err := p.settledOutline(ctx, sess)
	if err != nil {
		return nil, fmt.Errorf("outline %s: %w", u, err)
	}
	final, err := url.Parse(o.URL)
	if err != nil || final.Host == "" {
		final, _ = url.Parse(u)
	}
	if status == 0 {
		status = o.Status
	}
	return &page{url: final, status: status, outline: o}, nil
}

// settleReads bounds how often a page is outlined while scripts still
// change it; settlePause is the pause between reads.
const (
	settleReads = 5
	settlePause = 150 * time.Millisecond
)

// settledOutline outlines the page until two reads agree, so content a
// script adds just after load is seen.
func (p *Planner) settledOutline(ctx context.Context, sess *browser.Session) (browser.PageOutline, error) {
	var last browser.PageOutline
	var lastErr error
	have := false
	for i := 0; i < settleReads; i++ {
		if i > 0 {
			if err := pause(ctx, settlePause); err != nil {
				break
			}
		}
		octx, cancel := context.WithTimeout(ctx, p.opts.PageTimeout)
		o, err := sess.Outline(octx)
		cancel()
		if err != nil {
			lastErr = err // e.g. a redirect replaced the document; read again
			continue
		}
		if have && sameContent(o, last) {
			return o, nil
		}
		last, have = o, true
	}
	if !have {
		return last, lastErr
	}
	return last, nil
}

// sameContent compares what a person sees of two outlines.
func sameContent(a, b browser.PageOutline) bool {
	return a.URL == b.URL && a.Title == b.Title && slices.Equal(a.Texts, b.Texts) && len(a.Links) == len(b.Links) &&
		len(a.Forms) == len(b.Forms) && slices.Equal(fieldValues(a), fieldValues(b))
}

func fieldValues(o browser.PageOutline) []string {
	var out []string
	for _, f := range o.Forms {
		for _, fl := range f.Fields {
			out = append(out, fl.Value)
		}
	}
	return out
}

func pause(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return context.Cause(ctx)
	}
}
