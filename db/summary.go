package db

import (
	"fmt"
	"strings"
)

// Limits of a failed run's summary.
const (
	summaryFlows  = 5   // flows named
	summaryReason = 200 // runes of each flow's error
)

// FailureSummary is a failed run's metadata.errorMessage: which of the ran
// flows failed and why, e.g. `2 of 5 flows failed: "Log in" (line 3: …),
// "Sign up" (…)`. Every backend writes this same text.
func FailureSummary(failed []*TestFlow, ran int) string {
	named := failed[:min(len(failed), summaryFlows)]
	parts := make([]string, len(named))
	for i, f := range named {
		reason := ""
		if f.Error != nil {
			reason = *f.Error
		}
		parts[i] = fmt.Sprintf("%q (%s)", f.Name, clipRunes(reason, summaryReason))
	}
	more := ""
	if rest := len(failed) - len(named); rest > 0 {
		more = fmt.Sprintf(" and %d more", rest)
	}
	return fmt.Sprintf("%d of %d flows failed: %s%s", len(failed), max(ran, len(failed)), strings.Join(parts, ", "), more)
}

// clipRunes shortens s to n runes, marking the cut.
func clipRunes(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}
