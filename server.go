// Command server runs the testing agent's GraphQL API.
//
// Configuration comes from flags, or from the environment variable named in
// each flag's help; a flag given on the command line wins.
package main

import (
	"context"
	"crypto/sha256"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/pprof"
	"net/url"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/testing-agent/backend/auth"
	"github.com/testing-agent/backend/db"
	"github.com/testing-agent/backend/db/mongo"
	"github.com/testing-agent/backend/db/sqlite"
	"github.com/testing-agent/backend/egress"
	"github.com/testing-agent/backend/executor"
	"github.com/testing-agent/backend/executor/browser"
	"github.com/testing-agent/backend/graph"
	"github.com/testing-agent/backend/httpguard"
	"github.com/testing-agent/backend/planner"
	"github.com/testing-agent/backend/stats"
)

// config is everything the server can be told.
type config struct {
	Addr            string
	DataDir         string
	MongoURI        string // selects the MongoDB backend when set
	MongoDatabase   string
	DebugAddr       string   // pprof listener; empty means none
	AllowedOrigins  []string // origins of pages that may open websockets
	LiveWindow      time.Duration
	StatsInterval   time.Duration
	Executor        executor.Options // browsers, timeouts, allowed env
	LogLevel        slog.Level
	ShutdownTimeout time.Duration

	// Who may call, and from where (see the README's Security section).
	APIKeys      *auth.Keys     // nil or empty: no keys, loopback only
	apiKeysSpec  string         // what the signing secret of links derives from
	AllowedHosts []string       // Host names served besides loopback ones
	PublicURL    string         // base of the links the API hands out; empty: each request's own
	Egress       *egress.Policy // what Chromium may reach; nil allows all but the always-denied
	// DirectEgress: remote browsers (BROWSER_URLS) reach the network
	// themselves, not through the egress proxy (BROWSER_EGRESS=direct).
	DirectEgress bool
	ReadTimeout  time.Duration
	WriteTimeout time.Duration
}

// HTTP timeouts: a request's headers and body must arrive, and its answer
// be taken, within these (websockets are exempt once upgraded).
const (
	defaultReadTimeout  = 30 * time.Second
	defaultWriteTimeout = 2 * time.Minute
)

// startupTimeout bounds how long opening the store may take, so an
// unreachable MongoDB ends start-up with a message instead of a hang.
const startupTimeout = 30 * time.Second

func main() {
	if len(os.Args) > 1 && os.Args[1] == "worker" {
		os.Exit(workerMain(os.Args[2:]))
	}
	if len(os.Args) > 1 && os.Args[1] == "test" {
		// CI mode: run flows from a file against a base URL, then exit.
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		code := runTestCommand(ctx, os.Args[2:], os.Stdout, os.Stderr)
		stop()
		os.Exit(code)
	}
	cfg, err := parseConfig(os.Args[1:], os.Getenv)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	slog.SetDefault(slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: cfg.LogLevel})))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, cfg, nil); err != nil {
		slog.Error("server stopped", "err", err)
		os.Exit(1)
	}
}

