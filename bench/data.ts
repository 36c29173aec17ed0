// Deterministic network data for the benchmark: a LinkedIn Connections.csv of N people, and for
// each person their follow-up plan and five interactions.
import { addDaysToLocalDate } from '../utils/core/dates';
import { INTERACTION_KINDS, type InteractionKind } from '../utils/core/interaction-kinds';

const FIRST = [
  'Amara', 'Kenji', 'Lucía', 'Wei', 'María', 'José', 'Anna', 'Olusegun', 'Priya', 'Mateo', 'Sofía', 'Liam', 'Noah',
  'Emma', 'Aisha', 'Yuki', 'Chen', 'Fatima', 'Lars', 'Ingrid', 'Raj', 'Ana', 'Pedro', 'Chloé', 'Élodie', 'Jürgen',
  'Zoë', 'Omar', 'Leila', 'Tomás', 'Hana', 'Sven', 'Nadia', 'Diego', 'Camila', 'Ivan', 'Olga', 'Kwame', 'Ama',
  'Hiroshi', 'Mei', 'Arjun', 'Sara', 'David', 'Laura', 'Marco', 'Giulia', 'Ahmed', 'Noor', 'Felipe',
];
const LAST = [
  'Okafor', 'Tanaka', 'Fernández', 'Zhang', 'García', 'Martínez', 'Smith', 'Johnson', 'Adeyemi', 'Sharma', 'Rossi',
  'Müller', 'Schmidt', 'Dubois', 'Lefèvre', 'Nakamura', 'Kim', 'Park', 'Nguyen', 'Silva', 'Santos', 'Kowalski',
  'Novak', 'Hansen', 'Johansson', 'Petrov', 'Ivanova', 'Mensah', 'Owusu', 'Haddad', 'Khan', 'Ali', 'Hernández',
  'López', 'González', 'Pérez', 'Sato', 'Suzuki', 'Watanabe', 'Li', 'Wang', 'Liu', 'Chen', 'Singh', 'Patel', 'Costa',
  'Moreau', 'Bianchi', 'Romano', 'Jensen',
];
const COMPANIES = [
  'Acme', 'Globex', 'Initech', 'Umbrella Health', 'Stark Industries', 'Wayne Enterprises', 'Lagos Growth Studio',
  'Osaka Data Works', 'Nordic Solar', 'Andes Logistics', 'Blue Harbor Bank', 'Cedar Analytics', 'Delta Robotics',
  'Evergreen Foods', 'Falcon Aerospace', 'Granite Legal', 'Helix Bio', 'Iris Design', 'Juniper Capital', 'Kite Labs',
];
const POSITIONS = [
  'Software Engineer', 'Data Engineer', 'Product Manager', 'Founder', 'CTO', 'Head of Sales', 'Designer',
  'Recruiter', 'Data Scientist', 'Marketing Lead', 'Investor', 'Research Scientist', 'Operations Manager',
  'Engineering Manager', 'Consultant', 'Teacher', 'Nurse', 'Lawyer', 'Accountant', 'Journalist',
];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const TOPICS = ['hiring', 'fundraising', 'a conference talk', 'their new role', 'a side project', 'mentoring', 'a podcast'];

/** The fixture profiles the sidebar measurements open; they are part of the network. */
export const FIXTURE_PEOPLE = [
  { first: 'Amara', last: 'Okafor', slug: 'amara-okafor', company: 'Lagos Growth Studio', position: 'Founder' },
  { first: 'Kenji', last: 'Tanaka', slug: 'kenji-tanaka', company: 'Osaka Data Works', position: 'Data Engineer' },
  // As LinkedIn's export writes him (Connections.csv), while his page shows 张伟.
  { first: '伟', last: '张', slug: 'zhang-wei', company: 'Shenzhen Hardware', position: 'Hardware Lead' },
];

export interface BenchPerson {
  first: string;
  last: string;
  slug: string;
  url: string;
  email: string;
  company: string;
  position: string;
  connectedOn: string; // `15 Mar 2021`, as LinkedIn writes it
  nextFollowUp: string | null;
  cadenceDays: number | null;
}

