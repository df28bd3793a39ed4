package mongo

import "strings"

// redactURI hides the user information of a connection string so that it
// can appear in errors and logs: mongodb://user:secret@host/db becomes
// mongodb://***@host/db. Query options (which may hold a password too, e.g.
// for TLS key files) are dropped.
func redactURI(uri string) string {
	scheme, rest, ok := strings.Cut(uri, "://")
	if !ok {
		return "(unparsable MongoDB URI)"
	}
	authority, path, _ := strings.Cut(rest, "/")
	authority, _, _ = strings.Cut(authority, "?")
	if at := strings.LastIndex(authority, "@"); at >= 0 {
		authority = "***@" + authority[at+1:]
	}
	path, _, _ = strings.Cut(path, "?")
	if path != "" {
		return scheme + "://" + authority + "/" + path
	}
	return scheme + "://" + authority
}
