package browser

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/go-rod/rod"
	"github.com/go-rod/rod/lib/proto"
)

// errReleased is the cause left on a session's context once it is released.
var errReleased = errors.New("session released")

// Info describes the browser a session runs in.
type Info struct {
	BrowserID string // stable for the life of the Chromium process (or connection)
	PID       int    // 0 for a remote browser
	Endpoint  string // the remote browser's DevTools endpoint, query values (tokens) left out; "" when launched here
	Version   string // e.g. "HeadlessChrome/156.0.8078.108"
	UserAgent string
	Viewport  Viewport
}

// Session is one isolated incognito context with one page; one flow runs in
// it at a time. Release it when done.
type Session struct {
	pool      *Pool
	in        *instance
	incognito *rod.Browser
	page      *rod.Page // bound to ctx; steps derive their own contexts

	// ctx ends when the session is released, its browser dies or its page
	// crashes; the cause says which.
	ctx    context.Context
	cancel context.CancelCauseFunc

	info    Info
	console *consoleLog
	dialogs *dialogState
	tabs    []*rod.Page // the pages before the current one, oldest first
	known   map[proto.TargetTargetID]bool
	main    proto.TargetTargetID // the page the flow began on

	egress *egressBlocks // nil without an egress proxy

	framesMu sync.Mutex
	frames   map[proto.PageFrameID]*rod.Page // cross-origin iframes attached to
	running  atomic.Bool
	release  sync.Once
}

// open creates the incognito context and its page on in, bounded by ctx.
func (p *Pool) open(ctx context.Context, in *instance) (*Session, error) {
	select {
	case <-in.started:
	case <-ctx.Done():
		return nil, fmt.Errorf("wait for chromium to start: %w", context.Cause(ctx))
	}
	if in.startErr != nil {
		return nil, in.startErr
	}
	if s := p.takeSpare(in); s != nil {
		go p.refillSpare(in)
		return s, nil
	}
	s, err := p.openSession(ctx, in)
	if err == nil {
		go p.refillSpare(in)
	}
	return s, err
}

// openSession creates an incognito context and its page on in; ctx bounds
// the opening only.
func (p *Pool) openSession(ctx context.Context, in *instance) (*Session, error) {
	sctx, cancel := context.WithCancelCause(in.ctx)
	// Opening honours the caller's ctx; the session then lives on its own.
	stop := context.AfterFunc(ctx, func() { cancel(context.Cause(ctx)) })
	defer stop()

	s := &Session{pool: p, in: in, ctx: sctx, cancel: cancel, console: newConsoleLog(), dialogs: newDialogState(),
		known: map[proto.TargetTargetID]bool{}, frames: map[proto.PageFrameID]*rod.Page{}}
	if p.opts.ProxyServer != "" {
		s.egress = newEgressBlocks(p.opts.EgressCheck)
	}
	if err := s.openPage(); err != nil {
		cancel(err)
		s.dispose()
		if dead, cause := in.dead(); dead {
			return nil, fmt.Errorf("open browser context: %w", cause)
		}
		if ctx.Err() != nil {
			return nil, fmt.Errorf("open browser context: %w", context.Cause(ctx))
		}
		return nil, fmt.Errorf("open browser context: %w", err)
	}
	var where string
	if in.ep != nil {
		where = in.ep.name
	}
	s.info = Info{
		BrowserID: in.id,
		Endpoint:  where,
		PID:       in.pid(),
		Version:   in.version,
		UserAgent: in.ua,
		Viewport:  p.opts.Viewport,
	}
	return s, nil
}

func (s *Session) openPage() error {
	inc, err := s.newContext()
	if err != nil {
		return err
	}
	s.incognito = inc
	page, err := inc.Page(proto.TargetCreateTarget{})
	if err != nil {
		return err
	}
	s.page = page
	s.main = page.TargetID
	s.known[page.TargetID] = true
	return s.preparePage(page)
}

