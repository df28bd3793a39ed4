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
// Targets are matched against Chromium's accessibility tree (axtree.go,
// axmatch.go): names and roles as a screen reader and Playwright's getByRole
// see them, in the page, its open shadow roots and its iframes (frames.go).
// The matches are handed to one injected script (resolver.js) that checks
// visibility, the ordinal and actionability in the page, and hit-tests the
// point a click will be dispatched at; see locate.go.
package browser
