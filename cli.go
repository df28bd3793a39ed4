package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/goccy/go-yaml"

	"github.com/testing-agent/backend/db"
	"github.com/testing-agent/backend/db/sqlite"
	"github.com/testing-agent/backend/executor"
	"github.com/testing-agent/backend/executor/browser"
	"github.com/testing-agent/backend/executor/steps"
	"github.com/testing-agent/backend/report"
)

// Exit codes of `test`.
const (
	exitPassed   = 0
	exitFailed   = 1
	exitBadInput = 2
)

// cliFlow is one flow of a flows file.
type cliFlow struct {
	Name         string `yaml:"name" json:"name"`
	Description  string `yaml:"description" json:"description"`
	Instructions string `yaml:"instructions" json:"instructions"`
}

// testOptions are the command line of `test`.
type testOptions struct {
	file, baseURL, junit, html string
	exec                       executor.Options
	timeout                    time.Duration
}

// runTestCommand runs `test FILE --base-url URL [--junit PATH]` (args are
// what follows "test"): the flows of FILE (YAML or JSON, a list of {name,
// description, instructions}) run in headless Chromium against the base URL
// on a temporary in-memory store. It prints progress, writes the reports
// asked for, and returns 0 when every flow passed, 1 when one failed and 2
// when the input (or the machine) does not allow a run.
func runTestCommand(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	opts, err := parseTestArgs(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return exitPassed
	}
	if err != nil {
		fmt.Fprintln(stderr, "error:", err)
		fmt.Fprintln(stderr, "usage: test FLOWS.yaml --base-url http://localhost:3000 [--junit out.xml] [--report out.html]")
		return exitBadInput
	}
	flows, err := readFlowsFile(opts.file)
	if err != nil {
		fmt.Fprintln(stderr, "error:", err)
		return exitBadInput
	}
	if opts.timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, opts.timeout)
		defer cancel()
	}
	code, err := runFlows(ctx, opts, flows, stdout, stderr)
	if err != nil {
		fmt.Fprintln(stderr, "error:", err)
	}
	return code
}

func parseTestArgs(args []string, stderr io.Writer) (testOptions, error) {
	var o testOptions
	fs := flag.NewFlagSet("test", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.baseURL, "base-url", "", "the site under test: relative URLs (Go to /login) resolve against it (required)")
	fs.StringVar(&o.junit, "junit", "", "write a JUnit XML report to this file")
	fs.StringVar(&o.html, "report", "", "write a self-contained HTML report to this file")
	fs.DurationVar(&o.exec.StepTimeout, "step-timeout", executor.DefaultStepTimeout, "how long one step waits for its target or assertion")
	fs.DurationVar(&o.exec.FlowTimeout, "flow-timeout", executor.DefaultFlowTimeout, "how long one flow may run")
	fs.DurationVar(&o.timeout, "timeout", 30*time.Minute, "how long the whole run may take")
	fs.IntVar(&o.exec.Pool.Browsers, "browsers", 1, "Chromium processes")
	fs.IntVar(&o.exec.Pool.ContextsPerBrowser, "contexts-per-browser", 2, "flows one Chromium runs at once")
	fs.StringVar(&o.exec.Pool.Bin, "chrome-bin", os.Getenv("CHROME_BIN"), "the Chromium executable (env CHROME_BIN); empty looks on PATH")
	// Flags may come before or after the file, as in `test flows.yaml --junit out.xml`.
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return o, err
		}
		if fs.NArg() == 0 {
			break
		}
		positional = append(positional, fs.Arg(0))
		args = fs.Args()[1:]
	}
	switch {
	case len(positional) != 1:
		return o, fmt.Errorf("give exactly one flows file (YAML or JSON), got %d", len(positional))
	case o.baseURL == "":
		return o, errors.New("--base-url is missing: give the site under test, e.g. --base-url http://localhost:3000")
	case !strings.HasPrefix(o.baseURL, "http://") && !strings.HasPrefix(o.baseURL, "https://"):
		return o, fmt.Errorf("--base-url %q must start with http:// or https://", o.baseURL)
	case o.exec.StepTimeout <= 0 || o.exec.FlowTimeout <= 0:
		return o, errors.New("--step-timeout and --flow-timeout must be positive durations such as 10s")
	case o.exec.Pool.Browsers < 1 || o.exec.Pool.ContextsPerBrowser < 1:
		return o, errors.New("--browsers and --contexts-per-browser must be at least 1")
	}
	o.file = positional[0]
	o.baseURL = strings.TrimRight(o.baseURL, "/")
	return o, nil
}

