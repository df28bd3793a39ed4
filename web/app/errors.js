// The error banner: every server error shows its message and extensions.code.
import { h } from "./dom.js";

let region;

export function mountErrors(el) {
  region = el;
}

/** Shows err (an ApiError or any Error) until dismissed. */
export function showError(err, context = "") {
  // A missing API key has its own form (see main.js), not a banner.
  if (!region || (err && err.code === "UNAUTHENTICATED")) return;
  const code = (err && err.code) || "ERROR";
  const item = h(
    "div",
    { class: "error", "data-code": code },
    h("p", {}, context ? h("strong", {}, context + ": ") : null, err.message, " ", h("code", { class: "code" }, code)),
    h("button", { type: "button", class: "link", onclick: () => item.remove(), "aria-label": "Dismiss error" }, "Dismiss"),
  );
  region.append(item);
  // Keep the last five.
  while (region.children.length > 5) region.firstElementChild.remove();
}

/** Runs a mutation-like async fn, showing its error; returns its result or undefined. */
export async function attempt(context, fn) {
  try {
    return await fn();
  } catch (err) {
    showError(err, context);
    return undefined;
  }
}
