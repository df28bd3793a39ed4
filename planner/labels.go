package planner

import (
	"strings"
)

// mostLabelLength bounds a label taken from a link or heading.
const mostLabelLength = 40

// pageLabels names each page as a person would: by the first link that
// leads to it ("Pricing"), else its heading, its title, its path. Labels
// are unique, so flow names are.
func pageLabels(s *site) map[*page]string {
	labels := map[*page]string{}
	used := map[string]bool{}
	for _, from := range s.pages {
		for _, l := range from.outline.Links {
			u, ok := followable(l, s.origin)
			if !ok {
				continue
			}
			to := s.byKey[pageKey(u)]
			name := strings.TrimSpace(l.Name)
			if to == nil || labels[to] != "" || name == "" || len([]rune(name)) > mostLabelLength || used[strings.ToLower(name)] {
				continue
			}
			labels[to], used[strings.ToLower(name)] = name, true
		}
	}
	for _, pg := range append(append([]*page{}, s.pages...), s.broken...) {
		if labels[pg] != "" {
			continue
		}
		name := fallbackLabel(pg)
		if used[strings.ToLower(name)] {
			name += " (" + pathOf(pg.url) + ")"
		}
		labels[pg], used[strings.ToLower(name)] = name, true
	}
	return labels
}

func fallbackLabel(pg *page) string {
	o := pg.outline
	if h := strings.TrimSpace(o.Heading); h != "" && len([]rune(h)) <= mostLabelLength {
		return h
	}
	if t := titleHead(o.Title); t != "" && len([]rune(t)) <= mostLabelLength {
		return t
	}
	return pathOf(pg.url)
}

// titleHead is a title's first part: "Pricing" of "Pricing — Acme".
func titleHead(title string) string {
	for _, sep := range []string{" | ", " — ", " – ", " - ", " · ", " :: "} {
		if head, _, ok := strings.Cut(title, sep); ok {
			return strings.TrimSpace(head)
		}
	}
	return strings.TrimSpace(title)
}

// formLabel names a form for a flow: its page's label when the page has
// only this form to test, else its own label, its button, the heading
// before it.
func formLabel(fc *formCase, labels map[*page]string, formsOnPage int) string {
	if formsOnPage <= 1 {
		return labels[fc.page]
	}
	candidates := []string{fc.form.Label}
	if fc.form.Submit != nil {
		candidates = append(candidates, fc.form.Submit.Name)
	}
	for _, c := range append(candidates, fc.form.Heading) {
		if c = strings.TrimSpace(c); c != "" && len([]rune(c)) <= mostLabelLength {
			return c
		}
	}
	return labels[fc.page]
}
