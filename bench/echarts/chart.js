// Draws the app's "exits per year" chart for 安图县 with ECharts (SVG renderer), from the same
// dataset file the app fetches, with the same size, colours and axis labels, and no animation
// (the app draws no animation either).
(async () => {
  const ACTUAL = "#0072B2", PLAN = "#E69F00", BASELINE = "#333333", GRID = "#DDDDDD", TEXT = "#222222";
  const response = await fetch("../data/plans.json");
  const dataset = await response.json();
  const plan = dataset.plans.find((p) => p.id === "antu");
  const rows = plan.exit_schedule;
  const label = (v) => (Math.abs(v) >= 1e4 ? `${+(v / 1e4).toFixed(2)}万` : `${+v.toFixed(1)}`);
  const chart = echarts.init(document.getElementById("chart"), null, { renderer: "svg", width: 640, height: 360 });
  chart.setOption({
    animation: false,
    grid: { left: 92, right: 14, top: 14, bottom: 54 },
    xAxis: {
      type: "category",
      data: rows.map((r) => String(r.year)),
      axisLine: { lineStyle: { color: BASELINE } },
      axisLabel: { fontSize: 22, color: TEXT },
    },
    yAxis: {
      type: "value",
      splitNumber: 5,
      axisLine: { show: true, lineStyle: { color: BASELINE } },
      splitLine: { lineStyle: { color: GRID } },
      axisLabel: { fontSize: 22, color: TEXT, formatter: label },
    },
    series: [
      {
        // The scenario (here equal to the plan): achieved years blue, plan years orange.
        type: "bar",
        barWidth: "64%",
        data: rows.map((r) => ({ value: r.people, itemStyle: { color: r.status === "actual" ? ACTUAL : PLAN } })),
      },
      {
        // The plan as printed, as an outline over the same bar.
        type: "bar",
        barWidth: "64%",
        barGap: "-100%",
        data: rows.map((r) => r.people),
        itemStyle: { color: "transparent", borderColor: BASELINE, borderWidth: 2 },
      },
    ],
  });
  window.__chartRows = rows.length;
})();
