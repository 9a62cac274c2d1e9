/** How the table and the drill-down text name Graph's values (an unknown value reads as itself). */

const FEATURES: Record<string, string> = { registration: 'Registration', reset: 'Reset' };

/** `reset` → "Reset". */
export const featureLabel = (feature: string): string => FEATURES[feature] ?? feature;

/** `true` / `'true'` → "Yes"; `false` / `'false'` → "No". */
export const yesNo = (value: boolean | string): string => (value === true || value === 'true' ? 'Yes' : value === false || value === 'false' ? 'No' : value);

const RESULTS: Record<string, string> = { success: 'Success', failure: 'Failure', timeout: 'Timeout' };

/** An audit `result` (`success`, `failure`, `timeout`) → "Success", … */
export const resultLabel = (result: string): string => RESULTS[result] ?? result;

const USER_TYPES: Record<string, string> = { member: 'Member', guest: 'Guest' };

/** `member` → "Member", `guest` → "Guest". */
export const userTypeLabel = (userType: string): string => USER_TYPES[userType] ?? userType;
