import { html, type SafeHtml } from './html.ts';

/**
 * A horizontal bar chart as server-rendered SVG, readable at phone width: the SVG has no viewBox,
 * so text keeps its size and bars are drawn in percent of the width; labels wrap onto lines above
 * their bar. It is one image to assistive technology (role="img", title and description); the
 * numbers themselves go in a table beside it. Colours are attributes, not styles (the page's CSP).
 */

export interface Bar {
  label: string;
  value: number;
  /** The value as written next to the bar ("1 600 000 kr"). */
  valueText: string;
}

export interface BarChartOptions {
  /** Unique on the page: the title and description are referred to by id. */
  id: string;
  title: string;
  /** What the chart shows, in a sentence or two (the description a screen reader gives). */
  description: string;
  bars: Bar[];
}

const LINE = 18;
const BAR = 22;
const GAP = 16;
const FONT = 14;
/** Characters on a label line: about what fits at 320 px at 14 px. */
const LABEL_CHARS = 40;
const BAR_COLOUR = '#0062ba';
const TEXT_COLOUR = '#1e2b3c';
/** Past this share of the width the value goes inside the bar (there is room for it there). */
const INSIDE_FROM = 55;

/** Words of `text` on lines of at most `max` characters (a longer word gets a line of its own). */
export function wrapLabel(text: string, max = LABEL_CHARS): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= max)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.length > 0 ? lines : [''];
}

/** The bar's length in percent of the chart's width; a value above zero always shows. */
export const barPercent = (value: number, max: number): number =>
  max <= 0 || value <= 0 ? 0 : Math.max(0.5, Math.round((value / max) * 1000) / 10);

export function barChart(options: BarChartOptions): SafeHtml {
  const max = Math.max(0, ...options.bars.map((b) => b.value));
  let y = 0;
  const rows = options.bars.map((bar) => {
    const lines = wrapLabel(bar.label);
    const labels = lines.map((line, i) => html`<tspan x="0" y="${y + (i + 1) * LINE - 4}">${line}</tspan>`);
    const top = y + lines.length * LINE + 2;
    const pct = barPercent(bar.value, max);
    const inside = pct >= INSIDE_FROM;
    y = top + BAR + GAP;
    return html`<g>
      <text fill="${TEXT_COLOUR}" font-size="${FONT}">${labels}</text>
      <rect x="0" y="${top}" width="${pct}%" height="${BAR}" fill="${BAR_COLOUR}" rx="2"></rect>
      <text
        x="${pct}%"
        y="${top + BAR / 2 + 5}"
        dx="${inside ? -6 : 6}"
        text-anchor="${inside ? 'end' : 'start'}"
        fill="${inside ? '#ffffff' : TEXT_COLOUR}"
        font-size="${FONT}"
        font-weight="600"
      >
        ${bar.valueText}
      </text>
    </g>`;
  });
  const height = Math.max(y - GAP + 2, LINE);
  return html`<svg
    class="app-chart"
    role="img"
    aria-labelledby="${options.id}-title ${options.id}-desc"
    width="100%"
    height="${height}"
    xmlns="http://www.w3.org/2000/svg"
    data-chart="${options.id}"
  >
    <title id="${options.id}-title">${options.title}</title>
    <desc id="${options.id}-desc">${options.description}</desc>
    ${rows}
  </svg>`;
}
