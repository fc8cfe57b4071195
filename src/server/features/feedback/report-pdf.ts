/**
 * The report as a PDF: the same sections as the page, each chart drawn by ECharts to SVG on the server
 * (from the very option the page draws) and embedded by pdfmake, with its text alternative beneath.
 */
import type * as ECharts from 'echarts';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { ReviewReport } from '../../../contract/feedback.ts';
import type { AppContext } from '../../context.ts';
import { renderPdf } from '../meetings/pdf-worker.ts';

const chartSize = { width: 640, height: 300 };

/** One chart as an SVG string, drawn without a DOM (ECharts' server-side rendering). */
function chartSvg(echarts: typeof ECharts, option: Record<string, unknown>, size = chartSize): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, ...size });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

function reportDocument(
  echarts: typeof ECharts,
  ctx: AppContext,
  report: ReviewReport,
  programmeName: string,
  language = 'en',
): TDocumentDefinitions {
  const t = ctx.i18n.getFixedT(language, 'record');
  const na = t('reviewReport.notApplicable');
  const chartBlock = (id: string): Content[] => {
    const chart = report.charts.find((c) => c.id === id);
    if (!chart) return [];
    return [
      { svg: chartSvg(echarts, chart.option), width: 480, margin: [0, 4, 0, 2] },
      { text: chart.summary, italics: true, fontSize: 9, margin: [0, 0, 0, 8] },
    ];
  };
  const rr = report.responseRate;
  const content: Content[] = [
    { text: t('reviewReport.title', { title: report.review.title }), style: 'title' },
    { text: t('reviewReport.programme', { name: programmeName }), margin: [0, 0, 0, 4] },
    { text: t('reviewReport.kRule', { k: report.k }), italics: true, margin: [0, 0, 0, 8] },
    { text: t('reviewReport.responseRate'), style: 'section' },
    {
      text:
        rr.rate === null
          ? t('reviewReport.responsesNoRate', { responses: rr.responses })
          : t('reviewReport.responses', {
              responses: rr.responses,
              invited: rr.invited,
              percent: `${Math.round(rr.rate * 100)}%`,
            }),
    },
    { text: t('reviewReport.questions'), style: 'section' },
  ];
  for (const q of report.questions) {
    content.push({
      text: [{ text: `${t(`reviewReport.level.${q.question.level}`)}: `, bold: true }, q.question.text],
      margin: [0, 6, 0, 2],
    });
    const aggregate = q.scale ?? q.choice;
    if (aggregate && !aggregate.shown)
      content.push({
        text: t('reviewReport.notEnough', { count: aggregate.count, needed: aggregate.needed }),
      });
    else if (aggregate) content.push(...chartBlock(`question-${q.question.id}`));
    else
      content.push({
        text: t('reviewReport.textSummary', { answered: q.answered ?? 0, quotable: q.quotable ?? 0 }),
      });
  }
  content.push({ text: t('reviewReport.pulses'), style: 'section' });
  const overall = report.pulses.overall;
  content.push({
    text:
      overall.useful.shown && overall.safe.shown
        ? t('reviewReport.pulsesOverall', {
            count: overall.count,
            useful: overall.useful.mean,
            safe: overall.safe.mean,
          })
        : t('reviewReport.notEnough', { count: overall.count, needed: report.k }),
    margin: [0, 0, 0, 4],
  });
  content.push(...chartBlock('pulses'));
  content.push({ text: t('reviewReport.sets'), style: 'section' });
  const head = t('reviewReport.setHead', { returnObjects: true }) as unknown as string[];
  content.push({
    table: {
      headerRows: 1,
      widths: ['*', 'auto', 'auto', 'auto', 'auto', 'auto'],
      body: [
        head.map((h) => ({ text: h, bold: true })),
        ...report.sets.map((s) => [
          s.setName,
          String(s.meetingsHeld),
          `${s.present} / ${s.places}`,
          s.attendanceRate === null ? na : `${Math.round(s.attendanceRate * 100)}%`,
          `${s.actionsCompleted} / ${s.actionsCommitted}`,
          s.completionRate === null ? na : `${Math.round(s.completionRate * 100)}%`,
        ]),
      ],
    },
    layout: 'lightHorizontalLines',
    margin: [0, 0, 0, 6],
  });
  content.push(...chartBlock('sets'));
  content.push({ text: t('reviewReport.workshops'), style: 'section' });
  content.push(
    report.workshops.length
      ? {
          table: {
            headerRows: 1,
            widths: ['*', 'auto', 'auto'],
            body: [
              (t('reviewReport.workshopHead', { returnObjects: true }) as unknown as string[]).map((h) => ({
                text: h,
                bold: true,
              })),
              ...report.workshops.map((w) => [
                w.title,
                String(w.coming),
                w.attended === null ? t('reviewReport.notRecorded') : String(w.attended),
              ]),
            ],
          },
          layout: 'lightHorizontalLines',
          margin: [0, 0, 0, 6],
        }
      : { text: t('reviewReport.noWorkshops'), margin: [0, 0, 0, 6] },
  );
  content.push({ text: t('reviewReport.quotes'), style: 'section' });
  if (report.quotes.length)
    content.push({
      ul: report.quotes.map((q) => ({
        text: [{ text: `“${q.text}”` }, { text: ` (${q.question})`, italics: true, fontSize: 9 }],
      })),
    });
  else content.push({ text: t('reviewReport.noQuotes') });
  return {
    info: { title: t('reviewReport.title', { title: report.review.title }) },
    defaultStyle: { font: 'Roboto', fontSize: 10.5, lineHeight: 1.2 },
    styles: {
      title: { fontSize: 18, bold: true, margin: [0, 0, 0, 10] },
      section: { fontSize: 13, bold: true, margin: [0, 12, 0, 6] },
    },
    content,
  };
}

/** The report as a PDF, in the reader's language. */
export async function reportPdf(ctx: AppContext, report: ReviewReport, language = 'en'): Promise<Buffer> {
  const programme = await ctx.db
    .selectFrom('programme')
    .select('name')
    .where('id', '=', report.review.programmeId)
    .executeTakeFirstOrThrow();
  // ECharts takes about 40 MiB once loaded and only report PDFs need it: loaded on the first one, not at start.
  const echarts = await import('echarts');
  return renderPdf(reportDocument(echarts, ctx, report, programme.name, language));
}
