package browser

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"strings"
	"sync/atomic"
	"time"

	"github.com/go-rod/rod"
	"github.com/go-rod/rod/lib/cdp"
)

// instanceState is where a browser is in its life; guarded by Pool.mu.
type instanceState int

const (
	starting instanceState = iota
	ready
	draining // serves its open contexts, takes no new ones, closes when empty
	gone
)

// instance is one Chromium process the pool manages.
type instance struct {
	id string

	// ctx lives as long as the process; it is cancelled with ErrBrowserCrashed
	// (or ErrPoolClosed) as its cause, which ends every CDP call of its sessions.
	ctx    context.Context
	cancel context.CancelCauseFunc

	started  chan struct{} // closed when start finished; startErr tells how
	startErr error
	proc     *chromiumProcess
	browser  *rod.Browser
	version  string
	ua       string

	deliberate atomic.Bool // closing on purpose: an exit is not a crash

	// guarded by Pool.mu
	spares       []*Session // open contexts waiting for the next flows
	spareOpening int
	state        instanceState
	active       int // contexts open or reserved
	served       int
	idleTimer    *time.Timer
	idleGen      int // which idle clock is current
}

func newInstance() *instance {
	ctx, cancel := context.WithCancelCause(context.Background())
	return &instance{id: newBrowserID(), ctx: ctx, cancel: cancel, started: make(chan struct{})}
}

func newBrowserID() string {
	b := make([]byte, 4)
	_, _ = rand.Read(b)
	return "chromium-" + hex.EncodeToString(b)
}

// start launches Chromium and connects to it; it closes in.started when done.
func (in *instance) start(bin string, opts PoolOptions) {
	defer close(in.started)
	ctx, cancel := context.WithTimeout(in.ctx, opts.StartTimeout)
	defer cancel()

	proc, err := launchChromium(ctx, bin, opts)
	if err != nil {
		in.startErr = err
		in.cancel(err)
		return
	}
	in.proc = proc
	if err := in.connect(ctx); err != nil {
		proc.kill()
		in.startErr = err
		in.cancel(err)
		return
	}
}

func (in *instance) connect(ctx context.Context) error {
	client, err := cdp.StartWithURL(ctx, in.proc.wsURL, nil) // ctx bounds the dial only
	if err != nil {
		return fmt.Errorf("connect to chromium: %w", err)
	}
	// NoDefaultDevice: every page gets our viewport, not go-rod's laptop preset.
	// ControlURL(""): the client is given; go-rod's $rod env must not add a URL.
	b := rod.New().ControlURL("").Client(client).Context(in.ctx).NoDefaultDevice()
	if err := b.Connect(); err != nil {
		return fmt.Errorf("connect to chromium: %w", err)
	}
	v, err := b.Context(ctx).Version()
	if err != nil {
		return fmt.Errorf("chromium version: %w", err)
	}
	in.browser = b
	in.version = v.Product
	// Sites treat "HeadlessChrome" differently; flows should see what users see.
	in.ua = strings.Replace(v.UserAgent, "HeadlessChrome", "Chrome", 1)
	return nil
}

// watch waits until the process exits or its DevTools connection drops and
// reports it through gone, unless the pool closed it on purpose.
func (in *instance) watch(gone func(in *instance, err error)) {
	disconnected := make(chan struct{})
	events := in.browser.Event() // closes when the CDP connection ends
	go func() {
		for range events {
		}
		close(disconnected)
	}()
	var err error
	select {
	case <-in.proc.exited:
		err = fmt.Errorf("%w: the Chromium process (pid %d) exited (%v)", ErrBrowserCrashed, in.proc.pid, in.proc.exitErr)
	case <-disconnected:
		err = fmt.Errorf("%w: lost the DevTools connection to Chromium (pid %d)", ErrBrowserCrashed, in.proc.pid)
	}
	if in.deliberate.Load() {
		return
	}
	in.cancel(err)
	in.proc.kill() // children may outlive a killed parent
	gone(in, err)
}

// close ends the process on purpose, aborting a start in progress; cause
// reaches sessions still open.
func (in *instance) close(cause error) {
	in.deliberate.Store(true)
	in.cancel(cause)
	<-in.started
	if in.proc != nil {
		in.proc.kill()
	}
}

// dead reports whether the process is gone; cause says why.
func (in *instance) dead() (bool, error) {
	if in.ctx.Err() != nil {
		return true, context.Cause(in.ctx)
	}
	return false, nil
}
