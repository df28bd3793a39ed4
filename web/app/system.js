// The system view: systemStats as live charts, and per-operation request
// statistics when the server offers operationStats (hidden until then).
import { request, subscribe } from "./gql.js";
import { showError } from "./errors.js";
import { h, megabytes, replace, when } from "./dom.js";
import { chart } from "./chart.js";
import { OPERATION_STATS, STATS } from "./queries.js";

const SAMPLES = 120;
const OPERATIONS_EVERY_MS = 10000;

export function systemView(root) {
  const charts = h("div", { class: "charts", "aria-live": "off" });
  const latest = h("p", { class: "muted", role: "status" }, "Waiting for the first sample…");
  const opsBody = h("tbody", {});
  const ops = h("section", { "aria-labelledby": "ops-title", hidden: true },
    h("h2", { id: "ops-title" }, "Operations"),
    h("table", { "aria-label": "Operations" },
      h("thead", {}, h("tr", {}, ["Operation", "Requests", "Errors", "Mean", "p95"].map((c) => h("th", { scope: "col" }, c)))),
      opsBody));
  root.append(h("h1", {}, "System"), latest, charts, ops);

  const stop = subscribe(STATS, { limit: SAMPLES }, {
    next: (data) => {
      const samples = (data.systemStats || []).slice().reverse(); // oldest first
      if (!samples.length) return;
      const series = (f) => samples.map((s) => ({ t: new Date(s.timestamp), v: f(s) }));
      const m = (s) => s.metrics || {};
      replace(charts,
        chart("Queue depth", series((s) => m(s).queueDepth ?? null)),
        chart("Running sessions", series((s) => s.activeSessions)),
        chart("Browsers", series((s) => s.activeBrowsers)),
        chart("Memory", series((s) => megabytes(m(s).memoryBytes)), (v) => `${v.toFixed(1)} MB`),
        chart("Subscribers", series((s) => m(s).subscribers ?? null)),
        chart("Average flow duration", series((s) => m(s).avgFlowDurationMs ?? null), (v) => `${Math.round(v)} ms`),
        chart("Flows finished (total)", series((s) => s.totalFlowsExecuted)));
      latest.textContent = `Latest sample ${when(samples[samples.length - 1].timestamp)}; ${samples.length} sample(s).`;
    },
    error: (err) => showError(err, "System statistics"),
  });

  // operationStats is polled; a server without it says so once, by a
  // validation error, and the panel stays hidden.
  let timer = null;
  let stopped = false;
  async function pollOperations() {
    try {
      const data = await request(OPERATION_STATS);
      const rows = data.operationStats || [];
      ops.hidden = false;
      replace(opsBody, rows.length ? rows.map((o) => h("tr", {},
        h("td", {}, o.operation), h("td", {}, o.count), h("td", {}, o.errorCount),
        h("td", {}, `${o.meanMs.toFixed(1)} ms`), h("td", {}, `${o.p95Ms.toFixed(1)} ms`))) :
        h("tr", {}, h("td", { colspan: 5, class: "muted" }, "No requests yet.")));
    } catch (err) {
      if (err.code === "GRAPHQL_VALIDATION_FAILED") {
        ops.hidden = true;
        return; // not offered by this server: stop asking
      }
      showError(err, "Operations");
    }
    if (!stopped) timer = setTimeout(pollOperations, OPERATIONS_EVERY_MS);
  }
  pollOperations();

  return () => {
    stopped = true;
    clearTimeout(timer);
    stop();
  };
}
