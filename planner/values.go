package planner

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/testing-agent/backend/executor/browser"
	"github.com/testing-agent/backend/executor/steps"
)

// filling is one step that fills a field.
type filling struct {
	step    steps.Step
	meaning string // what the field asks for: email, password, name…
}

// strongPassword meets the usual rules: 16 characters, upper and lower
// case, digits and a symbol.
const strongPassword = "Str0ng-Passw0rd!"

// sampleExpansions stand for random templates when a value is checked
// against a field's constraints before any run.
var sampleExpansions = strings.NewReplacer(
	"{{random.email}}", "user.abcde12345@example.com",
	"{{random.string}}", "abcde12345",
	"{{random.number}}", "123456",
)

// fillForm plans the steps that fill a form as a person would: every text
// field gets a value that fits its meaning and constraints, required and
// consent checkboxes are checked, required radio groups and dropdowns get
// their first real option. It says why when the form cannot be filled.
func fillForm(form browser.OutlineForm) ([]filling, error) {
	var out []filling
	groups := map[string]bool{} // radio groups already answered
	for _, f := range form.Fields {
		if f.Hidden || f.Disabled || f.ReadOnly {
			continue
		}
		step, meaning, err := fillField(f, groups)
		if err != nil {
			return nil, err
		}
		if step == nil {
			continue
		}
		if f.Target == nil {
			if f.Required {
				return nil, fmt.Errorf("no step can name the required field %q", displayName(f))
			}
			continue
		}
		step.Target = f.Target
		out = append(out, filling{step: *step, meaning: meaning})
	}
	return out, nil
}

func displayName(f browser.OutlineField) string {
	for _, s := range []string{f.Label, f.Name, f.HTMLName, f.ID} {
		if s != "" {
			return s
		}
	}
	return f.Kind
}

// fillField returns the step for one field (its target left for the
// caller), or nil when the field is best left as it is.
func fillField(f browser.OutlineField, groups map[string]bool) (*steps.Step, string, error) {
	switch f.Kind {
	case "file":
		if f.Required {
			return nil, "", fmt.Errorf("the field %q needs a file", displayName(f))
		}
		return nil, "", nil
	case "checkbox":
		if f.Checked || !(f.Required || hints(f, "agree", "terms", "accept", "consent", "privacy", "policy")) {
			return nil, "", nil
		}
		st := checkBox(nil)
		return &st, "consent", nil
	case "radio":
		group := f.HTMLName
		if !f.Grouped || groups[group] {
			return nil, "", nil
		}
		groups[group] = true
		if !f.GroupRequired || f.Checked {
			return nil, "", nil
		}
		st := checkBox(nil)
		return &st, "choice", nil
	case "select":
		if f.Value != "" {
			return nil, "", nil
		}
		for _, o := range f.Options {
			if o.Value != "" && o.Text != "" && !o.Disabled {
				st := choose(o.Text, nil)
				return &st, "choice", nil
			}
		}
		if f.Required {
			return nil, "", fmt.Errorf("the dropdown %q has no option to choose", displayName(f))
		}
		return nil, "", nil
	}
	if _, role := browserFieldRole(f.Kind); role != steps.Field {
		return nil, "", nil
	}
	if f.Value != "" {
		return nil, "", nil // prefilled: the site's own default
	}
	meaning := meaningOf(f)
	if isDateLike(f.Kind) && !f.Required {
		return nil, "", nil // typed dates depend on the browser's locale; leave optional ones empty
	}
	st := typeInto(fitConstraints(f, valueFor(meaning, f)), nil)
	return &st, meaning, nil
}

// browserFieldRole mirrors which input kinds a type step fills.
func browserFieldRole(kind string) (steps.Kind, steps.Role) {
	switch kind {
	case "range", "color", "hidden", "submit", "button", "reset", "image", "file", "checkbox", "radio", "select":
		return "", ""
	}
	return steps.Type, steps.Field
}

func isDateLike(kind string) bool {
	switch kind {
	case "date", "time", "datetime-local", "month", "week":
		return true
	}
	return false
}

// hints reports whether the field's label, name, id, placeholder or
// autocomplete holds one of words: as a whole word, or, for words of four
// letters or more, at the start of one ("user" in "username"), so that
// "tel" does not match "tell us more". A word may be a phrase.
func hints(f browser.OutlineField, words ...string) bool {
	tokens := " " + strings.Join(wordsOf(f.Label, f.Name, f.HTMLName, f.ID, f.Placeholder, f.Autocomplete), " ") + " "
	for _, w := range words {
		if strings.Contains(tokens, " "+w+" ") || (len(w) >= 4 && strings.Contains(tokens, " "+w)) {
			return true
		}
	}
	return false
}

// wordsOf splits texts into lower-case words, camelCase and snake_case
// included: "firstName", "first_name" and "First name" give first, name.
func wordsOf(texts ...string) []string {
	var out []string
	for _, text := range texts {
		var b strings.Builder
		prevLower := false
		for _, r := range text {
			switch {
			case unicode.IsUpper(r):
				if prevLower {
					b.WriteByte(' ')
				}
				b.WriteRune(unicode.ToLower(r))
				prevLower = false
			case unicode.IsLetter(r) || unicode.IsDigit(r):
				b.WriteRune(r)
				prevLower = unicode.IsLower(r)
			default:
				b.WriteByte(' ')
				prevLower = false
			}
		}
		out = append(out, strings.Fields(b.String())...)
	}
	return out
}