// readFlowsFile reads and checks a flows file, naming every problem with
// the flow and line to fix.
func readFlowsFile(path string) ([]cliFlow, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read the flows file: %w", err)
	}
	var flows []cliFlow
	// JSON is YAML, so one strict decoder reads both.
	if err := yaml.UnmarshalWithOptions(data, &flows, yaml.Strict()); err != nil {
		return nil, fmt.Errorf("%s is not a list of flows ({name, description, instructions}): %s", path, yaml.FormatError(err, false, true))
	}
	if len(flows) == 0 {
		return nil, fmt.Errorf("%s has no flows: write a list of {name, instructions}", path)
	}
	var problems []string
	for i, f := range flows {
		label := fmt.Sprintf("flow %d", i+1)
		if f.Name != "" {
			label += fmt.Sprintf(" (%q)", f.Name)
		}
		if strings.TrimSpace(f.Name) == "" {
			problems = append(problems, label+": name is missing")
		}
		if strings.TrimSpace(f.Instructions) == "" {
			problems = append(problems, label+": instructions are missing: write the steps, one per line")
			continue
		}
		if _, perr := steps.Parse(f.Instructions); perr != nil {
			for _, l := range perr.Lines {
				p := fmt.Sprintf("%s: line %d: %s (%s)", label, l.Line, l.Reason, l.Source)
				if l.Suggestion != "" {
					p += "; nearest valid form: " + l.Suggestion
				}
				problems = append(problems, p)
			}
		}
	}
	if len(problems) > 0 {
		return nil, fmt.Errorf("%s has %d problem(s):\n  %s", path, len(problems), strings.Join(problems, "\n  "))
	}
	if len(flows) > db.MaxFlowsPerCall*10 {
		return nil, fmt.Errorf("%s has %d flows: at most %d run at once", path, len(flows), db.MaxFlowsPerCall*10)
	}
	return flows, nil
}

// runFlows runs the flows as one session of a temporary in-memory store and
// writes the reports; it returns the exit code.
func runFlows(ctx context.Context, o testOptions, flows []cliFlow, stdout, stderr io.Writer) (int, error) {
	if _, err := browser.FindChromium(o.exec.Pool.Bin); err != nil {
		return exitBadInput, fmt.Errorf("flows run in headless Chromium: %w", err)
	}
	store, err := sqlite.Open(ctx, sqlite.Options{InMemory: true})
	if err != nil {
		return exitBadInput, fmt.Errorf("open a temporary store: %w", err)
	}
	defer store.Close()
	execOpts := o.exec
	execOpts.Store = store
	execOpts.Logger = slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	runner, err := executor.New(execOpts)
	if err != nil {
		return exitBadInput, fmt.Errorf("start the executor: %w", err)
	}
	// The runner stops (closing its browsers) before the store closes.
	runCtx, stopRunner := context.WithCancel(context.WithoutCancel(ctx))
	runnerDone := make(chan struct{})
	go func() {
		defer close(runnerDone)
		runner.Run(runCtx)
	}()
	defer func() {
		stopRunner()
		<-runnerDone
	}()

	// The base URL is the prompt's first URL: relative steps resolve against it.
	session, err := store.CreateTestSession(ctx, db.NewTestSession{
		Name:   filepath.Base(o.file),
		Prompt: fmt.Sprintf("Flows of %s, run against %s", o.file, o.baseURL),
	})
	if err != nil {
		return exitBadInput, fmt.Errorf("create the session: %w", err)
	}
	for start := 0; start < len(flows); start += db.MaxFlowsPerCall {
		batch := make([]db.NewTestFlow, 0, db.MaxFlowsPerCall)
		for _, f := range flows[start:min(start+db.MaxFlowsPerCall, len(flows))] {
			batch = append(batch, db.NewTestFlow{Name: f.Name, Description: f.Description, Instructions: f.Instructions, Approved: true})
		}
		if _, _, err := store.CreateTestFlows(ctx, session.ID, batch); err != nil {
			return exitBadInput, fmt.Errorf("store the flows: %s", db.ErrorMessage(err))
		}
	}
	watcher := store.Watch()
	defer watcher.Close()
	if _, err := runner.StartSession(ctx, session.ID); err != nil {
		return exitBadInput, fmt.Errorf("start the run: %s", db.ErrorMessage(err))
	}
	fmt.Fprintf(stdout, "Running %d flow(s) from %s against %s\n", len(flows), o.file, o.baseURL)
	final, err := followRun(ctx, store, watcher, session.ID, stdout)
	if err != nil {
		// Stop what still runs, so the reports say what happened.
		if _, cerr := runner.CancelSession(context.WithoutCancel(ctx), session.ID); cerr != nil && db.ErrorCode(cerr) != db.ErrConflict {
			slog.Warn("cancel the run", "err", cerr)
		}
		fmt.Fprintln(stderr, "error:", err)
	}
	if werr := writeReports(context.WithoutCancel(ctx), store, session.ID, o, stdout); werr != nil {
		return exitFailed, werr
	}
	if err == nil && final.Status == db.SessionCompleted {
		return exitPassed, nil
	}
	return exitFailed, nil
}

