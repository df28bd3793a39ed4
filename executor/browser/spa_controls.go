package browser

import (
	"context"
	"fmt"

	"github.com/go-rod/rod"

	"github.com/testing-agent/backend/executor/steps"
)

// AppControls is what a single-page app offers a person right now: every
// text field, checkbox, button and link wherever it sits (not only in
// forms), the list items and rows that hold them, and the visible text.
// The planner compares two of them to see what an action changed.
type AppControls struct {
	URL    string
	Texts  []string // visible lines of text in page order, without repeats
	Fields []AppControl
	Checks []AppControl // checkboxes
	Button []AppControl // buttons, hidden ones inside items too (they may show on hover)
	Links  []AppControl
	Items  []AppItem // list items, rows and articles with text, visible or not
}

// AppControl is one control. Names lists what a person may call it, best
// first (label, aria, content, CSS ::before/::after content, placeholder,
// title), as the runner's resolver weighs them.
type AppControl struct {
	Names   []string `json:"names"`
	Item    string   `json:"item"`    // the label of the item, row or card holding it; "" when none
	Scope   string   `json:"scope"`   // "item" (a list item, row or article), "card" (another container) or ""
	Visible bool     `json:"visible"` // shown now (a checkbox whose label shows counts)
	Checked bool     `json:"checked"`
	Value   string   `json:"value"`
	Focused bool     `json:"focused"`
	Kind    string   `json:"kind"`   // input type, "textarea", "contenteditable", "button", "link"
	InForm  bool     `json:"inForm"` // inside a form with a submit button: a form, not an app control
	URL     string   `json:"url"`    // links: absolute
	// Target resolves to this very control for the step that acts on it:
	// its name (with an ordinal when others share it), else its role and
	// ordinal ("the 1st checkbox"); nil when not asked for, hidden, or
	// when neither does.
	Target *steps.Target `json:"-"`
	Ref    string        `json:"ref"`
}

// Name is the control's best name, "" when it has none.
func (c AppControl) Name() string {
	if len(c.Names) == 0 {
		return ""
	}
	return c.Names[0]
}

// AppItem is a list item, row or article: its label is its first line of
// text, which is how a step scopes to it ("in the "Buy milk" item").
type AppItem struct {
	Label   string `json:"label"`
	Visible bool   `json:"visible"`
}

// Controls describes the app open in the session, as it is now. With
// targets, each visible control also gets a Target checked with the
// runner's own resolver (a round trip per name tried, so ask only for the
// states a flow will start from). It marks the controls with the data
// attribute Outline uses.
func (s *Session) Controls(ctx context.Context, targets bool) (AppControls, error) {
	page := s.page.Context(ctx)
	res, err := page.Evaluate(rod.Eval(appControlsJS, outlineAttr))
	if err != nil {
		return AppControls{}, fmt.Errorf("list the page's controls: %w", err)
	}
	var out AppControls
	if err := res.Value.Unmarshal(&out); err != nil {
		return AppControls{}, fmt.Errorf("read the page's controls: %w", err)
	}
	if !targets {
		return out, nil
	}
	v := targetVerifier{page: page}
	verify := func(list []AppControl, kind steps.Kind, role steps.Role) {
		for i := range list {
			if c := &list[i]; c.Visible {
				c.Target = v.appTarget(*c, kind, role)
			}
		}
	}
	verify(out.Fields, steps.Type, steps.Field)
	verify(out.Checks, steps.Check, steps.Checkbox)
	verify(out.Button, steps.Click, steps.Button)
	verify(out.Links, steps.Click, steps.Link)
	if v.err != nil {
		return AppControls{}, fmt.Errorf("check targets: %w", v.err)
	}
	return out, nil
}

// appTarget finds a target for a control by its names, then by its role
// and ordinal; never a selector, as flows read better without. Each
// candidate is resolved as a step resolves it (accessibility tree first),
// so a target that verifies here is one the runner acts on.
func (v *targetVerifier) appTarget(c AppControl, kind steps.Kind, role steps.Role) *steps.Target {
	try := func(t *steps.Target) *steps.Target {
		same, count := v.resolvesTo(t, kind, c.Ref)
		for nth := 2; !same && nth <= min(count, mostOrdinal); nth++ {
			t.Nth = nth
			same, _ = v.resolvesTo(t, kind, c.Ref)
		}
		if same {
			return t
		}
		return nil
	}
	for _, name := range c.Names {
		if writableName(name) {
			if t := try(&steps.Target{Text: name, Role: role}); t != nil {
				return t
			}
		}
	}
	return try(&steps.Target{Role: role})
}

// takenIsJS says whether the element the last resolve kept is marked ref.
const takenIsJS = `(f, attr, ref) => { const el = f("take"); return !!el && el.getAttribute(attr) === ref; }`

// resolvesTo resolves t for a step of kind, as the runner does, and says
// whether it lands on the element marked ref, and how many matched.
func (v *targetVerifier) resolvesTo(t *steps.Target, kind steps.Kind, ref string) (bool, int) {
	if v.err != nil {
		return false, 0
	}
	r, err := resolveOnce(v.page.GetContext(), v.page, newQuery(t, kind, needVisible))
	if err != nil {
		v.err = err
		return false, 0
	}
	if !r.OK {
		return false, r.Count
	}
	res, err := r.in(v.page).Evaluate(rod.Eval(takenIsJS, resolverJS, outlineAttr, ref))
	if err != nil {
		v.err = err
		return false, 0
	}
	return res.Value.Bool(), r.Count
}

