/**
 * Chart options for Apache ECharts, built once for both the report page (drawn in the browser) and the
 * PDF (drawn to SVG on the server). Plain data in, a plain option object out: no I/O, no library import.
 * Each option carries an aria description, the chart's text alternative.
 */
export interface ChartText {
  title: string;
  /** A sentence saying what the chart shows, read by screen readers and printed under the PDF's chart. */
  summary: string;
}

const base = (text: ChartText) => ({
  animation: false,
  aria: { enabled: true, label: { enabled: true, description: text.summary } },
  title: { text: text.title, left: 'left', textStyle: { fontSize: 13, fontWeight: 'bold' } },
  grid: { left: 48, right: 16, top: 48, bottom: 40, containLabel: true },
  tooltip: { trigger: 'axis' },
});

/** Counts per category as a bar chart (a scale's 1-5 points, or a choice's options). */
export function distributionOption(
  text: ChartText,
  categories: readonly string[],
  counts: readonly number[],
) {
  return {
    ...base(text),
    xAxis: {
      type: 'category',
      data: [...categories],
      axisLabel: { interval: 0, width: 90, overflow: 'break' },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        data: [...counts],
        itemStyle: { color: '#2f6f8f' },
        label: { show: true, position: 'top' },
      },
    ],
  };
}

/** Means over time (usefulness and safety, 1-5) as lines; a period below K is a gap, not a zero. */
export function trendOption(
  text: ChartText,
  periods: readonly string[],
  lines: readonly { name: string; values: readonly (number | null)[] }[],
) {
  const colours = ['#2f6f8f', '#b5563a'];
  return {
    ...base(text),
    legend: { bottom: 0 },
    xAxis: { type: 'category', data: [...periods] },
    yAxis: { type: 'value', min: 1, max: 5, interval: 1 },
    series: lines.map((l, i) => ({
      type: 'line',
      name: l.name,
      data: [...l.values],
      connectNulls: false,
      symbolSize: 8,
      itemStyle: { color: colours[i % colours.length] },
    })),
  };
}

/** Rates 0-100 per set (attendance, actions completed) as grouped bars. */
export function ratesOption(
  text: ChartText,
  sets: readonly string[],
  series: readonly { name: string; values: readonly (number | null)[] }[],
) {
  const colours = ['#2f6f8f', '#6b8f2f'];
  return {
    ...base(text),
    legend: { bottom: 0 },
    xAxis: { type: 'category', data: [...sets] },
    yAxis: { type: 'value', min: 0, max: 100 },
    series: series.map((s, i) => ({
      type: 'bar',
      name: s.name,
      data: [...s.values],
      itemStyle: { color: colours[i % colours.length] },
    })),
  };
}
