/** The colours and font a chart draws with, read from the element's resolved `--sspr-*` tokens. */
export interface ChartTheme {
  text: string;
  muted: string;
  border: string;
  surface: string;
  success: string;
  failure: string;
  accent: string;
  font: string;
  /** Forced colours (Windows contrast themes): colour alone cannot tell the series apart. */
  forced: boolean;
  /** The reader asked the system for less motion. */
  reducedMotion: boolean;
}

const COLORS = { text: '--_text', muted: '--_muted', border: '--_border', surface: '--_surface', success: '--_chart-success', failure: '--_chart-failure', accent: '--_accent' } as const;

let pixel: CanvasRenderingContext2D | null | undefined;

/**
 * A computed colour as `rgb()`/`rgba()`. Browsers serialise some colours (`color-mix()`, `oklch()`) in
 * forms ECharts cannot parse, so paint one pixel with it and read the pixel back.
 */
function toRgb(color: string): string {
  if (/^rgba?\(/.test(color)) return color;
  pixel ??= Object.assign(document.createElement('canvas'), { width: 1, height: 1 }).getContext('2d', { willReadFrequently: true });
  if (!pixel) return color;
  pixel.clearRect(0, 0, 1, 1);
  pixel.fillStyle = color;
  pixel.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = pixel.getImageData(0, 0, 1, 1).data;
  return a === 255 ? `rgb(${r}, ${g}, ${b})` : `rgba(${r}, ${g}, ${b}, ${(a / 255).toFixed(3)})`;
}

/**
 * ECharts cannot read `var()`, nor `light-dark()`, `oklch()` or `color-mix()`, so each colour token is
 * resolved by the browser on a probe inside the element's shadow root (where the tokens are defined)
 * and handed over as the computed `rgb()` value.
 */
export function readChartTheme(root: ShadowRoot): ChartTheme {
  const probe = document.createElement('span');
  probe.hidden = true;
  root.append(probe);
  try {
    const colors = Object.fromEntries(
      Object.entries(COLORS).map(([name, token]) => {
        probe.style.color = `var(${token})`;
        return [name, toRgb(getComputedStyle(probe).color)];
      }),
    ) as Record<keyof typeof COLORS, string>;
    return {
      ...colors,
      font: getComputedStyle(root.host).getPropertyValue('--_font').trim() || 'sans-serif',
      forced: matchMedia('(forced-colors: active)').matches,
      reducedMotion: matchMedia('(prefers-reduced-motion: reduce)').matches,
    };
  } finally {
    probe.remove();
  }
}
