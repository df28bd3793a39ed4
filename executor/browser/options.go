package browser

import (
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

// RunOptions configure one Session.Run.
type RunOptions struct {
	BaseURL     string            // relative URLs in navigate steps resolve against it
	StepTimeout time.Duration     // how long one step may wait; default 10s
	Vars        map[string]string // run variables for {{name}}: env.NAME the server allows, …
}

func (o RunOptions) withDefaults() RunOptions {
	if o.StepTimeout <= 0 {
		o.StepTimeout = 10 * time.Second
	}
	return o
}
