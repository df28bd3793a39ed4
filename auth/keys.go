package auth

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"fmt"
	"net/http"
	"strings"
)

// Role is what a caller may do.
type Role int

const (
	RoleNone  Role = iota // no valid key
	RoleRead              // queries, subscriptions, artifacts, reports, metrics
	RoleWrite             // everything
)

func (r Role) String() string {
	switch r {
	case RoleRead:
		return "read"
	case RoleWrite:
		return "write"
	}
	return "none"
}

// MinKeyLength is the shortest key accepted: shorter ones can be guessed.
const MinKeyLength = 16

type key struct {
	role   Role
	digest [sha256.Size]byte
}

// Keys are the API keys the server accepts. A nil or empty Keys accepts
// every caller as a writer.
type Keys struct{ keys []key }

// ParseKeys reads a comma-separated list of ROLE:KEY, such as
// "read:3f9c…,write:a71e…".
func ParseKeys(spec string) (*Keys, error) {
	k := &Keys{}
	for _, item := range strings.Split(spec, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		roleName, secret, ok := strings.Cut(item, ":")
		if !ok {
			return nil, fmt.Errorf("API key %q is not ROLE:KEY (for example read:%s)", redact(item), strings.Repeat("x", 32))
		}
		var role Role
		switch strings.ToLower(strings.TrimSpace(roleName)) {
		case "read":
			role = RoleRead
		case "write":
			role = RoleWrite
		default:
			return nil, fmt.Errorf("API key role %q is not read or write", roleName)
		}
		secret = strings.TrimSpace(secret)
		if len(secret) < MinKeyLength {
			return nil, fmt.Errorf("a %s API key has %d characters, fewer than %d: make one with `openssl rand -hex 32`", role, len(secret), MinKeyLength)
		}
		k.keys = append(k.keys, key{role: role, digest: sha256.Sum256([]byte(secret))})
	}
	return k, nil
}

// redact shows the role part of a malformed entry, never the secret.
func redact(item string) string {
	if len(item) <= 4 {
		return "…"
	}
	return item[:4] + "…"
}

// Enabled reports whether any key is configured.
func (k *Keys) Enabled() bool { return k != nil && len(k.keys) > 0 }

// RoleOf returns the role of secret; RoleNone when no key matches. Every key
// is compared, so the time taken does not say which matched.
func (k *Keys) RoleOf(secret string) Role {
	if !k.Enabled() {
		return RoleWrite
	}
	digest := sha256.Sum256([]byte(secret))
	role := RoleNone
	for _, candidate := range k.keys {
		if subtle.ConstantTimeCompare(digest[:], candidate.digest[:]) == 1 {
			role = max(role, candidate.role)
		}
	}
	return role
}

// Errors of Authenticate, whose messages a client can act on.
var (
	ErrNoKey    = errors.New("this server needs an API key: send `Authorization: Bearer KEY`")
	ErrBadKey   = errors.New("the API key is not valid")
	ErrBadToken = errors.New("the Authorization header is not `Bearer KEY`")
)

// Authenticate returns the role of an Authorization value ("Bearer KEY").
func (k *Keys) Authenticate(authorization string) (Role, error) {
	if !k.Enabled() {
		return RoleWrite, nil
	}
	if authorization == "" {
		return RoleNone, ErrNoKey
	}
	scheme, secret, ok := strings.Cut(strings.TrimSpace(authorization), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") || strings.TrimSpace(secret) == "" {
		return RoleNone, ErrBadToken
	}
	if role := k.RoleOf(strings.TrimSpace(secret)); role != RoleNone {
		return role, nil
	}
	return RoleNone, ErrBadKey
}

type roleKey struct{}

// WithRole returns ctx carrying role.
func WithRole(ctx context.Context, role Role) context.Context {
	return context.WithValue(ctx, roleKey{}, role)
}

// RoleFrom returns the role ctx carries; RoleNone when none.
func RoleFrom(ctx context.Context) Role {
	role, _ := ctx.Value(roleKey{}).(Role)
	return role
}

// Require serves next only to callers with at least role min, with their
// role in the request's context; others get 401 (no or bad key) or 403 (a
// key of a lesser role) with a GraphQL-shaped error. Websocket upgrades pass
// without a key, their role set when one came: browsers cannot send headers
// on websockets, so the key comes in connection_init (see InitPayloadRole).
func (k *Keys) Require(min Role, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		role, err := k.Authenticate(r.Header.Get("Authorization"))
		if isWebsocketUpgrade(r) && (err == ErrNoKey) {
			next.ServeHTTP(w, r)
			return
		}
		switch {
		case err != nil:
			w.Header().Set("WWW-Authenticate", `Bearer realm="testing-agent"`)
			WriteError(w, http.StatusUnauthorized, "UNAUTHENTICATED", err.Error())
			return
		case role < min:
			WriteError(w, http.StatusForbidden, "FORBIDDEN", fmt.Sprintf("a %s key may not do this: use a %s key", role, min))
			return
		}
		next.ServeHTTP(w, r.WithContext(WithRole(r.Context(), role)))
	})
}

func isWebsocketUpgrade(r *http.Request) bool {
	return strings.EqualFold(r.Header.Get("Upgrade"), "websocket")
}

// InitPayloadRole authenticates a websocket's connection_init payload
// ({"authorization": "Bearer KEY"}, also "Authorization"), falling back to
// the role the upgrade request already had.
func (k *Keys) InitPayloadRole(ctx context.Context, payload map[string]any) (Role, error) {
	for _, name := range []string{"authorization", "Authorization"} {
		if v, ok := payload[name].(string); ok {
			return k.Authenticate(v)
		}
	}
	if role := RoleFrom(ctx); role != RoleNone {
		return role, nil
	}
	if !k.Enabled() {
		return RoleWrite, nil
	}
	return RoleNone, errors.New(`this server needs an API key: send {"authorization": "Bearer KEY"} as the connection_init payload`)
}
