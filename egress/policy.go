package egress

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Setting names, as the server's flags and environment variables spell them;
// block messages name them.
const (
	AllowSetting = "EGRESS_ALLOW"
	DenySetting  = "EGRESS_DENY"
)

// alwaysDenied are the address ranges no setting can allow: link-local
// (where cloud metadata services live) and the metadata addresses of
// clouds that put them elsewhere.
var alwaysDenied = []netip.Prefix{
	netip.MustParsePrefix("169.254.0.0/16"),      // IPv4 link-local: AWS, GCP, Azure, OpenStack… metadata at 169.254.169.254
	netip.MustParsePrefix("fe80::/10"),           // IPv6 link-local
	netip.MustParsePrefix("fd00:ec2::254/128"),   // AWS metadata over IPv6
	netip.MustParsePrefix("100.100.100.200/32"),  // Alibaba Cloud metadata
	netip.MustParsePrefix("64:ff9b::a9fe:0/112"), // 169.254.0.0/16 through NAT64
}

// alwaysDeniedNames are metadata host names; what they resolve to is
// denied anyway, this only makes the message clearer where they resolve.
var alwaysDeniedNames = []string{"metadata.google.internal", "metadata.goog", "metadata.azure.internal"}

// Policy decides which destinations Chromium may reach. Build one with
// ParsePolicy; add the server's own listeners with DenyListener. It is safe
// for concurrent use.
//
// A destination is a host (a name or an IP literal) and a port. A name is
// resolved and every address it resolves to is checked; a destination is
// permitted only when all of them are. For each address, in this order:
//
//  1. always denied: link-local and cloud-metadata addresses, the server's
//     own listeners (whatever the settings say);
//  2. denied when an EGRESS_DENY entry matches (the name, or the address);
//  3. permitted when an EGRESS_ALLOW entry matches;
//  4. otherwise permitted when EGRESS_ALLOW is empty (the default), and
//     denied when it is set (it is then an allow-list).
type Policy struct {
	allow, deny []rule

	mu        sync.RWMutex
	listeners []listener

	// lookup resolves names; tests replace it.
	lookup func(ctx context.Context, host string) ([]netip.Addr, error)
	// localAddrs lists this machine's interface addresses (cached briefly).
	local localAddrs
}

// rule is one entry of EGRESS_ALLOW or EGRESS_DENY.
type rule struct {
	text   string       // as written, for messages
	name   string       // a lower-case host name, or "*.suffix"; empty for addresses
	prefix netip.Prefix // an address or CIDR; invalid for names
	port   int          // 0: any port
}

// listener is one of the server's own listeners.
type listener struct {
	what string         // "API", "debug", "egress proxy"
	addr netip.AddrPort // its address may be unspecified (0.0.0.0, ::)
}

// ParsePolicy builds a policy from the EGRESS_ALLOW and EGRESS_DENY
// settings: comma-separated entries, each a host name (localhost,
// staging.example.com), a wildcard for sub-domains (*.example.com), an IP
// address (10.0.0.5, ::1), a CIDR (10.0.0.0/8, fd00::/8), or any of
// these with a port (localhost:3000, 10.0.0.5:8080, [::1]:3000,
// *.example.com:443). Blank entries are ignored.
func ParsePolicy(allow, deny string) (*Policy, error) {
	p := &Policy{lookup: systemLookup}
	var err error
	if p.allow, err = parseRules(AllowSetting, allow); err != nil {
		return nil, err
	}
	if p.deny, err = parseRules(DenySetting, deny); err != nil {
		return nil, err
	}
	return p, nil
}

func parseRules(setting, list string) ([]rule, error) {
	var out []rule
	for _, entry := range strings.Split(list, ",") {
		entry = strings.TrimSpace(entry)
		if entry == "" {
			continue
		}
		r, err := parseRule(entry)
		if err != nil {
			return nil, fmt.Errorf("%s: %q: %w", setting, entry, err)
		}
		out = append(out, r)
	}
	return out, nil
}

