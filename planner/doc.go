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
// An OpenAI-compatible chat-completions endpoint may be configured instead
// (LLMConfigFromEnv). It gets the prompt and an outline of the explored
// pages; every flow it writes must pass steps.Parse (one follow-up turn may
// fix a flow), and when it fails or times out the built-in planner answers.
package planner
