package browser

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestFindChromium(t *testing.T) {
	dir := t.TempDir()
	fake := filepath.Join(dir, "chromium")
	if err := os.WriteFile(fake, []byte("#!/bin/sh\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, override, env, path string
		want                      string // "" means ErrNoChromium
	}{
		{name: "on PATH", path: dir, want: fake},
		{name: "CHROME_BIN wins over PATH", env: fake, path: t.TempDir(), want: fake},
		{name: "override wins", override: fake, env: "/nonexistent/chrome", want: fake},
		{name: "missing CHROME_BIN is an error", env: "/nonexistent/chrome", path: dir},
		{name: "nothing anywhere", path: t.TempDir()},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("CHROME_BIN", tc.env)
			t.Setenv("PATH", tc.path)
			got, err := FindChromium(tc.override)
			if tc.want == "" {
				if !errors.Is(err, ErrNoChromium) || !strings.Contains(err.Error(), "make setup") || !strings.Contains(err.Error(), "apt-get install chromium") {
					t.Fatalf("FindChromium = %q, %v; want an error saying how to install it", got, err)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Fatalf("FindChromium = %q, %v; want %q", got, err, tc.want)
			}
		})
	}
}

func TestNewPoolWithoutChromium(t *testing.T) {
	t.Setenv("CHROME_BIN", "")
	t.Setenv("PATH", t.TempDir())
	if _, err := NewPool(PoolOptions{}); !errors.Is(err, ErrNoChromium) {
		t.Fatalf("NewPool = %v, want ErrNoChromium", err)
	}
}

func TestChromiumArgs(t *testing.T) {
	args := strings.Join(chromiumArgs("/usr/bin/chromium", "/tmp/profile", Viewport{Width: 800, Height: 600}, ""), " ")
	for _, want := range []string{
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir=/tmp/profile", "--remote-debugging-port=0", "--window-size=800,600",
	} {
		if !strings.Contains(args, want) {
			t.Errorf("args lack %s: %s", want, args)
		}
	}
	if strings.Contains(args, "rod-") || strings.Contains(args, "leakless") {
		t.Errorf("args carry go-rod's own settings: %s", args)
	}
	if strings.Contains(args, "proxy") {
		t.Errorf("args name a proxy though none was set: %s", args)
	}
	proxied := strings.Join(chromiumArgs("/usr/bin/chromium", "/tmp/profile", Viewport{Width: 800, Height: 600}, "http://127.0.0.1:3128"), " ")
	for _, want := range []string{"--proxy-server=http://127.0.0.1:3128", "--proxy-bypass-list=<-loopback>"} {
		if !strings.Contains(proxied, want) {
			t.Errorf("args lack %s: %s", want, proxied)
		}
	}
}

func TestResolveURL(t *testing.T) {
	tests := []struct{ base, raw, want, err string }{
		{"http://localhost:3000", "/login", "http://localhost:3000/login", ""},
		{"http://localhost:3000/app/", "./a.html", "http://localhost:3000/app/a.html", ""},
		{"http://localhost:3000", "https://example.com/x?y=1", "https://example.com/x?y=1", ""},
		{"", "/login", "", "no base URL"},
		{"http://localhost:3000", "javascript:alert(1)", "", "only http and https"},
		{"http://localhost:3000", "file:///etc/passwd", "", "only http and https"},
	}
	for _, tc := range tests {
		got, err := resolveURL(tc.base, tc.raw)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("resolveURL(%q, %q) = %q, %v; want error %q", tc.base, tc.raw, got, err, tc.err)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("resolveURL(%q, %q) = %q, %v; want %q", tc.base, tc.raw, got, err, tc.want)
		}
	}
}

