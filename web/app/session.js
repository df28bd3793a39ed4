// One session: its status and progress, generate / start / cancel / delete,
// the flows to review and run, the browser sessions and the logs, all live.
import { fetchFile, hasApiKey, request, subscribe } from "./gql.js";
import { attempt, showError } from "./errors.js";
import { badge, duration, h, replace, when } from "./dom.js";
import { FlowCard, validateInto } from "./flows.js";
import { LogPanel } from "./logs.js";
import { progress } from "./sessions.js";
import { ADD_FLOW, APPROVE, BROWSERS, CANCEL, DELETE_SESSION, GENERATE, SESSION, START } from "./queries.js";

export function sessionView(root, sessionId) {
  const title = h("h1", {}, "Session");
  const status = h("p", { role: "status", "aria-live": "polite", id: "session-status" });
  const prompt = h("pre", { class: "prompt", "aria-label": "Prompt" });
  const message = h("p", { id: "session-message" });
  const generateBtn = h("button", { type: "button", onclick: () => act("Generate flows", GENERATE) }, "Generate flows");
  const startBtn = h("button", { type: "button", class: "primary", onclick: () => act("Start run", START) }, "Start run");
  const cancelBtn = h("button", { type: "button", onclick: () => act("Cancel run", CANCEL) }, "Cancel run");
  const deleteBtn = h("button", { type: "button", class: "danger", onclick: () => deleteSession() }, "Delete session");
  const approveAll = h("button", { type: "button", onclick: () => approveEvery(true) }, "Approve all");
  const unapproveAll = h("button", { type: "button", onclick: () => approveEvery(false) }, "Unapprove all");
  const flowsList = h("div", { id: "flows" });
  const browsers = h("tbody", {});
  let session = null;
  // While the planner works, its latest log line shows under the status.
  const activity = h("p", { class: "muted", id: "session-activity", "aria-live": "polite" });
  const logs = new LogPanel(sessionId, (log) => {
    if (session && session.status === "generating" && !log.flowId) activity.textContent = log.message;
  });
  const cards = new Map();

  root.append(
    h("p", {}, h("a", { href: "#/" }, "← All sessions")),
    title, status, activity, prompt, message,
    h("div", { class: "row", role: "toolbar", "aria-label": "Session actions" },
      generateBtn, startBtn, cancelBtn, deleteBtn,
      reportLink(`/sessions/${sessionId}/junit.xml`, `junit-${sessionId}.xml`, "JUnit XML"),
      reportLink(`/sessions/${sessionId}/report.html`, `report-${sessionId}.html`, "HTML report")),
    h("section", { "aria-labelledby": "flows-title" },
      h("div", { class: "row" }, h("h2", { id: "flows-title" }, "Flows"), approveAll, unapproveAll),
      flowsList,
      addFlowForm(sessionId)),
    logs.el,
    h("section", { "aria-labelledby": "browsers-title" },
      h("h2", { id: "browsers-title" }, "Browser sessions"),
      h("table", { "aria-label": "Browser sessions" },
        h("thead", {}, h("tr", {}, ["Flow", "Status", "Browser", "Viewport", "Started", "Last activity"].map((c) => h("th", { scope: "col" }, c)))),
        browsers)),
  );

  async function act(label, mutation) {
    await attempt(label, () => request(mutation, { sessionId }));
  }

  // Deleting asks twice, in the page (no blocking dialog): the first press
  // arms the button, the second deletes.
  async function deleteSession() {
    if (deleteBtn.dataset.armed !== "true") {
      deleteBtn.dataset.armed = "true";
      deleteBtn.textContent = "Confirm delete";
      return;
    }
    const data = await attempt("Delete session", () => request(DELETE_SESSION, { sessionId }));
    if (data) location.hash = "#/";
  }

  async function approveEvery(approved) {
    if (!session || !session.flows.length) return;
    await attempt(approved ? "Approve all" : "Unapprove all",
      () => request(APPROVE, { flowIds: session.flows.map((f) => f.id), approved }));
  }

  function render(s) {
    session = s;
    document.title = `${s.name} · Testing agent`;
    replace(title, s.name);
    const words = [badge(s.status), " ", progress(s)];
    if (s.status === "generating") words.push(" ", h("progress", { "aria-label": "Generating flows" }), " Generating flows…");
    else activity.textContent = "";
    if (s.metadata && s.metadata.estimatedDuration) words.push(h("span", { class: "muted" }, ` · estimated ${duration(s.metadata.estimatedDuration)}`));
    if (s.metadata && s.metadata.actualDuration) words.push(h("span", { class: "muted" }, ` · took ${duration(s.metadata.actualDuration)}`));
    replace(status, words);
    prompt.textContent = s.prompt || "(no prompt)";
    replace(message, s.metadata && s.metadata.errorMessage ? h("span", { class: s.status === "failed" ? "status-failed" : "muted" }, s.metadata.errorMessage) : null);
    const busy = s.status === "generating" || s.status === "running";
    generateBtn.disabled = busy;
    startBtn.disabled = busy || !s.flows.some((f) => f.approved);
    cancelBtn.hidden = s.status !== "running";
    deleteBtn.disabled = busy;
    approveAll.disabled = unapproveAll.disabled = !s.flows.length || s.status === "running";

    // Cards are kept by flow ID, so an editor being typed in survives updates.
    const seen = new Set();
    s.flows.forEach((f, i) => {
      seen.add(f.id);
      let card = cards.get(f.id);
      if (card) card.update(f, s);
      else cards.set(f.id, (card = new FlowCard(f, s)));
      if (flowsList.children[i] !== card.el) flowsList.insertBefore(card.el, flowsList.children[i] || null);
    });
    for (const [id, card] of cards) {
      if (!seen.has(id)) {
        card.el.remove();
        cards.delete(id);
      }
    }
    if (!s.flows.length) {
      if (!flowsList.querySelector(".empty")) flowsList.append(h("p", { class: "muted empty" }, "No flows yet: generate them from the prompt, or add one below."));
    } else {
      flowsList.querySelector(".empty")?.remove();
    }
    logs.setFlows(s.flows);
  }

  const stopSession = subscribe(SESSION, { sessionId }, {
    next: (data) => {
      if (data.getTestSession) render(data.getTestSession);
      else replace(status, "This session does not exist (any more).");
    },
    error: (err) => showError(err, "Session"),
  });
  const stopBrowsers = subscribe(BROWSERS, { sessionId }, {
    next: (data) => {
      const list = data.browserSessions || [];
      const name = (id) => (session && session.flows.find((f) => f.id === id)?.name) || "—";
      replace(browsers, list.length ? list.map((b) => h("tr", {},
        h("td", {}, name(b.flowId)),
        h("td", {}, badge(b.status)),
        h("td", {}, b.browserType, b.metadata ? ` ${b.metadata.version}` : ""),
        h("td", {}, b.metadata && b.metadata.viewport ? `${b.metadata.viewport.width}×${b.metadata.viewport.height}` : "—"),
        h("td", {}, when(b.startedAt)),
        h("td", {}, when(b.lastActivity)))) : h("tr", {}, h("td", { colspan: 6, class: "muted" }, "None yet: they appear when flows run.")));
    },
    error: (err) => showError(err, "Browser sessions"),
  });

  return () => {
    stopSession();
    stopBrowsers();
    logs.destroy();
  };
}

