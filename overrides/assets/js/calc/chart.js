// The revenue-share chart: twin of chart_svg() in macros/calc/render.py (same geometry from
// the spec's box). A module of its own: only a calculator with a chart loads it (render.loadChart).
import { el } from "./render.js";

// The y axis (chart_scale), the points (chart_points), month labels (month_labels)

const tenths = (v) => Math.round(v * 10) / 10;
const niceStep = (span) => [1, 2, 5, 10].map((m) => m * 10 ** Math.floor(Math.log10(span))).find((s) => s >= span);

function chartScale(rows, series) {
  const values = rows.flatMap((row) => series.map((s) => row[s])).filter((v) => v > 0);
  const low = values.length ? Math.min(...values) : 1;
  const high = values.length ? Math.max(...values) : 1;
  const ticks = [];
  if (high / low > 20) {
    const bottom = Math.floor(Math.log10(low));
    const top = Math.ceil(Math.log10(high));
    for (let k = bottom; k <= top; k += Math.ceil((top - bottom) / 5)) ticks.push(10 ** k);
    return { log: true, bottom, top, ticks };
  }
  const step = niceStep(high / 4);
  const steps = Math.ceil(high / step - 1e-9);
  for (let i = 0; i <= steps; i++) ticks.push(step * i);
  return { log: false, bottom: 0, top: step * steps, ticks };
}

export function chart(name, spec, result, f) {
  const rows = result[spec.table];
  const { w, h, side, top: pad, bottom: padBottom } = spec.box;
  const { log, bottom, top, ticks } = chartScale(rows, spec.series);
  const base = h - padBottom;
  const y = (v) => {
    const at = log ? (v > 0 ? Math.log10(v) : bottom) : v; // 0 sits on the axis of a log chart
    return tenths(base - ((base - pad) * (Math.max(at, bottom) - bottom)) / (top - bottom || 1));
  };
  const count = Math.max(rows.length - 1, 1);
  const x = (i) => tenths(side + ((w - 2 * side) * i) / count);
  const text = (cls, tx, ty, content) => el("svg:text", { class: `calc-chart__${cls}`, x: tenths(tx), y: tenths(ty) }, content);
  const line = (cls, at) => el("svg:line", { class: `calc-chart__${cls}`, x1: side, y1: at, x2: w - side, y2: at });
  const title = f.t[`calc.${name}.chart`];
  const svg = el("svg:svg", { viewBox: `0 0 ${w} ${h}`, role: "img", "aria-label": title });
  svg.append(text("axis-title", side, 12, f.t[`calc.${name}.chart_y`]));
  for (const v of ticks) svg.append(line("grid", y(v)), text("value", side, y(v) - 3, f.number(v)));
  svg.append(line("axis", base));
  for (let i = 0; i < rows.length; i += Math.ceil(rows.length / 12)) {
    svg.append(text("month", x(i), base + 14, f.number(rows[i][spec.x], 0)));
  }
  svg.append(text("axis-title calc-chart__axis-title--x", w - side, h - 2, f.t[`calc.${name}.chart_x`]));
  const legend = el("ul", { class: "calc-chart__legend" });
  spec.series.forEach((s, i) => {
    svg.append(el("svg:polyline", { class: `calc-chart__line calc-chart__line--${i}`,
      points: rows.map((row, j) => `${x(j)},${y(row[s])}`).join(" ") }));
    legend.append(el("li", { class: `calc-chart__key calc-chart__key--${i}` }, f.t[`calc.key.${s}`]));
  });
  const caption = el("figcaption", {}, title);
  caption.append(legend);
  if (log) caption.append(el("p", { class: "calc-chart__note" }, f.t["calc.common.log_scale"]));
  const figure = el("figure", { class: "calc-chart" });
  figure.append(svg, caption);
  return figure;
}
