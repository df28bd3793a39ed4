package steps

import (
	"regexp"
	"strings"
	"testing"
)

func TestTemplatesAfterRemember(t *testing.T) {
	instructions := strings.Join([]string{
		`remember the text of "Order number" as orderId`,
		`go to /orders/{{orderId}}`,
		`expect the page contains "Order {{ orderId }}"`,
		`type "{{env.ADMIN_PASSWORD}}" into "Password"`,
		`type "{{random.email}}" into "Email"`,
		`type "{{random.string}} {{random.number}} {{random.uuid}}" into "Notes"`,
		`go to {{baseUrl}}`,
	}, "\n")
	if _, errs := Parse(instructions); errs != nil {
		t.Fatal(errs)
	}
}

func TestTemplateUsedBeforeRemember(t *testing.T) {
	instructions := `type "{{total}}" into "Check"` + "\n" +
		`remember the text of "{{total}}" as total` + "\n" +
		`type "{{total}}" into "Check"`
	_, errs := Parse(instructions)
	if errs == nil || len(errs.Lines) != 2 || errs.Lines[0].Line != 1 || errs.Lines[1].Line != 2 {
		t.Fatalf("want errors on lines 1 and 2 (a remember step cannot use its own name), got %v", errs)
	}
}

func TestExpand(t *testing.T) {
	vars := map[string]string{
		"baseUrl":        "http://localhost:3000",
		"env.PASSWORD":   "s3cret",
		"orderId":        "A-17",
		"random.email":   "user.fixed@example.com",
		"looksTemplated": "{{orderId}}",
	}
	tests := []struct{ in, want string }{
		{"", ""},
		{"plain text", "plain text"},
		{"{{baseUrl}}/login", "http://localhost:3000/login"},
		{"Order {{orderId}}!", "Order A-17!"},
		{"{{ orderId }}", "A-17"},
		{"{{env.PASSWORD}}", "s3cret"},
		{"{{random.email}}", "user.fixed@example.com"},
		{"{{orderId}}{{orderId}}", "A-17A-17"},
		{"{{looksTemplated}}", "{{orderId}}"}, // values are not expanded again
		{"a }} b", "a }} b"},
	}
	for _, tt := range tests {
		got, err := Expand(tt.in, vars)
		if err != nil || got != tt.want {
			t.Errorf("Expand(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestExpandErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"{{missing}}", "unknown template {{missing}}"},
		{"{{env.SECRET}}", "{{env.SECRET}}: SECRET is not an environment variable this server allows"},
		{"{{random.phone}}", "unknown template {{random.phone}}"},
		{"x {{orderId", "the template {{orderId has no closing }}"},
	}
	for _, tt := range tests {
		got, err := Expand(tt.in, map[string]string{})
		if err == nil || err.Error() != tt.want {
			t.Errorf("Expand(%q) = %q, %v; want error %q", tt.in, got, err, tt.want)
		}
	}
}

func TestExpandRandomOncePerRun(t *testing.T) {
	patterns := map[string]*regexp.Regexp{
		"random.email":  regexp.MustCompile(`^user\.[a-z2-7]{10}@example\.com$`),
		"random.string": regexp.MustCompile(`^[a-z2-7]{10}$`),
		"random.number": regexp.MustCompile(`^[1-9][0-9]{5}$`),
		"random.uuid":   regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`),
	}
	run := map[string]string{}
	for name, pattern := range patterns {
		first, err := Expand("{{"+name+"}}", run)
		if err != nil || !pattern.MatchString(first) {
			t.Errorf("{{%s}} = %q, %v; want a match of %s", name, first, err, pattern)
		}
		again, _ := Expand("{{"+name+"}}", run)
		if again != first {
			t.Errorf("{{%s}} changed within a run: %q then %q", name, first, again)
		}
		other, _ := Expand("{{"+name+"}}", map[string]string{})
		if other == first {
			t.Errorf("{{%s}} is the same in two runs: %q", name, first)
		}
	}
	if _, err := Expand("{{random.email}}", nil); err != nil {
		t.Errorf("Expand with nil vars: %v", err)
	}
}

func TestNewVars(t *testing.T) {
	vars := NewVars("http://localhost:3000", map[string]string{"PASSWORD": "s3cret"})
	got, err := Expand("{{baseUrl}} {{env.PASSWORD}}", vars)
	if err != nil || got != "http://localhost:3000 s3cret" {
		t.Errorf("Expand = %q, %v", got, err)
	}
}
