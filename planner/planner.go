package planner

import (
	"log/slog"
	"sync"
	"time"

	"github.com/testing-agent/backend/db"
	"github.com/testing-agent/backend/executor/browser"
)

// Defaults for Options left zero.
const (
	DefaultMaxPages       = 20
	DefaultMaxDepth       = 2
	DefaultExploreTimeout = 60 * time.Second
	DefaultPageTimeout    = 10 * time.Second
	DefaultAppTimeout     = 60 * time.Second
	DefaultVerifyTimeout  = 90 * time.Second
)

// Options configure a Planner.
type Options struct {
	Store db.Store
	// Pool opens the browsers that explore the site; the caller owns it.
	// Without one, a URL gets a single smoke flow and nothing is explored.
	Pool *browser.Pool
	// LLM, when set, writes the flows; nil uses the built-in planner only.
	LLM *LLMConfig
	// MaxPages and MaxDepth bound the pages explored from the prompt's URL
	// (depth 0 is that page); ExploreTimeout bounds the whole exploration,
	// form tryouts included, and PageTimeout each page load and each step.
	MaxPages       int
	MaxDepth       int
	ExploreTimeout time.Duration
	PageTimeout    time.Duration
	// AppTimeout bounds trying the start page's controls as a person
	// would (typing and Enter, checkboxes, hover, double-click, in-page
	// links); VerifyTimeout bounds running every proposed flow once.
	AppTimeout    time.Duration
	VerifyTimeout time.Duration
	Logger        *slog.Logger
}

func (o Options) withDefaults() Options {
	if o.MaxPages <= 0 {
		o.MaxPages = DefaultMaxPages
	}
	if o.MaxDepth <= 0 {
		o.MaxDepth = DefaultMaxDepth
	}
	if o.ExploreTimeout <= 0 {
		o.ExploreTimeout = DefaultExploreTimeout
	}
	if o.PageTimeout <= 0 {
		o.PageTimeout = DefaultPageTimeout
	}
	if o.AppTimeout <= 0 {
		o.AppTimeout = DefaultAppTimeout
	}
	if o.VerifyTimeout <= 0 {
		o.VerifyTimeout = DefaultVerifyTimeout
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	return o
}

// Planner generates flows for sessions. It is safe for concurrent use.
type Planner struct {
	opts  Options
	store db.Store
	pool  *browser.Pool
	llm   *llmClient // nil: built-in only
	log   *slog.Logger

	running sync.WaitGroup // generations started by Start

	activeMu sync.Mutex
	active   map[string]bool // sessions this process is generating
}

// New makes a Planner. An LLM configuration without a model is ignored,
// with a warning, rather than failing every generation later.
func New(opts Options) *Planner {
	opts = opts.withDefaults()
	p := &Planner{opts: opts, store: opts.Store, pool: opts.Pool, log: opts.Logger.With("component", "planner"), active: map[string]bool{}}
	if opts.LLM != nil {
		if c, err := newLLMClient(*opts.LLM); err != nil {
			p.log.Warn("the LLM planner is off; the built-in planner answers", "err", err)
		} else {
			p.llm = c
		}
	}
	return p
}
