package browser

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/go-rod/rod"

	"github.com/testing-agent/backend/executor/steps"
)

// PageOutline is what the page open in a session offers a person: its
// texts, links, forms and buttons, with targets the step language resolves
// to each element. The planner explores a site with it.
type PageOutline struct {
	URL           string
	Status        int // HTTP status of the document; 0 when unknown
	Title         string
	Heading       string   // the first visible h1, else h2
	Texts         []string // visible lines of text in page order, without repeats
	Notices       []OutlineNotice
	Links         []OutlineLink
	Forms         []OutlineForm
	Buttons       []OutlineControl // visible buttons outside forms
	ConsoleErrors []string         // since the session's last Run began
}

// OutlineControl is an element a step can act on.
type OutlineControl struct {
	Name string // what a person calls it: its label, text or placeholder
	// Target is a target that resolves to this very element for the step
	// that acts on it (click a link or button, type into a text field,
	// check a checkbox or radio button, select from a dropdown), checked
	// with the runner's own resolver; nil when no name or simple selector does.
	Target *steps.Target
}

// OutlineLink is a visible link.
type OutlineLink struct {
	OutlineControl
	URL    string // absolute
	NewTab bool   // opens another window or downloads, so a flow cannot follow it in place
}

// OutlineNotice is a visible message: an alert or status region, a live
// region, or an element whose class marks it as a message.
type OutlineNotice struct {
	Text string
	Hint string // what marks it, e.g. "alert", "status", or its class such as "error"
	// Target is a selector that resolves to the notice's element, for a
	// step that waits for it to show; nil when no simple selector does.
	Target *steps.Target
}

// OutlineForm is a visible form.
type OutlineForm struct {
	Label   string // its own name: aria-label, legend, a heading inside it
	Heading string // the nearest heading before it
	Action  string
	Method  string
	Fields  []OutlineField
	Submit  *OutlineControl // nil when the form has no visible submit button
}

// OutlineField is a control of a form.
type OutlineField struct {
	OutlineControl
	Kind                   string // the input type (text, email, password, checkbox, radio…), "textarea" or "select"
	Label                  string
	HTMLName, ID           string
	Placeholder            string
	Autocomplete           string
	Required               bool
	Min, Max, Step         string
	MinLength, MaxLength   int // 0 when not set
	Pattern                string
	Options                []OutlineOption // select
	Value                  string
	Checked                bool
	Valid                  bool
	ValidationMessage      string
	ReadOnly, Disabled     bool
	Hidden                 bool // not shown; a styled checkbox whose label shows is not hidden
	GroupRequired, Grouped bool // radio: some radio of its group is required; it has a group name
}

// OutlineOption is an option of a select.
type OutlineOption struct {
	Text     string
	Value    string
	Disabled bool
}

// outlineAttr marks the elements an outline describes, so the resolver's
// choice can be compared with the element meant.
const outlineAttr = "data-testing-agent-outline"

// outlineLimits bound what one page contributes.
var outlineLimits = map[string]int{"texts": 300, "links": 200, "forms": 20, "fields": 50, "buttons": 50, "notices": 50, "scan": 5000}

// Outline describes the page open in the session, as it is now. Call it
// after a Run that opened the page; it does not navigate. It marks the
// elements it describes with a data attribute, which a later Outline
// replaces.
func (s *Session) Outline(ctx context.Context) (PageOutline, error) {
	page := s.page.Context(ctx)
	res, err := page.Evaluate(rod.Eval(outlineJS, outlineAttr, outlineLimits))
	if err != nil {
		return PageOutline{}, fmt.Errorf("outline the page: %w", err)
	}
	var raw rawOutline
	if err := res.Value.Unmarshal(&raw); err != nil {
		return PageOutline{}, fmt.Errorf("read the page outline: %w", err)
	}
	out := PageOutline{URL: raw.URL, Status: raw.Status, Title: raw.Title, Heading: raw.Heading, Texts: raw.Texts}
	v := targetVerifier{page: page}
	for _, n := range raw.Notices {
		out.Notices = append(out.Notices, OutlineNotice{Text: n.Text, Hint: n.Hint, Target: v.selector(n.Ref, n.Selectors)})
	}
	for _, l := range raw.Links {
		out.Links = append(out.Links, OutlineLink{OutlineControl: v.control(l.rawControl, steps.Click, steps.Link), URL: l.URL, NewTab: l.NewTab})
	}
	for _, b := range raw.Buttons {
		out.Buttons = append(out.Buttons, v.control(b, steps.Click, steps.Button))
	}
	for _, f := range raw.Forms {
		out.Forms = append(out.Forms, v.form(f))
	}
	if v.err != nil {
		return PageOutline{}, fmt.Errorf("check targets: %w", v.err)
	}
	if err := flushConsole(ctx, s.page, s.console); err != nil {
		return PageOutline{}, fmt.Errorf("read the console: %w", err)
	}
	out.ConsoleErrors = s.console.snapshot()
	return out, nil
}

