package browser

import (
	"context"
	"fmt"

	"github.com/go-rod/rod"
	"github.com/go-rod/rod/lib/proto"
)

// Targets are looked for in the page first, then in its iframes, same- and
// cross-origin, down to maxFrameDepth. A cross-origin iframe runs in its own
// renderer: the flow attaches to it as a DevTools target of its own.

// maxFrameDepth bounds how deep nested iframes are searched.
const maxFrameDepth = 3

// frameCtx is a frame targets can be resolved in: the page to talk to, and
// where its viewport sits in the top page's, for pointer events.
type frameCtx struct {
	page   *rod.Page
	dx, dy float64
}

// sessionKey carries the running session in a step's context, for the
// frames it has attached to.
type sessionKey struct{}

func withSession(ctx context.Context, s *Session) context.Context {
	return context.WithValue(ctx, sessionKey{}, s)
}

// frameOffset is where an iframe's content starts in its parent's viewport.
const frameOffset = `function () {
	const r = this.getBoundingClientRect();
	const cs = getComputedStyle(this);
	return [r.left + this.clientLeft + parseFloat(cs.paddingLeft), r.top + this.clientTop + parseFloat(cs.paddingTop)];
}`

// childFrames lists the frames of the iframes in tree, a tree of parent.
func childFrames(ctx context.Context, parent frameCtx, tree *axTree) []frameCtx {
	var out []frameCtx
	for _, n := range tree.nodes {
		if n.role != "Iframe" || n.ignored || n.backend == 0 {
			continue
		}
		fc, err := openFrame(ctx, parent, n.backend)
		if err == nil {
			out = append(out, fc)
		}
	}
	return out
}

// openFrame returns the frame of the iframe element backend in parent.
func openFrame(ctx context.Context, parent frameCtx, backend proto.DOMBackendNodeID) (frameCtx, error) {
	p := parent.page.Context(ctx)
	el, err := p.ElementFromNode(&proto.DOMNode{BackendNodeID: backend})
	if err != nil {
		return frameCtx{}, err
	}
	node, err := el.Describe(1, false)
	if err != nil {
		return frameCtx{}, err
	}
	off, err := el.Eval(frameOffset)
	if err != nil {
		return frameCtx{}, err
	}
	fc := frameCtx{dx: parent.dx + off.Value.Get("0").Num(), dy: parent.dy + off.Value.Get("1").Num()}
	if node.ContentDocument != nil { // same renderer: the element leads into it
		fc.page, err = el.Frame()
		return fc, err
	}
	s, _ := ctx.Value(sessionKey{}).(*Session)
	if s == nil || node.FrameID == "" {
		return frameCtx{}, fmt.Errorf("a cross-origin frame needs its session")
	}
	fc.page, err = s.crossOriginFrame(node.FrameID)
	return fc, err
}

// crossOriginFrame attaches to the target of an out-of-process iframe,
// once per session.
func (s *Session) crossOriginFrame(id proto.PageFrameID) (*rod.Page, error) {
	s.framesMu.Lock()
	defer s.framesMu.Unlock()
	if p, ok := s.frames[id]; ok {
		return p, nil
	}
	p, err := s.incognito.Context(s.ctx).PageFromTarget(proto.TargetTargetID(id))
	if err != nil {
		return nil, fmt.Errorf("attach to the cross-origin frame: %w", err)
	}
	s.frames[id] = p
	return p, nil
}

// resolveInFrames resolves q in the page and, while nothing matches there,
// in its iframes, breadth first.
func resolveInFrames(ctx context.Context, page *rod.Page, q query) (report, error) {
	level := []frameCtx{{page: page}}
	var first report
	var firstErr error
	for depth := 0; depth <= maxFrameDepth && len(level) > 0; depth++ {
		var next []frameCtx
		for _, fc := range level {
			rep, tree, err := resolveInFrame(ctx, fc, q)
			if depth == 0 {
				first, firstErr = rep, err
			}
			if err == nil && rep.Problem != "missing" {
				return rep, nil
			}
			if tree != nil && depth < maxFrameDepth {
				next = append(next, childFrames(ctx, fc, tree)...)
			}
		}
		level = next
	}
	return first, firstErr
}
