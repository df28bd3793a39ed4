// One flow's card: its status, its instructions in an editor validated as
// you type (validateInstructions: line, reason, nearest valid form), approve,
// retry, delete, and the last run's steps with durations, errors and the
// failed steps' screenshots.
import { request } from "./gql.js";
import { attempt } from "./errors.js";
import { badge, duration, h, replace } from "./dom.js";
import { APPROVE, DELETE_FLOW, RETRY, UPDATE_FLOW, VALIDATE } from "./queries.js";

/**
 * Validates instructions with the server and renders the result into
 * list (a <ul>); returns whether they are valid. Answers to older requests
 * are dropped.
 */
export async function validateInto(text, list, field) {
  // Only the answer to the newest request for this list is shown.
  const seq = Number(list.dataset.asked || 0) + 1;
  list.dataset.asked = String(seq);
  if (!text.trim()) {
    replace(list);
    field.removeAttribute("aria-invalid");
    return false;
  }
  let data;
  try {
    data = await request(VALIDATE, { instructions: text });
  } catch (err) {
    if (Number(list.dataset.asked) === seq) replace(list, h("li", {}, `${err.message} (${err.code})`));
    return false;
  }
  const v = data.validateInstructions;
  if (Number(list.dataset.asked) !== seq) return v.valid;
  field.setAttribute("aria-invalid", String(!v.valid));
  if (v.valid) {
    replace(list, h("li", { class: "valid" }, `${v.steps.length} step(s), all valid`));
  } else {
    replace(list, v.errors.map((e) => h("li", { "data-line": e.line },
      h("strong", {}, `Line ${e.line}: `), e.reason,
      e.source ? [" — ", h("code", {}, e.source)] : null,
      e.suggestion ? h("span", { class: "suggestion" }, " Nearest valid form: ", h("code", {}, e.suggestion)) : null)));
  }
  return v.valid;
}