func parseConfig(args []string, getenv func(string) string) (config, error) {
	envOr := func(name, def string) string {
		if v := getenv(name); v != "" {
			return v
		}
		return def
	}
	var cfg config
	fs := flag.NewFlagSet("server", flag.ContinueOnError)
	fs.StringVar(&cfg.Addr, "addr", envOr("ADDR", "127.0.0.1:8080"), "listen address (env ADDR)")
	fs.StringVar(&cfg.DataDir, "data-dir", envOr("DATA_DIR", "./data"), "data directory of the embedded store (env DATA_DIR)")
	fs.StringVar(&cfg.MongoURI, "mongodb-uri", envOr("MONGODB_URI", ""), "MongoDB connection string; empty uses the embedded store (env MONGODB_URI)")
	fs.StringVar(&cfg.MongoDatabase, "mongodb-database", envOr("MONGODB_DATABASE", "testing_agent"), "MongoDB database (env MONGODB_DATABASE)")
	fs.StringVar(&cfg.DebugAddr, "debug-addr", envOr("DEBUG_ADDR", ""), "address of a separate listener serving /debug/pprof; empty serves none (env DEBUG_ADDR)")
	origins := envOr("ALLOWED_ORIGINS", "")
	fs.StringVar(&origins, "allowed-origins", origins, "comma-separated origins whose pages may open websockets besides this server's own, or * (env ALLOWED_ORIGINS)")
	logLevel := envOr("LOG_LEVEL", "info")
	fs.StringVar(&logLevel, "log-level", logLevel, "debug, info, warn or error (env LOG_LEVEL)")
	statsInterval := envOr("STATS_INTERVAL", "10s")
	fs.StringVar(&statsInterval, "stats-interval", statsInterval, "how often a systemStats sample is recorded (env STATS_INTERVAL)")
	liveWindow := envOr("LIVE_WINDOW", "50ms")
	fs.StringVar(&liveWindow, "live-window", liveWindow, "shortest time between two results of one live query; bursts of writes in it become one update (env LIVE_WINDOW)")
	fs.IntVar(&cfg.Executor.Pool.Browsers, "browsers", envInt(getenv, "BROWSERS", 1), "Chromium processes (env BROWSERS)")
	fs.IntVar(&cfg.Executor.Pool.ContextsPerBrowser, "contexts-per-browser", envInt(getenv, "CONTEXTS_PER_BROWSER", 2), "flows one Chromium runs at once, each in its own incognito context (env CONTEXTS_PER_BROWSER)")
	runFlows := envOr("RUN_FLOWS", "true")
	fs.StringVar(&runFlows, "run-flows", runFlows, "true: this server runs flows; false: it only queues them, for worker processes (`worker` mode) on the same MongoDB (env RUN_FLOWS)")
	browserURLs := envOr("BROWSER_URLS", "")
	fs.StringVar(&browserURLs, "browser-urls", browserURLs, "comma-separated DevTools endpoints (ws://… or http://host:port) of browsers run elsewhere (browserless, Chromium with --remote-debugging-port); the server then launches none (env BROWSER_URLS)")
	browserEgress := envOr("BROWSER_EGRESS", egressProxy)
	fs.StringVar(&browserEgress, "browser-egress", browserEgress, "with BROWSER_URLS: proxy (every context goes through this server's egress proxy; the browsers must run on this machine) or direct (no egress policy: the browsers' own network decides) (env BROWSER_EGRESS)")
	fs.StringVar(&cfg.Executor.Pool.Bin, "chrome-bin", envOr("CHROME_BIN", ""), "Chromium executable; empty looks for chromium on PATH (env CHROME_BIN)")
	stepTimeout := envOr("STEP_TIMEOUT", "10s")
	fs.StringVar(&stepTimeout, "step-timeout", stepTimeout, "how long one step may wait for its target or assertion (env STEP_TIMEOUT)")
	navigationTimeout := envOr("NAVIGATION_TIMEOUT", executor.DefaultNavigationTimeout.String())
	fs.StringVar(&navigationTimeout, "navigation-timeout", navigationTimeout, "how long one page load (go to, reload, a click that navigates) may take, apart from the step timeout (env NAVIGATION_TIMEOUT)")
	flowTimeout := envOr("FLOW_TIMEOUT", "2m")
	fs.StringVar(&flowTimeout, "flow-timeout", flowTimeout, "how long one flow may run (env FLOW_TIMEOUT)")
	allowedEnv := envOr("ALLOWED_ENV", "")
	fs.StringVar(&allowedEnv, "allowed-env", allowedEnv, "comma-separated environment variables instructions may read as {{env.NAME}} (env ALLOWED_ENV)")
	fs.StringVar(&cfg.apiKeysSpec, "api-keys", envOr("API_KEYS", ""), "comma-separated ROLE:KEY API keys, roles read and write; empty serves loopback only, without keys (env API_KEYS)")
	allowedHosts := envOr("ALLOWED_HOSTS", "")
	fs.StringVar(&allowedHosts, "allowed-hosts", allowedHosts, "comma-separated host names (or host:port) requests may be sent to besides loopback ones, or * (env ALLOWED_HOSTS)")
	fs.StringVar(&cfg.PublicURL, "public-url", envOr("PUBLIC_URL", ""), "the URL clients reach this server at, such as https://agent.example.com; links (screenshots) start with it; empty uses each request's own (env PUBLIC_URL)")
	readTimeout := envOr("HTTP_READ_TIMEOUT", defaultReadTimeout.String())
	fs.StringVar(&readTimeout, "http-read-timeout", readTimeout, "how long a request's headers and body may take to arrive (env HTTP_READ_TIMEOUT)")
	writeTimeout := envOr("HTTP_WRITE_TIMEOUT", defaultWriteTimeout.String())
	fs.StringVar(&writeTimeout, "http-write-timeout", writeTimeout, "how long a request may take to be answered and its answer read (env HTTP_WRITE_TIMEOUT)")
	egressAllow := envOr(egress.AllowSetting, "")
	fs.StringVar(&egressAllow, "egress-allow", egressAllow, "comma-separated hosts, host:port and CIDRs that are the only ones Chromium may reach; empty allows all not denied (env EGRESS_ALLOW)")
	egressDeny := envOr(egress.DenySetting, "")
	fs.StringVar(&egressDeny, "egress-deny", egressDeny, "comma-separated hosts, host:port and CIDRs Chromium must not reach, besides metadata addresses and this server's own listeners (env EGRESS_DENY)")
	shutdown := envOr("SHUTDOWN_TIMEOUT", "30s")
	fs.StringVar(&shutdown, "shutdown-timeout", shutdown, "how long in-flight requests may take to finish on SIGINT/SIGTERM (env SHUTDOWN_TIMEOUT)")
	if err := fs.Parse(args); err != nil {
		return config{}, err
	}
	cfg.AllowedOrigins = splitList(origins)
	if err := cfg.LogLevel.UnmarshalText([]byte(logLevel)); err != nil {
		return config{}, fmt.Errorf("log level %q is not one of debug, info, warn, error", logLevel)
	}
	window, err := time.ParseDuration(liveWindow)
	if err != nil || window <= 0 {
		return config{}, fmt.Errorf("live window %q is not a positive duration such as 50ms", liveWindow)
	}
	cfg.LiveWindow = window
	for _, setting := range []struct {
		name, value string
		into        *time.Duration
	}{
		{"step timeout", stepTimeout, &cfg.Executor.StepTimeout},
		{"navigation timeout", navigationTimeout, &cfg.Executor.NavigationTimeout},
		{"flow timeout", flowTimeout, &cfg.Executor.FlowTimeout},
		{"stats interval", statsInterval, &cfg.StatsInterval},
		{"HTTP read timeout", readTimeout, &cfg.ReadTimeout},
		{"HTTP write timeout", writeTimeout, &cfg.WriteTimeout},
	} {
		d, err := time.ParseDuration(setting.value)
		if err != nil || d <= 0 {
			return config{}, fmt.Errorf("%s %q is not a positive duration such as 10s", setting.name, setting.value)
		}
		*setting.into = d
	}
	if cfg.Executor.Pool.Browsers < 1 || cfg.Executor.Pool.ContextsPerBrowser < 1 {
		return config{}, fmt.Errorf("browsers and contexts per browser must be at least 1")
	}
	if err := cfg.setRemoteBrowsers(browserURLs, browserEgress, egressAllow != "" || egressDeny != ""); err != nil {
		return config{}, err
	}
	runsFlows, err := strconv.ParseBool(runFlows)
	if err != nil {
		return config{}, fmt.Errorf("RUN_FLOWS %q is neither true nor false", runFlows)
	}
	if !runsFlows && cfg.MongoURI == "" {
		return config{}, errors.New("RUN_FLOWS=false leaves flows to workers, which need a shared database: set MONGODB_URI (the embedded store belongs to this one process), or keep RUN_FLOWS=true")
	}
	cfg.Executor.QueueOnly = !runsFlows
	cfg.Executor.AllowedEnv = splitList(allowedEnv)
	d, err := time.ParseDuration(shutdown)
	if err != nil || d < 0 {
		return config{}, fmt.Errorf("shutdown timeout %q is not a duration such as 30s", shutdown)
	}
	cfg.ShutdownTimeout = d
	if cfg.APIKeys, err = auth.ParseKeys(cfg.apiKeysSpec); err != nil {
		return config{}, fmt.Errorf("API_KEYS: %w", err)
	}
	if cfg.Egress, err = egress.ParsePolicy(egressAllow, egressDeny); err != nil {
		return config{}, err
	}
	cfg.AllowedHosts = splitList(allowedHosts)
	if cfg.PublicURL != "" {
		u, err := url.Parse(cfg.PublicURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return config{}, fmt.Errorf("public URL %q is not an http(s) URL such as https://agent.example.com", cfg.PublicURL)
		}
		cfg.AllowedHosts = append(cfg.AllowedHosts, u.Host)
	}
	if err := checkExposure(cfg); err != nil {
		return config{}, err
	}
	return cfg, nil
}