// newContext creates the flow's incognito context. On a remote browser,
// which cannot be given --proxy-server, the context gets the pool's proxy as
// its own (loopback included, as the flag does), and is disposed by the
// browser if our connection drops, so a lost server leaves nothing open.
func (s *Session) newContext() (*rod.Browser, error) {
	b := s.in.browser.Context(s.ctx)
	if s.in.ep == nil {
		return b.Incognito()
	}
	req := proto.TargetCreateBrowserContext{DisposeOnDetach: true}
	if proxy := s.pool.opts.ProxyServer; proxy != "" {
		req.ProxyServer, req.ProxyBypassList = proxy, "<-loopback>"
	}
	res, err := req.Call(b)
	if err != nil {
		return nil, err
	}
	inc := *b
	inc.BrowserContextID = res.BrowserContextID
	return &inc, nil
}

// preparePage gives a page of the flow its viewport and user agent, the
// resolver, and the listeners.
func (s *Session) preparePage(page *rod.Page) error {
	vp := s.pool.opts.Viewport
	if err := (proto.EmulationSetDeviceMetricsOverride{Width: vp.Width, Height: vp.Height, DeviceScaleFactor: 1}).Call(page); err != nil {
		return fmt.Errorf("set viewport: %w", err)
	}
	if err := (proto.EmulationSetUserAgentOverride{UserAgent: s.in.ua}).Call(page); err != nil {
		return fmt.Errorf("set user agent: %w", err)
	}
	// Installing the resolver on this page (not a clone) creates go-rod's
	// helper cache here, so every clone a step makes shares it, and with it
	// the element the resolver keeps between "resolve" and "take".
	if _, err := page.Evaluate(rod.Eval(`(f) => typeof f`, resolverJS)); err != nil {
		return fmt.Errorf("install the resolver: %w", err)
	}
	s.listen(page)
	s.egress.watch(s.ctx, page)
	return nil
}

// listen collects console errors and uncaught exceptions, answers dialogs,
// and notices a crashed renderer, until the session ends.
func (s *Session) listen(page *rod.Page) {
	first := page.TargetID == s.main
	wait := page.EachEvent(
		func(e *proto.RuntimeConsoleAPICalled) { s.console.consoleCalled(e) },
		func(e *proto.RuntimeExceptionThrown) { s.console.exceptionThrown(e) },
		func(e *proto.PageJavascriptDialogOpening) { s.answerDialog(page, e) },
		func(*proto.InspectorTargetCrashed) {
			if first { // a popup's crash fails only the steps on it
				s.cancel(fmt.Errorf("%w: the renderer of this flow's page died", ErrPageCrashed))
			}
		},
	)
	go wait()
}

// Info describes the browser this session runs in.
func (s *Session) Info() Info { return s.info }

// Release closes the context and its page; the browser stays warm for the
// next flow. It is safe to call more than once.
func (s *Session) Release() {
	s.release.Do(func() {
		s.cancel(errReleased)
		// The context closes in the background: the next flow need not wait
		// for it, and it is already cut off from this one.
		s.pool.disposing.Go(s.dispose)
		s.pool.unreserve(s.in)
		<-s.pool.slots
	})
}

// dispose closes the incognito context (and its page) with a bounded wait.
func (s *Session) dispose() {
	if s.incognito == nil {
		return
	}
	if dead, _ := s.in.dead(); dead {
		return
	}
	ctx, cancel := context.WithTimeout(s.in.ctx, 5*time.Second)
	defer cancel()
	if err := s.incognito.Context(ctx).Close(); err != nil {
		s.pool.log.Warn("close browser context", "browser", s.in.id, "err", err)
	}
	s.framesMu.Lock()
	pages := slices.Concat(s.tabs, []*rod.Page{s.page})
	for _, f := range s.frames {
		pages = append(pages, f)
	}
	s.framesMu.Unlock()
	for _, page := range pages {
		if page != nil {
			s.in.browser.RemoveState(page.TargetID) // go-rod's page cache
		}
	}
}
