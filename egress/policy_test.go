package egress

import (
	"context"
	"errors"
	"net"
	"net/netip"
	"strings"
	"testing"
)

// fakeDNS answers from a table; names not in it do not resolve.
func fakeDNS(table map[string][]string) func(context.Context, string) ([]netip.Addr, error) {
	return func(_ context.Context, host string) ([]netip.Addr, error) {
		list, ok := table[host]
		if !ok {
			return nil, errors.New("no such host")
		}
		var out []netip.Addr
		for _, s := range list {
			out = append(out, netip.MustParseAddr(s))
		}
		return out, nil
	}
}

var testDNS = map[string][]string{
	"localhost":         {"127.0.0.1", "::1"},
	"app.test":          {"127.0.0.1"},
	"metadata.evil":     {"169.254.169.254"},
	"v6meta.evil":       {"fd00:ec2::254"},
	"mapped.evil":       {"::ffff:169.254.169.254"},
	"mixed.evil":        {"93.184.216.34", "169.254.169.254"},
	"staging.corp.test": {"10.1.2.3"},
	"wiki.corp.test":    {"10.9.9.9"},
	"public.test":       {"93.184.216.34"},
	"self.test":         {"127.0.0.1"},
	"lan.test":          {"192.168.1.20"},
}

func mustPolicy(t *testing.T, allow, deny string) *Policy {
	t.Helper()
	p, err := ParsePolicy(allow, deny)
	if err != nil {
		t.Fatalf("ParsePolicy(%q, %q): %v", allow, deny, err)
	}
	p.lookup = fakeDNS(testDNS)
	return p
}