// appControlsJS collects AppControls in one pass. Bounds keep a huge page
// from producing a huge answer.
const appControlsJS = `(attr) => {
	document.querySelectorAll('[' + attr + ']').forEach((el) => el.removeAttribute(attr));
	let next = 0;
	const norm = (s) => (s == null ? '' : String(s)).replace(/\s+/g, ' ').trim();
	const clip = (s) => (s.length > 200 ? s.slice(0, 200) : s);
	const visible = (el) => {
		if (!el.isConnected) return false;
		if (el.checkVisibility && !el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) return false;
		const r = el.getBoundingClientRect();
		return r.width > 0 && r.height > 0;
	};
	const shown = (el) => visible(el) || !!(el.labels && Array.from(el.labels).some(visible));
	const pseudo = (el, which) => {
		const c = getComputedStyle(el, which).content;
		if (!c || c === 'none' || c === 'normal') return '';
		const m = c.match(/^"(.*)"$/);
		return m ? m[1] : '';
	};
	const labelText = (label) => {
		const copy = label.cloneNode(true);
		copy.querySelectorAll('input, select, textarea, button').forEach((n) => n.remove());
		return copy.textContent;
	};
	const names = (el, byContent) => {
		const out = [];
		const add = (s) => { s = clip(norm(s)); if (s && !out.includes(s)) out.push(s); };
		const ids = el.getAttribute('aria-labelledby');
		if (ids) add(ids.split(/\s+/).map((id) => { const r = document.getElementById(id); return r ? r.textContent : ''; }).join(' '));
		add(el.getAttribute('aria-label'));
		if (el.labels) for (const l of el.labels) add(labelText(l));
		if (el instanceof HTMLInputElement && ['submit', 'button', 'reset'].includes(el.type)) add(el.value);
		if (byContent) {
			add(el.innerText || el.textContent); // hidden until hover: its text is not rendered yet
			add(pseudo(el, '::before') + pseudo(el, '::after'));
		}
		add(el.getAttribute('placeholder'));
		add(el.getAttribute('title'));
		return out.slice(0, 4);
	};
	const ITEM = 'li, [role=listitem], [role=treeitem], [role=row], tr, article';
	const itemLabel = (it) => {
		const first = norm((it.innerText || it.textContent || '').split('\n').find((l) => norm(l)) || '');
		return clip(first);
	};
	// Outside lists, a row of an app is often a plain container: the
	// nearest one a few levels up showing text besides the control's own,
	// which a step scopes to as a card.
	const LANDMARK = 'body, main, header, footer, nav, aside, section, form, fieldset, dialog, [role=dialog]';
	const scopeOf = (el) => {
		const it = el.closest(ITEM);
		if (it) return { item: itemLabel(it), scope: 'item' };
		const own = norm(el.innerText || el.value || '');
		let node = el.parentElement;
		for (let up = 0; node && up < 3 && !node.matches(LANDMARK); node = node.parentElement, up++) {
			const label = itemLabel(node);
			if (label && label !== own) return { item: label, scope: 'card' };
		}
		return { item: '', scope: '' };
	};
	const inForm = (el) => {
		const f = el.closest('form');
		return !!f && !!f.querySelector('button:not([type=button]):not([type=reset]), input[type=submit], input[type=image]');
	};
	const out = { url: location.href, texts: [], fields: [], checks: [], button: [], links: [], items: [] };
	if (document.body) {
		const seen = new Set();
		for (const line of document.body.innerText.split('\n')) {
			const t = norm(line);
			if (!t || seen.has(t)) continue;
			seen.add(t);
			out.texts.push(clip(t));
			if (out.texts.length >= 300) break;
		}
	}
	const base = (el, kind, byContent) => ({
		ref: (el.setAttribute(attr, String(++next)), String(next)),
		names: names(el, byContent), ...scopeOf(el), visible: shown(el), checked: !!el.checked,
		value: el.isContentEditable ? norm(el.innerText) : (el.value || ''), focused: document.activeElement === el,
		kind, inForm: inForm(el), url: '',
	});
	const FIELD = 'input:not([type]), input[type=text], input[type=search], input[type=email], input[type=url], input[type=tel], ' +
		'input[type=number], textarea, [contenteditable]:not([contenteditable=false]), [role=textbox], [role=searchbox]';
	for (const el of document.querySelectorAll(FIELD)) {
		if (out.fields.length >= 50) break;
		if (el.disabled || el.readOnly || !visible(el)) continue;
		out.fields.push(base(el, el.isContentEditable ? 'contenteditable' : (el.type || el.tagName.toLowerCase()), false));
	}
	for (const el of document.querySelectorAll('input[type=checkbox], [role=checkbox], [role=switch]')) {
		if (out.checks.length >= 100) break;
		if (el.disabled) continue;
		const c = base(el, 'checkbox', !(el instanceof HTMLInputElement));
		if (!(el instanceof HTMLInputElement)) c.checked = el.getAttribute('aria-checked') === 'true';
		if (c.visible || c.item) out.checks.push(c);
	}
	for (const el of document.querySelectorAll('button, [role=button], input[type=submit], input[type=button]')) {
		if (out.button.length >= 100) break;
		if (el.disabled) continue;
		const c = base(el, 'button', true);
		if (c.visible || c.item) out.button.push(c);
	}
	for (const a of document.querySelectorAll('a[href]')) {
		if (out.links.length >= 100) break;
		if (!visible(a)) continue;
		const target = (a.getAttribute('target') || '').toLowerCase();
		if ((target && target !== '_self' && target !== '_top' && target !== '_parent') || a.hasAttribute('download')) continue;
		out.links.push(Object.assign(base(a, 'link', true), { url: a.href }));
	}
	for (const it of document.querySelectorAll(ITEM)) {
		if (out.items.length >= 200) break;
		const label = itemLabel(it);
		if (label) out.items.push({ label, visible: visible(it) });
	}
	return out;
}`
