// Package egress keeps the browsers the server drives from reaching what
// they must not: cloud metadata services, link-local addresses, the
// server's own listeners, and whatever EGRESS_DENY names (or, when
// EGRESS_ALLOW is set, whatever it does not name). A flow or a page it
// opens could otherwise make Chromium a server-side request forgery
// engine.
//
// Every request Chromium makes goes through an HTTP proxy in this process,
// on a loopback port:
//
//	policy, err := egress.ParsePolicy(os.Getenv("EGRESS_ALLOW"), os.Getenv("EGRESS_DENY"))
//	policy.DenyListener("API", apiListener.Addr())     // after binding it
//	policy.DenyListener("debug", debugListener.Addr()) // if there is one
//	proxy, err := egress.StartProxy(policy, egress.ProxyOptions{Logger: logger})
//	defer proxy.Close()                                // after the browser pool closed
//	// chromium --proxy-server=<proxy.URL()> --proxy-bypass-list=<-loopback>
//
// The bypass rule <-loopback> removes Chromium's implicit bypass of
// localhost and 127.0.0.1, so loopback requests pass through the proxy
// too. The proxy forwards plain HTTP requests (absolute URLs, websocket
// upgrades included) without following redirects: Chromium follows them,
// and every hop comes through the proxy again. HTTPS and websockets come
// as CONNECT tunnels, checked by host and port (the proxy never sees what
// goes through them).
//
// A destination is checked on what its name resolves to, every address of
// it, and the connection then goes to a checked address: the name is not
// resolved again, so DNS rebinding cannot slip in between. See Policy for
// the order of the rules.
//
// A denied request gets 403 Forbidden with the header X-Egress-Blocked
// (BlockedHeader) holding the message, and a small HTML page saying the
// same: "blocked by the egress policy: 169.254.169.254:80
// (169.254.169.254 is a link-local or cloud-metadata address, always
// denied)". For a CONNECT tunnel Chromium shows only
// net::ERR_TUNNEL_CONNECTION_FAILED, so the block is also recorded:
// Proxy.Blocked counts them, ProxyOptions.OnBlock is called with each, and
// a Tap (another port of the same proxy, e.g. one per browser context,
// given to CDP Target.createBrowserContext as proxyServer) keeps its own
// blocks for TakeBlocked, so a step runner can fail the step that caused
// one with its message.
//
// The proxy accepts connections from loopback only, never forwards to its
// own ports, and bounds the connections it serves at once.
package egress
