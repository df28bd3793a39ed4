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

// instance is one Chromium the pool manages: a process it launched, or a
// connection to a remote endpoint (ep set, proc nil).
type instance struct {
	id string
	ep *endpoint // the remote endpoint it is connected to; nil when launched

	// ctx lives as long as the process; it is cancelled with ErrBrowserCrashed
	// (or ErrPoolClosed) as its cause, which ends every CDP call of its sessions.
	ctx    context.Context
	cancel context.CancelCauseFunc

	started  chan struct{} // closed when start finished; startErr tells how
	startErr error
	proc     *chromiumProcess // nil for a remote browser
	ws       *cdp.WebSocket   // the DevTools connection; closed on purpose by close
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

func newInstance(ep *endpoint) *instance {
	ctx, cancel := context.WithCancelCause(context.Background())
	return &instance{id: newBrowserID(ep), ep: ep, ctx: ctx, cancel: cancel, started: make(chan struct{})}
}

func newBrowserID(ep *endpoint) string {
	b := make([]byte, 4)
	_, _ = rand.Read(b)
	if ep != nil {
		return "remote-" + hex.EncodeToString(b)
	}
	return "chromium-" + hex.EncodeToString(b)
}

// pid is the launched process's ID; 0 for a remote browser.
func (in *instance) pid() int {
	if in.proc == nil {
		return 0
	}
	return in.proc.pid
}

// where names the browser in messages: its process or its endpoint.
func (in *instance) where() string {
	if in.ep != nil {
		return in.ep.name
	}
	return fmt.Sprintf("Chromium (pid %d)", in.pid())
}

// start launches Chromium, or dials the remote endpoint, and connects to
// it; it closes in.started when done.
func (in *instance) start(bin string, opts PoolOptions) {
	defer close(in.started)
	ctx, cancel := context.WithTimeout(in.ctx, opts.StartTimeout)
	defer cancel()

	if in.ep != nil {
		if err := in.dial(ctx); err != nil {
			in.startErr = err
			in.cancel(err)
		}
		return
	}
	proc, err := launchChromium(ctx, bin, opts)
	if err != nil {
		in.startErr = err
		in.cancel(err)
		return
	}
	in.proc = proc
	if err := in.connect(ctx, proc.wsURL); err != nil {
		proc.kill()
		in.startErr = err
		in.cancel(err)
		return
	}
}

func (in *instance) connect(ctx context.Context, wsURL string) error {
	ws := &cdp.WebSocket{}
	if err := ws.Connect(ctx, wsURL, nil); err != nil { // ctx bounds the dial only
		return fmt.Errorf("connect to %s: %w", in.where(), err)
	}
	in.ws = ws
	client := cdp.New().Start(watchedSocket{WebSocket: ws, in: in})
	// NoDefaultDevice: every page gets our viewport, not go-rod's laptop preset.
	// ControlURL(""): the client is given; go-rod's $rod env must not add a URL.
	b := rod.New().ControlURL("").Client(client).Context(in.ctx).NoDefaultDevice()
	if err := b.Connect(); err != nil {
		_ = ws.Close()
		return fmt.Errorf("connect to %s: %w", in.where(), err)
	}
	v, err := b.Context(ctx).Version()
	if err != nil {
		_ = ws.Close()
		return fmt.Errorf("ask %s for its version: %w", in.where(), err)
	}
	in.browser = b
	in.version = v.Product
	// Sites treat "HeadlessChrome" differently; flows should see what users see.
	in.ua = strings.Replace(v.UserAgent, "HeadlessChrome", "Chrome", 1)
	return nil
}

// watch waits until the process exits or its DevTools connection drops (or,
// for a remote browser, stops answering) and reports it through gone,
// unless the pool closed it on purpose.
func (in *instance) watch(gone func(in *instance, err error)) {
	disconnected := make(chan struct{})
	events := in.browser.Event() // closes when the CDP connection ends
	go func() {
		for range events {
		}
		close(disconnected)
	}()
	var exited, unanswered <-chan struct{} // nil: never
	if in.proc != nil {
		exited = in.proc.exited
	}
	if in.ep != nil {
		unanswered = in.heartbeat()
	}
	var err error
	select {
	case <-exited:
		err = fmt.Errorf("%w: the Chromium process (pid %d) exited (%v)", ErrBrowserCrashed, in.proc.pid, in.proc.exitErr)
	case <-disconnected:
		err = fmt.Errorf("%w: lost the DevTools connection to %s", in.lossKind(), in.where())
	case <-unanswered:
		err = fmt.Errorf("%w: %s stopped answering", ErrBrowserLost, in.where())
	}
	if in.deliberate.Load() {
		return
	}
	if in.ctx.Err() != nil {
		err = context.Cause(in.ctx) // the socket said first (watchedSocket)
	}
	in.cancel(err)
	in.hangUp() // children of a process may outlive a killed parent
	gone(in, err)
}

// watchedSocket is a browser's DevTools connection that cancels the
// browser's context (ErrBrowserCrashed, or ErrBrowserLost for a remote one)
// as soon as it fails, before the CDP client fails the calls in flight: a
// step cut off by the crash then says so, not the socket's error.
type watchedSocket struct {
	*cdp.WebSocket
	in *instance
}

func (w watchedSocket) Read() ([]byte, error) {
	msg, err := w.WebSocket.Read()
	if err != nil {
		w.in.lost()
	}
	return msg, err
}

func (w watchedSocket) Send(msg []byte) error {
	err := w.WebSocket.Send(msg)
	if err != nil {
		w.in.lost()
	}
	return err
}

// lost cancels the browser's context, unless the pool closes it.
func (in *instance) lost() {
	if !in.deliberate.Load() {
		in.cancel(fmt.Errorf("%w: lost the DevTools connection to %s", in.lossKind(), in.where()))
	}
}

// lossKind is what a dropped connection means: a launched browser crashed,
// a remote one is lost (it may come back).
func (in *instance) lossKind() error {
	if in.ep != nil {
		return ErrBrowserLost
	}
	return ErrBrowserCrashed
}

// hangUp ends the process this pool launched, or the connection to a remote
// browser (which the remote browser outlives).
func (in *instance) hangUp() {
	if in.proc != nil {
		in.proc.kill()
	}
	if in.ws != nil && in.ep != nil {
		_ = in.ws.Close()
	}
}

// close ends the process on purpose, aborting a start in progress; cause
// reaches sessions still open.
func (in *instance) close(cause error) {
	in.deliberate.Store(true)
	in.cancel(cause)
	<-in.started
	in.hangUp()
}

// dead reports whether the process is gone; cause says why.
func (in *instance) dead() (bool, error) {
	if in.ctx.Err() != nil {
		return true, context.Cause(in.ctx)
	}
	return false, nil
}