func TestPolicyDecisions(t *testing.T) {
	type probe struct {
		host    string
		port    int
		allowed bool
		reason  string // part of the reason when denied
	}
	cases := []struct {
		name        string
		allow, deny string
		probes      []probe
	}{
		{"default permits loopback, LAN and public; denies metadata", "", "", []probe{
			{"localhost", 3000, true, ""},
			{"127.0.0.1", 3000, true, ""},
			{"::1", 5173, true, ""},
			{"[::1]", 5173, true, ""},
			{"192.168.1.20", 80, true, ""},
			{"lan.test", 80, true, ""},
			{"10.0.0.1", 8080, true, ""},
			{"public.test", 443, true, ""},
			{"169.254.169.254", 80, false, "link-local or cloud-metadata"},
			{"169.254.1.1", 443, false, "link-local"},
			{"fe80::1", 80, false, "link-local"},
			{"fd00:ec2::254", 80, false, "cloud-metadata"},
			{"100.100.100.200", 80, false, "cloud-metadata"},
			{"::ffff:169.254.169.254", 80, false, "link-local"},
			{"64:ff9b::a9fe:a9fe", 80, false, "link-local"},
			{"metadata.google.internal", 80, false, "cloud-metadata name"},
			{"Metadata.Google.Internal.", 80, false, "cloud-metadata name"},
			{"metadata.evil", 80, false, "metadata.evil resolves to 169.254.169.254"},
			{"v6meta.evil", 80, false, "fd00:ec2::254"},
			{"mapped.evil", 80, false, "169.254.169.254"},
			{"mixed.evil", 80, false, "169.254.169.254"}, // one bad address spoils the name
			{"nowhere.test", 80, false, "does not resolve"},
			{"localhost", 0, false, "port"},
		}},
		{"metadata stays denied even when allowed", "169.254.169.254,169.254.0.0/16,metadata.evil,fe80::/10,*.evil", "", []probe{
			{"169.254.169.254", 80, false, "always denied"},
			{"metadata.evil", 80, false, "always denied"},
			{"fe80::2", 80, false, "always denied"},
			{"metadata.google.internal", 80, false, "always denied"},
		}},
		{"deny by CIDR, address, host:port and name", "", "10.0.0.0/8, 127.0.0.1:4000, [::1]:4001, wiki.corp.test, *.blocked.test, 2001:db8::/32", []probe{
			{"10.1.2.3", 80, false, "EGRESS_DENY entry 10.0.0.0/8"},
			{"staging.corp.test", 443, false, "staging.corp.test resolves to 10.1.2.3 is in EGRESS_DENY entry 10.0.0.0/8"},
			{"wiki.corp.test", 80, false, "EGRESS_DENY has wiki.corp.test"},
			{"a.blocked.test", 80, false, "*.blocked.test"},
			{"blocked.test", 80, false, "does not resolve"}, // the wildcard is for sub-domains only
			{"127.0.0.1", 4000, false, "127.0.0.1:4000"},
			{"localhost", 4000, false, "127.0.0.1:4000"},
			{"127.0.0.1", 3000, true, ""},
			{"::1", 4001, false, "[::1]:4001"},
			{"localhost", 4001, false, "[::1]:4001"}, // localhost has ::1 too
			{"2001:db8::5", 80, false, "2001:db8::/32"},
			{"192.168.1.20", 80, true, ""},
		}},
		{"deny wins over allow", "10.0.0.0/8,staging.corp.test", "10.1.2.3", []probe{
			{"staging.corp.test", 80, false, "EGRESS_DENY entry 10.1.2.3"},
			{"10.2.0.1", 80, true, ""},
		}},
		{"allow-list mode", "localhost:3000, *.corp.test, 192.168.0.0/16, [::1]:5173", "", []probe{
			{"localhost", 3000, true, ""},
			{"localhost", 3001, false, "allow it with EGRESS_ALLOW=localhost:3001"},
			{"127.0.0.1", 3000, false, "not in EGRESS_ALLOW"}, // a name entry allows the name, not its address
			{"staging.corp.test", 443, true, ""},
			{"lan.test", 80, true, ""}, // by its address
			{"192.168.7.7", 22, true, ""},
			{"public.test", 443, false, "public.test resolves to 93.184.216.34 is not in EGRESS_ALLOW"},
			{"::1", 5173, true, ""},
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := mustPolicy(t, c.allow, c.deny)
			for _, pr := range c.probes {
				d := p.Check(context.Background(), pr.host, pr.port)
				if d.Allowed != pr.allowed {
					t.Errorf("%s port %d: allowed=%v (%s), want %v", pr.host, pr.port, d.Allowed, d.Reason, pr.allowed)
					continue
				}
				if !pr.allowed && !strings.Contains(d.Message(), pr.reason) {
					t.Errorf("%s port %d: message %q, want it to say %q", pr.host, pr.port, d.Message(), pr.reason)
				}
				if !pr.allowed && !strings.HasPrefix(d.Message(), "blocked by the egress policy: ") {
					t.Errorf("message %q does not start with the egress prefix", d.Message())
				}
				if d.Unresolved != strings.Contains(pr.reason, "does not resolve") {
					t.Errorf("%s: Unresolved=%v", pr.host, d.Unresolved)
				}
				if pr.allowed && len(d.Addrs) == 0 {
					t.Errorf("%s: allowed without addresses to connect to", pr.host)
				}
			}
		})
	}
}

func TestPolicyMessages(t *testing.T) {
	p := mustPolicy(t, "localhost:3000", "10.0.0.0/8")
	d := p.Check(context.Background(), "public.test", 443)
	want := "blocked by the egress policy: public.test:443 (public.test resolves to 93.184.216.34 is not in EGRESS_ALLOW); allow it with EGRESS_ALLOW=public.test:443"
	if d.Message() != want {
		t.Errorf("message\n %q\nwant\n %q", d.Message(), want)
	}
	d = p.Check(context.Background(), "10.0.0.1", 80)
	if want := "blocked by the egress policy: 10.0.0.1:80 (10.0.0.1 is in EGRESS_DENY entry 10.0.0.0/8); take 10.0.0.0/8 out of EGRESS_DENY to allow it"; d.Message() != want {
		t.Errorf("message\n %q\nwant\n %q", d.Message(), want)
	}
	d = p.Check(context.Background(), "169.254.169.254", 80)
	if want := "blocked by the egress policy: 169.254.169.254:80 (169.254.169.254 is a link-local or cloud-metadata address, always denied)"; d.Message() != want {
		t.Errorf("message\n %q\nwant\n %q", d.Message(), want)
	}
}

