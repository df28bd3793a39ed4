// Package planner turns a session's prompt into proposed test flows written
// in the step language (package steps), for a person to review and approve.
//
// The built-in planner needs nothing but the site under test. Steps written
// in the prompt, one a line, become a flow as written. A URL in the prompt is
// explored in the browser pool (same origin, bounded in depth, pages and
// time); from what the pages show it proposes a smoke flow per page, a flow
// per form, and flows that follow the site's links. Each form is submitted
// once during exploration, in a fresh browser context, so its flow asserts
// what the site really showed rather than a guess.
//
// The start page is also tried the way a person tries a single-page app,
// each trial in a throw-away incognito context (exploreApp): a text field
// outside any form that adds entries when one types and presses Enter; then,
// with two entries, the first entry's checkbox, its buttons (hovering first
// when they show only on hover) and double-clicking it to edit; then, with
// that entry checked, the page's own checkboxes, buttons and in-page links
// (#/active), and a reload. Each trial compares the app before and after
// (entries added, removed, hidden, checked; counts; the URL), and a trial
// that changed something becomes a flow: the very steps it performed, then
// checks of what they changed. The prompt's verbs (add, complete, filter,
// clear, edit, delete, log in, sign up, search, check out) order the flows,
// and one no flow does is named in the logs and the session's errorMessage.
//
// Every proposed flow is run once before it is proposed: one written from
// exploring that fails is dropped; any other that fails is proposed as a
// finding, its name and description starting "Fails today:".
//
// An OpenAI-compatible chat-completions endpoint may be configured instead
// (LLMConfigFromEnv). It gets the prompt, an outline of the explored pages
// and the trials with their steps and effects; every flow it writes must
// pass steps.Parse (one follow-up turn may fix a flow), and when it fails or
// times out the built-in planner answers.
package planner
