import { useId, useMemo } from 'react';
import type { Interaction } from '@/utils/core/schema';
import type { LocalDate } from '@/utils/core/dates';
import { parseLocalDate } from '@/utils/core/dates';
import { networkGiveTake, weeklyGiveTake } from '@/utils/network/give-and-take';
import { t, uiLanguage } from '@/utils/core/i18n';

const WIDTH = 600;
const HEIGHT = 160;
const AXIS = 22;
const WEEKS = 12;

/**
 * Contacts made and help given across the network, week by week over the last 12 weeks. Plain
 * SVG, named and described for screen readers, with the figures in a table they can read.
 */
export function GiveTakeChart({ interactions, today }: { interactions: Interaction[]; today: LocalDate }) {
  const id = useId();
  const weeks = useMemo(() => weeklyGiveTake(interactions, today, WEEKS), [interactions, today]);
  const totals = useMemo(() => networkGiveTake(interactions), [interactions]);
  const dayMonth = new Intl.DateTimeFormat(uiLanguage(), { day: 'numeric', month: 'short' });
  const label = (date: LocalDate) => dayMonth.format(parseLocalDate(date));
  const max = Math.max(1, ...weeks.flatMap((week) => [week.contacts, week.given]));
  const slot = WIDTH / weeks.length;
  const bar = slot * 0.34;
  const height = (value: number) => ((HEIGHT - AXIS - 4) * value) / max;
  const title = t('giveTake.chartTitle');
  const summary = t('giveTake.networkSummary', [
    String(totals.contacts),
    String(totals.given),
    String(totals.introductions),
    String(totals.received),
  ]);

  return (
    <figure className="give-take-chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>
        <h3>{title}</h3>
      </figcaption>
      <p>{summary}</p>
      <svg
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        preserveAspectRatio="xMidYMid meet"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        <line x1={0} x2={WIDTH} y1={HEIGHT - AXIS} y2={HEIGHT - AXIS} className="axis" />
        {weeks.map((week, index) => {
          const x = index * slot + slot * 0.14;
          return (
            <g key={week.start}>
              <rect className="bar contacts" x={x} width={bar} y={HEIGHT - AXIS - height(week.contacts)} height={height(week.contacts)} />
              <rect className="bar given" x={x + bar} width={bar} y={HEIGHT - AXIS - height(week.given)} height={height(week.given)} />
              {index % 2 === 1 && (
                <text x={index * slot + slot / 2} y={HEIGHT - 6} textAnchor="middle" className="tick">
                  {label(week.end)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <ul className="legend" aria-hidden="true">
        <li>
          <span className="swatch contacts" /> {t('giveTake.contactsMade')}
        </li>
        <li>
          <span className="swatch given" /> {t('giveTake.helpGiven')}
        </li>
      </ul>
      <table className="visually-hidden">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('giveTake.week')}</th>
            <th scope="col">{t('giveTake.contactsMade')}</th>
            <th scope="col">{t('giveTake.helpGiven')}</th>
            <th scope="col">{t('giveTake.helpReceived')}</th>
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week.start}>
              <th scope="row">{t('giveTake.weekRange', [label(week.start), label(week.end)])}</th>
              <td>{week.contacts}</td>
              <td>{week.given}</td>
              <td>{week.received}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
