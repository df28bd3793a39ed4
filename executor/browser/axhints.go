package browser

import (
	"slices"
)

// unnamed counts the exposed elements of one kind that have no name, and
// suggests how to reach the first of them: by the item or row it is in.
type unnamed struct {
	Noun  string
	Count int
	Scope string // e.g. `the checkbox in the "Buy milk" item`, or ""
}

// maxHintNames bounds the names a hint collects from a large page.
const maxHintNames = 300

// nearby lists what the tree offers instead of a missing target: the names
// of elements of the wanted role (all roles people target, and short texts,
// for a target without one), and counts of those without a name.
func (t *axTree) nearby(q query) ([]candidate, []unnamed) {
	roles := slices.Concat(anyRoleGroups[0], anyRoleGroups[1])
	if q.Role != "" {
		roles = axRoles[q.Role]
	}
	var named []candidate
	counts := map[string]*unnamed{}
	var order []string
	for _, n := range t.nodes {
		if !n.usable() {
			continue
		}
		switch {
		case slices.Contains(roles, n.role) && n.name != "":
			if len(named) < maxHintNames {
				named = append(named, candidate{Name: clip(n.name, 120), Role: axNoun(n.role), Disabled: n.disabled})
			}
		case slices.Contains(roles, n.role):
			noun := axNoun(n.role)
			u := counts[noun]
			if u == nil {
				u = &unnamed{Noun: noun, Scope: scopeHint(n, noun)}
				counts[noun] = u
				order = append(order, noun)
			}
			u.Count++
		case q.Role == "" && n.role == "StaticText" && len(n.name) <= 80 && len(named) < maxHintNames:
			named = append(named, candidate{Name: n.name, Role: "text"})
		}
	}
	out := make([]unnamed, 0, len(order))
	for _, noun := range order {
		out = append(out, *counts[noun])
	}
	return named, out
}

// scopeHint says how a step can reach n: through the item or row holding
// it, named by that container's first text.
func scopeHint(n *axNode, noun string) string {
	for c := n.parent; c != nil; c = c.parent {
		kind := ""
		switch c.role {
		case "listitem", "treeitem":
			kind = "item"
		case "row":
			kind = "row"
		case "dialog", "alertdialog":
			kind = "dialog"
		default:
			continue
		}
		if text := firstText(c); text != "" {
			return `the ` + noun + ` in the "` + clip(text, 40) + `" ` + kind
		}
		return ""
	}
	return ""
}

// firstText is the first non-empty StaticText under n.
func firstText(n *axNode) string {
	for _, c := range n.children {
		if c.role == "StaticText" && c.name != "" {
			return c.name
		}
		if s := firstText(c); s != "" {
			return s
		}
	}
	return ""
}
