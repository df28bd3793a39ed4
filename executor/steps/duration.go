package steps

import (
	"fmt"
	"regexp"
	"time"
)

// longestWait bounds a fixed wait: a longer one hides a missing condition,
// which "wait for <target>" or "wait for the url to contain" should name.
const longestWait = 60 * time.Second

// timeUnits maps unit words to time.ParseDuration suffixes.
var timeUnits = map[string]string{
	"ms": "ms", "msec": "ms", "msecs": "ms", "millisecond": "ms", "milliseconds": "ms",
	"s": "s", "sec": "s", "secs": "s", "second": "s", "seconds": "s",
	"min": "m", "mins": "m", "minute": "m", "minutes": "m",
}

var (
	number           = regexp.MustCompile(`^\d+(\.\d+)?$`)
	numberAndUnit    = regexp.MustCompile(`^(\d+(?:\.\d+)?)([a-z]+)$`)
	durationExamples = "a duration such as 2 seconds or 500 ms"
)

// duration matches "2 seconds", "1.5 s", "500ms" and captures it in the
// form time.ParseDuration reads ("2s").
func duration(slot string) part {
	return func(m *matcher, pos int, next func(int) bool) bool {
		w := m.word(pos)
		if parts := numberAndUnit.FindStringSubmatch(w); parts != nil {
			if unit, ok := timeUnits[parts[2]]; ok {
				return m.keep(slot, parts[1]+unit, pos+1, next)
			}
		}
		if number.MatchString(w) {
			if unit, ok := timeUnits[m.word(pos+1)]; ok {
				return m.keep(slot, w+unit, pos+2, next)
			}
			m.fail(pos+1, "a unit (seconds or ms)")
			return false
		}
		m.fail(pos, durationExamples)
		return false
	}
}

// checkWait bounds a fixed wait. The written form only holds digits and a
// unit, so ParseDuration fails only when the number overflows.
func checkWait(verb, written string) (time.Duration, error) {
	d, err := time.ParseDuration(written)
	switch {
	case err == nil && d <= 0:
		return 0, invalid("a wait must be longer than zero", verb+" 2 seconds")
	case err != nil || d > longestWait:
		return 0, invalid(fmt.Sprintf("a fixed wait can be at most %d seconds; wait for an element or for the url instead", int(longestWait.Seconds())), `wait for "<name>"`)
	}
	return d, nil
}
