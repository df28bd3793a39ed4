// The sessions list (live, newest first, more on demand) and the "New
// session" form.
import { request, subscribe } from "./gql.js";
import { attempt, showError } from "./errors.js";
import { badge, h, replace, when } from "./dom.js";
import { CREATE_SESSION, LIST_SESSIONS } from "./queries.js";

const PAGE = 20;

export function sessionsView(root) {
  let limit = PAGE;
  const body = h("tbody", {}, h("tr", {}, h("td", { colspan: 4, class: "muted" }, "Loading sessions…")));
  const more = h("button", { type: "button", hidden: true, onclick: () => resubscribe(limit + PAGE) }, "More sessions");
  const form = newSessionForm();
  const toggle = h("button", { type: "button", class: "primary", "aria-expanded": "false", "aria-controls": "new-session",
    onclick: () => {
      form.hidden = !form.hidden;
      toggle.setAttribute("aria-expanded", String(!form.hidden));
      if (!form.hidden) form.querySelector("input").focus();
    } }, "New session");

  root.append(
    h("div", { class: "row" }, h("h1", {}, "Sessions"), toggle),
    form,
    h("table", { "aria-label": "Sessions" },
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Name"), h("th", { scope: "col" }, "Status"),
        h("th", { scope: "col" }, "Progress"), h("th", { scope: "col" }, "Created"))),
      body),
    h("div", { class: "row" }, more),
  );

  let stop = () => {};
  function resubscribe(n) {
    limit = n;
    stop();
    stop = subscribe(LIST_SESSIONS, () => ({ limit }), {
      next: (data) => {
        const list = data.listTestSessions || [];
        replace(body, list.length ? list.map(row) : h("tr", {}, h("td", { colspan: 4, class: "muted" }, "No sessions yet: create one.")));
        more.hidden = list.length < limit;
      },
      error: (err) => showError(err, "Sessions"),
    });
  }
  resubscribe(limit);
  return () => stop();
}

function row(s) {
  return h("tr", { "data-session": s.id },
    h("td", {}, h("a", { href: `#/sessions/${s.id}` }, s.name)),
    h("td", {}, badge(s.status)),
    h("td", {}, progress(s)),
    h("td", {}, when(s.createdAt)));
}

/** (completed + failed) / runFlows, as a progress bar with its words. */
export function progress(s) {
  const done = s.completedFlows + s.failedFlows;
  if (!s.runFlows) return h("span", { class: "muted" }, `${s.totalFlows} flow(s), not run`);
  const text = `${done} of ${s.runFlows} finished (${s.completedFlows} passed, ${s.failedFlows} failed)`;
  return h("span", {},
    h("progress", { max: s.runFlows, value: done, "aria-label": `Progress: ${text}` }), " ", text);
}

function newSessionForm() {
  const name = h("input", { id: "new-session-name", name: "name", required: true, maxlength: 200, autocomplete: "off" });
  const prompt = h("textarea", { id: "new-session-prompt", name: "prompt", rows: 5, maxlength: 20000,
    placeholder: "test sign-up and login on http://localhost:3000" });
  const create = h("button", { type: "submit", class: "primary" }, "Create");
  const form = h("form", { id: "new-session", class: "panel", hidden: true, "aria-label": "New session" },
    h("label", { for: "new-session-name" }, "Name"), name,
    h("label", { for: "new-session-prompt" }, "Prompt"), prompt,
    h("p", { class: "muted" }, "A URL to explore, or steps one per line (Go to …, Click the \"…\" button, Expect the page contains \"…\")."),
    h("div", { class: "row" }, create));
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    create.disabled = true;
    const data = await attempt("Create session", () => request(CREATE_SESSION, { name: name.value, prompt: prompt.value }));
    create.disabled = false;
    if (data) location.hash = `#/sessions/${data.createTestSession.id}`;
  });
  return form;
}