export interface BenchInteraction {
  id: string;
  contactSlug: string;
  kind: InteractionKind;
  date: string;
  text: string;
}

/** A small, fast, seeded PRNG (mulberry32): the same network on every run. */
export function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const slugPart = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');

/**
 * `count` people. About 1% are due (today or overdue), 1% come up within the week, 10% have a
 * follow-up later on; the rest have none. The fixture people are due, so they sit in the list.
 */
export function generatePeople(count: number, today: string): BenchPerson[] {
  const rnd = random(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const people: BenchPerson[] = [];
  for (let i = 0; i < count; i++) {
    const fixture = FIXTURE_PEOPLE[i];
    const first = fixture?.first ?? pick(FIRST);
    const last = fixture?.last ?? pick(LAST);
    const slug = fixture?.slug ?? `${slugPart(first)}-${slugPart(last)}-${(i + 1000).toString(36)}`;
    const connected = new Date(Date.UTC(2012 + Math.floor(rnd() * 13), Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 28)));
    const bucket = i % 100;
    const cadenceDays = bucket < 30 ? pick([14, 30, 90]) : null;
    const nextFollowUp =
      fixture || bucket === 0
        ? addDaysToLocalDate(today, -Math.floor(rnd() * 30))
        : bucket === 1
          ? addDaysToLocalDate(today, 1 + Math.floor(rnd() * 7))
          : bucket < 12
            ? addDaysToLocalDate(today, 8 + Math.floor(rnd() * 90))
            : null;
    people.push({
      first,
      last,
      slug,
      url: `https://www.linkedin.com/in/${slug}`,
      email: rnd() < 0.3 ? `${slugPart(first)}.${slugPart(last)}${i}@example.com` : '',
      company: fixture?.company ?? pick(COMPANIES),
      position: fixture?.position ?? pick(POSITIONS),
      connectedOn: `${String(connected.getUTCDate()).padStart(2, '0')} ${MONTHS[connected.getUTCMonth()]} ${connected.getUTCFullYear()}`,
      nextFollowUp,
      cadenceDays,
    });
  }
  return people;
}

/** The kinds a person logs; a new role is written by the extension when it sees one. */
const LOGGED_KINDS = INTERACTION_KINDS.filter((kind) => kind !== 'new-role');

/** `perPerson` interactions each, over the last two years, newest last. */
export function generateInteractions(people: BenchPerson[], perPerson: number, today: string): BenchInteraction[] {
  const rnd = random(7);
  const out: BenchInteraction[] = [];
  people.forEach((person, p) => {
    for (let j = 0; j < perPerson; j++) {
      const kind = LOGGED_KINDS[(p + j) % LOGGED_KINDS.length]!;
      out.push({
        id: `bench-${p}-${j}`,
        contactSlug: person.slug,
        kind,
        date: addDaysToLocalDate(today, -Math.floor(rnd() * 730)),
        text: `Talked with ${person.first} about ${TOPICS[(p * 3 + j) % TOPICS.length]}.`,
      });
    }
  });
  return out;
}

const csvCell = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** LinkedIn's Connections.csv: a `Notes:` preamble, a blank line, then the header and rows. */
export function connectionsCsv(people: BenchPerson[]): string {
  const lines = [
    'Notes:',
    '"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261"',
    '',
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  ];
  for (const p of people) {
    lines.push([p.first, p.last, p.url, p.email, p.company, p.position, p.connectedOn].map(csvCell).join(','));
  }
  return lines.join('\n') + '\n';
}

/** Search queries over the generated network: common, rare, two words, accents, no match. */
export function searchQueries(people: BenchPerson[]): string[] {
  const sample = people[Math.min(people.length - 1, 777)]!;
  return ['maria', 'tanaka', `${sample.first} ${sample.last}`, 'fernandez data', 'eng', 'zzyzx'];
}
