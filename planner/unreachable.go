package planner

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
)

// unreachableError is a site that could not be opened: its address and why,
// in words a person can act on.
type unreachableError struct {
	url    string
	reason string
}

func (e *unreachableError) Error() string {
	return fmt.Sprintf("could not open %s: %s", e.url, e.reason)
}

var chromeNetError = regexp.MustCompile(`net::(ERR_[A-Z_]+)`)

// netReasons say Chromium's network errors in plain words.
var netReasons = map[string]string{
	"ERR_CONNECTION_REFUSED":     "connection refused (is the server running on that port?)",
	"ERR_NAME_NOT_RESOLVED":      "the host name does not resolve (DNS)",
	"ERR_NAME_RESOLUTION_FAILED": "the host name could not be resolved (DNS)",
	"ERR_CONNECTION_TIMED_OUT":   "the connection timed out",
	"ERR_TIMED_OUT":              "the request timed out",
	"ERR_ADDRESS_UNREACHABLE":    "the address is unreachable",
	"ERR_ADDRESS_INVALID":        "the address is not valid",
	"ERR_CONNECTION_RESET":       "the connection was reset",
	"ERR_CONNECTION_CLOSED":      "the server closed the connection",
	"ERR_EMPTY_RESPONSE":         "the server closed the connection without answering",
	"ERR_SSL_PROTOCOL_ERROR":     "the TLS handshake failed",
	"ERR_INTERNET_DISCONNECTED":  "there is no network connection",
	"ERR_TOO_MANY_REDIRECTS":     "the site redirects in a loop",
	"ERR_INVALID_RESPONSE":       "the server's answer is not valid HTTP",
}

// loadFailure explains why the browser could not load url, from the run's
// error text.
func loadFailure(url, runError string) *unreachableError {
	if m := chromeNetError.FindStringSubmatch(runError); m != nil {
		reason, ok := netReasons[m[1]]
		switch {
		case ok:
			reason += " (" + m[0] + ")"
		case strings.HasPrefix(m[1], "ERR_CERT_"):
			reason = "its TLS certificate is not valid (" + m[0] + ")"
		default:
			reason = m[0]
		}
		return &unreachableError{url: url, reason: reason}
	}
	if strings.Contains(runError, "did not finish loading") || strings.Contains(runError, "timed out") {
		return &unreachableError{url: url, reason: "the page did not finish loading in time"}
	}
	return &unreachableError{url: url, reason: runError}
}

// httpFailure is a page whose server answered with an error status.
func httpFailure(url string, status int) *unreachableError {
	return &unreachableError{url: url, reason: fmt.Sprintf("the server answered HTTP %d %s", status, http.StatusText(status))}
}
