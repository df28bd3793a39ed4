package steps

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one word, or one quoted string, of a step.
type token struct {
	text   string // a word as written, or what is inside the quotes
	word   string // a word lowercased, curly apostrophes made straight; "" for quoted text
	quoted bool
	start  int // byte offsets in the line, quotes included
	end    int
}

// closers maps each opening quote to the quote that ends it. A right double
// quote opens too, because some editors turn both ends into ”.
var closers = map[rune]rune{'"': '"', '“': '”', '”': '”', '\'': '\'', '‘': '’'}

// tokenize splits a step into words and quoted strings. A quote opens only at
// the start of a word, so selectors such as [name="q"] stay one word. It
// returns the byte offset of a quote that is never closed, or -1.
func tokenize(line string) (toks []token, unclosed int) {
	for i := 0; i < len(line); {
		r, size := utf8.DecodeRuneInString(line[i:])
		closer, isQuote := closers[r]
		switch {
		case unicode.IsSpace(r):
			i += size
		case isQuote:
			inner, end := closeQuote(line, i+size, closer)
			if end < 0 {
				return toks, i
			}
			toks = append(toks, token{text: line[i+size : inner], quoted: true, start: i, end: end})
			i = end
		default:
			j := wordEnd(line, i)
			w := line[i:j]
			toks = append(toks, token{text: w, word: strings.ToLower(strings.ReplaceAll(w, "’", "'")), start: i, end: j})
			i = j
		}
	}
	return toks, -1
}

// closeQuote finds closer at or after pos and returns its offset and the
// offset after it, or -1s. A ' or ’ closes only where a word ends, so that
// 'Alice's list' keeps its apostrophe.
func closeQuote(line string, pos int, closer rune) (int, int) {
	for i := pos; i < len(line); {
		r, size := utf8.DecodeRuneInString(line[i:])
		if r == closer && (closer == '"' || closer == '”' || !letterOrDigitAt(line, i+size)) {
			return i, i + size
		}
		i += size
	}
	return -1, -1
}

func letterOrDigitAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return i < len(s) && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

func wordEnd(line string, i int) int {
	for i < len(line) {
		r, size := utf8.DecodeRuneInString(line[i:])
		if unicode.IsSpace(r) {
			break
		}
		i += size
	}
	return i
}

// isTemplateWord reports an unquoted word that is exactly one {{template}},
// which may stand where quoted text is expected.
func isTemplateWord(t token) bool {
	return !t.quoted && strings.HasPrefix(t.text, "{{") && strings.HasSuffix(t.text, "}}") &&
		strings.Count(t.text, "{{") == 1 && strings.Count(t.text, "}}") == 1 && len(t.text) > 4
}

// show quotes a token for an error message.
func show(t token) string {
	return `"` + t.text + `"`
}

// oddQuotes reports a line whose double quotes cannot pair up, the usual
// cause of a step that does not parse although its words are right.
func oddQuotes(line string) bool {
	straight := strings.Count(line, `"`)
	return straight%2 == 1 || strings.Count(line, "“") > strings.Count(line, "”")
}
