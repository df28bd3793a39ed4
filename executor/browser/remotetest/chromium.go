// Package remotetest starts what tests of remote browsers need: a Chromium
// with --remote-debugging-port, started outside any pool as a browser farm
// runs one, on loopback.
package remotetest

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// startBound bounds how long Chromium may take to announce its port on a
// busy machine.
const startBound = 60 * time.Second

// Chromium is one browser process with its DevTools on a loopback port.
type Chromium struct {
	Port int
	HTTP string // http://127.0.0.1:PORT, resolved through /json/version
	WS   string // its DevTools websocket URL
	PID  int

	bin    string
	dir    string
	exited chan struct{}
}

// Binary returns the Chromium to start ($CHROME_BIN, else chromium on PATH),
// or skips the test saying why.
func Binary(t testing.TB) string {
	t.Helper()
	for _, name := range []string{os.Getenv("CHROME_BIN"), "chromium", "chromium-browser", "google-chrome"} {
		if name == "" {
			continue
		}
		if path, err := exec.LookPath(name); err == nil {
			return path
		}
	}
	t.Skip("skipping: no Chromium on PATH or in CHROME_BIN")
	return ""
}

// Start starts Chromium on a free port; it is killed when the test ends.
func Start(t testing.TB) *Chromium {
	t.Helper()
	return StartOnPort(t, 0)
}

// StartOnPort starts Chromium on port (0: any free one), with a fresh
// profile; it is killed when the test ends.
func StartOnPort(t testing.TB, port int) *Chromium {
	t.Helper()
	c := &Chromium{bin: Binary(t), dir: t.TempDir()}
	if err := c.start(port); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Kill)
	return c
}

// Restart starts the browser again on the port it had, as a farm restarts
// a container.
func (c *Chromium) Restart(t testing.TB) {
	t.Helper()
	c.Kill()
	// A fresh profile: the old one still names the old port.
	c.dir = t.TempDir()
	deadline := time.Now().Add(startBound)
	for {
		err := c.start(c.Port)
		if err == nil {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("restart Chromium on port %d: %v", c.Port, err)
		}
		time.Sleep(200 * time.Millisecond) // the port may still be closing
	}
}

func (c *Chromium) start(port int) error {
	cmd := exec.Command(c.bin, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--no-first-run", "--remote-debugging-address=127.0.0.1",
		"--remote-debugging-port="+strconv.Itoa(port), "--user-data-dir="+c.dir)
	// Its own process group, so one kill ends its helpers; and it dies with
	// the test binary.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("start %s: %w", c.bin, err)
	}
	c.PID = cmd.Process.Pid
	c.exited = make(chan struct{})
	exited := c.exited
	go func() {
		_ = cmd.Wait()
		close(exited)
	}()
	deadline := time.Now().Add(startBound)
	for {
		if c.listening(port) {
			return nil
		}
		select {
		case <-exited:
			return errors.New("chromium exited before it listened (is the port taken?)")
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			c.Kill()
			return fmt.Errorf("chromium did not listen within %s", startBound)
		}
	}
}

// listening reports whether Chromium listens, and notes where: on port 0 it
// writes its port and browser path to DevToolsActivePort; on a port given
// it writes nothing, and its /json/version answers.
func (c *Chromium) listening(port int) bool {
	if port == 0 {
		data, err := os.ReadFile(filepath.Join(c.dir, "DevToolsActivePort"))
		lines := strings.Split(strings.TrimSpace(string(data)), "\n")
		if err != nil || len(lines) != 2 {
			return false
		}
		p, err := strconv.Atoi(lines[0])
		if err != nil || p <= 0 {
			return false
		}
		c.at(p, lines[1])
		return true
	}
	resp, err := http.Get(fmt.Sprintf("http://127.0.0.1:%d/json/version", port))
	if err != nil {
		return false
	}
	defer resp.Body.Close()
	var v struct {
		WebSocketDebuggerURL string `json:"webSocketDebuggerUrl"`
	}
	if json.NewDecoder(resp.Body).Decode(&v) != nil {
		return false
	}
	u, err := url.Parse(v.WebSocketDebuggerURL)
	if err != nil || u.Path == "" {
		return false
	}
	c.at(port, u.Path)
	return true
}

func (c *Chromium) at(port int, path string) {
	c.Port = port
	c.HTTP = fmt.Sprintf("http://127.0.0.1:%d", port)
	c.WS = fmt.Sprintf("ws://127.0.0.1:%d%s", port, path)
}

// Kill ends the browser and its helpers by process group and waits for it.
func (c *Chromium) Kill() {
	if c.PID == 0 {
		return
	}
	_ = syscall.Kill(-c.PID, syscall.SIGKILL)
	select {
	case <-c.exited:
	case <-time.After(30 * time.Second):
	}
}

// Alive reports whether the browser process still runs.
func (c *Chromium) Alive() bool {
	select {
	case <-c.exited:
		return false
	default:
		return true
	}
}