// BROWSER_EGRESS values.
const (
	egressProxy  = "proxy"
	egressDirect = "direct"
)

// setRemoteBrowsers checks BROWSER_URLS and BROWSER_EGRESS: a remote
// browser can reach the egress proxy (on 127.0.0.1) only from this machine.
func (cfg *config) setRemoteBrowsers(urls, egressMode string, policySet bool) error {
	if egressMode != egressProxy && egressMode != egressDirect {
		return fmt.Errorf("BROWSER_EGRESS %q is neither %s nor %s", egressMode, egressProxy, egressDirect)
	}
	if strings.TrimSpace(urls) == "" {
		if egressMode == egressDirect {
			return errors.New("BROWSER_EGRESS=direct applies to BROWSER_URLS only: browsers this server launches always use its egress proxy; unset BROWSER_EGRESS")
		}
		return nil
	}
	list, err := browser.ParseEndpoints(splitList(urls))
	if err != nil {
		return fmt.Errorf("BROWSER_URLS: %w", err)
	}
	cfg.Executor.BrowserURLs = list
	cfg.DirectEgress = egressMode == egressDirect
	switch {
	case !cfg.DirectEgress && !browser.EndpointsOnLoopback(list):
		return errors.New("BROWSER_URLS names browsers on other machines, which cannot reach this server's egress proxy (it listens on 127.0.0.1 only): " +
			"run the browsers on this machine (loopback endpoints), or set BROWSER_EGRESS=direct to run flows without the egress policy and restrict the browsers' network in the farm instead (see deploy/README.md)")
	case cfg.DirectEgress && policySet:
		return errors.New("EGRESS_ALLOW and EGRESS_DENY have no effect with BROWSER_EGRESS=direct, where the remote browsers do not use this server's proxy: enforce them in the browser farm's network and unset them here")
	}
	return nil
}

