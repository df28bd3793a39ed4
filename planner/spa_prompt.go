package planner

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
)

// behaviour is something a person asks to test, told by its verb.
type behaviour struct {
	verbs   []string     // the verbs that name it, in their base form: "delete", "remove"
	classes []trialClass // what a trial that did it turned out to do
	words   []string     // squashed words that name it in other flows' names (forms: "login")
}

// behaviours are the verbs the prompt may name, with what exploring calls
// the same thing. A verb matches a word that is its stem (the verb without
// a final e) with an ending ("completing", "completed"), not any word that
// begins with it ("address" is not "add").
var behaviours = []behaviour{
	{verbs: []string{"add", "create", "insert"}, classes: []trialClass{classAdd}},
	{verbs: []string{"complete", "finish", "tick", "toggle", "check off"}, classes: []trialClass{classCheck, classCheckAll}},
	{verbs: []string{"filter"}, classes: []trialClass{classFilter}},
	{verbs: []string{"clear", "purge"}, classes: []trialClass{classClear}},
	{verbs: []string{"edit", "rename", "update"}, classes: []trialClass{classEdit}},
	{verbs: []string{"delete", "remove", "destroy"}, classes: []trialClass{classRemove}},
	{verbs: []string{"persist", "reload", "refresh", "survive"}, classes: []trialClass{classPersist}},
	{verbs: []string{"log in", "login", "sign in", "signin"}, words: []string{"login", "logsin", "signin"}},
	{verbs: []string{"sign up", "signup", "register"}, words: []string{"signup", "signsup", "register", "account"}},
	{verbs: []string{"search"}, words: []string{"search"}},
	{verbs: []string{"sort"}, words: []string{"sort"}},
	{verbs: []string{"check out", "checkout"}, words: []string{"checkout"}},
}

// spelled writes a verb as a sentence does: "log in" for "login".
func spelled(verb string) string {
	if s, ok := map[string]string{"login": "log in", "signin": "sign in", "signup": "sign up", "checkout": "check out"}[verb]; ok {
		return s
	}
	return verb
}

// stem is a verb as the start of its forms: "delet" of "deleting".
func stem(verb string) string { return strings.TrimSuffix(verb, "e") }

// wordEndings are the endings a stem takes in a prompt.
var wordEndings = []string{"", "s", "es", "e", "ed", "d", "ing", "ding", "ging", "ged", "ion", "ions", "ation", "al", "ence"}

// asked is a behaviour the prompt names, with the words after its verb.
type asked struct {
	behaviour
	verb   string // the prompt's verb, in its base form: "remove"
	object string // "a todo" of "deleting a todo"; "" when none
}

// askedBehaviours finds the behaviours the prompt names, in its order.
func askedBehaviours(prompt string) []asked {
	words := promptWords(prompt)
	var out []asked
	for i := range words {
		for _, b := range behaviours {
			at := slices.IndexFunc(b.verbs, func(v string) bool { return startsWords(words[i:], stem(v)) })
			if at < 0 {
				continue
			}
			if !slices.ContainsFunc(out, func(a asked) bool { return slices.Equal(a.verbs, b.verbs) }) {
				out = append(out, asked{behaviour: b, verb: spelled(b.verbs[at]), object: strings.Join(objectWords(words[i+len(strings.Fields(b.verbs[at])):]), " ")})
			}
			break
		}
	}
	return out
}

// promptWords are the prompt's words in lower case, with "," "." ":" kept
// as words of their own, since they end what a verb applies to.
func promptWords(prompt string) []string {
	var out []string
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			out = append(out, cur.String())
			cur.Reset()
		}
	}
	for _, r := range strings.ToLower(prompt) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '\'':
			cur.WriteRune(r)
		case strings.ContainsRune(",.;:!?", r):
			flush()
			out = append(out, string(r))
		default:
			flush()
		}
	}
	flush()
	return out
}

// startsWords reports whether words begin with stem, which may span words
// ("log in" of "logging in"), each word with an ending.
func startsWords(words []string, stem string) bool {
	parts := strings.Fields(stem)
	if len(words) < len(parts) {
		return false
	}
	for i, p := range parts {
		w := strings.ReplaceAll(words[i], "-", "")
		if !strings.HasPrefix(w, p) || !slices.Contains(wordEndings, w[len(p):]) {
			return false
		}
	}
	return true
}

// places begin where a verb applies, not what to: "sorting the items on http://…".
var places = []string{"on", "at", "in", "for", "with", "from"}

// objectWords are the few words a verb applies to: up to a comma or "and",
// without pronouns that stand for something said before.
func objectWords(words []string) []string {
	var out []string
	for _, w := range words {
		if len(w) == 1 && strings.ContainsAny(w, ",.;:!?") || slices.Contains([]string{"and", "or", "then"}, w) || len(out) >= 4 ||
			len(out) > 0 && slices.Contains(places, w) {
			break
		}
		out = append(out, w)
	}
	if len(out) > 0 && out[0] == "of" {
		out = out[1:] // "removal of a contact"
	}
	if len(out) > 0 && slices.Contains(places, out[0]) {
		return nil // where, not what: "login on http://…"
	}
	if len(out) == 1 && slices.Contains([]string{"them", "it", "those", "these", "one"}, out[0]) {
		return nil
	}
	return out
}

// covers reports whether a proposed flow does what a behaviour names.
func (a asked) covers(f proposal) bool {
	if f.kind == "app" {
		if !slices.Contains(a.classes, f.class) {
			return false
		}
		// "filtering active todos": a filter flow whose link the prompt names comes first,
		// but any filter flow covers filtering.
		return true
	}
	text := squash(f.name + " " + f.description)
	for _, w := range a.words {
		if strings.Contains(text, w) {
			return true
		}
	}
	return false
}

// missing is the note for a behaviour no flow covers.
func (a asked) missing() string {
	if a.object == "" {
		return "could not find how to " + a.verb
	}
	return fmt.Sprintf("could not find how to %s %s", a.verb, a.object)
}

// orderByAsked puts the flows that do what the prompt names first, in the
// prompt's order (a flow whose control the prompt names before others of
// its kind), and returns the behaviours no flow covers.
func orderByAsked(prompt string, flows []proposal) []asked {
	named := askedBehaviours(prompt)
	if len(named) == 0 {
		return nil
	}
	promptText := " " + strings.Join(promptWords(prompt), " ") + " "
	rank := func(f proposal) int {
		if f.kind == "prompt" {
			return -1
		}
		for i, a := range named {
			if a.covers(f) {
				r := 2 * i
				if f.control == "" || !strings.Contains(promptText, " "+strings.ToLower(f.control)+" ") {
					r++
				}
				return r
			}
		}
		return 2 * len(named)
	}
	slices.SortStableFunc(flows, func(a, b proposal) int { return rank(a) - rank(b) })
	var missing []asked
	for _, a := range named {
		if !slices.ContainsFunc(flows, a.covers) {
			missing = append(missing, a)
		}
	}
	return missing
}
