/**
 * Name lists for synthetic users. Mixed origins, a few accents and apostrophes, so sorting,
 * case-insensitive filters and escaping are exercised by ordinary data, not only by special cases.
 */

export const FIRST_NAMES = [
  'Adele', 'Alex', 'Allan', 'Amara', 'Ana', 'Andrés', 'Anjali', 'Astrid', 'Ben', 'Bianca', 'Björn', 'Camille',
  'Carlos', 'Chen', 'Chloé', 'Christie', 'Daniel', 'Diego', 'Dmitri', 'Elena', 'Emily', 'Enrico', 'Fatima',
  'François', 'Grace', 'Hana', 'Hiroshi', 'Ines', 'Isaiah', 'Jakub', 'James', 'Jana', 'Javier', 'Joni', 'José',
  'Kateřina', 'Kenji', 'Lars', 'Laura', 'Lee', 'Lena', 'Lidia', 'Liam', 'Lucía', 'Lynne', 'Malik', 'Maria',
  'Mateo', 'Megan', 'Mei', 'Miguel', 'Miriam', 'Nadia', 'Nestor', 'Niamh', 'Nikolai', 'Noah', 'Nora', 'Oliver',
  'Olga', 'Omar', 'Patti', 'Pedro', 'Pradeep', 'Priya', 'Rafael', 'Ravi', 'Renée', 'Rosa', 'Sakura', 'Samir',
  'Sara', 'Seán', 'Sofia', 'Søren', 'Sven', 'Tariq', 'Thomas', 'Tomás', 'Uma', 'Valentina', 'Victor', 'Wei',
  'William', 'Xavier', 'Yara', 'Yusuf', 'Zainab', 'Zoë', 'Zoltán',
] as const;

export const LAST_NAMES = [
  'Adams', 'Ahmed', 'Alvarez', 'Ångström', 'Baker', 'Becker', 'Bergström', 'Brown', 'Castillo', 'Chen',
  'Costa', "D'Angelo", 'Deyoung', 'Dubois', 'Dvořák', 'Eriksen', 'Fernández', 'Fischer', 'García', 'Gonzalez',
  'Gupta', 'Hansen', 'Harris', 'Hoffmann', 'Ivanova', 'Jansen', 'Johnson', 'Kaur', 'Kim', 'Kowalski', 'Kumar',
  'Larsen', 'Lee', 'Lefèvre', 'Li', 'Lopez', "M'Bala", 'Martin', 'Martínez', 'Meyer', 'Miller', 'Moreau',
  'Müller', 'Nakamura', 'Nguyen', 'Novák', "O'Brien", "O'Connor", 'Okafor', 'Olsen', 'Park', 'Patel', 'Pérez',
  'Pisani', 'Popescu', 'Rossi', 'Sánchez', 'Santos', 'Schmidt', 'Silva', 'Singh', 'Smith', 'Sørensen', 'Suzuki',
  'Tanaka', 'Taylor', 'Thompson', 'Vance', 'Wagner', 'Wang', 'Weber', 'Wilber', 'Wilson', 'Wójcik', 'Yamamoto',
  'Yilmaz', 'Zhang', 'Zielińska',
] as const;

/** Home domains of guest users (their UPN becomes `name_domain#EXT#@tenant`). */
export const GUEST_DOMAINS = ['fabrikam.example', 'northwind.example', 'adatum.example', 'tailspin.example', 'litware.example'] as const;

/**
 * Users placed at fixed positions so tests and demos can rely on them: an apostrophe, accents, and a
 * display name that is an HTML injection attempt (elements must render it as text).
 */
export const SPECIAL_USERS = [
  { displayName: "Siobhán O'Brien", upnLocal: "siobhan.o'brien" },
  { displayName: 'Zoë Ångström', upnLocal: 'zoe.angstrom' },
  { displayName: 'Eve <img src=x onerror=alert(1)>', upnLocal: 'eve.xss' },
] as const;

/** Lower-case ASCII form of a name for a UPN: accents dropped, apostrophes kept, spaces removed. */
export function upnSlug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ø/gi, 'o')
    .replace(/æ/gi, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/ł/g, 'l')
    .toLowerCase()
    .replace(/[^a-z0-9'.-]/g, '');
}