func TestPolicyOwnListeners(t *testing.T) {
	p := mustPolicy(t, "", "")
	tcp := func(s string) net.Addr { return net.TCPAddrFromAddrPort(netip.MustParseAddrPort(s)) }
	if err := p.DenyListener("API", tcp("127.0.0.1:8080")); err != nil {
		t.Fatal(err)
	}
	if err := p.DenyListener("debug", tcp("0.0.0.0:6060")); err != nil {
		t.Fatal(err)
	}
	if err := p.DenyListener("v6", tcp("[::]:7070")); err != nil {
		t.Fatal(err)
	}
	// An interface address of this machine, if it has one besides loopback.
	var iface string
	if list, err := net.InterfaceAddrs(); err == nil {
		for _, a := range list {
			if n, ok := a.(*net.IPNet); ok && !n.IP.IsLoopback() && n.IP.To4() != nil {
				iface = n.IP.String()
				break
			}
		}
	}
	cases := []struct {
		host    string
		port    int
		allowed bool
		what    string
	}{
		{"127.0.0.1", 8080, false, "own API listener"},
		{"localhost", 8080, false, "own API listener"},
		{"127.0.0.2", 8080, false, "own API listener"}, // any loopback address
		{"0.0.0.0", 8080, false, "own API listener"},   // 0.0.0.0 reaches the local host
		{"::", 8080, false, "own API listener"},
		{"self.test", 8080, false, "self.test resolves to 127.0.0.1:8080 is this server's own API listener"},
		{"127.0.0.1", 8081, true, ""},
		{"192.168.1.20", 8080, true, ""}, // another machine's port 8080
		{"127.0.0.1", 6060, false, "own debug listener"},
		{"::1", 6060, false, "own debug listener"},
		{"0.0.0.0", 6060, false, "own debug listener"},
		{"192.168.1.20", 6060, true, ""},
		{"::1", 7070, false, "own v6 listener"},
		{"127.0.0.1", 7070, false, "own v6 listener"},
	}
	if iface != "" {
		cases = append(cases, struct {
			host    string
			port    int
			allowed bool
			what    string
		}{iface, 6060, false, "own debug listener"})
	}
	allowed := mustPolicy(t, "127.0.0.0/8,localhost,0.0.0.0/0,::/0", "")
	_ = allowed.DenyListener("API", tcp("127.0.0.1:8080"))
	for _, c := range cases {
		d := p.Check(context.Background(), c.host, c.port)
		if d.Allowed != c.allowed || (!c.allowed && !strings.Contains(d.Reason, c.what)) {
			t.Errorf("%s:%d: allowed=%v %q, want allowed=%v saying %q", c.host, c.port, d.Allowed, d.Reason, c.allowed, c.what)
		}
	}
	if d := allowed.Check(context.Background(), "localhost", 8080); d.Allowed || !strings.Contains(d.Reason, "always denied") {
		t.Errorf("the API port allowed by EGRESS_ALLOW: %v %q", d.Allowed, d.Reason)
	}
}

func TestParsePolicyErrors(t *testing.T) {
	for _, c := range []struct{ allow, deny, want string }{
		{"localhost:0", "", "EGRESS_ALLOW"},
		{"", "host:99999", "EGRESS_DENY"},
		{"", "10.0.0.0/33", "CIDR"},
		{"a*b.com", "", "wildcard"},
		{"http://x", "", "EGRESS_ALLOW"},
		{"fe80::1%eth0", "", "zone"},
	} {
		if _, err := ParsePolicy(c.allow, c.deny); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("ParsePolicy(%q, %q) = %v, want an error saying %q", c.allow, c.deny, err, c.want)
		}
	}
	if _, err := ParsePolicy(" , localhost:3000 ,,*.example.com,10.0.0.0/8,[::1],::1,[::1]:80, ", ""); err != nil {
		t.Errorf("valid list refused: %v", err)
	}
}
