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
//	policy, err := egress.ParsePolicy(allowSetting, denySetting) // EGRESS_ALLOW, EGRESS_DENY
//	err = policy.DenyListener("API", apiListener.Addr())         // once bound; before or after StartProxy
//	err = policy.DenyListener("debug", debugListener.Addr())     // if there is one
//	proxy, err := egress.StartProxy(policy, egress.ProxyOptions{Logger: logger})
//	defer proxy.Close() // after the browser pool has closed
//	pool, err := browser.NewPool(browser.PoolOptions{ProxyServer: proxy.URL(), …})
//	// Chromium then runs with --proxy-server=<proxy.URL()> --proxy-bypass-list=<-loopback>
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
// denied)". Chromium shows that page for a plain HTTP navigation, and a
// step runner sees the header on any response (CDP
// Network.responseReceived). For a CONNECT tunnel (https:, wss:) Chromium
// shows only net::ERR_TUNNEL_CONNECTION_FAILED; Proxy.Check then tells
// whether the policy denies that URL and with what message. Every block is
// also logged, counted (Proxy.Blocked) and passed to ProxyOptions.OnBlock.
//
// The proxy cannot tell which browser context a request came from: one
// proxy serves the whole pool. (CDP can give a browser context a proxy of
// its own, but Chromium ignores it when --proxy-server is set and, without
// the flag, sends loopback around it, so that is no way to attribute.)
//
// A name that does not resolve is not a block: the proxy answers 502.
//
// The proxy accepts connections from loopback only, never forwards to its
// own ports, and bounds the connections it serves at once.
package egress
