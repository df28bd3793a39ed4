package mongo

import (
	"fmt"
	"strings"
)

// Limits of a failed run's summary.
const (
	summaryFlows  = 5   // flows named
	summaryReason = 200 // runes of each flow's error
)

// failureSummary says which flows of a run of ran flows failed, e.g.
// `2 of 5 flows failed: "Log in" (line 3: …), "Sign up" (…)`. Every
// backend writes the same text.
func failureSummary(failed []flowDoc, ran int64) string {
	named := failed[:min(len(failed), summaryFlows)]
	parts := make([]string, len(named))
	for i, f := range named {
		reason := ""
		if f.Error != nil {
			reason = *f.Error
		}
		parts[i] = fmt.Sprintf("%q (%s)", f.Name, clip(reason, summaryReason))
	}
	more := ""
	if rest := len(failed) - len(named); rest > 0 {
		more = fmt.Sprintf(" and %d more", rest)
	}
	return fmt.Sprintf("%d of %d flows failed: %s%s", len(failed), max(ran, int64(len(failed))), strings.Join(parts, ", "), more)
}

// clip shortens s to n runes, marking the cut.
func clip(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}
