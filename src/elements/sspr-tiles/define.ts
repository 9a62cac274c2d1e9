import { defineElement } from '../shared/define.js';
import { SsprTiles } from './sspr-tiles.js';

defineElement('sspr-tiles', SsprTiles);

declare global {
  interface HTMLElementTagNameMap {
    'sspr-tiles': SsprTiles;
  }
}

export { SsprTiles };
