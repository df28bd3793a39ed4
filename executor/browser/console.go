package browser

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"strings"
	"sync"

	"github.com/go-rod/rod"
	"github.com/go-rod/rod/lib/proto"
)

// maxConsoleErrors bounds what one flow keeps; a page that logs in a loop
// must not grow the server.
const maxConsoleErrors = 100

// flushPrefix marks the console.debug message Session.flushConsole waits for.
const flushPrefix = "__testing_agent_flush__"

// consoleLog keeps the page's console errors and uncaught exceptions.
type consoleLog struct {
	mu      sync.Mutex
	errors  []string
	dropped int
	flushes map[string]chan struct{}
	dialogs []string // answered since the last takeDialogs
}

func newConsoleLog() *consoleLog {
	return &consoleLog{flushes: map[string]chan struct{}{}}
}

func (c *consoleLog) consoleCalled(e *proto.RuntimeConsoleAPICalled) {
	if e.Type == proto.RuntimeConsoleAPICalledTypeDebug && len(e.Args) == 1 {
		if text := e.Args[0].Value.Str(); strings.HasPrefix(text, flushPrefix) {
			c.flushed(strings.TrimPrefix(text, flushPrefix))
			return
		}
	}
	if e.Type != proto.RuntimeConsoleAPICalledTypeError && e.Type != proto.RuntimeConsoleAPICalledTypeAssert {
		return
	}
	parts := make([]string, 0, len(e.Args))
	for _, arg := range e.Args {
		parts = append(parts, remoteObjectText(arg))
	}
	msg := "console.error: " + strings.Join(parts, " ")
	if e.StackTrace != nil && len(e.StackTrace.CallFrames) > 0 {
		f := e.StackTrace.CallFrames[0]
		msg += fmt.Sprintf(" (%s:%d)", f.URL, f.LineNumber+1)
	}
	c.add(msg)
}

func (c *consoleLog) exceptionThrown(e *proto.RuntimeExceptionThrown) {
	d := e.ExceptionDetails
	if d == nil {
		return
	}
	text := d.Text
	if d.Exception != nil && d.Exception.Description != "" {
		// The description carries the stack; its first line is the message.
		text, _, _ = strings.Cut(d.Exception.Description, "\n")
	}
	msg := "uncaught exception: " + text
	if d.URL != "" {
		msg += fmt.Sprintf(" (%s:%d)", d.URL, d.LineNumber+1)
	}
	c.add(msg)
}

func remoteObjectText(o *proto.RuntimeRemoteObject) string {
	switch {
	case o.Type == proto.RuntimeRemoteObjectTypeString:
		return o.Value.Str()
	case o.Description != "":
		return o.Description
	case o.UnserializableValue != "":
		return string(o.UnserializableValue)
	default:
		return o.Value.JSON("", "")
	}
}

func (c *consoleLog) add(msg string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.errors) >= maxConsoleErrors {
		c.dropped++
		return
	}
	c.errors = append(c.errors, msg)
}

// reset forgets earlier errors: a flow sees only its own.
func (c *consoleLog) reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.errors, c.dropped = nil, 0
}

func (c *consoleLog) snapshot() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := append([]string(nil), c.errors...)
	if c.dropped > 0 {
		out = append(out, fmt.Sprintf("… and %d more", c.dropped))
	}
	return out
}

func (c *consoleLog) dialog(msg string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.dialogs) < maxConsoleErrors {
		c.dialogs = append(c.dialogs, msg)
	}
}

// takeDialogs returns the dialogs answered since the last call.
func (c *consoleLog) takeDialogs() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	d := c.dialogs
	c.dialogs = nil
	return d
}

func (c *consoleLog) expectFlush(token string) <-chan struct{} {
	c.mu.Lock()
	defer c.mu.Unlock()
	ch := make(chan struct{})
	c.flushes[token] = ch
	return ch
}

func (c *consoleLog) flushed(token string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if ch, ok := c.flushes[token]; ok {
		close(ch)
		delete(c.flushes, token)
	}
}

func (c *consoleLog) forget(token string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.flushes, token)
}

// flushConsole returns once every console event the page emitted before the
// call has been collected: it logs a marker and waits for it to arrive, since
// events come in order.
func flushConsole(ctx context.Context, page *rod.Page, c *consoleLog) error {
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	token := hex.EncodeToString(b)
	arrived := c.expectFlush(token)
	defer c.forget(token)
	if _, err := page.Context(ctx).Evaluate(rod.Eval(`(m) => console.debug(m)`, flushPrefix+token)); err != nil {
		return err
	}
	select {
	case <-arrived:
		return nil
	case <-ctx.Done():
		return context.Cause(ctx)
	}
}