// followRun prints each flow as it starts and ends, until the session ends;
// it wakes on the store's change feed.
func followRun(ctx context.Context, store db.Store, watcher *db.Watcher, sessionID string, stdout io.Writer) (*db.TestSession, error) {
	printed := map[string]db.FlowStatus{}
	for {
		// The session first: when it has ended, the flows read after it
		// are final (the last flow and the session end in one write).
		session, err := store.GetTestSession(ctx, sessionID)
		if err != nil {
			return nil, fmt.Errorf("read the session: %w", err)
		}
		flows, err := store.ListTestFlows(ctx, sessionID)
		if err != nil {
			return nil, fmt.Errorf("read the flows: %w", err)
		}
		for _, f := range flows {
			if printed[f.ID] == f.Status {
				continue
			}
			printed[f.ID] = f.Status
			printFlow(stdout, f)
		}
		if session.Status == db.SessionCompleted || session.Status == db.SessionFailed {
			fmt.Fprintf(stdout, "%d passed, %d failed\n", session.CompletedFlows, session.FailedFlows)
			return session, nil
		}
		select {
		case <-ctx.Done():
			return session, fmt.Errorf("the run did not finish: %w", ctx.Err())
		case <-watcher.Ready():
			watcher.Drain()
		}
	}
}

func printFlow(w io.Writer, f *db.TestFlow) {
	took := ""
	if f.DurationMs != nil {
		took = fmt.Sprintf(" (%s)", (time.Duration(*f.DurationMs) * time.Millisecond).Round(time.Millisecond))
	}
	switch f.Status {
	case db.FlowRunning:
		fmt.Fprintf(w, "RUN   %s\n", f.Name)
	case db.FlowCompleted:
		fmt.Fprintf(w, "PASS  %s%s\n", f.Name, took)
	case db.FlowFailed:
		fmt.Fprintf(w, "FAIL  %s%s\n", f.Name, took)
		if f.Error != nil {
			fmt.Fprintf(w, "      %s\n", *f.Error)
		}
	}
}

// writeReports writes the JUnit and HTML reports asked for.
func writeReports(ctx context.Context, store db.Store, sessionID string, o testOptions, stdout io.Writer) error {
	if o.junit == "" && o.html == "" {
		return nil
	}
	run, err := report.Load(ctx, store, sessionID)
	if err != nil {
		return err
	}
	if o.junit != "" {
		// Screenshots live in the temporary store only; their paths stay
		// relative, and report.html carries the images themselves.
		if err := writeFile(o.junit, func(w io.Writer) error { return report.WriteJUnit(w, run, report.JUnitOptions{}) }); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "JUnit report: %s\n", o.junit)
	}
	if o.html != "" {
		if err := writeFile(o.html, func(w io.Writer) error { return report.WriteHTML(ctx, w, run, store) }); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "HTML report: %s\n", o.html)
	}
	return nil
}

func writeFile(path string, write func(io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("create %s: %w", path, err)
	}
	if err := write(f); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
