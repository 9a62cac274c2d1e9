import { html } from 'lit';
import type { ChartHover } from '../../../controllers/chart/chart-controller.js';
import { methodLabel } from '../../../reports/methods.js';
import type { ActivityRow } from '../../../reports/types.js';
import { cssProps } from '../css-props.js';
import { formatCount } from '../../../i18n/format.js';
import { msg } from '../../../i18n/msg.js';

/** Gap between the pointer and the tooltip, in pixels. */
const OFFSET = 12;

/** Beside the pointer; in the right half of the chart, to its left (so it never leaves the chart). */
export function tooltipPosition(hover: ChartHover, chartWidth: number) {
  const flip = hover.x > chartWidth / 2;
  return {
    left: `${flip ? hover.x - OFFSET : hover.x + OFFSET}px`,
    top: `${hover.y + OFFSET}px`,
    transform: flip ? 'translateX(-100%)' : undefined,
  };
}

/**
 * The chart's tooltip: one method's succeeded, failed and total counts beside the pointer. Rendered by
 * Lit (text bindings only), so it needs no HTML string, works under Trusted Types and is themed like the
 * rest of the element. It flips to the pointer's left in the right half of the chart.
 */
export function renderActivityTooltip(row: ActivityRow, hover: ChartHover, chartWidth: number) {
  return html`<div part="tooltip" class="tooltip" role="tooltip" ${cssProps(tooltipPosition(hover, chartWidth))}>
    <strong class="tooltip-title">${methodLabel(row.method)}</strong>
    <span class="tooltip-line"><span class="swatch success" aria-hidden="true"></span>${msg('Succeeded:')} <b>${formatCount(row.succeeded)}</b></span>
    <span class="tooltip-line"><span class="swatch failure" aria-hidden="true"></span>${msg('Failed:')} <b>${formatCount(row.failed)}</b></span>
    <span class="tooltip-line">${msg('Total:')} <b>${formatCount(row.succeeded + row.failed)}</b></span>
  </div>`;
}