// rawControl is an element as the outline script reports it.
type rawControl struct {
	Ref   string   `json:"ref"`
	Names []string `json:"names"` // best first
	ID    string   `json:"id"`
	Name  string   `json:"nameAttr"`
	Tag   string   `json:"tag"`
}

type rawOutline struct {
	URL     string   `json:"url"`
	Status  int      `json:"status"`
	Title   string   `json:"title"`
	Heading string   `json:"heading"`
	Texts   []string `json:"texts"`
	Notices []struct {
		Text      string   `json:"text"`
		Hint      string   `json:"hint"`
		Ref       string   `json:"ref"`
		Selectors []string `json:"selectors"`
	} `json:"notices"`
	Links []struct {
		rawControl
		URL    string `json:"url"`
		NewTab bool   `json:"newTab"`
	} `json:"links"`
	Buttons []rawControl `json:"buttons"`
	Forms   []rawForm    `json:"forms"`
}

type rawForm struct {
	Label   string      `json:"label"`
	Heading string      `json:"heading"`
	Action  string      `json:"action"`
	Method  string      `json:"method"`
	Fields  []rawField  `json:"fields"`
	Submit  *rawControl `json:"submit"`
}

type rawField struct {
	rawControl
	Kind              string          `json:"kind"`
	Placeholder       string          `json:"placeholder"`
	Autocomplete      string          `json:"autocomplete"`
	Required          bool            `json:"required"`
	Min               string          `json:"min"`
	Max               string          `json:"max"`
	Step              string          `json:"step"`
	MinLength         int             `json:"minLength"`
	MaxLength         int             `json:"maxLength"`
	Pattern           string          `json:"pattern"`
	Options           []OutlineOption `json:"options"`
	Value             string          `json:"value"`
	Checked           bool            `json:"checked"`
	Valid             bool            `json:"valid"`
	ValidationMessage string          `json:"validationMessage"`
	ReadOnly          bool            `json:"readOnly"`
	Disabled          bool            `json:"disabled"`
	Hidden            bool            `json:"hidden"`
	Grouped           bool            `json:"grouped"`
	GroupRequired     bool            `json:"groupRequired"`
}

// targetVerifier finds, for each element, a target the runner's resolver
// maps back to that element; the first error stops further checks.
type targetVerifier struct {
	page *rod.Page // bound to the caller's context
	err  error
}

func (v *targetVerifier) form(f rawForm) OutlineForm {
	out := OutlineForm{Label: f.Label, Heading: f.Heading, Action: f.Action, Method: f.Method}
	for _, fl := range f.Fields {
		kind, role := fieldStep(fl.Kind)
		field := OutlineField{
			Kind: fl.Kind, HTMLName: fl.Name, ID: fl.ID, Placeholder: fl.Placeholder, Autocomplete: fl.Autocomplete,
			Required: fl.Required, Min: fl.Min, Max: fl.Max, Step: fl.Step, MinLength: fl.MinLength, MaxLength: fl.MaxLength,
			Pattern: fl.Pattern, Options: fl.Options, Value: fl.Value, Checked: fl.Checked, Valid: fl.Valid,
			ValidationMessage: fl.ValidationMessage, ReadOnly: fl.ReadOnly, Disabled: fl.Disabled, Hidden: fl.Hidden,
			Grouped: fl.Grouped, GroupRequired: fl.GroupRequired,
		}
		if len(fl.Names) > 0 {
			field.Label = fl.Names[0]
		}
		if fl.Hidden || fl.Disabled || fl.ReadOnly || kind == "" {
			field.Name = field.Label // nothing will act on it
		} else {
			field.OutlineControl = v.control(fl.rawControl, kind, role)
		}
		out.Fields = append(out.Fields, field)
	}
	if f.Submit != nil {
		c := v.control(*f.Submit, steps.Click, steps.Button)
		out.Submit = &c
	}
	return out
}

