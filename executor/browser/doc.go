// Package browser runs approved flows on a pool of headless Chromium
// processes driven by go-rod.
//
// A Pool starts Chromium on first need (the system's binary, never a
// download), serves each flow an isolated incognito context with one page,
// keeps browsers warm between flows, closes them when idle and replaces one
// that crashes. Session.Run executes parsed steps (package steps) with
// web-first semantics: every action waits until its target is visible,
// stable and enabled; every assertion retries until it holds or the step
// timeout passes; a failure names the line, what was looked for and what the
// page had instead, with a screenshot.
//
// Targets named by text are resolved inside the page by one injected script
// (resolver.js) that computes simple accessible names; see locate.go.
package browser
