package browser

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"sync"
	"syscall"
	"time"

	"github.com/go-rod/rod/lib/launcher"
)

// ErrNoChromium means no Chromium binary was found; nothing is ever downloaded.
var ErrNoChromium = errors.New("no Chromium binary found: run `make setup` or `apt-get install chromium`, or set CHROME_BIN")

// chromiumNames are the executables tried on PATH, in order.
var chromiumNames = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"}

// FindChromium returns the Chromium executable to run: override if set, else
// $CHROME_BIN, else the first of chromium, chromium-browser, google-chrome on
// PATH.
func FindChromium(override string) (string, error) {
	for _, candidate := range []string{override, os.Getenv("CHROME_BIN")} {
		if candidate == "" {
			continue
		}
		path, err := exec.LookPath(candidate)
		if err != nil {
			return "", fmt.Errorf("chromium %q is not executable: %w (%w)", candidate, err, ErrNoChromium)
		}
		return path, nil
	}
	for _, name := range chromiumNames {
		if path, err := exec.LookPath(name); err == nil {
			return path, nil
		}
	}
	return "", ErrNoChromium
}

// chromiumArgs are Chromium's flags: go-rod's launcher defaults (headless,
// no first run, no background throttling…) plus ours, on a fresh profile.
func chromiumArgs(bin, userDataDir string, vp Viewport, proxy string) []string {
	l := launcher.New().
		Bin(bin). // a non-empty Bin turns go-rod's browser download off
		Leakless(false).
		Headless(true).
		NoSandbox(true). // we run as root in containers
		UserDataDir(userDataDir).
		RemoteDebuggingPort(0).
		Set("disable-gpu").
		Set("disable-dev-shm-usage").
		Set("no-first-run").
		Set("disable-background-networking").
		Set("disable-component-update").
		Set("disable-sync").
		Set("disable-crash-reporter"). // no crashpad handlers outliving the browser
		Set("mute-audio").
		Set("window-size", strconv.Itoa(vp.Width), strconv.Itoa(vp.Height))
	if proxy != "" {
		// "<-loopback>" removes Chromium's implicit bypass of localhost, so
		// loopback requests go through the proxy as well.
		l = l.Set("proxy-server", proxy).Set("proxy-bypass-list", "<-loopback>")
	}
	return l.FormatArgs()
}

// chromiumProcess is one running Chromium and its temporary profile.
type chromiumProcess struct {
	pid         int
	wsURL       string
	userDataDir string
	output      *outputTail
	exited      chan struct{} // closed once the process has exited and its profile is gone
	exitErr     error         // how it exited; read after exited is closed
}

// launchChromium starts Chromium and returns once its DevTools endpoint is
// known. go-rod's launcher provides the flags; the process is started here so
// that it gets a parent-death signal: if this server dies, Chromium does too
// (what go-rod's "leakless" helper binary would otherwise do).
func launchChromium(ctx context.Context, bin string, opts PoolOptions) (*chromiumProcess, error) {
	dir, err := os.MkdirTemp("", "testing-agent-chromium-")
	if err != nil {
		return nil, fmt.Errorf("create chromium profile dir: %w", err)
	}
	out := newOutputTail()
	cmd := exec.Command(bin, chromiumArgs(bin, dir, opts.Viewport, opts.ProxyServer)...)
	cmd.Stdout, cmd.Stderr = out, out
	cmd.SysProcAttr = &syscall.SysProcAttr{
		Setpgid: true, // one kill reaches the renderers and helpers it forks
		// Sent when the thread that started Chromium ends; Go ends threads
		// only with a goroutine that locked one, which this caller has not.
		// It survives the exec in Debian's wrapper script.
		Pdeathsig: syscall.SIGKILL,
	}
	if err := cmd.Start(); err != nil {
		_ = os.RemoveAll(dir)
		return nil, fmt.Errorf("start %s: %w", bin, err)
	}
	p := &chromiumProcess{pid: cmd.Process.Pid, userDataDir: dir, output: out, exited: make(chan struct{})}
	go func() {
		p.exitErr = cmd.Wait()
		_ = os.RemoveAll(dir)
		close(p.exited)
	}()
	select {
	case p.wsURL = <-out.wsURL:
		return p, nil
	case <-p.exited:
		return nil, fmt.Errorf("chromium exited while starting (%v): %s", p.exitErr, out.tail())
	case <-ctx.Done():
		p.kill()
		return nil, fmt.Errorf("chromium did not start: %w; its output: %s", context.Cause(ctx), out.tail())
	}
}

// kill ends Chromium and every child in its process group, then waits a
// bounded time for it to be reaped.
func (p *chromiumProcess) kill() {
	killProcessGroup(p.pid)
	select {
	case <-p.exited:
	case <-time.After(5 * time.Second):
	}
}

func killProcessGroup(pid int) {
	_ = syscall.Kill(-pid, syscall.SIGKILL)
	_ = syscall.Kill(pid, syscall.SIGKILL)
}

// devToolsURL is how Chromium announces its endpoint on stderr.
var devToolsURL = regexp.MustCompile(`DevTools listening on (ws://\S+)`)

// outputTail keeps the last few KB of Chromium's output, for error messages,
// and reports the DevTools URL once it appears.
type outputTail struct {
	mu    sync.Mutex
	buf   []byte
	found bool
	wsURL chan string
}

const outputTailSize = 4 << 10

func newOutputTail() *outputTail { return &outputTail{wsURL: make(chan string, 1)} }

func (o *outputTail) Write(b []byte) (int, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.buf = append(o.buf, b...)
	if !o.found {
		if m := devToolsURL.FindSubmatch(o.buf); m != nil {
			o.found = true
			o.wsURL <- string(m[1])
		}
	}
	if len(o.buf) > outputTailSize && o.found {
		o.buf = append([]byte(nil), o.buf[len(o.buf)-outputTailSize:]...)
	}
	return len(b), nil
}

func (o *outputTail) tail() string {
	o.mu.Lock()
	defer o.mu.Unlock()
	return string(bytes.TrimSpace(o.buf))
}
