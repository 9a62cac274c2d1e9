/** Colour maths for the focus-visibility test: any CSS colour → sRGB → WCAG contrast ratio. */
let pixel: CanvasRenderingContext2D | null = null;

/** [r, g, b, a] of a computed colour (rgb(), color(srgb …), system colours), painted on one pixel. */
export function rgba(color: string): [number, number, number, number] {
  pixel ??= Object.assign(document.createElement('canvas'), { width: 1, height: 1 }).getContext('2d', { willReadFrequently: true })!;
  pixel.clearRect(0, 0, 1, 1);
  pixel.fillStyle = color;
  pixel.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = pixel.getImageData(0, 0, 1, 1).data;
  return [r!, g!, b!, a! / 255];
}

const luminance = ([r, g, b]: number[]) => {
  const c = [r!, g!, b!].map((v) => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * c[0]! + 0.7152 * c[1]! + 0.0722 * c[2]!;
};

export function contrast(a: string, b: string): number {
  const [la, lb] = [luminance(rgba(a)), luminance(rgba(b))];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** The first opaque background behind `element` (itself excluded), crossing shadow roots. */
export function backgroundBehind(element: Element): string {
  let node: Node | null = element.parentNode;
  while (node) {
    if (node instanceof Element) {
      const bg = getComputedStyle(node).backgroundColor;
      if (rgba(bg)[3] > 0.5) return bg;
    }
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return 'rgb(255, 255, 255)';
}
