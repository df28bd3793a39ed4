// Package executor will run approved flows on a pool of headless Chromium
// browsers (go-rod). It is empty until the executor issue lands; see
// ../shared/DESIGN.md and STEPS.md for what it will do.
package executor