// meaningOf guesses what a field asks for from its type, label, name and
// placeholder.
func meaningOf(f browser.OutlineField) string {
	switch {
	case f.Kind == "email" || hints(f, "email", "e mail"):
		return "email"
	case f.Kind == "password":
		return "password"
	case f.Kind == "tel" || hints(f, "phone", "mobile", "tel"):
		return "phone"
	case f.Kind == "url" || hints(f, "website", "homepage", "url"):
		return "url"
	case f.Kind == "number":
		return "number"
	case isDateLike(f.Kind):
		return f.Kind
	case f.Kind == "search" || hints(f, "search", "query"):
		return "search"
	case hints(f, "user", "login", "handle", "nickname"):
		return "username"
	case hints(f, "first", "given"):
		return "first name"
	case hints(f, "last", "surname", "family"):
		return "last name"
	case hints(f, "company", "organisation", "organization"):
		return "company"
	case hints(f, "zip", "postal", "postcode"):
		return "postal code"
	case hints(f, "city", "town"):
		return "city"
	case hints(f, "country"):
		return "country"
	case hints(f, "address", "street"):
		return "address"
	case hints(f, "card"):
		return "card number"
	case hints(f, "cvc", "cvv", "security code"):
		return "card code"
	case hints(f, "subject", "title"):
		return "subject"
	case hints(f, "name"):
		return "name"
	case f.Kind == "textarea" || hints(f, "message", "comment", "feedback", "description", "question"):
		return "message"
	}
	return "text"
}

var fixedValues = map[string]string{
	"email":          "{{random.email}}", // fresh each run: sign-ups refuse an address used before
	"password":       strongPassword,
	"phone":          "5551234567",
	"url":            "https://example.com",
	"search":         "test",
	"username":       "user{{random.string}}",
	"first name":     "Ada",
	"last name":      "Lovelace",
	"name":           "Ada Lovelace",
	"company":        "Example Ltd",
	"postal code":    "12345",
	"city":           "London",
	"country":        "United Kingdom",
	"address":        "1 Example Street",
	"card number":    "4242424242424242",
	"card code":      "123",
	"subject":        "Question from the testing agent",
	"message":        "Hello, this is a test message sent by the testing agent.",
	"date":           "2030-01-15",
	"time":           "12:30",
	"datetime-local": "2030-01-15T12:30",
	"month":          "2030-01",
	"week":           "2030-W03",
	"text":           "Test value",
}

func valueFor(meaning string, f browser.OutlineField) string {
	if meaning == "number" {
		return numberFor(f)
	}
	if v, ok := fixedValues[meaning]; ok {
		return v
	}
	return fixedValues["text"]
}

// numberFor picks a number inside min/max on the step grid: min when set,
// else 1 (or one step), capped at max.
func numberFor(f browser.OutlineField) string {
	lo, hasMin := parseNumber(f.Min)
	hi, hasMax := parseNumber(f.Max)
	step, hasStep := parseNumber(f.Step)
	if !hasStep || step <= 0 {
		step = 1
	}
	v := 1.0
	if math.Mod(v, step) != 0 {
		v = step
	}
	if hints(f, "age") {
		v = 30
	}
	if hasMin && v < lo {
		v = lo
	}
	if hasMax && v > hi {
		v = hi
		if hasMin {
			v = lo + math.Floor((hi-lo)/step)*step
		}
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

func parseNumber(s string) (float64, bool) {
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	return v, err == nil && !math.IsNaN(v) && !math.IsInf(v, 0)
}

// fitConstraints bends a value to the field's length limits and pattern.
// Values with random templates give way to fixed ones where their length
// cannot be known well enough.
func fitConstraints(f browser.OutlineField, v string) string {
	sample := func(s string) string { return sampleExpansions.Replace(s) }
	fits := func(s string) bool {
		n := len([]rune(sample(s)))
		if f.MinLength > 0 && n < f.MinLength || f.MaxLength > 0 && n > f.MaxLength {
			return false
		}
		return matchesPattern(f.Pattern, sample(s))
	}
	if fits(v) {
		return v
	}
	candidates := []string{sample(v)}
	if f.MaxLength > 0 || f.MinLength > 0 {
		candidates = append(candidates, resize(sample(v), f.MinLength, f.MaxLength))
	}
	candidates = append(candidates, patternGuesses(f.MinLength, f.MaxLength)...)
	for _, c := range candidates {
		if fits(c) {
			return c
		}
	}
	return v // the tryout will see the browser refuse it
}

func resize(s string, minLen, maxLen int) string {
	r := []rune(s)
	for minLen > 0 && len(r) < minLen {
		r = append(r, 'x')
	}
	if maxLen > 0 && len(r) > maxLen {
		r = r[:maxLen]
	}
	return string(r)
}

// matchesPattern checks HTML's pattern attribute, which must match the
// whole value; a pattern Go cannot compile is left to the browser.
func matchesPattern(pattern, v string) bool {
	if pattern == "" {
		return true
	}
	re, err := regexp.Compile(`^(?:` + pattern + `)$`)
	if err != nil {
		return true
	}
	return re.MatchString(v)
}

// patternGuesses are common shapes a pattern may want, at the lengths the
// field allows.
func patternGuesses(minLen, maxLen int) []string {
	var out []string
	shapes := []string{"1234567890123456", "abcdefghijklmnop", "ABCDEFGHIJKLMNOP", "a1b2c3d4e5f6g7h8", "A1b2C3d4E5f6G7h8"}
	for n := max(1, minLen); n <= 16 && (maxLen == 0 || n <= maxLen); n++ {
		for _, s := range shapes {
			out = append(out, s[:n])
		}
	}
	return append(out, "ada@example.com", "ABC-123", "Ada Lovelace")
}