func parseRule(entry string) (rule, error) {
	r := rule{text: entry}
	host := entry
	// A port: host:port, [v6]:port, cidr…:port is not accepted. A bare IPv6
	// address has several colons and no brackets: no port.
	if h, port, err := net.SplitHostPort(entry); err == nil {
		n, err := strconv.Atoi(port)
		if err != nil || n < 1 || n > 65535 {
			return rule{}, fmt.Errorf("%q is not a port (1-65535)", port)
		}
		host, r.port = h, n
	} else if strings.HasPrefix(entry, "[") && strings.HasSuffix(entry, "]") {
		host = entry[1 : len(entry)-1]
	}
	if strings.Contains(host, "/") {
		pfx, err := netip.ParsePrefix(host)
		if err != nil {
			return rule{}, fmt.Errorf("not a CIDR: %w", err)
		}
		r.prefix = unmapPrefix(pfx).Masked()
		return r, nil
	}
	if a, err := netip.ParseAddr(host); err == nil {
		if a.Zone() != "" {
			return rule{}, errors.New("an address with a zone cannot be matched")
		}
		a = a.Unmap()
		r.prefix = netip.PrefixFrom(a, a.BitLen())
		return r, nil
	}
	name := strings.TrimSuffix(strings.ToLower(host), ".")
	wild := strings.HasPrefix(name, "*.")
	label := strings.TrimPrefix(name, "*.")
	if label == "" || strings.ContainsAny(label, "*/[]: ") {
		return rule{}, errors.New("not a host name, address or CIDR (a wildcard is written *.example.com)")
	}
	if wild {
		r.name = "*." + label
	} else {
		r.name = label
	}
	return r, nil
}

func unmapPrefix(p netip.Prefix) netip.Prefix {
	if a := p.Addr(); a.Is4In6() && p.Bits() >= 96 {
		return netip.PrefixFrom(a.Unmap(), p.Bits()-96)
	}
	return p
}

// matchesName reports whether the rule names host (already lower case,
// without a trailing dot).
func (r rule) matchesName(host string, port int) bool {
	if r.name == "" || (r.port != 0 && r.port != port) {
		return false
	}
	if suffix, ok := strings.CutPrefix(r.name, "*"); ok {
		return strings.HasSuffix(host, suffix) && len(host) > len(suffix)
	}
	return host == r.name
}

func (r rule) matchesAddr(a netip.Addr, port int) bool {
	return r.prefix.IsValid() && (r.port == 0 || r.port == port) && r.prefix.Contains(a)
}

