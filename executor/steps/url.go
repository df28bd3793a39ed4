package steps

import (
	"net/url"
	"strings"
	"unicode"
)

// checkURL accepts an absolute http(s) URL or a path relative to the run's
// base URL ("/login", "login", "./a.html", "?q=1"). Other schemes are refused:
// a flow must not run javascript: or read file: URLs. A first segment with a
// dot ("example.com") is taken for a host whose scheme was forgotten; a
// relative file name is written "./page.html".
func checkURL(verb, raw string) (string, error) {
	u := strings.TrimSpace(raw)
	switch {
	case u == "":
		return "", invalid("the URL is empty", verb+" <url>")
	case strings.ContainsFunc(u, unicode.IsSpace):
		return "", invalid("a URL cannot contain spaces; write them as %20", verb+" <url>")
	case strings.HasPrefix(u, "{{"):
		return u, nil // {{baseUrl}}/login: the value is checked when the flow runs
	}
	parsed, err := url.Parse(withoutTemplates(u))
	if err != nil {
		return "", invalid(`"`+u+`" is not a valid URL`, verb+" <url>")
	}
	scheme := strings.ToLower(parsed.Scheme)
	switch {
	case scheme == "http" || scheme == "https":
		if parsed.Host == "" {
			return "", invalid(`"`+u+`" has no host`, verb+" "+scheme+"://example.com/")
		}
	case scheme != "" && startsWithPort(parsed.Opaque), scheme == "" && looksLikeHost(u):
		return "", invalid(`"`+u+`" looks like a host without a scheme; a relative path starts with / or ./`, verb+" "+withScheme(u))
	case scheme != "":
		return "", invalid("only http and https URLs can be opened, not "+scheme+":", verb+" https://example.com/")
	case strings.HasPrefix(u, "//"):
		return "", invalid(`"`+u+`" needs a scheme in front`, verb+" https:"+u)
	}
	return u, nil
}

// withoutTemplates replaces each {{template}} with a plain word, so the rest
// of the URL can be checked before the values are known.
func withoutTemplates(s string) string {
	segments, err := splitTemplates(s)
	if err != nil {
		return s
	}
	var b strings.Builder
	for _, seg := range segments {
		if seg.template {
			b.WriteString("x")
		} else {
			b.WriteString(seg.text)
		}
	}
	return b.String()
}

// startsWithPort reports "3000/x" as what url.Parse leaves of "localhost:3000/x".
func startsWithPort(opaque string) bool {
	digits := len(opaque) - len(strings.TrimLeft(opaque, "0123456789"))
	return digits > 0 && (digits == len(opaque) || strings.ContainsRune("/?#", rune(opaque[digits])))
}

func looksLikeHost(u string) bool {
	first, _, _ := strings.Cut(u, "/")
	first, _, _ = strings.Cut(first, "?")
	first, _, _ = strings.Cut(first, "#")
	return strings.EqualFold(first, "localhost") ||
		(strings.Contains(first, ".") && !strings.HasPrefix(first, "."))
}

// withScheme guesses the scheme a person meant: http for a local server,
// https elsewhere.
func withScheme(u string) string {
	lower := strings.ToLower(u)
	if strings.HasPrefix(lower, "localhost") || strings.HasPrefix(lower, "127.") || strings.HasPrefix(lower, "0.0.0.0") {
		return "http://" + u
	}
	return "https://" + u
}