// reportLink is a plain link to a report; with an API key (which a link
// cannot send) it fetches the report with the key and saves it instead.
function reportLink(href, filename, text) {
  const a = h("a", { class: "button", href, target: "_blank", rel: "noopener" }, text);
  a.addEventListener("click", async (ev) => {
    if (!hasApiKey()) return;
    ev.preventDefault();
    const blob = await attempt(text, () => fetchFile(href));
    if (!blob) return;
    const url = URL.createObjectURL(blob);
    const save = h("a", { href: url, download: filename, hidden: true });
    document.body.append(save);
    save.click();
    save.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  });
  return a;
}

function addFlowForm(sessionId) {
  const name = h("input", { id: "add-flow-name", required: true, maxlength: 200, autocomplete: "off" });
  const instructions = h("textarea", { id: "add-flow-instructions", rows: 4, required: true, spellcheck: "false", "aria-describedby": "add-flow-problems",
    placeholder: 'Go to /login\nType "alice@example.com" into the "Email" field\nClick the "Sign in" button\nExpect the page contains "Welcome"' });
  const problems = h("ul", { id: "add-flow-problems", class: "problems", "aria-live": "polite" });
  let timer;
  instructions.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => validateInto(instructions.value, problems, instructions), 250);
  });
  const form = h("form", { class: "panel", "aria-labelledby": "add-flow-title" },
    h("h3", { id: "add-flow-title" }, "Add a flow"),
    h("label", { for: "add-flow-name" }, "New flow name"), name,
    h("label", { for: "add-flow-instructions" }, "New flow instructions"), instructions, problems,
    h("div", { class: "row" }, h("button", { type: "submit" }, "Add flow")));
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    if (!(await validateInto(instructions.value, problems, instructions))) {
      instructions.focus();
      return;
    }
    const data = await attempt("Add flow", () => request(ADD_FLOW, { sessionId, flows: [{ name: name.value, instructions: instructions.value }] }));
    if (data) {
      form.reset();
      replace(problems);
    }
  });
  return form;
}
