package browser

import (
	"context"
	"fmt"
	"strings"

	"github.com/go-rod/rod"
	"github.com/go-rod/rod/lib/proto"
)

// Names and roles come from Chromium's accessibility tree, the source
// Playwright's getByRole matches: aria-label, <label for>, alt, title and
// CSS content all name elements there as they do for a screen reader.

// axNode is one node of a frame's accessibility tree.
type axNode struct {
	role     string // Chromium's role: button, link, textbox, checkbox, StaticText, generic…
	name     string // the accessible name, whitespace collapsed
	ignored  bool   // ignored nodes are not exposed; their children may be
	backend  proto.DOMBackendNodeID
	disabled bool
	parent   *axNode
	children []*axNode
	order    int // position in tree (document) order

	text     string // the StaticText under it, joined; see nodeText
	textDone bool
}

// axTree is one frame's accessibility tree in document order.
type axTree struct {
	nodes []*axNode
}

// loadAXTree fetches the page's accessibility tree.
func loadAXTree(ctx context.Context, page *rod.Page) (*axTree, error) {
	res, err := proto.AccessibilityGetFullAXTree{FrameID: page.FrameID}.Call(page.Context(ctx))
	if err != nil {
		return nil, fmt.Errorf("read the accessibility tree: %w", err)
	}
	return buildAXTree(res.Nodes), nil
}

func buildAXTree(raw []*proto.AccessibilityAXNode) *axTree {
	byID := make(map[proto.AccessibilityAXNodeID]*axNode, len(raw))
	for _, r := range raw {
		n := &axNode{ignored: r.Ignored, backend: r.BackendDOMNodeID}
		if r.Role != nil {
			n.role = r.Role.Value.Str()
		}
		if r.Name != nil {
			n.name = collapse(r.Name.Value.Str())
		}
		for _, p := range r.Properties {
			if p.Name == proto.AccessibilityAXPropertyNameDisabled && p.Value != nil && p.Value.Value.Bool() {
				n.disabled = true
			}
		}
		byID[r.NodeID] = n
	}
	t := &axTree{nodes: make([]*axNode, 0, len(raw))}
	var roots []*axNode
	for _, r := range raw {
		n := byID[r.NodeID]
		for _, id := range r.ChildIDs {
			if c, ok := byID[id]; ok && c.parent == nil {
				c.parent = n
				n.children = append(n.children, c)
			}
		}
	}
	for _, r := range raw {
		if n := byID[r.NodeID]; n.parent == nil {
			roots = append(roots, n)
		}
	}
	// The protocol lists nodes breadth first; matches are wanted in
	// document order, which is the tree's depth-first order.
	var walk func(n *axNode)
	walk = func(n *axNode) {
		n.order = len(t.nodes)
		t.nodes = append(t.nodes, n)
		for _, c := range n.children {
			walk(c)
		}
	}
	for _, r := range roots {
		walk(r)
	}
	return t
}

// collapse trims s and turns every run of whitespace into one space.
func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// nodeText is the visible text under n: its StaticText descendants joined.
func (n *axNode) nodeText() string {
	if n.textDone {
		return n.text
	}
	n.textDone = true
	if n.role == "StaticText" {
		n.text = n.name
		return n.text
	}
	if n.role == "InlineTextBox" {
		return ""
	}
	parts := make([]string, 0, len(n.children))
	for _, c := range n.children {
		if s := c.nodeText(); s != "" {
			parts = append(parts, s)
		}
	}
	n.text = collapse(strings.Join(parts, " "))
	return n.text
}

// contains reports whether n is an ancestor of (or is) d.
func (n *axNode) contains(d *axNode) bool {
	for ; d != nil; d = d.parent {
		if d == n {
			return true
		}
	}
	return false
}

// usable nodes stand for a DOM node and are exposed.
func (n *axNode) usable() bool { return !n.ignored && n.backend != 0 && n.role != "InlineTextBox" }