// fieldStep is the step that fills a field of an input type, and the role
// its target names; "" for fields no step fills.
func fieldStep(kind string) (steps.Kind, steps.Role) {
	switch kind {
	case "checkbox":
		return steps.Check, steps.Checkbox
	case "radio":
		return steps.Check, steps.AnyRole // no role word; a check step looks among checkables
	case "select":
		return steps.Select, steps.Dropdown
	case "file", "range", "color", "hidden", "submit", "button", "reset", "image":
		return "", ""
	}
	return steps.Type, steps.Field
}

// mostOrdinal bounds the ordinals tried for one name.
const mostOrdinal = 10

var (
	cssIdent    = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_-]*$`)
	cssAttrWord = regexp.MustCompile(`^[A-Za-z0-9_.:-]+$`)
)

// control names an element and finds a target for it: a name, with an
// ordinal when others share it, else #id or [name=…].
func (v *targetVerifier) control(c rawControl, kind steps.Kind, role steps.Role) OutlineControl {
	out := OutlineControl{}
	if len(c.Names) > 0 {
		out.Name = c.Names[0]
	}
	for _, name := range c.Names {
		if !writableName(name) {
			continue
		}
		t := &steps.Target{Text: name, Role: role}
		same, count := v.same(t, kind, c.Ref)
		for nth := 2; !same && nth <= min(count, mostOrdinal); nth++ {
			t.Nth = nth
			same, _ = v.same(t, kind, c.Ref)
		}
		if same {
			out.Target = t
			return out
		}
	}
	var selectors []string
	if cssIdent.MatchString(c.ID) {
		selectors = append(selectors, "#"+c.ID)
	}
	if cssAttrWord.MatchString(c.Name) && cssIdent.MatchString(c.Tag) {
		selectors = append(selectors, c.Tag+`[name="`+c.Name+`"]`)
	}
	out.Target = v.firstSelector(c.Ref, selectors, kind)
	return out
}

// selector finds which of the CSS selectors the outline script offered
// for an element resolves to it.
func (v *targetVerifier) selector(ref string, selectors []string) *steps.Target {
	return v.firstSelector(ref, selectors, steps.WaitFor)
}

func (v *targetVerifier) firstSelector(ref string, selectors []string, kind steps.Kind) *steps.Target {
	for _, css := range selectors {
		if css == "" || strings.ContainsAny(css, "\n\r") {
			continue
		}
		t := &steps.Target{CSS: css}
		if same, _ := v.same(t, kind, ref); same {
			return t
		}
	}
	return nil
}

// writableName reports names a step can quote: one line, not too long, no
// template braces, and not holding both kinds of quotes.
func writableName(name string) bool {
	return name != "" && len(name) <= 120 && !strings.ContainsAny(name, "\n\r") && !strings.Contains(name, "{{") &&
		!(strings.ContainsAny(name, `"“”`) && strings.ContainsAny(name, `'‘’`))
}

// sameElementJS resolves a query as a step would and says whether the
// element it settles on is the one marked ref.
const sameElementJS = `async (f, q, attr, ref) => {
	const r = await f("resolve", q);
	if (!r || !r.ok) return { same: false, count: (r && r.count) || 0 };
	const el = f("take");
	return { same: !!el && el.getAttribute(attr) === ref, count: r.count || 0 };
}`

func (v *targetVerifier) same(t *steps.Target, kind steps.Kind, ref string) (bool, int) {
	if v.err != nil {
		return false, 0
	}
	q := newQuery(t, kind, needVisible)
	res, err := v.page.Evaluate(rod.Eval(sameElementJS, resolverJS, q, outlineAttr, ref).ByPromise())
	if err != nil {
		v.err = err
		return false, 0
	}
	var answer struct {
		Same  bool `json:"same"`
		Count int  `json:"count"`
	}
	if err := res.Value.Unmarshal(&answer); err != nil {
		v.err = fmt.Errorf("read the resolver's answer: %w", err)
		return false, 0
	}
	return answer.Same, answer.Count
}

