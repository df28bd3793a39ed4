package auth

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"net/url"
	"strconv"
	"time"
)

// Signer makes and checks links that grant reading one path until a time,
// for <img src> and other places that cannot send a key.
type Signer struct{ secret []byte }

// NewSigner signs with secret. Servers that share a secret accept each
// other's links.
func NewSigner(secret []byte) *Signer { return &Signer{secret: secret} }

// SignedLinkLifetime is how long a link stays valid at least. Expiries are
// rounded up to whole periods so that a live query re-evaluated within one
// gives the same link (and so no spurious update).
const SignedLinkLifetime = time.Hour

// Sign returns the query string ("expires=…&signature=…") that grants path.
func (s *Signer) Sign(path string, now time.Time) string {
	expires := now.Add(SignedLinkLifetime).Truncate(SignedLinkLifetime).Add(SignedLinkLifetime).Unix()
	q := url.Values{}
	q.Set("expires", strconv.FormatInt(expires, 10))
	q.Set("signature", s.mac(path, expires))
	return q.Encode()
}

// Valid reports whether q grants path at now.
func (s *Signer) Valid(path string, q url.Values, now time.Time) bool {
	expires, err := strconv.ParseInt(q.Get("expires"), 10, 64)
	if err != nil || now.Unix() > expires {
		return false
	}
	want := s.mac(path, expires)
	return hmac.Equal([]byte(want), []byte(q.Get("signature")))
}

func (s *Signer) mac(path string, expires int64) string {
	m := hmac.New(sha256.New, s.secret)
	m.Write([]byte(path))
	m.Write([]byte{0})
	m.Write([]byte(strconv.FormatInt(expires, 10)))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// RequireOrSigned serves next to callers with role min, or with a valid
// signed link for the request's path.
func (k *Keys) RequireOrSigned(min Role, signer *Signer, next http.Handler) http.Handler {
	keyed := k.Require(min, next)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if signer != nil && r.URL.Query().Has("signature") && r.Header.Get("Authorization") == "" {
			if !signer.Valid(r.URL.Path, r.URL.Query(), time.Now()) {
				WriteError(w, http.StatusForbidden, "FORBIDDEN", "this link has expired or is not valid: read the URL again from the API")
				return
			}
			next.ServeHTTP(w, r.WithContext(WithRole(r.Context(), RoleRead)))
			return
		}
		keyed.ServeHTTP(w, r)
	})
}
