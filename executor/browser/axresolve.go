package browser

import (
	"context"
	"slices"
	"time"

	"github.com/go-rod/rod"
	"github.com/go-rod/rod/lib/proto"
)

// candidateGroup is the object group of the candidates one resolve hands to
// the page; it is released after each resolve.
const candidateGroup = "testing-agent-candidates"

// maxCandidates bounds the elements one resolve hands to the page: "the
// 2nd checkbox" on a page with thousands of checkboxes needs only the first few.
const maxCandidates = 400

func (q query) axQuery() axQuery {
	return axQuery{text: q.Text, role: q.Role, containing: q.Containing, scope: q.Scope}
}

// resolveNodes turns accessibility nodes into the page's DOM objects; nodes
// gone from the page since the tree was read are left out.
func resolveNodes(ctx context.Context, page *rod.Page, nodes []*axNode) ([]*proto.RuntimeRemoteObject, []candidateInfo) {
	p := page.Context(ctx)
	objs := make([]*proto.RuntimeRemoteObject, 0, min(len(nodes), maxCandidates))
	infos := make([]candidateInfo, 0, cap(objs))
	for _, n := range nodes {
		if len(objs) == maxCandidates {
			break
		}
		res, err := proto.DOMResolveNode{BackendNodeID: n.backend, ObjectGroup: candidateGroup}.Call(p)
		if err != nil || res.Object == nil || res.Object.ObjectID == "" {
			continue
		}
		objs = append(objs, res.Object)
		infos = append(infos, candidateInfo{Noun: axNoun(n.role), Name: n.name})
	}
	return objs, infos
}

// releaseCandidates frees the candidates' remote objects, even when the
// step's time is up, but not for ever: a page whose renderer crashed never
// answers.
func releaseCandidates(ctx context.Context, page *rod.Page) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), releaseTimeout)
	defer cancel()
	_ = proto.RuntimeReleaseObjectGroup{ObjectGroup: candidateGroup}.Call(page.Context(ctx))
}

// releaseTimeout bounds a clean-up call to a page.
const releaseTimeout = 5 * time.Second

// axNoun is how a message names an accessibility role.
func axNoun(role string) string {
	for _, noun := range []string{"button", "link", "field", "checkbox", "radio", "select", "option"} {
		if slices.Contains(axRoles[noun], role) {
			switch noun {
			case "radio":
				return "radio button"
			case "select":
				return "dropdown"
			}
			return noun
		}
	}
	if role == "StaticText" {
		return "text"
	}
	return ""
}
