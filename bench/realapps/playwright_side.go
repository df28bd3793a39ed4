package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// pwLine is one JSON line run.mjs prints.
type pwLine struct {
	Summary bool   `json:"summary"`
	App     string `json:"app"`
	Flow    string `json:"flow"`
	Passed  bool   `json:"passed"`
	MS      int64  `json:"ms"`
	Error   string `json:"error"`
}

// runPlaywright runs run.mjs with Node, or says why it cannot.
func runPlaywright(dir, site string, apps []string, contexts, rounds int) sideResult {
	res := sideResult{Side: "playwright"}
	node, err := exec.LookPath("node")
	if err != nil {
		res.Skipped = "node is not on PATH (install Node.js 18 or later)"
		return res
	}
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "playwright-core")); err != nil {
		res.Skipped = fmt.Sprintf("playwright-core is not installed: run `npm ci` in %s (it downloads no browser)", dir)
		return res
	}
	chromium := os.Getenv("CHROME_BIN")
	if chromium == "" {
		chromium = "/usr/bin/chromium"
	}
	var all []string
	for range rounds {
		all = append(all, apps...)
	}
	cmd := exec.Command(node, "run.mjs", "--base", site, "--apps", strings.Join(all, ","),
		"--contexts", strconv.Itoa(contexts), "--chromium", chromium)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		res.Skipped = fmt.Sprintf("node run.mjs failed: %v: %s", err, strings.TrimSpace(stderr.String()))
		return res
	}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		var l pwLine
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			continue
		}
		if l.Summary {
			res.Wall = time.Duration(l.MS) * time.Millisecond
			continue
		}
		res.Outcomes = append(res.Outcomes, outcome{App: l.App, Flow: l.Flow, Passed: l.Passed,
			Duration: time.Duration(l.MS) * time.Millisecond, Error: l.Error})
	}
	return res
}
