package browser

import (
	"errors"
	"time"
)

// ErrBrowserCrashed is the cause of every failure due to a Chromium process
// that died or dropped its DevTools connection.
var ErrBrowserCrashed = errors.New("browser crashed")

// ErrPageCrashed is the cause of a failure due to a crashed renderer; the
// browser survives, the flow's page does not.
var ErrPageCrashed = errors.New("page crashed")

// ErrPoolClosed is returned by Acquire after Close.
var ErrPoolClosed = errors.New("browser pool closed")

// BrowserEventKind is what happened to a browser process.
type BrowserEventKind string

const (
	BrowserStarted BrowserEventKind = "started"
	BrowserCrashed BrowserEventKind = "crashed"
	BrowserClosed  BrowserEventKind = "closed"
)

// BrowserEvent reports a browser process's life for the caller to record
// (browser sessions, logs, statistics).
type BrowserEvent struct {
	BrowserID string
	Kind      BrowserEventKind
	PID       int
	Version   string
	Reason    string // closed: "idle", "recycled" or "pool closed"
	Err       error  // crashed: why
	Time      time.Time
}
