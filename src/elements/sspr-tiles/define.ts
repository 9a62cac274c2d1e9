import { claimTag } from '../shared/define.js';
import { SsprTiles } from './sspr-tiles.js';

if (claimTag('sspr-tiles', SsprTiles)) customElements.define('sspr-tiles', SsprTiles);

declare global {
  interface HTMLElementTagNameMap {
    'sspr-tiles': SsprTiles;
  }
}

export { SsprTiles };
