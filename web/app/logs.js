// A session's execution logs: the history (paged by cursor), then the live
// stream from the last cursor, filtered by level and flow. On reconnect the
// stream resumes after the last log it showed: nothing missed, nothing twice.
import { request, subscribe } from "./gql.js";
import { showError } from "./errors.js";
import { h, replace, timeOf } from "./dom.js";
import { LOGS_PAGE, LOGS_STREAM } from "./queries.js";

const KEEP = 2000; // lines kept on the page
const PAGE = 500;

export class LogPanel {
  /** onLog, when given, sees every log shown (the session view shows the latest while generating). */
  constructor(sessionId, onLog = () => {}) {
    this.sessionId = sessionId;
    this.onLog = onLog;
    this.flowNames = new Map();
    this.level = h("select", { id: "log-level", onchange: () => this.reload() },
      h("option", { value: "" }, "All levels"),
      ["info", "warning", "error", "debug"].map((l) => h("option", { value: l }, l)));
    this.flowSelect = h("select", { id: "log-flow", onchange: () => this.reload() }, h("option", { value: "" }, "All flows"));
    this.list = h("ol", { class: "logs", role: "log", "aria-label": "Execution logs", "aria-live": "polite" });
    this.count = h("span", { class: "muted" });
    this.el = h("section", { "aria-labelledby": "logs-title" },
      h("h2", { id: "logs-title" }, "Logs"),
      h("div", { class: "row inline" },
        h("label", { for: "log-level" }, "Level"), this.level,
        h("label", { for: "log-flow" }, "Flow"), this.flowSelect, this.count),
      this.list);
    this.stop = () => {};
    this.reload();
  }

  /** Keeps the flow filter's options in step with the session's flows. */
  setFlows(flows) {
    const key = flows.map((f) => f.id + f.name).join();
    flows.forEach((f) => this.flowNames.set(f.id, f.name));
    if (key === this.flowsKey) return;
    this.flowsKey = key;
    const selected = this.flowSelect.value;
    replace(this.flowSelect, h("option", { value: "" }, "All flows"),
      flows.map((f) => h("option", { value: f.id }, `${f.order}. ${f.name}`)));
    this.flowSelect.value = flows.some((f) => f.id === selected) ? selected : "";
    if (this.flowSelect.value !== selected) this.reload();
  }

  filters() {
    return { sessionId: this.sessionId, flowId: this.flowSelect.value || null, level: this.level.value || null };
  }

  /**
   * Shows the history, then the stream, with no gap and nothing twice: the
   * stream is subscribed first (it starts after the newest log) and what it
   * sends while the history pages load waits in a buffer; logs both bring
   * are shown once. After a reconnect the stream resumes after the last
   * cursor shown.
   */
  async reload() {
    this.stop();
    const generation = (this.generation = (this.generation || 0) + 1);
    replace(this.list);
    this.shown = 0;
    this.cursor = null;
    let buffer = [];
    let seen = new Set(); // only while history and stream may overlap
    const deliver = (edge) => {
      if (seen) {
        if (seen.has(edge.node.id)) return;
        seen.add(edge.node.id);
      }
      this.cursor = edge.cursor;
      this.add(edge.node);
    };
    this.stop = subscribe(LOGS_STREAM, () => ({ ...this.filters(), after: this.cursor }), {
      next: (data) => (buffer ? buffer.push(data.executionLogs) : deliver(data.executionLogs)),
      error: (err) => {
        showError(err, "Log stream");
        if (err.code === "RATE_LIMITED") setTimeout(() => this.resume(generation, deliver), 1000);
      },
    });
    let after = null;
    for (;;) {
      let data;
      try {
        data = await request(LOGS_PAGE, { ...this.filters(), first: PAGE, after });
      } catch (err) {
        showError(err, "Logs");
        break;
      }
      if (generation !== this.generation) return; // filters changed meanwhile
      const conn = data.executionLogs;
      conn.edges.forEach(deliver);
      if (conn.pageInfo.endCursor) after = conn.pageInfo.endCursor;
      if (!conn.pageInfo.hasNextPage) break;
    }
    const waiting = buffer;
    buffer = null;
    waiting.forEach(deliver);
    seen = null; // from here the stream alone sends, each log once
  }

  // resume subscribes again after the last log shown (the server ended a
  // stream that fell behind).
  resume(generation, deliver) {
    if (generation !== this.generation) return;
    this.stop();
    this.stop = subscribe(LOGS_STREAM, () => ({ ...this.filters(), after: this.cursor }), {
      next: (data) => deliver(data.executionLogs),
      error: (err) => showError(err, "Log stream"),
    });
  }

  add(log) {
    const stick = this.list.scrollTop + this.list.clientHeight >= this.list.scrollHeight - 4;
    const flow = log.flowId ? this.flowNames.get(log.flowId) : null;
    const shot = log.data && log.data.screenshotUrl;
    this.list.append(h("li", { class: `level-${log.level}`, "data-level": log.level },
      h("time", { datetime: log.timestamp }, timeOf(log.timestamp)), " ",
      h("span", { class: "lvl" }, log.level.toUpperCase()), " ",
      flow ? h("span", { class: "muted" }, `[${flow}] `) : null,
      log.message,
      shot ? [" ", h("a", { href: shot, target: "_blank", rel: "noopener" }, "screenshot")] : null));
    this.shown++;
    this.onLog(log);
    while (this.list.children.length > KEEP) this.list.firstElementChild.remove();
    this.count.textContent = `${this.shown} line(s)`;
    if (stick) this.list.scrollTop = this.list.scrollHeight;
  }

  destroy() {
    this.generation++;
    this.stop();
  }
}
