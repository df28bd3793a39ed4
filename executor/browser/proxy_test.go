package browser

import (
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
)

// recordingProxy is a minimal forward HTTP proxy that notes every URL it
// is asked for.
type recordingProxy struct {
	mu   sync.Mutex
	seen []string
}

func (p *recordingProxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p.mu.Lock()
	p.seen = append(p.seen, r.URL.String())
	p.mu.Unlock()
	if !r.URL.IsAbs() {
		http.Error(w, "not a proxy request", http.StatusBadRequest)
		return
	}
	out, err := http.NewRequestWithContext(r.Context(), r.Method, r.URL.String(), r.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	res, err := http.DefaultTransport.RoundTrip(out)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	defer res.Body.Close()
	for k, v := range res.Header {
		w.Header()[k] = v
	}
	w.WriteHeader(res.StatusCode)
	_, _ = io.Copy(w, res.Body)
}

func (p *recordingProxy) saw(url string) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, s := range p.seen {
		if s == url {
			return true
		}
	}
	return false
}

// With ProxyServer set, even loopback pages are fetched through the proxy.
func TestProxyServerSeesLoopbackRequests(t *testing.T) {
	rec := &recordingProxy{}
	proxy := httptest.NewServer(rec)
	defer proxy.Close()
	p := newPool(t, PoolOptions{ProxyServer: proxy.URL})
	res := runFlow(t, p, "Go to /quiet.html\nExpect the page contains \"Nothing wrong here\"", runOpts(passTimeout))
	if !res.Passed {
		t.Fatalf("flow through the proxy failed: %s", describe(res))
	}
	if !rec.saw(site.URL + "/quiet.html") {
		t.Errorf("the proxy did not see %s/quiet.html; it saw %q", site.URL, rec.seen)
	}
}
