import { useEffect, useRef } from 'react';

/**
 * One ECharts chart, drawn from an option the server built with the same builder as the PDF's charts.
 * ECharts is loaded only when a chart is first shown (its own chunk). The figure is an image to
 * assistive technology, named by the chart's summary; the page shows the same figures as text beside it.
 */
export function Chart({
  option,
  summary,
  id,
}: {
  option: Record<string, unknown>;
  summary: string;
  id: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let disposed = false;
    let chart: { dispose(): void; resize(): void } | null = null;
    const resize = () => chart?.resize();
    void import('echarts').then((echarts) => {
      if (disposed || !box.current) return;
      const c = echarts.init(box.current, null, { renderer: 'svg' });
      c.setOption({ ...option, aria: { enabled: false } });
      chart = c;
      window.addEventListener('resize', resize);
    });
    return () => {
      disposed = true;
      window.removeEventListener('resize', resize);
      chart?.dispose();
    };
  }, [option]);
  return <div ref={box} className="report-chart" role="img" aria-label={summary} data-chart={id} />;
}
