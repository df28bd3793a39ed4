package browser

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// axRoles are the accessibility roles each step-language role stands for.
var axRoles = map[string][]string{
	"button":    {"button", "PopUpButton", "togglebutton", "menuitem", "tab"},
	"link":      {"link"},
	"field":     {"textbox", "searchbox", "spinbutton", "TextField", "TextFieldWithComboBox"},
	"checkbox":  {"checkbox", "switch", "menuitemcheckbox"},
	"radio":     {"radio", "menuitemradio"},
	"checkable": {"checkbox", "switch", "menuitemcheckbox", "radio", "menuitemradio"},
	"select":    {"combobox", "listbox", "ComboBoxSelect", "ComboBoxMenuButton"},
	"option":    {"option", "MenuListOption", "listboxoption"},
}

// anyRoleGroups is the order in which a target without a role is looked
// for: controls people click, then form controls, then any text.
var anyRoleGroups = [][]string{
	slices.Concat(axRoles["button"], axRoles["link"]),
	slices.Concat(axRoles["field"], axRoles["checkable"], axRoles["select"]),
	nil, // text
}

// scopeRoles are the accessibility roles of each kind of container.
var scopeRoles = map[string][]string{
	"item":    {"listitem", "treeitem", "article", "row"},
	"row":     {"row", "listitem"},
	"card":    {"article", "group", "region", "listitem", "figure", "section", "generic"},
	"dialog":  {"dialog", "alertdialog"},
	"section": {"region", "section", "form", "group", "article", "navigation", "main", "complementary", "search", "sectionheader", "sectionfooter", "banner", "contentinfo", "generic"},
}

// matchLevel is how closely a name matches the wanted text; lower is closer.
type matchLevel int

const (
	levelExact     matchLevel = iota // the same, after collapsing whitespace
	levelFold                        // the same ignoring case
	levelWord                        // contains it as whole words, ignoring case
	levelSubstring                   // contains it anywhere, ignoring case: only with "containing"
	levelNone
)

// level says how name matches want; the caller collapses both.
func level(name, want string) matchLevel {
	switch {
	case name == "" || want == "":
		return levelNone
	case name == want:
		return levelExact
	case strings.EqualFold(name, want):
		return levelFold
	}
	ln, lw := strings.ToLower(name), strings.ToLower(want)
	found := false
	for i := 0; i < len(ln); {
		j := strings.Index(ln[i:], lw)
		if j < 0 {
			break
		}
		start, end := i+j, i+j+len(lw)
		found = true
		if wordBoundary(ln, start, lw, true) && wordBoundary(ln, end, lw, false) {
			return levelWord
		}
		i = start + 1
	}
	if found {
		return levelSubstring
	}
	return levelNone
}

