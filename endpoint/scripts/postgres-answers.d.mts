/** True when a PostgreSQL server answers at `url` within two seconds. */
export function postgresAnswers(url: string): Promise<boolean>;