// DenyListener denies the address of one of the server's own listeners
// (the API, the debug listener), whatever the settings say. what names it
// in messages ("API", "debug"). A listener bound to an unspecified
// address (0.0.0.0, ::) has its port denied on every local address
// (loopback and every interface's); one bound to a loopback address has
// it denied on every loopback address.
func (p *Policy) DenyListener(what string, addr net.Addr) error {
	ap, err := addrPortOf(addr)
	if err != nil {
		return fmt.Errorf("deny the %s listener: %w", what, err)
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.listeners = append(p.listeners, listener{what: what, addr: ap})
	return nil
}

func addrPortOf(addr net.Addr) (netip.AddrPort, error) {
	switch a := addr.(type) {
	case *net.TCPAddr:
		ap := a.AddrPort()
		return netip.AddrPortFrom(ap.Addr().Unmap().WithZone(""), ap.Port()), nil
	case nil:
		return netip.AddrPort{}, errors.New("no address")
	}
	ap, err := netip.ParseAddrPort(addr.String())
	if err != nil {
		return netip.AddrPort{}, fmt.Errorf("%q is not an IP address and port: %w", addr.String(), err)
	}
	return netip.AddrPortFrom(ap.Addr().Unmap().WithZone(""), ap.Port()), nil
}

// Decision is what the policy says about one destination.
type Decision struct {
	Host    string       // as asked, without brackets
	Port    int          //
	Addrs   []netip.Addr // what Host resolved to; a permitted connection goes to one of these
	Allowed bool
	Reason  string // why it is denied, e.g. "169.254.169.254 is a link-local or cloud-metadata address, always denied"
	Fix     string // how to allow it, or "" when no setting can
	// Unresolved is set when Host is a name that did not resolve: the
	// destination is unreachable rather than denied by the policy.
	Unresolved bool
}

// Target is the destination as host:port.
func (d Decision) Target() string { return net.JoinHostPort(d.Host, strconv.Itoa(d.Port)) }

// Message is the sentence a blocked step's error carries.
func (d Decision) Message() string {
	msg := fmt.Sprintf("blocked by the egress policy: %s (%s)", d.Target(), d.Reason)
	if d.Fix != "" {
		msg += "; " + d.Fix
	}
	return msg
}

// Check resolves host (a name or an IP literal, brackets optional) and
// decides whether port on it may be reached. The returned addresses are
// the ones checked: connect to one of them, never resolve again.
func (p *Policy) Check(ctx context.Context, host string, port int) Decision {
	host = strings.TrimSuffix(strings.ToLower(strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")), ".")
	d := Decision{Host: host, Port: port}
	if port < 1 || port > 65535 {
		d.Reason = fmt.Sprintf("port %d is not valid", port)
		return d
	}
	if host == "" {
		d.Reason = "no host"
		return d
	}
	for _, n := range alwaysDeniedNames {
		if host == n {
			d.Reason = "a cloud-metadata name, always denied"
			return d
		}
	}
	// A name denied as a name needs no resolving.
	for _, r := range p.deny {
		if r.matchesName(host, port) {
			d.Reason = fmt.Sprintf("%s has %s", DenySetting, r.text)
			d.Fix = fmt.Sprintf("take %s out of %s to allow it", r.text, DenySetting)
			return d
		}
	}
	if a, err := netip.ParseAddr(host); err == nil {
		if a.Zone() != "" {
			d.Reason = "an address with a zone is not allowed"
			return d
		}
		d.Addrs = []netip.Addr{a.Unmap()}
	} else {
		lctx, cancel := context.WithTimeout(ctx, lookupTimeout)
		addrs, err := p.lookup(lctx, host)
		cancel()
		if err != nil || len(addrs) == 0 {
			d.Reason, d.Unresolved = "it does not resolve", true
			if err != nil {
				d.Reason += ": " + err.Error()
			}
			return d
		}
		for _, a := range addrs {
			d.Addrs = append(d.Addrs, a.Unmap().WithZone(""))
		}
	}
	nameAllowed := false
	for _, r := range p.allow {
		if r.matchesName(host, port) {
			nameAllowed = true
			break
		}
	}
	for _, a := range d.Addrs {
		if reason, fix, ok := p.checkAddr(host, a, port, nameAllowed); !ok {
			d.Reason, d.Fix = reason, fix
			return d
		}
	}
	d.Allowed = true
	return d
}

// lookupTimeout bounds resolving one name.
const lookupTimeout = 10 * time.Second

func (p *Policy) checkAddr(host string, a netip.Addr, port int, nameAllowed bool) (reason, fix string, ok bool) {
	via := ""
	if host != a.String() {
		via = host + " resolves to "
	}
	for _, pfx := range alwaysDenied {
		if pfx.Contains(a) {
			return fmt.Sprintf("%s%s is a link-local or cloud-metadata address, always denied", via, a), "", false
		}
	}
	if what, ok := p.ownListener(a, port); ok {
		return fmt.Sprintf("%s%s is this server's own %s listener, always denied", via, netip.AddrPortFrom(a, uint16(port)), what), "", false
	}
	for _, r := range p.deny {
		if r.matchesAddr(a, port) {
			return fmt.Sprintf("%s%s is in %s entry %s", via, a, DenySetting, r.text),
				fmt.Sprintf("take %s out of %s to allow it", r.text, DenySetting), false
		}
	}
	if nameAllowed || len(p.allow) == 0 {
		return "", "", true
	}
	for _, r := range p.allow {
		if r.matchesAddr(a, port) {
			return "", "", true
		}
	}
	target := net.JoinHostPort(host, strconv.Itoa(port))
	return fmt.Sprintf("%s%s is not in %s", via, a, AllowSetting),
		fmt.Sprintf("allow it with %s=%s", AllowSetting, target), false
}

// ownListener reports whether a connection to a:port would reach one of
// the server's listeners.
func (p *Policy) ownListener(a netip.Addr, port int) (string, bool) {
	p.mu.RLock()
	defer p.mu.RUnlock()
	for _, l := range p.listeners {
		if int(l.addr.Port()) != port {
			continue
		}
		la := l.addr.Addr()
		switch {
		case a == la, a.IsUnspecified(): // connecting to 0.0.0.0 or :: reaches the local host
			return l.what, true
		case la.IsLoopback() && a.IsLoopback():
			return l.what, true
		case la.IsUnspecified() && (a.IsLoopback() || p.local.has(a)):
			return l.what, true
		}
	}
	return "", false
}

// localAddrs caches this machine's interface addresses for a short while:
// they change (DHCP, VPNs), but not per request.
type localAddrs struct {
	mu      sync.Mutex
	addrs   map[netip.Addr]bool
	fetched time.Time
}

const localAddrsTTL = 5 * time.Second

func (l *localAddrs) has(a netip.Addr) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.addrs == nil || time.Since(l.fetched) > localAddrsTTL {
		l.addrs = map[netip.Addr]bool{}
		l.fetched = time.Now()
		if list, err := net.InterfaceAddrs(); err == nil {
			for _, ia := range list {
				if n, ok := ia.(*net.IPNet); ok {
					if x, ok := netip.AddrFromSlice(n.IP); ok {
						l.addrs[x.Unmap()] = true
					}
				}
			}
		}
	}
	return l.addrs[a]
}

func systemLookup(ctx context.Context, host string) ([]netip.Addr, error) {
	return net.DefaultResolver.LookupNetIP(ctx, "ip", host)
}
