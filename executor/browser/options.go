package browser

import (
	"context"
	"log/slog"
	"time"
)

// Viewport is the page size every session gets.
type Viewport struct {
	Width  int
	Height int
}

// PoolOptions configure a Pool. The zero value is usable.
type PoolOptions struct {
	Browsers           int           // Chromium processes at most; default 1
	ContextsPerBrowser int           // concurrent incognito contexts per process; default 2
	IdleTimeout        time.Duration // close a browser idle this long; default 60s
	RecycleAfter       int           // replace a browser after serving this many contexts; default 200
	StartTimeout       time.Duration // bound on starting one Chromium; default 30s
	Bin                string        // Chromium executable; default $CHROME_BIN, then PATH
	Viewport           Viewport      // default 1280x720
	Logger             *slog.Logger  // default slog.Default()

	// ProxyServer, when set, is Chromium's --proxy-server (e.g.
	// "http://127.0.0.1:3128"). Loopback addresses go through it too, so a
	// policy proxy sees every request a flow makes.
	ProxyServer string
	// EgressCheck, with ProxyServer an egress-policy proxy, explains a
	// request whose tunnel the proxy refused (https, websockets): its
	// message and true when the policy blocked it. Blocked plain-HTTP
	// requests carry their message in the proxy's EgressBlockedHeader.
	// The step during which a block happens fails with its message.
	EgressCheck func(ctx context.Context, url string) (message string, blocked bool)

	// OnBrowserEvent, if set, is called when a browser starts, crashes or
	// closes. It runs on the pool's goroutines: keep it quick.
	OnBrowserEvent func(BrowserEvent)
}

func (o PoolOptions) withDefaults() PoolOptions {
	if o.Browsers <= 0 {
		o.Browsers = 1
	}
	if o.ContextsPerBrowser <= 0 {
		o.ContextsPerBrowser = 2
	}
	if o.IdleTimeout <= 0 {
		o.IdleTimeout = 60 * time.Second
	}
	if o.RecycleAfter <= 0 {
		// go-rod keeps a little state per page it has seen; recycling
		// bounds it, and Chromium's own growth, on long-lived servers.
		o.RecycleAfter = 200
	}
	if o.StartTimeout <= 0 {
		o.StartTimeout = 30 * time.Second
	}
	if o.Viewport.Width <= 0 || o.Viewport.Height <= 0 {
		o.Viewport = Viewport{Width: 1280, Height: 720}
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	return o
}

// Defaults of RunOptions left zero.
const (
	DefaultStepTimeout       = 10 * time.Second
	DefaultNavigationTimeout = 30 * time.Second
)

// RunOptions configure one Session.Run.
type RunOptions struct {
	BaseURL     string        // relative URLs in navigate steps resolve against it
	StepTimeout time.Duration // how long one step may wait for its target or assertion; default 10s
	// NavigationTimeout bounds a page load: go to, reload, back, forward,
	// and the load a click starts. Default 30s. Loads get their own bound
	// because a slow server or a busy machine delays them far more than it
	// delays finding an element.
	NavigationTimeout time.Duration
	Vars              map[string]string // run variables for {{name}}: env.NAME the server allows, …

	// lineTimeouts overrides the step timeout of single lines. Tests give
	// the one line they expect to fail a short timeout and every other line
	// a generous one, so that a busy machine cannot fail an earlier line.
	lineTimeouts map[int]time.Duration
}

func (o RunOptions) withDefaults() RunOptions {
	if o.StepTimeout <= 0 {
		o.StepTimeout = DefaultStepTimeout
	}
	if o.NavigationTimeout <= 0 {
		o.NavigationTimeout = DefaultNavigationTimeout
	}
	return o
}

// stepTimeout is how long the step on line may wait.
func (o RunOptions) stepTimeout(line int) time.Duration {
	if d, ok := o.lineTimeouts[line]; ok {
		return d
	}
	return o.StepTimeout
}