// wordBoundary reports whether position at in s starts (or ends) a word:
// the neighbour is not a letter or digit, or the wanted text itself begins
// (or ends) with a non-word character.
func wordBoundary(s string, at int, want string, before bool) bool {
	if before {
		if at == 0 {
			return true
		}
		first, _ := utf8.DecodeRuneInString(want)
		prev, _ := utf8.DecodeLastRuneInString(s[:at])
		return !isWordRune(first) || !isWordRune(prev)
	}
	if at >= len(s) {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(want)
	next, _ := utf8.DecodeRuneInString(s[at:])
	return !isWordRune(last) || !isWordRune(next)
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// axQuery is what the tree is searched for: the target of a step.
type axQuery struct {
	text       string
	role       string // a key of axRoles, or "" for any
	containing bool
	scope      *scopeQuery
}

// matchAX lists the tree's nodes that match q, best level first, then in
// role-group order, then in document order. Visibility, ordinals and
// actionability are the page's to check.
func (t *axTree) matchAX(q axQuery) []*axNode {
	pool := t.nodes
	if q.scope != nil {
		pool = t.inScope(q.scope, func(n *axNode) bool { return len(t.matchIn([]*axNode{n}, q)) > 0 })
	}
	return t.matchIn(pool, q)
}

// matchIn matches q among pool and, for containers, their descendants.
func (t *axTree) matchIn(pool []*axNode, q axQuery) []*axNode {
	within := func(yield func(*axNode) bool) {
		seen := map[*axNode]bool{}
		for _, c := range pool {
			for _, n := range t.nodes[c.order:] {
				if !c.contains(n) {
					break
				}
				if !seen[n] {
					seen[n] = true
					if !yield(n) {
						return
					}
				}
			}
		}
	}
	groups := anyRoleGroups
	if q.role != "" {
		groups = [][]string{axRoles[q.role]}
	}
	want := collapse(q.text)
	if want == "" { // role only: every node of the role
		var out []*axNode
		for n := range within {
			if n.usable() && slices.Contains(groups[0], n.role) {
				out = append(out, n)
			}
		}
		return out
	}
	worst := levelWord
	if q.containing {
		worst = levelSubstring
	}
	for lv := levelExact; lv <= worst; lv++ {
		var out []*axNode
		for _, g := range groups {
			if g == nil {
				out = append(out, textMatches(within, want, lv)...)
				continue
			}
			for n := range within {
				if n.usable() && slices.Contains(g, n.role) && level(n.name, want) == lv && !slices.Contains(out, n) {
					out = append(out, n)
				}
			}
		}
		if len(out) > 0 {
			return out
		}
	}
	return nil
}

// textMatches are the innermost nodes whose visible text matches want at lv.
func textMatches(within func(func(*axNode) bool), want string, lv matchLevel) []*axNode {
	var hits []*axNode
	for n := range within {
		if !n.usable() || level(n.nodeText(), want) != lv {
			continue
		}
		// Innermost: a later hit inside an earlier one replaces it.
		for len(hits) > 0 && hits[len(hits)-1].contains(n) {
			hits = hits[:len(hits)-1]
		}
		hits = append(hits, n)
	}
	return hits
}

// scopeQuery is the container a scoped target must be inside.
type scopeQuery struct {
	Text string `json:"text,omitempty"`
	Kind string `json:"kind"`
}

// inScope returns the containers of sc's kind whose text best matches its
// text; of nested ones, the innermost that holds a match (has) is kept, so
// "the checkbox in the "Buy milk" item" is the item's own checkbox.
func (t *axTree) inScope(sc *scopeQuery, has func(*axNode) bool) []*axNode {
	roles := scopeRoles[sc.Kind]
	want := collapse(sc.Text)
	best := levelNone
	var cands []*axNode
	for _, n := range t.nodes {
		if n.ignored || !slices.Contains(roles, n.role) {
			continue
		}
		lv := levelExact
		if want != "" {
			lv = containerLevel(n, want)
		}
		switch {
		case lv == levelNone || lv > best:
			continue
		case lv < best:
			best, cands = lv, nil
		}
		cands = append(cands, n)
	}
	// Semantic containers first; a generic one only when none matched.
	if slices.ContainsFunc(cands, func(n *axNode) bool { return n.role != "generic" }) {
		cands = slices.DeleteFunc(cands, func(n *axNode) bool { return n.role == "generic" })
	}
	var kept []*axNode
	for _, c := range cands {
		if !has(c) {
			continue
		}
		inner := false
		for _, d := range cands {
			if d != c && c.contains(d) && has(d) {
				inner = true
				break
			}
		}
		if !inner {
			kept = append(kept, c)
		}
	}
	return kept
}

// containerLevel is how well a container matches: by its name, by a
// descendant's name or text, or by its whole text.
func containerLevel(c *axNode, want string) matchLevel {
	best := min(level(c.name, want), level(c.nodeText(), want))
	if best == levelExact {
		return best
	}
	var walk func(n *axNode)
	walk = func(n *axNode) {
		for _, ch := range n.children {
			if ch.role == "InlineTextBox" {
				continue
			}
			if lv := min(level(ch.name, want), level(ch.nodeText(), want)); lv < best {
				best = lv
			}
			walk(ch)
		}
	}
	walk(c)
	if best == levelSubstring || best == levelNone {
		// A container's text holds more than its name; plain containment is enough.
		if strings.Contains(strings.ToLower(c.nodeText()), strings.ToLower(want)) {
			return levelSubstring
		}
	}
	return best
}