func TestClosest(t *testing.T) {
	cands := []candidate{
		{Name: "Sign up", Role: "link"}, {Name: "Log in", Role: "button"}, {Name: "Help", Role: "link"},
		{Name: "Sign in with Google", Role: "button"}, {Name: "Privacy policy", Role: "link"},
		{Name: "Signing", Role: "text"}, {Name: "Sign up", Role: "link"},
	}
	got := closest("Sign in", cands, 3)
	names := []string{}
	for _, c := range got {
		names = append(names, c.Name)
	}
	joined := "|" + strings.Join(names, "|") + "|"
	if len(names) != 3 || !strings.Contains(joined, "|Sign up|") || !strings.Contains(joined, "|Sign in with Google|") ||
		strings.Contains(joined, "Help") || strings.Contains(joined, "Privacy") || strings.Count(joined, "Sign up") != 1 {
		t.Errorf("closest = %q", names)
	}
	if len(closest("x", nil, 5)) != 0 {
		t.Error("closest of nothing is not empty")
	}
}

func TestMessages(t *testing.T) {
	q := query{Text: "Sign in", Role: "button", Need: needAct, Enabled: true}
	r := report{Problem: "missing", Nearby: []candidate{{Name: "Log in", Role: "button"}, {Name: "Sign up", Role: "button", Disabled: true}}}
	want := `no visible, enabled button named "Sign in" after 10s; the page has buttons "Sign up" (disabled), "Log in"`
	if got := notFound(q, r, 10*time.Second); got != want {
		t.Errorf("notFound =\n%s\nwant\n%s", got, want)
	}
	q = query{Text: "Delete", Role: "button", Nth: 3, Need: needAct, Enabled: true}
	if got := missing(q, report{Problem: "too few", Count: 2}); got != `there is no 3rd button, only 2 buttons named "Delete"` {
		t.Errorf("too few: %s", got)
	}
	if got := alternatives(query{Text: "x", Role: "select", Need: needAct}, report{Problem: "missing"}); got != "; the page has no visible dropdowns" {
		t.Errorf("no alternatives: %q", got)
	}
}

func TestKeys(t *testing.T) {
	tests := []struct {
		combo string
		keys  []string
	}{
		{"Enter", []string{"Enter"}},
		{"Control+A", []string{"Control", "A"}},
		{"Control+Shift+ArrowLeft", []string{"Control", "Shift", "ArrowLeft"}},
		{"+", []string{"+"}},
		{"Shift++", []string{"Shift", "+"}},
	}
	for _, tc := range tests {
		got := splitCombo(tc.combo)
		if strings.Join(got, " ") != strings.Join(tc.keys, " ") {
			t.Errorf("splitCombo(%q) = %q", tc.combo, got)
		}
		for _, k := range got {
			if _, err := lookupKey(k); err != nil {
				t.Errorf("lookupKey(%q): %v", k, err)
			}
		}
	}
	enter, _ := lookupKey("Enter")
	if enter.key != "Enter" || enter.text != "\r" || enter.keyCode != 13 {
		t.Errorf("Enter = %+v", enter)
	}
	a, _ := lookupKey("a")
	if a.code != "KeyA" || a.keyCode != 65 || a.text != "a" {
		t.Errorf("a = %+v", a)
	}
	slash, _ := lookupKey("/")
	if slash.code != "Slash" {
		t.Errorf("/ = %+v", slash)
	}
	if _, err := lookupKey("NoSuchKey"); err == nil {
		t.Error("lookupKey accepted an unknown key")
	}
}

func TestNearestText(t *testing.T) {
	tests := []struct{ text, want, nearest string }{
		{"Home About Welcome, Alice! Your orders: 3 Log out", "Welcome, Bob", "Welcome, Alice!"},
		{"todos Buy milk Walk the dog 2 items left", "3 items left", "2 items left"},
		{"Sign in to continue", "Sign up", "Sign in"},
		{"", "anything", ""},
	}
	for _, tc := range tests {
		if got := nearestText(tc.text, tc.want); got != tc.nearest {
			t.Errorf("nearestText(%q, %q) = %q, want %q", tc.text, tc.want, got, tc.nearest)
		}
	}
}
