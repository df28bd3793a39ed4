package browser

import (
	"context"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/go-rod/rod"
	"github.com/go-rod/rod/lib/input"
	"github.com/go-rod/rod/lib/proto"
)

// keyDef is what the DevTools protocol needs to type one key.
type keyDef struct {
	key      string // KeyboardEvent.key
	code     string // KeyboardEvent.code
	keyCode  int    // windowsVirtualKeyCode
	text     string // what the key types, if anything
	modifier int    // input.Modifier* for modifier keys
}

// namedKeys are the DevTools key names the step parser produces. go-rod's
// own table sends "\r" as the key of Enter, which pages checking
// event.key === "Enter" do not recognise, hence this one.
var namedKeys = map[string]keyDef{
	"Enter":      {key: "Enter", code: "Enter", keyCode: 13, text: "\r"},
	"Tab":        {key: "Tab", code: "Tab", keyCode: 9},
	"Escape":     {key: "Escape", code: "Escape", keyCode: 27},
	"Backspace":  {key: "Backspace", code: "Backspace", keyCode: 8},
	"Delete":     {key: "Delete", code: "Delete", keyCode: 46},
	"Insert":     {key: "Insert", code: "Insert", keyCode: 45},
	"Space":      {key: " ", code: "Space", keyCode: 32, text: " "},
	"ArrowUp":    {key: "ArrowUp", code: "ArrowUp", keyCode: 38},
	"ArrowDown":  {key: "ArrowDown", code: "ArrowDown", keyCode: 40},
	"ArrowLeft":  {key: "ArrowLeft", code: "ArrowLeft", keyCode: 37},
	"ArrowRight": {key: "ArrowRight", code: "ArrowRight", keyCode: 39},
	"Home":       {key: "Home", code: "Home", keyCode: 36},
	"End":        {key: "End", code: "End", keyCode: 35},
	"PageUp":     {key: "PageUp", code: "PageUp", keyCode: 33},
	"PageDown":   {key: "PageDown", code: "PageDown", keyCode: 34},
	"Control":    {key: "Control", code: "ControlLeft", keyCode: 17, modifier: input.ModifierControl},
	"Shift":      {key: "Shift", code: "ShiftLeft", keyCode: 16, modifier: input.ModifierShift},
	"Alt":        {key: "Alt", code: "AltLeft", keyCode: 18, modifier: input.ModifierAlt},
	"Meta":       {key: "Meta", code: "MetaLeft", keyCode: 91, modifier: input.ModifierMeta},
}

func init() {
	for i := 1; i <= 12; i++ {
		name := fmt.Sprintf("F%d", i)
		namedKeys[name] = keyDef{key: name, code: name, keyCode: 111 + i}
	}
}

// lookupKey finds a named key or a single character.
func lookupKey(name string) (keyDef, error) {
	if k, ok := namedKeys[name]; ok {
		return k, nil
	}
	if utf8.RuneCountInString(name) > 1 {
		for n, k := range namedKeys {
			if strings.EqualFold(n, name) {
				return k, nil
			}
		}
	}
	r, size := utf8.DecodeRuneInString(name)
	if size == 0 || size != len(name) {
		return keyDef{}, fmt.Errorf("unknown key %q", name)
	}
	k := keyDef{key: name, text: name}
	switch up := unicode.ToUpper(r); {
	case up >= 'A' && up <= 'Z':
		k.code, k.keyCode = "Key"+string(up), int(up)
	case r >= '0' && r <= '9':
		k.code, k.keyCode = "Digit"+name, int(r)
	case r < 128:
		// go-rod knows the US layout's punctuation codes.
		if info, ok := rodKeyInfo(r); ok {
			k.code, k.keyCode = info.Code, info.KeyCode
		}
	}
	return k, nil
}

func rodKeyInfo(r rune) (info input.KeyInfo, ok bool) {
	defer func() {
		if recover() != nil { // go-rod panics on keys it does not know
			ok = false
		}
	}()
	return input.Key(r).Info(), true
}

// splitCombo turns "Control+Shift+a" into its keys; a lone "+" is the plus key.
func splitCombo(combo string) []string {
	if combo == "+" {
		return []string{"+"}
	}
	if strings.HasSuffix(combo, "++") {
		return append(strings.Split(strings.TrimSuffix(combo, "++"), "+"), "+")
	}
	return strings.Split(combo, "+")
}

// pressKeys presses a key or a combination on the focused element: modifiers
// down in order, the key down and up, modifiers up in reverse.
func pressKeys(ctx context.Context, page *rod.Page, combo string) error {
	names := splitCombo(combo)
	keys := make([]keyDef, 0, len(names))
	for _, n := range names {
		k, err := lookupKey(n)
		if err != nil {
			return err
		}
		keys = append(keys, k)
	}
	p := page.Context(ctx)
	mods := 0
	for i, k := range keys {
		if i == len(keys)-1 {
			break
		}
		mods |= k.modifier
		if err := dispatchKey(p, proto.InputDispatchKeyEventTypeRawKeyDown, k, mods); err != nil {
			return err
		}
	}
	last := keys[len(keys)-1]
	down := proto.InputDispatchKeyEventTypeKeyDown
	text := last.text
	if mods&^input.ModifierShift != 0 {
		text = "" // Control+A is a shortcut, not typing "a"
	} else if mods&input.ModifierShift != 0 && utf8.RuneCountInString(text) == 1 {
		text = strings.ToUpper(text)
		last.key = text
	}
	if text == "" {
		down = proto.InputDispatchKeyEventTypeRawKeyDown
	}
	last.text = text
	if err := dispatchKey(p, down, last, mods|last.modifier); err != nil {
		return err
	}
	if err := dispatchKey(p, proto.InputDispatchKeyEventTypeKeyUp, last, mods); err != nil {
		return err
	}
	for i := len(keys) - 2; i >= 0; i-- {
		mods &^= keys[i].modifier
		if err := dispatchKey(p, proto.InputDispatchKeyEventTypeKeyUp, keys[i], mods); err != nil {
			return err
		}
	}
	return nil
}

func dispatchKey(p *rod.Page, t proto.InputDispatchKeyEventType, k keyDef, mods int) error {
	ev := proto.InputDispatchKeyEvent{
		Type:                  t,
		Modifiers:             mods,
		Key:                   k.key,
		Code:                  k.code,
		WindowsVirtualKeyCode: k.keyCode,
		NativeVirtualKeyCode:  k.keyCode,
	}
	if t == proto.InputDispatchKeyEventTypeKeyDown {
		ev.Text, ev.UnmodifiedText = k.text, k.text
	}
	return ev.Call(p)
}
