// A line chart in inline SVG: one series over time, its axis from zero to
// its maximum, with the latest value in words for screen readers.
import { h } from "./dom.js";

const NS = "http://www.w3.org/2000/svg";
const W = 300;
const H = 100;

function svg(tag, attrs, ...children) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  for (const c of children) el.append(c);
  return el;
}

/**
 * chart("Queue depth", points, format) — points are [{t: Date, v: number}]
 * oldest first; v may be null (a gap).
 */
export function chart(title, points, format = (v) => String(v)) {
  const values = points.filter((p) => p.v !== null && p.v !== undefined);
  const last = values.length ? values[values.length - 1].v : null;
  const max = Math.max(1, ...values.map((p) => p.v));
  const t0 = points.length ? points[0].t.getTime() : 0;
  const t1 = points.length ? points[points.length - 1].t.getTime() : 1;
  const x = (t) => (t1 === t0 ? W : ((t.getTime() - t0) / (t1 - t0)) * W);
  const y = (v) => H - (v / max) * (H - 10) - 2;
  const path = values.map((p) => `${x(p.t).toFixed(1)},${y(p.v).toFixed(1)}`).join(" ");
  const summary = last === null ? "no samples yet" : `now ${format(last)}, peak ${format(max)} over ${values.length} samples`;
  const graphic = svg("svg", { viewBox: `0 0 ${W} ${H}`, preserveAspectRatio: "none", role: "img", "aria-label": `${title}: ${summary}` },
    svg("line", { x1: 0, y1: y(0), x2: W, y2: y(0), stroke: "#d0d7de", "stroke-width": 1 }),
    svg("text", { x: 4, y: 10, "font-size": 9, fill: "#57606a" }, format(max)),
    values.length ? svg("polyline", { points: path, fill: "none", stroke: "#0969da", "stroke-width": 1.5, "vector-effect": "non-scaling-stroke" }) : svg("g", {}),
    ...(values.length ? [svg("circle", { cx: x(values[values.length - 1].t), cy: y(last), r: 2.5, fill: "#0969da" })] : []));
  return h("figure", { class: "chart panel" },
    h("figcaption", {}, title, " ", h("span", { class: "now" }, last === null ? "—" : format(last))),
    graphic);
}
