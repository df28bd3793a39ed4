// The in-page half of target resolution (see locate.go). go-rod installs this
// expression once per document and caches it; Go calls it as
// resolver(op, query). It returns plain JSON reports; an element that passed
// the checks is kept for the "take" op, which hands it to Go by reference.
(() => {
  let found = null;

  const norm = (s) => (s == null ? '' : String(s)).replace(/\s+/g, ' ').trim();
  const squash = (s) => (s == null ? '' : String(s)).replace(/\s+/g, '').toLowerCase();

  const TEXT_INPUT =
    'input:not([type=checkbox]):not([type=radio]):not([type=submit]):not([type=button])' +
    ':not([type=reset]):not([type=hidden]):not([type=image]):not([type=file])' +
    ':not([type=range]):not([type=color])';
  const ROLES = {
    button: 'button, [role=button], input[type=submit], input[type=button], input[type=reset], input[type=image]',
    link: 'a[href], [role=link]',
    field: TEXT_INPUT + ', textarea, [contenteditable]:not([contenteditable=false]), [role=textbox], [role=searchbox], [role=spinbutton]',
    checkbox: 'input[type=checkbox], [role=checkbox], [role=switch]',
    checkable: 'input[type=checkbox], input[type=radio], [role=checkbox], [role=radio], [role=switch], [role=menuitemcheckbox], [role=menuitemradio]',
    radio: 'input[type=radio], [role=radio], [role=menuitemradio]',
    select: 'select, [role=combobox], [role=listbox]',
    option: '[role=option]',
  };
  // Without a role, candidates come in this order: controls people click,
  // then labelled form controls, then any element by its visible text.
  const ANY = [ROLES.button + ', ' + ROLES.link, [ROLES.field, ROLES.checkable, ROLES.select].join(', '), null];
  const NAMED_BY_CONTENT =
    'button, a, summary, option, [role=button], [role=link], [role=checkbox], [role=radio], [role=switch], ' +
    '[role=tab], [role=menuitem], [role=menuitemcheckbox], [role=menuitemradio], [role=option], [role=treeitem]';
  const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE', 'META', 'LINK']);

  function labelText(label) {
    const copy = label.cloneNode(true);
    copy.querySelectorAll('input, select, textarea, button').forEach((n) => n.remove());
    return copy.textContent;
  }

  // namesOf approximates the accessible name, and keeps the alternatives a
  // person may use: aria-labelledby, aria-label, <label>, value of submit
  // buttons, content, placeholder, title.
  function namesOf(el) {
    const out = [];
    const add = (s) => {
      s = norm(s);
      if (s && !out.includes(s)) out.push(s);
    };
    const ids = el.getAttribute('aria-labelledby');
    if (ids) {
      add(ids.split(/\s+/).map((id) => {
        const ref = document.getElementById(id);
        return ref ? ref.textContent : '';
      }).join(' '));
    }
    add(el.getAttribute('aria-label'));
    if (el.labels) for (const l of el.labels) add(labelText(l));
    if (el instanceof HTMLInputElement) {
      const t = el.type;
      if (t === 'submit' || t === 'button' || t === 'reset') {
        add(el.value || (t === 'submit' ? 'Submit' : t === 'reset' ? 'Reset' : ''));
      }
      if (t === 'image') add(el.alt);
    }
    if (el.matches(NAMED_BY_CONTENT)) {
      add(el.innerText);
      el.querySelectorAll('img[alt]').forEach((img) => add(img.alt));
    }
    add(el.getAttribute('placeholder'));
    add(el.getAttribute('aria-placeholder'));
    add(el.getAttribute('title'));
    return out;
  }

  function isVisible(el) {
    if (!el.isConnected) return false;
    if (el.checkVisibility && !el.checkVisibility({ visibilityProperty: true })) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  }

  // A styled checkbox often hides its input and shows its label instead.
  function isShown(el) {
    if (isVisible(el)) return true;
    return !!(el.labels && el.matches(ROLES.checkable) && Array.from(el.labels).some(isVisible));
  }

  function isEnabled(el) {
    if (el.matches(':disabled')) return false;
    return !el.closest('[aria-disabled=true]');
  }

  function isEditable(el) {
    if (el.isContentEditable) return true;
    if (el.matches('[role=textbox], [role=searchbox], [role=spinbutton]') && !('readOnly' in el)) return true;
    return !el.readOnly && el.getAttribute('aria-readonly') !== 'true';
  }

  function isChecked(el) {
    if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) return el.checked;
    return el.getAttribute('aria-checked') === 'true' || el.getAttribute('aria-pressed') === 'true';
  }

  function roleOf(el) {
    if (el.matches(ROLES.button)) return 'button';
    if (el.matches(ROLES.link)) return 'link';
    if (el.matches('input[type=radio], [role=radio], [role=menuitemradio]')) return 'radio button';
    if (el.matches(ROLES.checkable)) return 'checkbox';
    if (el.matches(ROLES.select)) return 'dropdown';
    if (el.matches(ROLES.field)) return 'field';
    if (el.matches(ROLES.option)) return 'option';
    return 'element';
  }

  // describe names an element for a message: `button "Sign in"`, or for
  // elements without a role `<p#status> "Welcome"`.
  // axInfo holds the accessibility tree's role and name of this resolve's
  // candidates, which name them best in messages.
  let axInfo = new Map();

  function describe(el) {
    const clip = (s) => (s.length > 60 ? s.slice(0, 60) + '…' : s);
    const info = axInfo.get(el);
    if (info && info.noun && info.name) return info.noun + ' "' + clip(info.name) + '"';
    const role = info && info.noun ? info.noun : roleOf(el);
    if (role !== 'element' && role !== 'text') {
      const name = namesOf(el)[0];
      if (name) return role + ' "' + clip(name) + '"';
    }
    let tag = '<' + el.tagName.toLowerCase();
    if (el.id) tag += '#' + el.id;
    if (typeof el.className === 'string' && el.className.trim()) tag += '.' + el.className.trim().split(/\s+/).slice(0, 3).join('.');
    tag += '>';
    const text = norm(el.innerText !== undefined ? el.innerText : el.textContent);
    return text ? tag + ' "' + clip(text) + '"' : tag;
  }

  function matchesAt(names, want, level) {
    const wl = want.toLowerCase();
    for (const n of names) {
      if (level === 0 && n === want) return true;
      if (level === 1 && n.toLowerCase() === wl) return true;
      if (level === 2 && n.toLowerCase().includes(wl)) return true;
    }
    return false;
  }

  // Elements whose visible text matches; the innermost of nested matches.
  function byText(want, level, keep) {
    const root = document.body || document.documentElement;
    if (!root) return [];
    const hint = squash(want);
    const hits = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT, {
      acceptNode: (n) => (SKIP.has(n.tagName) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    for (let n = walker.currentNode; n; n = walker.nextNode()) {
      if (!squash(n.textContent).includes(hint)) continue;
      if (n.innerText === undefined) continue;
      if (matchesAt([norm(n.innerText)], want, level) && keep(n)) hits.push(n);
    }
    return hits.filter((a) => !hits.some((b) => b !== a && a.contains(b)));
  }

  function bySelector(q) {
    try {
      if (q.css) return Array.from(document.querySelectorAll(q.css));
      const res = document.evaluate(q.xpath, document, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);
      const out = [];
      for (let i = 0; i < res.snapshotLength; i++) {
        const n = res.snapshotItem(i);
        const el = n.nodeType === Node.ELEMENT_NODE ? n : n.parentElement;
        if (el && !out.includes(el)) out.push(el);
      }
      return out;
    } catch (e) {
      throw { invalid: (q.css ? 'invalid CSS selector ' : 'invalid XPath ') + JSON.stringify(q.css || q.xpath) + ': ' + e.message };
    }
  }

  // matches lists the target's elements that pass keep, best first: exact
  // names, then case-insensitive, then substring; within a level, in group
  // order, then document order.
  function matches(q, keep) {
    if (q.css || q.xpath) return bySelector(q).filter(keep);
    const want = norm(q.text);
    if (!want) return [];
    const groups = q.role ? [ROLES[q.role]] : ANY;
    const pools = groups.map((sel) =>
      sel ? Array.from(document.querySelectorAll(sel)).filter(keep).map((el) => ({ el, names: namesOf(el) })) : null);
    for (let level = 0; level < 3; level++) {
      const hits = [];
      for (const pool of pools) {
        const found = pool ? pool.filter((c) => matchesAt(c.names, want, level)).map((c) => c.el) : byText(want, level, keep);
        for (const el of found) if (!hits.includes(el)) hits.push(el);
      }
      if (hits.length) return hits;
    }
    return [];
  }

  // nearby lists what the page offers instead, for the failure message.
  function nearby(q) {
    const out = [];
    const seen = new Set();
    const push = (name, role, disabled) => {
      const key = role + '\u0000' + name;
      if (!name || seen.has(key) || out.length >= 300) return;
      seen.add(key);
      out.push({ name: name.slice(0, 120), role, disabled });
    };
    const groups = q.role ? [ROLES[q.role]] : ANY.filter(Boolean);
    for (const sel of groups) {
      for (const el of document.querySelectorAll(sel)) {
        if (!isShown(el)) continue;
        const role = roleOf(el);
        const disabled = !isEnabled(el);
        for (const n of namesOf(el)) push(n, role, disabled);
      }
    }
    if (!q.role && document.body) {
      // Short visible texts, for targets named by text alone.
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n && out.length < 300; n = walker.nextNode()) {
        const text = norm(n.textContent);
        const el = n.parentElement;
        if (!text || text.length > 80 || !el || SKIP.has(el.tagName) || !isVisible(el)) continue;
        push(text, 'text', false);
      }
    }
    return out;
  }

  function valueOf(el) {
    if (el instanceof HTMLSelectElement) return el.value;
    if ('value' in el && (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) return el.value;
    if (el.isContentEditable) return norm(el.innerText);
    return el.getAttribute('aria-valuetext') || el.getAttribute('aria-valuenow') || '';
  }

  function textOf(el) {
    if (el instanceof HTMLSelectElement) {
      const o = el.selectedOptions[0];
      return o ? norm(o.text) : '';
    }
    if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) return el.value;
    return norm(el.innerText !== undefined ? el.innerText : el.textContent);
  }

  function stateOf(el) {
    const st = {
      visible: isShown(el),
      enabled: isEnabled(el),
      checked: isChecked(el),
      editable: isEditable(el),
      value: valueOf(el),
      text: textOf(el),
    };
    if (el instanceof HTMLSelectElement) st.options = Array.from(el.options).map((o) => norm(o.text));
    return st;
  }

  const rectKey = (el) => {
    const r = el.getBoundingClientRect();
    return [r.x, r.y, r.width, r.height].map((v) => Math.round(v * 10)).join(',');
  };

  // nextFrame resolves after the next animation frame, or soon if frames are
  // not being produced.
  const nextFrame = () => new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (!done) {
        done = true;
        resolve();
      }
    };
    requestAnimationFrame(finish);
    setTimeout(finish, 50);
  });

  // deepActive is the focused element, looking into shadow roots and
  // same-origin frames.
  function deepActive() {
    let el = document.activeElement;
    for (;;) {
      if (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
      else if (el && el.contentDocument && el.contentDocument.activeElement) el = el.contentDocument.activeElement;
      else break;
    }
    return el && el !== document.body && el !== document.documentElement ? el : null;
  }

  // retarget follows a <label> to the control it labels: a click on the
  // label is a click on the control.
  function retarget(el) {
    if (el && el.tagName === 'LABEL' && el.control) return el.control;
    return el;
  }

  // hitsTarget reports whether a hit at a point reaches target: the target
  // itself, something inside it (a pseudo-element is hit as its element), or
  // a label for it.
  function hitsTarget(hit, target, el) {
    for (let n = hit; n; n = n.parentElement || (n.getRootNode && n.getRootNode().host) || null) {
      if (n === target || n === el || retarget(n) === el) return true;
    }
    return false;
  }

  // pointTarget returns where a pointer would reach el: its centre when
  // that point hits el (or its label), else the centre of a visible label
  // of a styled control. It reports what covers el otherwise, and whether
  // the point lies outside the viewport.
  function pointTarget(el) {
    const candidates = [el];
    if (el.labels && el.matches(ROLES.checkable + ', ' + ROLES.field + ', ' + ROLES.select)) {
      candidates.push(...Array.from(el.labels).filter(isVisible));
    }
    let cover = null;
    let outside = false;
    for (const target of candidates) {
      if (!isVisible(target)) continue;
      const r0 = target.getBoundingClientRect();
      if (r0.top < 0 || r0.left < 0 || r0.bottom > innerHeight || r0.right > innerWidth) {
        target.scrollIntoView({ block: 'center', inline: 'center', behavior: 'instant' });
      }
      const r = target.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) {
        outside = true;
        continue;
      }
      let hit = document.elementFromPoint(x, y);
      while (hit && hit.shadowRoot) {
        const inner = hit.shadowRoot.elementFromPoint(x, y);
        if (!inner || inner === hit) break;
        hit = inner;
      }
      if (hit && hitsTarget(hit, target, el)) return { el: target, x, y };
      if (!cover && hit) cover = { hit, x, y };
    }
    return { cover, outside };
  }

  function candidateElements(cands, info) {
    axInfo = new Map();
    const out = [];
    cands.forEach((n, i) => {
      const el = n && n.nodeType === Node.ELEMENT_NODE ? n : n && n.parentElement;
      if (!el || out.includes(el)) return;
      out.push(el);
      if (info && info[i]) axInfo.set(el, info[i]);
    });
    return out;
  }

  async function resolve(q, cands) {
    found = null;
    // nth: 1-based; 0 is the first; a negative one ("the last") counts from the end.
    const pick = (list) => list[q.nth > 0 ? q.nth - 1 : q.nth < 0 ? list.length + q.nth : 0];
    const report = { ok: false };
    // Candidates come from the accessibility tree (cands), the focus, or
    // a selector or text search here.
    let source;
    if (q.focused) {
      axInfo = new Map();
      const el = deepActive();
      source = (keep) => (el && keep(el) ? [el] : []);
    } else if (cands) {
      const els = candidateElements(cands, q.info);
      source = (keep) => els.filter(keep);
    } else {
      axInfo = new Map();
      source = (keep) => matches(q, keep);
    }
    let list;
    if (q.need === 'act') {
      list = source((el) => isShown(el) && (!q.enabled || isEnabled(el)));
    } else if (q.need === 'present') {
      list = source(isShown);
      if (!list.length) list = source(() => true);
    } else {
      list = source(isShown);
    }
    report.count = list.length;
    if (q.need === 'count') {
      report.ok = true;
      return report;
    }
    let el = pick(list);
    if (q.need === 'gone') {
      report.ok = !el;
      if (el) {
        report.desc = describe(el);
        report.problem = 'visible';
      }
      return report;
    }
    if (!el) {
      if (q.nth > 1 && list.length) {
        report.problem = 'too few';
        return report;
      }
      let all = source(() => true);
      // Hidden elements are not in the accessibility tree; a text search
      // finds them, to say "is hidden" rather than "no such element".
      if (!all.length && cands && q.text && !q.focused && !q.scoped) all = matches(q, (el) => !isShown(el));
      const other = pick(all) || all[0];
      if (other) {
        report.desc = describe(other);
        report.problem = !isShown(other) ? 'hidden' : 'disabled';
      } else {
        report.problem = 'missing';
        if (!q.css && !q.xpath && !cands && !q.focused) report.nearby = nearby(q);
      }
      return report;
    }
    report.desc = describe(el);
    report.state = stateOf(el);
    if (q.need === 'act') {
      if (q.editable && !report.state.editable) {
        report.problem = 'readonly';
        return report;
      }
      if (q.stable) {
        // Stable: the same box over two animation frames.
        const before = rectKey(el);
        await nextFrame();
        const middle = rectKey(el);
        await nextFrame();
        if (!el.isConnected || middle !== before || rectKey(el) !== before) {
          report.problem = 'moving';
          return report;
        }
      }
      if (q.pointer) {
        const hit = pointTarget(el);
        if (!hit.el) {
          if (hit.cover) {
            report.problem = 'covered';
            report.cover = describe(hit.cover.hit);
            report.x = Math.round(hit.cover.x);
            report.y = Math.round(hit.cover.y);
          } else {
            report.problem = hit.outside ? 'outside' : 'covered';
            report.cover = 'something else';
          }
          return report;
        }
        el = hit.el;
        report.x = hit.x;
        report.y = hit.y;
      }
    }
    found = el;
    report.ok = true;
    return report;
  }

  // chooseOption selects the option of a native <select> that matches want:
  // its text exactly, its value, its text ignoring case, then a substring.
  function chooseOption(select, want) {
    const w = norm(want);
    const opts = Array.from(select.options);
    const o = opts.find((o) => norm(o.text) === w) ||
      opts.find((o) => o.value === want) ||
      opts.find((o) => norm(o.text).toLowerCase() === w.toLowerCase()) ||
      opts.find((o) => norm(o.text).toLowerCase().includes(w.toLowerCase()));
    if (!o) return { ok: false, options: opts.map((o) => norm(o.text)) };
    if (o.disabled) return { ok: false, disabled: norm(o.text) };
    if (select.multiple) o.selected = true;
    else select.value = o.value;
    select.dispatchEvent(new Event('input', { bubbles: true }));
    select.dispatchEvent(new Event('change', { bubbles: true }));
    return { ok: true, chosen: norm(o.text), value: o.value };
  }

  function pageText() {
    return document.body ? norm(document.body.innerText) : '';
  }

  return function resolver(op, arg, cands) {
    try {
      switch (op) {
        case 'resolve':
          return resolve(arg, cands).catch((e) => (e && e.invalid ? { invalid: e.invalid } : Promise.reject(e)));
        case 'take': {
          const el = found;
          found = null;
          return el;
        }
        case 'choose':
          return chooseOption(this, arg);
        case 'state':
          return stateOf(this);
        case 'pageText':
          return pageText();
      }
    } catch (e) {
      if (e && e.invalid) return { invalid: e.invalid };
      throw e;
    }
    throw new Error('resolver: unknown op ' + op);
  };
})()
