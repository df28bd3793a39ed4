// Small DOM helpers: h() builds elements, formatters print what the API sends.

/**
 * h("button", {type: "button", onclick: fn}, "Save") builds an element.
 * Attributes starting with "on" become listeners; false/null ones are left
 * out; children may be strings, nodes, arrays or null.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === false || v === null || v === undefined) continue;
    if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2), v);
    else if (k === "value") el.value = v;
    else if (k === "dataset") Object.assign(el.dataset, v);
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** Replaces el's children. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** 1234 → "1.2 s", 800 → "800 ms". */
export function duration(ms) {
  if (ms === null || ms === undefined) return "—";
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60000)} min ${Math.round((ms % 60000) / 1000)} s`;
}

/** An ISO timestamp in the reader's locale. */
export function when(iso) {
  if (!iso) return "—";
  const d = new Date(iso);
  return d.toLocaleString();
}

export function timeOf(iso) {
  return iso ? new Date(iso).toLocaleTimeString() : "";
}

/** A status badge; the class colours it, the text says it. */
export function badge(status) {
  return h("span", { class: `badge status-${status}` }, status);
}

/** Bytes as MB. */
export function megabytes(n) {
  return n === null || n === undefined ? null : n / (1024 * 1024);
}
