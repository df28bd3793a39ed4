// Package auth decides who may do what: API keys with roles, the role of a
// request carried in its context, and signed links that let a page load a
// screenshot without sending a key.
//
// A key is given to the server as ROLE:KEY (API_KEYS). The role `read` may
// run queries and subscriptions and fetch artifacts, reports and metrics;
// `write` may do everything. Keys are compared by their SHA-256 digests in
// constant time, so neither a key's bytes nor its length leak through
// timing. Without keys every caller has the write role; the server then
// only listens on loopback (see server.go).
package auth
