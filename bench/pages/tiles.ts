// Only the tiles' define module: the size of this page is the size of a tiles-only page.
import '../../src/elements/sspr-tiles/define.js';
