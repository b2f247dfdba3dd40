import {
  PALETTE,
  type GroupFigures,
  type IndicatorSeries,
  type ResultsReport,
} from '../../../engine/editor';
import type { ResultsStrings } from '../i18n/results-strings';
import { compareHref } from './api';

const REGION_COLOUR = '#222';

const WIDTH = 640;
const HEIGHT = 260;
const LEFT = 44;
const RIGHT = 16;
const TOP = 28;
const BOTTOM = 36;

/** Props of {@link ResultsChart}. */
export interface ResultsChartProps {
  report: ResultsReport;
  indicator: IndicatorSeries;
  t: ResultsStrings;
}

/** The rate of a group at each run index (undefined where hidden or missing). */
function ratesOf(
  indicator: IndicatorSeries,
  pick: (p: IndicatorSeries['points'][number]) => GroupFigures | undefined,
) {
  return indicator.points.map((point) => ({ run: point.run, rate: pick(point)?.rate ?? null }));
}

/**
 * One indicator over time: a line per centre and a thicker one for the region (points where
 * a rate is hidden or unknown break the line), the target as a dotted line, and each version
 * break as a dashed vertical line labelled "from → to" that links to the editor's compare
 * view of the two versions.
 */
export function ResultsChart({ report, indicator, t }: ResultsChartProps) {
  const runs = report.runs.length;
  const x = (run: number): number =>
    runs <= 1
      ? LEFT + (WIDTH - LEFT - RIGHT) / 2
      : LEFT + (run * (WIDTH - LEFT - RIGHT)) / (runs - 1);
  const y = (rate: number): number => TOP + (1 - rate) * (HEIGHT - TOP - BOTTOM);
  const segments = (values: { run: number; rate: number | null }[]): string[] => {
    const out: string[] = [];
    let current: string[] = [];
    for (const v of values) {
      if (v.rate === null) {
        if (current.length > 0) out.push(current.join(' '));
        current = [];
      } else current.push(`${x(v.run).toFixed(1)},${y(v.rate).toFixed(1)}`);
    }
    if (current.length > 0) out.push(current.join(' '));
    return out;
  };
  const series = [
    ...report.centres.map((name, i) => ({
      name,
      colour: PALETTE[i % PALETTE.length] ?? '#888',
      width: 1.5,
      values: ratesOf(indicator, (p) => p.centres[name]),
    })),
    {
      name: t.region,
      colour: REGION_COLOUR,
      width: 3,
      values: ratesOf(indicator, (p) => p.region),
    },
  ];
  const titleId = `chart-title-${indicator.id}`;
  const descId = `chart-desc-${indicator.id}`;
  return (
    <svg
      className="results-chart"
      data-testid={`results-chart-${indicator.id}`}
      // A group, not an image: it holds a link ("what changed"), which an image may not.
      role="group"
      aria-labelledby={`${titleId} ${descId}`}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width={WIDTH}
      height={HEIGHT}
    >
      <title id={titleId}>{t.chartTitle(indicator.label)}</title>
      <desc id={descId}>{t.chartDescription(report.centres.length, runs)}</desc>
      {[0, 0.25, 0.5, 0.75, 1].map((share) => (
        <g key={share} className="grid">
          <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(share)} y2={y(share)} stroke="#ddd" />
          <text x={LEFT - 6} y={y(share) + 4} textAnchor="end" fontSize="11">
            {Math.round(share * 100)} %
          </text>
        </g>
      ))}
      {report.runs.map((run, i) => (
        <text key={run.asOf} x={x(i)} y={HEIGHT - 12} textAnchor="middle" fontSize="10">
          {run.asOf.slice(0, 7)}
        </text>
      ))}
      {indicator.target !== undefined && (
        <line
          data-testid="target-line"
          x1={LEFT}
          x2={WIDTH - RIGHT}
          y1={y(indicator.target)}
          y2={y(indicator.target)}
          stroke="#777"
          strokeDasharray="2 3"
        >
          <title>{`${t.target} ${Math.round(indicator.target * 100)} %`}</title>
        </line>
      )}
      {report.versionBreaks.map((change) => {
        const at = report.runs.findIndex((run) => run.asOf === change.asOf);
        if (at < 0) return null;
        // Halfway between the last run of the old version and the first of the new.
        const bx = at === 0 ? x(0) : (x(at - 1) + x(at)) / 2;
        return (
          <g key={`${change.from}-${change.to}-${change.asOf}`} data-testid="version-break">
            <line
              x1={bx}
              x2={bx}
              y1={TOP - 6}
              y2={HEIGHT - BOTTOM}
              stroke="#b00"
              strokeDasharray="5 4"
            />
            <a
              href={compareHref(report.pathwayId, change.from, change.to)}
              data-testid={`what-changed-${change.from}-${change.to}`}
            >
              <text x={bx + 4} y={TOP - 10} fontSize="11" fill="#b00">
                {t.versionBreak(change.from, change.to)} ({t.whatChanged})
              </text>
            </a>
          </g>
        );
      })}
      {series.map((s) =>
        segments(s.values).map((points, i) => (
          <polyline
            key={`${s.name}-${i}`}
            data-series={s.name}
            points={points}
            fill="none"
            stroke={s.colour}
            strokeWidth={s.width}
          />
        )),
      )}
    </svg>
  );
}

/** The colour key of the chart's lines. */
export function ResultsLegend({ report, t }: { report: ResultsReport; t: ResultsStrings }) {
  return (
    <ul className="results-legend">
      {report.centres.map((name, i) => (
        <li key={name}>
          <span className="swatch" style={{ background: PALETTE[i % PALETTE.length] }} /> {name}
        </li>
      ))}
      <li>
        <span className="swatch" style={{ background: REGION_COLOUR }} /> {t.region}
      </li>
    </ul>
  );
}