// checkExposure refuses to serve beyond loopback without API keys: anyone
// who reaches the port could read every session and start browsers.
func checkExposure(cfg config) error {
	if !cfg.APIKeys.Enabled() && !isLoopbackAddr(cfg.Addr) {
		return fmt.Errorf("listening on %s without API keys would let anyone who reaches it read every session and run browsers: "+
			"set API_KEYS (for example API_KEYS=write:$(openssl rand -hex 32)), or listen on loopback (ADDR=127.0.0.1:8080)", cfg.Addr)
	}
	if cfg.DebugAddr != "" && !isLoopbackAddr(cfg.DebugAddr) {
		return fmt.Errorf("the debug listener %s serves profiles without any key: give DEBUG_ADDR a loopback address such as 127.0.0.1:6060", cfg.DebugAddr)
	}
	return nil
}

// isLoopbackAddr reports whether a listen address binds loopback only.
func isLoopbackAddr(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// splitList splits a comma-separated setting, dropping blanks.
func splitList(s string) []string {
	var out []string
	for _, item := range strings.Split(s, ",") {
		if item = strings.TrimSpace(item); item != "" {
			out = append(out, item)
		}
	}
	return out
}

// envInt reads an integer setting; -1 (refused below) when malformed.
func envInt(getenv func(string) string, name string, def int) int {
	v := getenv(name)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return -1
	}
	return n
}