// outlineJS collects the outline in one pass over the page. Elements it
// describes get outlineAttr, cleared first so repeated outlines agree.
const outlineJS = `(attr, limits) => {
	const norm = (s) => (s == null ? '' : String(s)).replace(/\s+/g, ' ').trim();
	const clip = (s, n) => (s.length > n ? s.slice(0, n) : s);
	const visible = (el) => {
		if (!el.isConnected) return false;
		if (el.checkVisibility && !el.checkVisibility({ visibilityProperty: true })) return false;
		const r = el.getBoundingClientRect();
		return r.width > 0 && r.height > 0;
	};
	// A styled checkbox often hides its input and shows its label instead.
	const shown = (el) => visible(el) || !!(el.labels && Array.from(el.labels).some(visible));
	document.querySelectorAll('[' + attr + ']').forEach((el) => el.removeAttribute(attr));
	let next = 0;
	const labelText = (label) => {
		const copy = label.cloneNode(true);
		copy.querySelectorAll('input, select, textarea, button').forEach((n) => n.remove());
		return copy.textContent;
	};
	const byIds = (ids) => ids.split(/\s+/).map((id) => {
		const ref = document.getElementById(id);
		return ref ? ref.textContent : '';
	}).join(' ');
	// names lists what a person may call el, in the order the runner's
	// resolver weighs them.
	const names = (el, byContent) => {
		const out = [];
		const add = (s) => {
			s = norm(s);
			if (s && !out.includes(s)) out.push(clip(s, 200));
		};
		const ids = el.getAttribute('aria-labelledby');
		if (ids) add(byIds(ids));
		add(el.getAttribute('aria-label'));
		if (el.labels) for (const l of el.labels) add(labelText(l));
		if (el instanceof HTMLInputElement && ['submit', 'button', 'reset'].includes(el.type)) {
			add(el.value || (el.type === 'submit' ? 'Submit' : el.type === 'reset' ? 'Reset' : ''));
		}
		if (el instanceof HTMLInputElement && el.type === 'image') add(el.alt);
		if (byContent) {
			add(el.innerText);
			el.querySelectorAll('img[alt]').forEach((img) => add(img.alt));
		}
		add(el.getAttribute('placeholder'));
		add(el.getAttribute('title'));
		return out.slice(0, 6);
	};
	const control = (el, byContent) => {
		const ref = String(++next);
		el.setAttribute(attr, ref);
		return { ref, names: names(el, byContent), id: el.id || '', nameAttr: el.getAttribute('name') || '', tag: el.tagName.toLowerCase() };
	};
	const out = {
		url: location.href,
		status: (performance.getEntriesByType('navigation')[0] || {}).responseStatus || 0,
		title: norm(document.title),
		heading: '', texts: [], notices: [], links: [], buttons: [], forms: [],
	};
	const heading = Array.from(document.querySelectorAll('h1')).find(visible) || Array.from(document.querySelectorAll('h2')).find(visible);
	if (heading) out.heading = clip(norm(heading.innerText), 200);
	if (document.body) {
		const seen = new Set();
		for (const line of document.body.innerText.split('\n')) {
			const t = norm(line);
			if (!t || seen.has(t)) continue;
			seen.add(t);
			out.texts.push(clip(t, 300));
			if (out.texts.length >= limits.texts) break;
		}
	}

	const NOTICE = '[role=alert], [role=status], [aria-live]:not([aria-live=off]), output';
	const NOTICE_CLASS = /(^|[\s_-])(alert|error|errors|success|message|notice|notification|toast|flash|feedback|status|warning|danger|invalid)([\s_-]|$)/i;
	const noticeSeen = new Set();
	// selectorsOf offers simple selectors for an element; Go keeps the
	// first that resolves to it.
	const selectorsOf = (el) => {
		const tag = el.tagName.toLowerCase();
		const out = [];
		if (el.id && /^[A-Za-z_][A-Za-z0-9_-]*$/.test(el.id)) out.push('#' + el.id);
		const role = el.getAttribute('role');
		if (role && /^[a-z]+$/.test(role)) out.push(tag + '[role=' + role + ']');
		if (el.hasAttribute('aria-live')) out.push(tag + '[aria-live]');
		const classes = (typeof el.className === 'string' ? el.className : '').split(/\s+/).filter((c) => /^[A-Za-z_][A-Za-z0-9_-]*$/.test(c));
		if (classes.length) out.push(tag + '.' + classes.slice(0, 3).join('.'));
		return out;
	};
	const addNotice = (el, hint) => {
		if (out.notices.length >= limits.notices || !visible(el)) return;
		const text = clip(norm(el.innerText), 300);
		if (!text || noticeSeen.has(text)) return;
		noticeSeen.add(text);
		const ref = String(++next);
		el.setAttribute(attr, ref);
		out.notices.push({ text, hint: clip(hint, 80), ref, selectors: selectorsOf(el) });
	};
	document.querySelectorAll(NOTICE).forEach((el) => addNotice(el, el.getAttribute('role') || (el.hasAttribute('aria-live') ? 'live' : el.tagName.toLowerCase())));
	const classed = document.querySelectorAll('[class]');
	for (let i = 0; i < classed.length && i < limits.scan; i++) {
		const el = classed[i];
		const cls = typeof el.className === 'string' ? el.className : '';
		if (NOTICE_CLASS.test(cls) && !el.matches('input, select, textarea, button, form')) addNotice(el, norm(cls));
	}

	for (const a of document.querySelectorAll('a[href]')) {
		if (out.links.length >= limits.links) break;
		if (!visible(a)) continue;
		const target = (a.getAttribute('target') || '').toLowerCase();
		out.links.push(Object.assign(control(a, true), {
			url: a.href,
			newTab: (target !== '' && target !== '_self' && target !== '_top' && target !== '_parent') || a.hasAttribute('download'),
		}));
	}
	const BUTTON = 'button, [role=button], input[type=submit], input[type=button]';
	for (const b of document.querySelectorAll(BUTTON)) {
		if (out.buttons.length >= limits.buttons) break;
		if (b.closest('form') || b.form || !visible(b)) continue;
		out.buttons.push(control(b, true));
	}

	// formLabel is the form's own name: aria, a search landmark, its legend
	// or a heading inside it.
	const formLabel = (form) => {
		const own = norm(form.getAttribute('aria-label') || (form.getAttribute('aria-labelledby') ? byIds(form.getAttribute('aria-labelledby')) : ''));
		if (own) return own;
		const inner = form.querySelector('legend, h1, h2, h3, h4');
		if (inner && norm(inner.innerText)) return norm(inner.innerText);
		return form.getAttribute('role') === 'search' ? 'Search' : '';
	};
	// headingBefore is the nearest heading before the form, a few levels up.
	const headingBefore = (form) => {
		for (let node = form, up = 0; node && up < 4; node = node.parentElement, up++) {
			for (let sib = node.previousElementSibling; sib; sib = sib.previousElementSibling) {
				const h = sib.matches('h1, h2, h3, h4') ? sib : Array.from(sib.querySelectorAll('h1, h2, h3, h4')).pop();
				if (h && norm(h.innerText)) return norm(h.innerText);
			}
		}
		return '';
	};
	const isSubmit = (el) => (el instanceof HTMLButtonElement && (el.type === 'submit')) ||
		(el instanceof HTMLInputElement && (el.type === 'submit' || el.type === 'image'));
	for (const form of document.querySelectorAll('form')) {
		if (out.forms.length >= limits.forms) break;
		if (!visible(form)) continue;
		// getAttribute, as a field named "action" or "method" shadows the properties
		let action = '';
		try { action = new URL(form.getAttribute('action') || '', location.href).href; } catch (e) { action = ''; }
		const f = { label: clip(formLabel(form), 200), heading: clip(headingBefore(form), 200), action, method: (form.getAttribute('method') || 'get').toLowerCase(), fields: [], submit: null };
		for (const el of Array.from(form.elements)) {
			if (isSubmit(el)) {
				if (!f.submit && visible(el) && !el.disabled) f.submit = control(el, true);
				continue;
			}
			if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement)) continue;
			if (f.fields.length >= limits.fields) break;
			const kind = el instanceof HTMLInputElement ? el.type : el.tagName.toLowerCase();
			if (['hidden', 'submit', 'button', 'reset', 'image'].includes(kind)) continue;
			const c = control(el, false);
			const field = Object.assign(c, {
				kind,
				placeholder: el.getAttribute('placeholder') || '',
				autocomplete: el.getAttribute('autocomplete') || '',
				required: !!el.required,
				min: el.getAttribute('min') || '', max: el.getAttribute('max') || '', step: el.getAttribute('step') || '',
				minLength: el.minLength > 0 ? el.minLength : 0,
				maxLength: el.maxLength > 0 ? el.maxLength : 0,
				pattern: el.getAttribute('pattern') || '',
				value: el instanceof HTMLSelectElement ? el.value : (el.value || ''),
				checked: !!el.checked,
				valid: el.validity ? el.validity.valid : true,
				validationMessage: el.validationMessage || '',
				readOnly: !!el.readOnly, disabled: !!el.disabled,
				hidden: !shown(el),
				grouped: kind === 'radio' && !!el.name,
				groupRequired: false,
				options: [],
			});
			if (el instanceof HTMLSelectElement) {
				field.options = Array.from(el.options).slice(0, 100).map((o) => ({ Text: norm(o.text), Value: o.value, Disabled: o.disabled }));
			}
			if (kind === 'radio' && el.name) {
				field.groupRequired = Array.from(form.elements).some((o) => o.type === 'radio' && o.name === el.name && o.required);
			}
			f.fields.push(field);
		}
		out.forms.push(f);
	}
	return out;
}`
