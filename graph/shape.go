package graph

import (
	"encoding/json"
	"sync/atomic"

	"github.com/vektah/gqlparser/v2/ast"
)

// shape is the size of a selection set with its fragments inlined.
type shape struct {
	fields int // field selections, saturated at the walker's cap
	depth  int // deepest field nesting
}

// shapeWalker measures selection sets, remembering each fragment's shape so
// that a fragment spread many times, or fragments that double each other,
// cost one visit each: the walk is linear in the document, never in what
// it expands to.
type shapeWalker struct {
	fragments ast.FragmentDefinitionList
	memo      map[string]shape
	visiting  map[string]bool // fragments on the current path: a cycle counts as empty (validation rejects it)
	cap       int
}

func (w *shapeWalker) selectionSet(set ast.SelectionSet) shape {
	var total shape
	for _, sel := range set {
		var s shape
		switch sel := sel.(type) {
		case *ast.Field:
			s = w.selectionSet(sel.SelectionSet)
			s.fields++
			s.depth++
		case *ast.InlineFragment:
			s = w.selectionSet(sel.SelectionSet)
		case *ast.FragmentSpread:
			s = w.fragment(sel.Name)
		}
		total.fields = min(total.fields+s.fields, w.cap)
		total.depth = max(total.depth, s.depth)
	}
	return total
}

func (w *shapeWalker) fragment(name string) shape {
	if s, ok := w.memo[name]; ok {
		return s
	}
	def := w.fragments.ForName(name)
	if def == nil || w.visiting[name] {
		return shape{}
	}
	w.visiting[name] = true
	s := w.selectionSet(def.SelectionSet)
	delete(w.visiting, name)
	w.memo[name] = s
	return s
}

type budgetKey struct{}

// responseBudget is what is left of one response's byte allowance. Fields
// resolve concurrently, hence the atomics.
type responseBudget struct {
	left  int
	used  atomic.Int64
	spent atomic.Bool
}

// charge takes n bytes; false once the allowance is spent.
func (b *responseBudget) charge(n int) bool {
	if b.used.Add(int64(n)) <= int64(b.left) {
		return true
	}
	b.spent.Store(true)
	return false
}

// sizeOf estimates the bytes a resolved value adds to a response: its text
// for strings and JSON, a little for anything else (objects and lists are
// charged through their fields).
func sizeOf(v any) int {
	switch v := v.(type) {
	case string:
		return len(v) + 8
	case *string:
		if v == nil {
			return 4
		}
		return len(*v) + 8
	case json.RawMessage:
		return len(v) + 8
	case []byte:
		return len(v) + 8
	default:
		return 16
	}
}
