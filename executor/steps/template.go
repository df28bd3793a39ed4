package steps

import (
	"fmt"
	"regexp"
	"strings"
)

// segment is a piece of text: literal, or the name inside one {{template}}.
type segment struct {
	text     string
	template bool
}

// splitTemplates cuts s into literal text and {{name}} templates, names
// trimmed of spaces. There is no escape: text cannot hold a literal "{{".
func splitTemplates(s string) ([]segment, error) {
	var segments []segment
	for {
		open := strings.Index(s, "{{")
		if open < 0 {
			if s != "" {
				segments = append(segments, segment{text: s})
			}
			return segments, nil
		}
		length := strings.Index(s[open+2:], "}}")
		if length < 0 {
			return nil, fmt.Errorf("the template %s has no closing }}", clip(s[open:]))
		}
		if open > 0 {
			segments = append(segments, segment{text: s[:open]})
		}
		segments = append(segments, segment{text: strings.TrimSpace(s[open+2 : open+2+length]), template: true})
		s = s[open+2+length+2:]
	}
}

var (
	identifier = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)
	envName    = regexp.MustCompile(`^env\.[A-Za-z_][A-Za-z0-9_]*$`)
)

// baseURLName is the run variable holding the base URL relative URLs resolve against.
const baseURLName = "baseUrl"

// checkTemplates checks the {{templates}} of a line: well formed, and each
// either a run variable or a value a step before has remembered. Whether an
// env.NAME is allowed is only known when the flow runs.
func checkTemplates(line string, remembered map[string]bool) error {
	segments, err := splitTemplates(line)
	if err != nil {
		return invalid(err.Error(), "{{name}}")
	}
	for _, seg := range segments {
		name := seg.text
		switch {
		case !seg.template, name == baseURLName, envName.MatchString(name), remembered[name]:
		case strings.HasPrefix(name, "random."):
			if _, ok := randomValues[name]; !ok {
				return invalid(fmt.Sprintf("{{%s}} is not a random value; there are %s", name, randomNames()), "{{random.email}}")
			}
		case strings.EqualFold(name, baseURLName):
			return invalid(fmt.Sprintf("{{%s}} is spelt {{%s}}", name, baseURLName), "{{"+baseURLName+"}}")
		case identifier.MatchString(name):
			return invalid(fmt.Sprintf("{{%s}} is used before a step remembers it", name), "remember the text of <target> as "+name)
		default:
			return invalid(fmt.Sprintf("{{%s}} is not a valid template: use letters, digits and _, or env.NAME", name), "{{name}}")
		}
	}
	return nil
}

// NewVars starts the variables of one run: the base URL relative URLs resolve
// against, and the environment variables the server allows, as env.NAME.
// Remembered and random values are added to it as the run goes.
func NewVars(baseURL string, env map[string]string) map[string]string {
	vars := map[string]string{baseURLName: baseURL}
	for name, value := range env {
		vars["env."+name] = value
	}
	return vars
}

// Expand replaces each {{name}} in s with vars[name]: remembered values and
// the run variables baseUrl and env.NAME. A random.* value missing from vars
// is made and stored in vars, so later steps of the run get the same one.
// Values are inserted as they are, never expanded again. A name with no
// value is an error that names the template.
func Expand(s string, vars map[string]string) (string, error) {
	segments, err := splitTemplates(s)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	for _, seg := range segments {
		if !seg.template {
			b.WriteString(seg.text)
			continue
		}
		value, err := lookup(seg.text, vars)
		if err != nil {
			return "", err
		}
		b.WriteString(value)
	}
	return b.String(), nil
}

func lookup(name string, vars map[string]string) (string, error) {
	if value, ok := vars[name]; ok {
		return value, nil
	}
	if generate, ok := randomValues[name]; ok {
		value := generate()
		if vars != nil {
			vars[name] = value
		}
		return value, nil
	}
	if envName.MatchString(name) {
		return "", fmt.Errorf("{{%s}}: %s is not an environment variable this server allows", name, strings.TrimPrefix(name, "env."))
	}
	return "", fmt.Errorf("unknown template {{%s}}", name)
}

// clip shortens text quoted in an error message.
func clip(s string) string {
	const most = 30
	if len(s) <= most {
		return s
	}
	return strings.ToValidUTF8(s[:most], "") + "…"
}
