package mongo

import (
	"context"
	"net"
	"strings"
	"testing"
	"time"
)

// closedLoopbackAddr returns a loopback address nothing listens on.
func closedLoopbackAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	return addr
}

func TestOpenUnreachableFailsFast(t *testing.T) {
	addr := closedLoopbackAddr(t)
	uri := "mongodb://agent:s3cret-pass@" + addr + "/?authSource=admin"
	cases := []struct {
		what            string
		selection       time.Duration
		contextDeadline time.Duration
	}{
		{"server selection timeout first", 300 * time.Millisecond, 20 * time.Second},
		{"context deadline first", 20 * time.Second, 300 * time.Millisecond},
	}
	for _, c := range cases {
		t.Run(strings.ReplaceAll(c.what, " ", "_"), func(t *testing.T) {
			ctx, cancel := context.WithTimeout(t.Context(), c.contextDeadline)
			defer cancel()
			start := time.Now()
			s, err := Open(ctx, Options{URI: uri, Database: "unreachable", ServerSelectionTimeout: c.selection, Logger: quietLogger()})
			elapsed := time.Since(start)
			if err == nil {
				_ = s.Close()
				t.Fatalf("Open of %s succeeded", addr)
			}
			if elapsed > 5*time.Second {
				t.Errorf("Open took %v to fail, want about %v", elapsed, min(c.selection, c.contextDeadline))
			}
			msg := err.Error()
			for _, want := range []string{"MongoDB", addr} {
				if !strings.Contains(msg, want) {
					t.Errorf("error %q does not name %q", msg, want)
				}
			}
			if strings.Contains(msg, "s3cret-pass") {
				t.Errorf("error %q shows the password", msg)
			}
		})
	}
}

func TestOpenRejectsOptions(t *testing.T) {
	cases := []struct {
		what    string
		opts    Options
		mention string
	}{
		{"no URI", Options{Database: "d"}, "URI"},
		{"no database", Options{URI: "mongodb://127.0.0.1:1"}, "Database"},
		{"negative retention", Options{URI: "mongodb://127.0.0.1:1", Database: "d", StatsRetention: -time.Hour}, "StatsRetention"},
		{"retention under a second", Options{URI: "mongodb://127.0.0.1:1", Database: "d", StatsRetention: time.Millisecond}, "StatsRetention"},
		{"not a MongoDB URI", Options{URI: "postgres://user:pw-secret@host/db", Database: "d"}, "postgres://***@host/db"},
	}
	for _, c := range cases {
		t.Run(strings.ReplaceAll(c.what, " ", "_"), func(t *testing.T) {
			ctx, cancel := context.WithTimeout(t.Context(), 5*time.Second)
			defer cancel()
			s, err := Open(ctx, c.opts)
			if err == nil {
				_ = s.Close()
				t.Fatal("Open succeeded")
			}
			if !strings.Contains(err.Error(), c.mention) {
				t.Errorf("error %q does not mention %q", err, c.mention)
			}
			if strings.Contains(err.Error(), "pw-secret") {
				t.Errorf("error %q shows the password", err)
			}
		})
	}
}

func TestRedactURI(t *testing.T) {
	cases := []struct{ in, want string }{
		{"mongodb://localhost:27017", "mongodb://localhost:27017"},
		{"mongodb://user:pass@h1:27017,h2:27017/db?replicaSet=rs0", "mongodb://***@h1:27017,h2:27017/db"},
		{"mongodb+srv://u:p%40ss@cluster0.example.net/?retryWrites=true", "mongodb+srv://***@cluster0.example.net"},
		{"mongodb://u:p@ss@host/", "mongodb://***@host"},
		{"mongodb://host/?tlsCertificateKeyFilePassword=secret", "mongodb://host"},
		{"mongodb://host?authSource=admin", "mongodb://host"},
		{"localhost:27017", "(unparsable MongoDB URI)"},
	}
	for _, c := range cases {
		if got := redactURI(c.in); got != c.want {
			t.Errorf("redactURI(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