export class FlowCard {
  constructor(flow, session) {
    this.flow = flow;
    this.session = session;
    this.base = flow.instructions; // what the editor started from
    const id = flow.id;
    this.title = h("h3", { id: `flow-title-${id}` });
    this.status = h("span", {});
    this.approveBtn = h("button", { type: "button", onclick: () => this.approve(!this.flow.approved) });
    this.retryBtn = h("button", { type: "button", onclick: () => this.retry() }, "Retry");
    this.deleteBtn = h("button", { type: "button", class: "danger", onclick: () => this.remove() }, "Delete");
    this.nameField = h("input", { id: `flow-name-${id}`, value: flow.name, maxlength: 200, oninput: () => this.changed() });
    this.editor = h("textarea", { id: `flow-instructions-${id}`, rows: Math.max(3, flow.instructions.split("\n").length + 1),
      spellcheck: "false", "aria-describedby": `flow-problems-${id}`, oninput: () => this.changed() });
    this.editor.value = flow.instructions;
    this.problems = h("ul", { id: `flow-problems-${id}`, class: "problems", "aria-live": "polite" });
    this.saveBtn = h("button", { type: "submit", disabled: true }, "Save");
    this.revertBtn = h("button", { type: "button", disabled: true, onclick: () => this.revert() }, "Revert");
    this.summary = h("p", {});
    this.steps = h("div", {});
    this.form = h("form", { class: "editor" },
      h("label", { for: `flow-name-${id}` }, "Flow name"), this.nameField,
      h("label", { for: `flow-instructions-${id}` }, "Instructions"), this.editor,
      this.problems,
      h("div", { class: "row" }, this.saveBtn, this.revertBtn));
    this.form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      this.save();
    });
    this.el = h("article", { class: "flow", "aria-labelledby": `flow-title-${id}`, "data-flow": id },
      h("header", {}, this.title, this.status, this.approveBtn, this.retryBtn, this.deleteBtn),
      this.form, this.summary, this.steps);
    this.update(flow, session);
  }

  /** A new version of the flow from the live query. */
  update(flow, session) {
    this.flow = flow;
    this.session = session;
    const name = flow.name;
    replace(this.title, `${flow.order}. ${name}`);
    replace(this.status, badge(flow.status), flow.approved ? h("span", { class: "badge status-completed" }, "approved") : h("span", { class: "badge status-pending" }, "not approved"));
    const busy = flow.status === "running" || flow.queued;
    this.approveBtn.textContent = flow.approved ? "Unapprove" : "Approve";
    this.approveBtn.setAttribute("aria-label", `${flow.approved ? "Unapprove" : "Approve"} ${name}`);
    this.approveBtn.disabled = busy;
    this.retryBtn.setAttribute("aria-label", `Retry ${name}`);
    this.retryBtn.hidden = !(flow.status === "completed" || flow.status === "failed");
    this.retryBtn.disabled = busy || session.status === "generating";
    this.deleteBtn.setAttribute("aria-label", `Delete ${name}`);
    this.deleteBtn.disabled = busy;
    this.saveBtn.setAttribute("aria-label", `Save ${name}`);
    this.revertBtn.setAttribute("aria-label", `Revert ${name}`);
    this.editor.setAttribute("aria-label", `Instructions of ${name}`);
    this.nameField.setAttribute("aria-label", `Name of flow ${name}`);
    this.editor.readOnly = busy;
    // The server's version replaces the editor's only when the person has
    // not changed it.
    if (!this.dirty()) {
      this.base = flow.instructions;
      if (this.editor.value !== flow.instructions) this.editor.value = flow.instructions;
      if (document.activeElement !== this.nameField) this.nameField.value = flow.name;
    }
    this.renderRun(flow);
  }

  dirty() {
    return this.editor.value !== this.base || this.nameField.value !== this.flow.name;
  }

  changed() {
    const dirty = this.dirty();
    this.saveBtn.disabled = !dirty;
    this.revertBtn.disabled = !dirty;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.validate(), 250);
  }

  async validate() {
    const valid = await validateInto(this.editor.value, this.problems, this.editor);
    this.saveBtn.disabled = !this.dirty() || !valid;
    return valid;
  }

  revert() {
    this.editor.value = this.flow.instructions;
    this.nameField.value = this.flow.name;
    this.base = this.flow.instructions;
    replace(this.problems);
    this.editor.removeAttribute("aria-invalid");
    this.saveBtn.disabled = this.revertBtn.disabled = true;
  }

  async save() {
    if (!(await this.validate())) {
      this.editor.focus();
      return;
    }
    const input = {};
    if (this.editor.value !== this.base) input.instructions = this.editor.value;
    if (this.nameField.value !== this.flow.name) input.name = this.nameField.value;
    this.saveBtn.disabled = true;
    const data = await attempt(`Save "${this.flow.name}"`, () => request(UPDATE_FLOW, { flowId: this.flow.id, input }));
    if (!data) {
      this.saveBtn.disabled = false;
      return;
    }
    const saved = data.updateTestFlow;
    this.base = saved.instructions;
    this.flow = { ...this.flow, name: saved.name, instructions: saved.instructions };
    this.revertBtn.disabled = true;
    replace(this.problems, h("li", { class: "valid" }, "Saved"));
  }

  approve(approved) {
    return attempt(approved ? "Approve" : "Unapprove", () => request(APPROVE, { flowIds: [this.flow.id], approved }));
  }

  retry() {
    return attempt(`Retry "${this.flow.name}"`, () => request(RETRY, { flowId: this.flow.id }));
  }

  remove() {
    return attempt(`Delete "${this.flow.name}"`, () => request(DELETE_FLOW, { flowId: this.flow.id }));
  }

  renderRun(flow) {
    const parts = [];
    if (flow.attempts) parts.push(`Attempt ${flow.attempts}`);
    if (flow.durationMs !== null && flow.durationMs !== undefined) parts.push(`took ${duration(flow.durationMs)}`);
    replace(this.summary, parts.join(", "), flow.error ? h("span", { class: "status-failed", role: "status" }, " — ", flow.error) : null);
    if (!flow.steps.length) {
      replace(this.steps);
      return;
    }
    replace(this.steps, h("table", { class: "steps", "aria-label": `Steps of ${flow.name}` },
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Line"), h("th", { scope: "col" }, "Step"),
        h("th", { scope: "col" }, "Result"), h("th", { scope: "col" }, "Duration"))),
      h("tbody", {}, flow.steps.map((st) => h("tr", { "data-line": st.line },
        h("td", {}, st.line),
        h("td", {}, h("code", {}, st.source),
          st.error ? h("div", { class: "error-text status-failed" }, st.error) : null,
          st.screenshotUrl ? h("a", { href: st.screenshotUrl, target: "_blank", rel: "noopener" },
            h("img", { src: st.screenshotUrl, alt: `Screenshot of line ${st.line} of ${flow.name}`, loading: "lazy" })) : null),
        h("td", {}, badge(st.status)),
        h("td", {}, duration(st.durationMs)))))));
  }
}