// run serves until ctx ends, then shuts down gracefully: in-flight requests
// finish and the store closes. When ready is not nil it receives the bound
// address once the server accepts connections.
func run(ctx context.Context, cfg config, ready chan<- net.Addr) error {
	c, err := openCore(ctx, cfg)
	if err != nil {
		return err
	}
	defer c.close() // after the runner and planner, whose browsers use the proxy
	store, listener, runner := c.store, c.listener, c.runner
	runCtx, stopRunner := context.WithCancel(context.WithoutCancel(ctx))
	runnerDone := make(chan struct{})
	go func() {
		defer close(runnerDone)
		runner.Run(runCtx)
	}()
	plan := planner.New(planner.Options{Store: store, Pool: runner.Pool(), LLM: planner.LLMConfigFromEnv(), Logger: slog.Default()})
	var loops sync.WaitGroup // background loops that use the store
	loops.Go(func() { plan.RecoverLoop(runCtx) })
	// The runner, the planner and the loops stop after the HTTP server and
	// the websockets, so requests in flight can still start or cancel runs;
	// flows still running then fail as interrupted, generations as
	// cancelled, and the browsers close. The store closes last.
	defer func() {
		stopRunner()
		plan.Wait()
		loops.Wait()
		<-runnerDone
	}()

	guard, err := httpguard.New(httpguard.Options{AllowedHosts: cfg.AllowedHosts, AllowedOrigins: cfg.AllowedOrigins})
	if err != nil {
		listener.Close()
		return err
	}
	access := accessRules{keys: cfg.APIKeys, signer: linkSigner(cfg)}
	api := graph.NewHandler(graph.Options{Store: store, Feed: store, Runner: runner,
		Generator: generator{plan, runCtx}, CoalesceWindow: cfg.LiveWindow,
		CheckOrigin: func(r *http.Request) bool { return guard.OriginAllowed(r, r.Header.Get("Origin")) },
		Keys:        cfg.APIKeys, PublicURL: cfg.PublicURL, Signer: access.signer})
	sampler := &stats.Sampler{Store: store, Interval: cfg.StatsInterval, ActiveBrowsers: runner.ActiveBrowsers,
		Subscribers: func() int { return api.LiveStats().Subscriptions }, AvgFlowDuration: runner.AvgFlowDuration}
	loops.Go(func() { sampler.Run(runCtx) })
	srv := &http.Server{
		Handler:           guard.Wrap(routes(store, api, access, cfg.PublicURL)),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       orDefault(cfg.ReadTimeout, defaultReadTimeout),
		WriteTimeout:      orDefault(cfg.WriteTimeout, defaultWriteTimeout),
		IdleTimeout:       2 * time.Minute,
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(listener) }()
	if cfg.DebugAddr != "" {
		debugAddr, stopDebug, err := serveDebug(cfg.DebugAddr)
		if err != nil {
			srv.Close()
			return err
		}
		defer stopDebug()
		if err := c.policy.DenyListener("debug", debugAddr); err != nil {
			srv.Close()
			return err
		}
	}
	slog.Info("serving", "addr", "http://"+listener.Addr().String(), "store", store.description)
	if ready != nil {
		ready <- listener.Addr()
	}

	select {
	case err := <-served:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	slog.Info("shutting down", "timeout", cfg.ShutdownTimeout)
	shutdownCtx, cancel := context.WithTimeout(context.Background(), cfg.ShutdownTimeout)
	defer cancel()
	shutdownErr := srv.Shutdown(shutdownCtx)
	// Shutdown leaves hijacked connections alone: close the websockets
	// (1001) before anything they use stops.
	api.CloseWebsockets()
	if shutdownErr != nil {
		return fmt.Errorf("shutdown: %w", shutdownErr)
	}
	if err := <-served; !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}

// core is what the API server and a worker both run on: the store, the
// listener, the egress proxy and the executor whose browsers use it.
type core struct {
	store    *openedStore
	listener net.Listener
	policy   *egress.Policy
	proxy    *egress.Proxy
	runner   *executor.Executor
}

// openCore opens the store, listens on cfg.Addr, and starts the egress
// proxy, which never lets the browsers (of flows and of the planner) reach
// this process's own listener, and the executor. Close it after the
// executor has stopped.
func openCore(ctx context.Context, cfg config) (*core, error) {
	store, err := openStore(ctx, cfg)
	if err != nil {
		return nil, err
	}
	c := &core{store: store}
	if err := c.start(cfg); err != nil {
		c.close()
		return nil, err
	}
	return c, nil
}

func (c *core) start(cfg config) error {
	var err error
	if c.listener, err = net.Listen("tcp", cfg.Addr); err != nil {
		return fmt.Errorf("listen on %s: %w", cfg.Addr, err)
	}
	if c.policy, err = egressPolicy(cfg); err != nil {
		return err
	}
	if err := c.policy.DenyListener("API", c.listener.Addr()); err != nil {
		return err
	}
	if c.proxy, err = egress.StartProxy(c.policy, egress.ProxyOptions{Logger: slog.Default()}); err != nil {
		return fmt.Errorf("start the egress proxy: %w", err)
	}
	execOpts := cfg.Executor
	execOpts.Store = c.store
	if !cfg.DirectEgress {
		execOpts.Pool.ProxyServer = c.proxy.URL()
		execOpts.Pool.EgressCheck = func(ctx context.Context, url string) (string, bool) {
			d := c.proxy.Check(ctx, url)
			return d.Message(), !d.Allowed && !d.Unresolved
		}
	}
	c.runner, err = executor.New(execOpts)
	return err
}

// close closes the listener (if no server did), the proxy, then the store.
func (c *core) close() {
	if c.listener != nil {
		c.listener.Close()
	}
	if c.proxy != nil {
		c.proxy.Close()
	}
	if err := c.store.Close(); err != nil {
		slog.Error("close store", "err", err)
	}
}

// egressPolicy is the policy of cfg, or the default one (all allowed but
// what is always denied).
func egressPolicy(cfg config) (*egress.Policy, error) {
	if cfg.Egress != nil {
		return cfg.Egress, nil
	}
	return egress.ParsePolicy("", "")
}

// feedStore is a store that also feeds live queries; both backends are.
type feedStore interface {
	db.Store
	db.ChangeFeed
}

// openedStore is the store the server runs on, and how to name it in logs.
type openedStore struct {
	feedStore
	description string
}

// openStore opens MongoDB when cfg names one, else the embedded store.
func openStore(ctx context.Context, cfg config) (*openedStore, error) {
	ctx, cancel := context.WithTimeout(ctx, startupTimeout)
	defer cancel()
	if cfg.MongoURI != "" {
		store, err := mongo.Open(ctx, mongo.Options{URI: cfg.MongoURI, Database: cfg.MongoDatabase})
		if err != nil {
			return nil, fmt.Errorf("open the MongoDB store: %w", err)
		}
		return &openedStore{store, "mongodb database " + cfg.MongoDatabase}, nil
	}
	store, err := sqlite.Open(ctx, sqlite.Options{Dir: cfg.DataDir})
	if err != nil {
		return nil, fmt.Errorf("open the embedded store in %s: %w", cfg.DataDir, err)
	}
	return &openedStore{store, "embedded in " + cfg.DataDir}, nil
}

// generator starts generations that live as long as the server, not as the
// request that asked for them.
type generator struct {
	planner    *planner.Planner
	background context.Context
}

func (g generator) StartGeneration(ctx context.Context, sessionID string) (*db.TestSession, error) {
	return g.planner.Start(ctx, g.background, sessionID)
}

// accessRules are who may fetch what besides the API, which checks keys
// itself.
type accessRules struct {
	keys   *auth.Keys
	signer *auth.Signer // nil without keys: links need no signature then
}

// linkSigner signs artifact links with a secret derived from the API keys,
// so every server given the same keys accepts the links of the others, and
// changing the keys revokes every link.
func linkSigner(cfg config) *auth.Signer {
	if !cfg.APIKeys.Enabled() {
		return nil
	}
	secret := sha256.Sum256([]byte("testing-agent artifact links\x00" + cfg.apiKeysSpec))
	return auth.NewSigner(secret[:])
}

func orDefault(d, def time.Duration) time.Duration {
	if d <= 0 {
		return def
	}
	return d
}

// routes maps the server's paths; links in reports start with publicURL
// (empty: each request's own address).
func routes(store feedStore, api *graph.Handler, access accessRules, publicURL string) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("/graphql", api)
	mux.Handle("GET "+executor.ArtifactPath+"{id}", access.keys.RequireOrSigned(auth.RoleRead, access.signer, graph.ArtifactHandler(store)))
	// The app, GraphiQL and the reports; reports hold a session's data, so
	// they need a read key as the API does (the app's pages hold none).
	app := http.NewServeMux()
	appRoutes(app, store, publicURL, access.signer)
	mux.Handle("/sessions/", access.keys.Require(auth.RoleRead, app))
	mux.Handle("/", app)
	mux.Handle("GET /metrics", access.keys.Require(auth.RoleRead, metricsHandler(api)))
	probeRoutes(mux, store)
	return mux
}

// serveDebug serves net/http/pprof on its own listener, so profiles are
// never reachable through the API's address.
func serveDebug(addr string) (bound net.Addr, stop func(), err error) {
	listener, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, nil, fmt.Errorf("listen on debug address %s: %w", addr, err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(listener)
	slog.Info("debug listener", "addr", "http://"+listener.Addr().String()+"/debug/pprof/")
	return listener.Addr(), func() { srv.Close() }, nil
}
