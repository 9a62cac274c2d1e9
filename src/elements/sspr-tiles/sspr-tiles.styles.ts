import { css } from 'lit';

export const tilesStyles = css`
  :host {
    display: block;
    --_tile-bg: var(--sspr-tile-background, var(--_surface));
    --_tile-border: var(--sspr-tile-border-color, var(--_border));
    --_tile-accent: var(--sspr-tile-accent, var(--_accent));
    --_tile-min: var(--sspr-tile-min-width, 11rem);
    --_value-size: var(--sspr-tile-value-size, 1.9rem);
  }
  .tiles {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, var(--_tile-min)), 1fr));
    gap: calc(var(--_space) * 0.75);
  }
  .tile {
    all: unset;
    box-sizing: border-box;
    display: grid;
    gap: 0.25rem;
    align-content: start;
    min-width: 0;
    padding: var(--_space);
    border: 1px solid var(--_tile-border);
    border-radius: var(--_radius);
    background: var(--_tile-bg);
    color: var(--_text);
    cursor: pointer;
    text-align: start;
  }
  .tile:hover {
    border-color: var(--_tile-accent);
  }
  .tile:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .label {
    font-weight: 600;
  }
  .value {
    font-size: var(--_value-size);
    font-weight: 700;
    line-height: 1.1;
    font-variant-numeric: tabular-nums;
    overflow-wrap: anywhere;
  }
  .share,
  .description {
    color: var(--_muted);
    font-size: 0.9em;
  }
  .meter {
    display: block;
    height: 6px;
    border-radius: 3px;
    background: var(--_skeleton);
    overflow: hidden;
  }
  .fill {
    display: block;
    height: 100%;
    background: var(--_tile-accent);
  }
  .trend {
    display: block;
    width: 100%;
    height: 1.5rem;
    overflow: visible;
  }
  .trend polyline {
    fill: none;
    stroke: var(--_tile-accent);
    stroke-width: 2;
    stroke-linejoin: round;
    vector-effect: non-scaling-stroke;
  }
  @media (forced-colors: active) {
    .trend polyline {
      stroke: CanvasText;
    }
  }
  .tile.loading {
    cursor: default;
  }
  .skeleton-line {
    height: 0.9rem;
    width: 70%;
  }
  .skeleton-value {
    height: var(--_value-size);
    width: 45%;
  }
  .ignored {
    margin: 0.5rem 0 0;
    color: var(--_warning);
  }
  @media (forced-colors: active) {
    /* the track's background is dropped in forced colours: an outline keeps its length visible */
    .meter {
      border: 1px solid CanvasText;
    }
    .fill {
      background: CanvasText;
      forced-color-adjust: none;
    }
  }
`;
