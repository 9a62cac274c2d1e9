import { msg } from '../../i18n/msg.js';

/** The tiles `<sspr-tiles>` can show, the Graph feature each counts and the filter each drills into. */
export type TileMetric = 'registered' | 'enabled' | 'capable' | 'mfa' | 'passwordless';

export interface TileDefinition {
  metric: TileMetric;
  /** usersRegisteredByFeature's feature name. */
  feature: string;
  /** The title, in the language in effect when read. */
  readonly label: string;
  /** What the count means, in the language in effect when read. */
  readonly description: string;
  /** userRegistrationDetails property that is true for the users this tile counts. */
  filterKey: string;
}

export const TILES: Readonly<Record<TileMetric, TileDefinition>> = {
  registered: {
    metric: 'registered',
    feature: 'ssprRegistered',
    get label() { return msg('Users registered'); },
    get description() { return msg('registered enough methods for self-service password reset'); },
    filterKey: 'isSsprRegistered',
  },
  enabled: {
    metric: 'enabled',
    feature: 'ssprEnabled',
    get label() { return msg('Users enabled'); },
    get description() { return msg('allowed by policy to reset their own password'); },
    filterKey: 'isSsprEnabled',
  },
  capable: {
    metric: 'capable',
    feature: 'ssprCapable',
    get label() { return msg('Users capable'); },
    get description() { return msg('registered and enabled: they can reset their own password'); },
    filterKey: 'isSsprCapable',
  },
  mfa: {
    metric: 'mfa',
    feature: 'mfaCapable',
    get label() { return msg('MFA capable'); },
    get description() { return msg('registered a strong method the policy allows'); },
    filterKey: 'isMfaCapable',
  },
  passwordless: {
    metric: 'passwordless',
    feature: 'passwordlessCapable',
    get label() { return msg('Passwordless capable'); },
    get description() { return msg('FIDO2, Windows Hello for Business or passwordless phone sign-in'); },
    filterKey: 'isPasswordlessCapable',
  },
};

export const DEFAULT_METRICS: readonly TileMetric[] = ['registered', 'enabled', 'capable'];

/**
 * Reads the `metrics` attribute ("registered capable mfa", commas allowed). Unknown names are
 * returned separately so the element can say which ones it ignored instead of dropping them silently.
 */
export function parseMetrics(value: string | undefined): { metrics: TileMetric[]; unknown: string[] } {
  const names = (value ?? '').split(/[\s,]+/).filter(Boolean);
  if (names.length === 0) return { metrics: [...DEFAULT_METRICS], unknown: [] };
  const metrics: TileMetric[] = [];
  const unknown: string[] = [];
  for (const name of names) {
    if (Object.hasOwn(TILES, name)) {
      if (!metrics.includes(name as TileMetric)) metrics.push(name as TileMetric);
    } else unknown.push(name);
  }
  return { metrics, unknown };
}
