package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/testing-agent/backend/auth"
	"github.com/testing-agent/backend/executor"
)

// Worker mode (`worker`): the same binary, running flows only. It claims
// queued flows from the shared MongoDB under the same leases as the API
// servers, recovers the flows of dead processes as they do, and serves
// /healthz, /readyz and /metrics only. A deployment is N API servers, M
// workers and a browser farm on one MongoDB replica set.

// errWorkerNeedsMongo: the embedded store belongs to one process (it locks
// its data directory), so a worker on it could share a queue with nobody.
var errWorkerNeedsMongo = errors.New("worker mode needs MONGODB_URI: workers share the queue of the API servers through MongoDB " +
	"(the embedded store belongs to the one process that locks its DATA_DIR); set MONGODB_URI, or run the server alone, whose own workers run flows")

// workerMain runs `worker [flags]` (args follow "worker") until SIGINT or
// SIGTERM and returns the exit code.
func workerMain(args []string) int {
	cfg, err := parseConfig(args, os.Getenv)
	if err == nil && cfg.MongoURI == "" {
		err = errWorkerNeedsMongo
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	slog.SetDefault(slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: cfg.LogLevel})))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := runWorker(ctx, cfg, nil); err != nil {
		slog.Error("worker stopped", "err", err)
		return 1
	}
	return 0
}

// runWorker runs flows until ctx ends, then stops claiming and lets the
// flows it runs finish for up to SHUTDOWN_TIMEOUT (then they fail as
// interrupted) before it closes its browsers and the store. When ready is
// not nil it receives the address of the health listener.
func runWorker(ctx context.Context, cfg config, ready chan<- net.Addr) error {
	if cfg.MongoURI == "" {
		return errWorkerNeedsMongo
	}
	if cfg.Executor.QueueOnly {
		return errors.New("RUN_FLOWS=false tells a process to run no flows, and running flows is all a worker does: unset it for workers")
	}
	c, err := openCore(ctx, cfg)
	if err != nil {
		return err
	}
	defer c.close()
	store, listener, runner := c.store, c.listener, c.runner
	if runner.Pool() == nil {
		return errors.New("this worker cannot run flows: no Chromium found; install it (apt-get install chromium), set CHROME_BIN, or give BROWSER_URLS")
	}

	flowsDone := make(chan struct{})
	go func() {
		defer close(flowsDone)
		runner.RunWithGrace(ctx, cfg.ShutdownTimeout)
	}()
	srv := &http.Server{Handler: workerRoutes(store, runner, cfg.APIKeys), ReadHeaderTimeout: 10 * time.Second}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(listener) }()
	slog.Info("worker running flows", "health", "http://"+listener.Addr().String(), "store", store.description)
	if ready != nil {
		ready <- listener.Addr()
	}
	select {
	case err := <-served:
		<-flowsDone
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	slog.Info("worker stopping: no new claims; flows running here may finish", "timeout", cfg.ShutdownTimeout)
	<-flowsDone
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return srv.Shutdown(shutdownCtx)
}

// workerRoutes are a worker's only endpoints: probes and metrics.
func workerRoutes(store feedStore, runner *executor.Executor, keys *auth.Keys) http.Handler {
	mux := http.NewServeMux()
	probeRoutes(mux, store)
	mux.Handle("GET /metrics", keys.Require(auth.RoleRead, workerMetrics(runner)))
	return mux
}

// probeRoutes serves /healthz (the process runs) and /readyz (the store
// answers a real read), without keys, for probes.
func probeRoutes(mux *http.ServeMux, store feedStore) {
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, "ok")
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		if err := store.Ping(ctx); err != nil {
			slog.Warn("not ready", "err", err)
			http.Error(w, "store unavailable", http.StatusServiceUnavailable)
			return
		}
		fmt.Fprintln(w, "ready")
	})
}

// workerMetrics serves the Go runtime, the process, and the worker's flows
// and browsers.
func workerMetrics(runner *executor.Executor) http.Handler {
	reg := prometheus.NewRegistry()
	reg.MustRegister(
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Namespace: "testing_agent", Name: "flows_running", Help: "Flows this worker runs now."},
			func() float64 { return float64(runner.RunningFlows()) }),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Namespace: "testing_agent", Name: "browsers", Help: "Browsers this worker has open: launched, or connected to (BROWSER_URLS)."},
			func() float64 { return float64(runner.ActiveBrowsers()) }),
	)
	return promhttp.HandlerFor(reg, promhttp.HandlerOpts{})
}
