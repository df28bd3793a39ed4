package steps

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// keyNames maps what people write to DevTools key names. Single characters
// ("a", "A", "1", "/") are keys as they are; "Space" stands for the key " ".
var keyNames = map[string]string{
	"enter": "Enter", "return": "Enter", "tab": "Tab", "escape": "Escape", "esc": "Escape",
	"backspace": "Backspace", "delete": "Delete", "del": "Delete", "insert": "Insert",
	"space": "Space", "spacebar": "Space",
	"arrowup": "ArrowUp", "up": "ArrowUp", "uparrow": "ArrowUp",
	"arrowdown": "ArrowDown", "down": "ArrowDown", "downarrow": "ArrowDown",
	"arrowleft": "ArrowLeft", "left": "ArrowLeft", "leftarrow": "ArrowLeft",
	"arrowright": "ArrowRight", "right": "ArrowRight", "rightarrow": "ArrowRight",
	"home": "Home", "end": "End", "pageup": "PageUp", "pagedown": "PageDown",
	"f1": "F1", "f2": "F2", "f3": "F3", "f4": "F4", "f5": "F5", "f6": "F6",
	"f7": "F7", "f8": "F8", "f9": "F9", "f10": "F10", "f11": "F11", "f12": "F12",
	"control": "Control", "ctrl": "Control", "shift": "Shift", "alt": "Alt", "option": "Alt",
	"meta": "Meta", "cmd": "Meta", "command": "Meta",
}

var modifiers = []string{"Control", "Shift", "Alt", "Meta"}

// longestKey is the most words a key can be written with: Control + Shift + Page Down.
const longestKey = 7

// writtenKey is a key as the step wrote it; quoted, it may be a button's name.
type writtenKey struct {
	text   string
	quoted bool
}

// key matches the words of a key or a combination, written with or without
// spaces around "+" ("Control+A", "Control + A", "Page Down").
func key(slot string) part {
	return func(m *matcher, pos int, next func(int) bool) bool {
		last := min(len(m.toks), pos+longestKey)
		quoted := pos < len(m.toks) && m.toks[pos].quoted
		if quoted {
			last = pos + 1
		}
		var joined strings.Builder
		for end := pos + 1; end <= last; end++ {
			joined.WriteString(m.toks[end-1].text)
			if m.keep(slot, writtenKey{joined.String(), quoted}, end, next) {
				return true
			}
		}
		m.fail(pos, "a key such as Enter")
		return false
	}
}

// canonicalKey turns "ctrl+a" into "Control+a": DevTools names, modifiers
// first, at most one key that is not a modifier and it comes last. A lone
// "+", or "++" at the end, is the plus key.
func canonicalKey(verb, written string) (string, error) {
	if written == "+" {
		return "+", nil
	}
	parts := strings.Split(written, "+")
	if strings.HasSuffix(written, "++") {
		// Control++: the last key is the plus key itself
		parts = append(strings.Split(strings.TrimSuffix(written, "++"), "+"), "+")
	}
	for i, p := range parts {
		name, ok := keyName(p)
		switch {
		case !ok && strings.TrimSpace(p) == "":
			return "", invalid(fmt.Sprintf("%q has an empty key; join keys with + as in Control+A", written), verb+" Control+A")
		case !ok:
			return "", invalid(fmt.Sprintf("%q is not a key name", p), verb+" "+withNearestKeys(parts))
		case i < len(parts)-1 && !slices.Contains(modifiers, name):
			return "", invalid(fmt.Sprintf("only Control, Shift, Alt or Meta can come before + in %q", written), verb+" Control+A")
		case slices.Contains(parts[:i], name):
			return "", invalid(fmt.Sprintf("%s appears twice in %q", name, written), verb+" Control+A")
		}
		parts[i] = name
	}
	return strings.Join(parts, "+"), nil
}

func keyName(written string) (string, bool) {
	if utf8.RuneCountInString(written) == 1 && written != " " {
		return written, true
	}
	name, ok := keyNames[strings.ToLower(written)]
	return name, ok
}

// withNearestKeys spells a combination with each unknown key replaced by
// the nearest known one: Ctrl+Entr becomes Control+Enter.
func withNearestKeys(parts []string) string {
	fixed := make([]string, len(parts))
	for i, p := range parts {
		name, ok := keyName(p)
		if !ok {
			name = nearestKey(p)
		}
		fixed[i] = name
	}
	return strings.Join(fixed, "+")
}

// nearestKey is the key name closest to a misspelt one, for the suggestion.
func nearestKey(written string) string {
	best, bestDistance := "Enter", -1
	for spelling, name := range keyNames {
		d := editDistance(strings.ToLower(written), spelling)
		if bestDistance < 0 || d < bestDistance || (d == bestDistance && name < best) {
			best, bestDistance = name, d
		}
	}
	return best
}
