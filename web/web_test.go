package web

import (
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
)

func serve(t *testing.T, path string, header map[string]string) (*http.Response, string) {
	t.Helper()
	mux := http.NewServeMux()
	Register(mux)
	req := httptest.NewRequest(http.MethodGet, path, nil)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	mux.ServeHTTP(rec, req)
	resp := rec.Result()
	body, _ := io.ReadAll(resp.Body)
	return resp, string(body)
}

// Every file the pages name is embedded, and nothing names another host.
func TestPagesLoadOnlyEmbeddedFiles(t *testing.T) {
	ref := regexp.MustCompile(`(?:src|href)="([^"]+)"|from "([^"]+)"|import\("([^"]+)"\)`)
	for _, page := range []string{"/", "/graphiql"} {
		resp, body := serve(t, page, nil)
		if resp.StatusCode != http.StatusOK || !strings.Contains(resp.Header.Get("Content-Security-Policy"), "default-src 'self'") {
			t.Fatalf("GET %s: %d, CSP %q", page, resp.StatusCode, resp.Header.Get("Content-Security-Policy"))
		}
		checkRefs(t, page, body, ref)
	}
	err := fs.WalkDir(appFiles, "app", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".js") {
			return err
		}
		data, _ := fs.ReadFile(appFiles, path)
		checkRefs(t, path, string(data), ref)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func checkRefs(t *testing.T, from, body string, ref *regexp.Regexp) {
	t.Helper()
	for _, m := range ref.FindAllStringSubmatch(body, -1) {
		target := m[1] + m[2] + m[3]
		switch {
		case strings.HasPrefix(target, "data:"), strings.HasPrefix(target, "#"), strings.Contains(target, "${"):
			continue
		case strings.HasPrefix(target, "./"):
			target = "/app/" + strings.TrimPrefix(target, "./")
		case strings.Contains(target, "//"):
			t.Errorf("%s loads %s from elsewhere", from, target)
			continue
		}
		if target == "/graphql" {
			continue
		}
		if resp, _ := serve(t, target, nil); resp.StatusCode != http.StatusOK {
			t.Errorf("%s names %s: %d", from, target, resp.StatusCode)
		}
	}
}

func TestAssetsRevalidateAndNegotiateGzip(t *testing.T) {
	resp, _ := serve(t, "/app/style.css", nil)
	etag := resp.Header.Get("ETag")
	if resp.StatusCode != http.StatusOK || etag == "" || resp.Header.Get("Content-Type") != "text/css; charset=utf-8" {
		t.Fatalf("GET /app/style.css: %d, ETag %q, type %q", resp.StatusCode, etag, resp.Header.Get("Content-Type"))
	}
	if resp, _ := serve(t, "/app/style.css", map[string]string{"If-None-Match": etag}); resp.StatusCode != http.StatusNotModified {
		t.Errorf("revalidation: %d, want 304", resp.StatusCode)
	}
	zipped, zbody := serve(t, "/graphiql/vendor/graphql-ws.min.js", map[string]string{"Accept-Encoding": "br, gzip"})
	plain, pbody := serve(t, "/graphiql/vendor/graphql-ws.min.js", map[string]string{"Accept-Encoding": "gzip;q=0"})
	if zipped.Header.Get("Content-Encoding") != "gzip" || !strings.HasPrefix(zbody, "\x1f\x8b") {
		t.Errorf("with gzip accepted: encoding %q", zipped.Header.Get("Content-Encoding"))
	}
	if plain.Header.Get("Content-Encoding") != "" || !strings.Contains(pbody, "graphqlWs") {
		t.Errorf("with gzip refused: encoding %q, %.40q", plain.Header.Get("Content-Encoding"), pbody)
	}
	for _, path := range []string{"/app/", "/app/../web.go", "/graphiql/vendor/graphql-ws.min.js.gz", "/graphiql/vendor/nothing.js"} {
		if resp, _ := serve(t, path, nil); resp.StatusCode == http.StatusOK {
			t.Errorf("GET %s: 200, want an error", path)
		}
	}
}
