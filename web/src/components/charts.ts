// components/charts.ts — Apache ECharts, with only the chart types the pages use (smaller
// bundle), set up once: Vietnamese number formatting in tooltips and axes, a sober palette, and
// charts that follow their container's size. Loaded only by pages that draw charts.
import * as echarts from "echarts/core";
import { BarChart, LineChart, MapChart, PieChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, TitleComponent, AriaComponent } from "echarts/components";
import { CanvasRenderer } from "echarts/renderers";
import { num } from "../format";

echarts.use([
  BarChart,
  LineChart,
  MapChart,
  PieChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
  TitleComponent,
  AriaComponent,
  CanvasRenderer,
]);

export { echarts };
export const palette = ["#0b4f8a", "#c8102e", "#2e8b57", "#d98c00", "#6a4c93", "#1f9bb5", "#8c6d46", "#7a8793"];

export interface Chart {
  chart: echarts.ECharts;
  dispose(): void;
}

// A theme, not options: pages redraw with setOption(..., true), which would drop options.
echarts.registerTheme("caunoi", {
  color: palette,
  textStyle: { fontFamily: '"Segoe UI", Roboto, "Noto Sans", Arial, sans-serif', color: "#1b2430" },
});

export function makeChart(el: HTMLElement): Chart {
  const chart = echarts.init(el, "caunoi", { renderer: "canvas" });
  const ro = new ResizeObserver(() => chart.resize());
  ro.observe(el);
  return {
    chart,
    dispose() {
      ro.disconnect();
      chart.dispose();
    },
  };
}

export const axisNum = { axisLabel: { formatter: (v: number) => num(v), hideOverlap: true } };
export const tooltipNum = {
  trigger: "axis" as const,
  valueFormatter: (v: unknown) => (typeof v === "number" ? num(v) : String(v ?? "—")),
};
