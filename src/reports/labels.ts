/** How the table and the drill-down text name Graph's values (an unknown value reads as itself). */

const FEATURES: Record<string, string> = { registration: 'Registration', reset: 'Reset' };

/** `reset` → "Reset". */
export const featureLabel = (feature: string): string => FEATURES[feature] ?? feature;

/** `true` / `'true'` → "Yes"; `false` / `'false'` → "No". */
export const yesNo = (value: boolean | string): string => (value === true || value === 'true' ? 'Yes' : value === false || value === 'false' ? 'No' : value);
