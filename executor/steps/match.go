package steps

import (
	"slices"
	"strings"
)

// A part matches a piece of a step. It consumes tokens from pos and calls
// next with the position after them, trying its alternatives in turn until
// next accepts. Backtracking is what lets a target run over any number of
// words up to the keyword after it ("fill <target> with …").
type part func(m *matcher, pos int, next func(int) bool) bool

// endLabel is what is expected after the last part of a form.
const endLabel = "the end of the step"

// matcher holds one attempt to match a step against one form. It remembers
// the furthest position that failed and what was expected there, which is
// what an error message reports.
type matcher struct {
	line     string
	toks     []token
	captures []capture
	far      int
	expected []string
	muted    int // inside optional parts, whose absence is no error
}

type capture struct {
	slot  string
	value any
}

// captures are the values a matched form collected, by slot name.
type captures map[string]any

func (c captures) text(slot string) string {
	s, _ := c[slot].(string)
	return s
}

func (c captures) target() *Target {
	t, _ := c["target"].(*Target)
	return t
}

func newMatcher(line string, toks []token) *matcher {
	return &matcher{line: line, toks: toks, far: -1}
}

// run matches p against the whole step.
func (m *matcher) run(p part) bool {
	return p(m, 0, func(pos int) bool {
		if pos == len(m.toks) {
			return true
		}
		m.fail(pos, endLabel)
		return false
	})
}

func (m *matcher) fail(pos int, label string) {
	if m.muted > 0 {
		return
	}
	if pos > m.far {
		m.far, m.expected = pos, nil
	}
	if pos == m.far && !slices.Contains(m.expected, label) {
		m.expected = append(m.expected, label)
	}
}

// keep records a captured value for as long as the rest of the form matches.
func (m *matcher) keep(slot string, value any, pos int, next func(int) bool) bool {
	n := len(m.captures)
	m.captures = append(m.captures, capture{slot, value})
	if next(pos) {
		return true
	}
	m.captures = m.captures[:n]
	return false
}

func (m *matcher) values() captures {
	c := captures{}
	for _, v := range m.captures {
		c[v.slot] = v.value
	}
	return c
}

// word is the lowercased word at pos, or "" for quoted text and past the end.
func (m *matcher) word(pos int) string {
	if pos < len(m.toks) {
		return m.toks[pos].word
	}
	return ""
}

func seq(parts ...part) part {
	if len(parts) == 0 {
		return func(m *matcher, pos int, next func(int) bool) bool { return next(pos) }
	}
	rest := seq(parts[1:]...)
	return func(m *matcher, pos int, next func(int) bool) bool {
		return parts[0](m, pos, func(p int) bool { return rest(m, p, next) })
	}
}

// opt matches p or nothing. What p expected is left out of error messages:
// listing every optional word ("that", "on") would bury the useful ones.
func opt(p part) part {
	return func(m *matcher, pos int, next func(int) bool) bool {
		m.muted++
		matched := p(m, pos, func(end int) bool {
			m.muted--
			defer func() { m.muted++ }()
			return next(end)
		})
		m.muted--
		return matched || next(pos)
	}
}

// option is one phrase of a choice and the value it stands for.
type option struct {
	phrase string
	value  any
}

// choice matches one of several phrases and captures its value in slot.
// Errors list only the first phrase for each value and the phrases partly
// matched, so that a long list of synonyms does not flood the message.
func choice(slot string, options ...option) part {
	return func(m *matcher, pos int, next func(int) bool) bool {
		for i, o := range options {
			firstForValue := !slices.ContainsFunc(options[:i], func(earlier option) bool { return earlier.value == o.value })
			end, ok := m.phrase(pos, o.phrase, firstForValue)
			if ok && m.keep(slot, o.value, end, next) {
				return true
			}
		}
		return false
	}
}

// words matches one of several phrases, capturing nothing.
func words(phrases ...string) part {
	options := make([]option, len(phrases))
	for i, p := range phrases {
		options[i] = option{phrase: p}
	}
	return choice("", options...)
}

// phrase matches the words of p from pos. On a mismatch it records the words
// still wanted, when the phrase had begun to match or report is set.
func (m *matcher) phrase(pos int, p string, report bool) (int, bool) {
	want := strings.Fields(p)
	for k, w := range want {
		if m.word(pos+k) != w {
			if k > 0 || report {
				m.fail(pos+k, `"`+strings.Join(want[k:], " ")+`"`)
			}
			return 0, false
		}
	}
	return pos + len(want), true
}

// text matches quoted text, or a bare {{template}} standing for it.
func text(slot, label string) part {
	return func(m *matcher, pos int, next func(int) bool) bool {
		if pos < len(m.toks) && (m.toks[pos].quoted || isTemplateWord(m.toks[pos])) {
			return m.keep(slot, m.toks[pos].text, pos+1, next)
		}
		m.fail(pos, label)
		return false
	}
}

// single matches one token that accept turns into a value.
func single(slot, label string, accept func(token) (any, bool)) part {
	return func(m *matcher, pos int, next func(int) bool) bool {
		if pos < len(m.toks) {
			if v, ok := accept(m.toks[pos]); ok {
				return m.keep(slot, v, pos+1, next)
			}
		}
		m.fail(pos, label)
		return false
	}
}

// anyToken accepts a word as written or what is inside quotes.
func anyToken(t token) (any, bool) { return t.text, true }
