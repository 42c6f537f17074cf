// The fictional people and places of the demo register: requesters of many backgrounds (names
// in other scripts and with diacritics, as a real register holds them), journalists and campaign
// groups who ask again and again, and addresses in made-up towns. Email domains are the reserved
// example ones, so no message could ever reach anyone.
import type { Requester } from '../../../shared/domain/cases';
import type { Rng } from './random';

const FIRST = [
  'Amelia', 'Oliver', 'Priya', 'Mohammed', 'Siobhán', 'Dafydd', 'Chloé', 'Łukasz', 'Aoife', 'Kwame', 'Fatima', 'George',
  'Hannah', 'Ravi', 'Eilidh', 'Tomás', 'Zainab', 'Callum', 'Ngozi', 'Harriet', 'Jürgen', 'Bethan', 'Ewan', 'Ayesha',
  'Peter', 'Margaret', 'Daniel', 'Sofia', 'Rhys', 'Grace', 'Yusuf', 'Isla', 'Joseph', 'Olusegun', 'Niamh', 'Krzysztof',
  'Hamish', 'Sunita', 'Lewis', 'Róisín', 'Ahmed', 'Catriona', 'Benedict', 'Mei', 'Sandra', 'Kieran', 'Agnieszka', 'Imran',
];
const LAST = [
  'Smith', 'Jones', 'Patel', 'Khan', 'Williams', 'MacLeod', "O'Brien", 'Nowak', 'Campbell', 'Okafor', 'Hughes', 'Ahmed',
  'Evans', 'Murray', 'Thomas', 'Fraser', 'Begum', 'Roberts', 'Kowalski', 'Davies', 'Mensah', 'Wilson', 'Morrison', 'Singh',
  'Taylor', 'Ferguson', 'Lewis', 'Ó Súilleabháin', 'Walker', 'Brown', 'Hussain', 'Stewart', 'Szczęsny', 'Clarke', 'Adebayo',
  'Henderson', 'Chowdhury', 'Grant', 'Müller', 'Reid', 'Lefèvre', 'Byrne', 'Martínez', 'Gallagher', 'Sinclair', 'Nakamura',
];

/** Whole names as they are written, each with the email its owner uses where no Latin letters would give one. */
const SPECIAL: readonly { name: string; user: string }[] = [
  { name: 'Zoë Ó Dónaill-Nguyễn', user: 'zoe.odonaill' },
  { name: '王芳', user: 'wang.fang' },
  { name: '李伟', user: 'li.wei' },
  { name: 'Nguyễn Thị Hoa', user: 'hoa.nguyen' },
  { name: 'Αλέξανδρος Παπαδόπουλος', user: 'alex.papadopoulos' },
  { name: 'Ольга Иванова', user: 'olga.ivanova' },
  { name: 'Björn Ångström', user: 'bjorn.angstrom' },
  { name: 'José Martínez-Núñez', user: 'jose.martinez' },
  { name: 'Siobhán Nic Giolla Phádraig', user: 'siobhan.nicgiolla' },
  { name: 'Dafydd ap Gruffydd', user: 'dafydd.apgruffydd' },
  { name: 'Ségolène Dubois-Chérif', user: 'segolene.dubois' },
  { name: 'محمد العلي', user: 'mohammed.alali' },
];

const DOMAINS = ['example.com', 'example.org', 'example.net', 'mail.example.com', 'post.example.org'];

const STREETS = ['Mill Lane', 'Church Street', 'Station Road', 'Victoria Terrace', 'Orchard Close', 'High Street', 'Kirk Wynd', 'Harbour Row', 'Beech Avenue', 'Quarry Brae', 'Fore Street', 'Tannery Yard'];
const TOWNS: readonly { town: string; area: string; postcode: string }[] = [
  { town: 'Ashby Parva', area: 'Northmoor', postcode: 'NM4' },
  { town: 'Felpersham', area: 'Northmoor', postcode: 'NM1' },
  { town: 'Hollerton', area: 'Northmoor', postcode: 'NM7' },
  { town: 'Lower Wendle', area: 'Northmoor', postcode: 'NM9' },
  { town: 'Kirkbrae', area: 'Tweedale', postcode: 'TD21' },
  { town: 'Glenmorven', area: 'Tweedale', postcode: 'TD24' },
  { town: 'Stanmere', area: 'Wessex', postcode: 'WX3' },
];

/** Groups and newsrooms that ask often, each with its usual correspondent. */
const FREQUENT: readonly { organisation: string; name: string; email: string }[] = [
  { organisation: 'Northmoor Gazette', name: 'Harriet Campbell', email: 'newsdesk@gazette.example.com' },
  { organisation: 'Wessex Evening Post', name: 'Ravi Chowdhury', email: 'r.chowdhury@eveningpost.example.com' },
  { organisation: 'Clean Air Northmoor', name: 'Eilidh Fraser', email: 'info@cleanair.example.org' },
  { organisation: 'Friends of Mill Brook', name: 'Peter Hughes', email: 'millbrook@friends.example.org' },
  { organisation: 'Taxpayers Watch Northmoor', name: 'Daniel Walker', email: 'research@taxwatch.example.org' },
  { organisation: 'Pennine Data Journalism', name: 'Zoë Ó Dónaill-Nguyễn', email: 'zoe@penninedata.example.net' },
  { organisation: 'Save Ashby Library', name: 'Margaret Reid', email: 'saveashbylibrary@example.org' },
  { organisation: 'Harbour Data Ltd', name: 'Mei Nakamura', email: 'requests@harbourdata.example.com' },
];

const SOLICITORS = ['Whitlock & Shaw Solicitors', 'Gallagher Byrne LLP', 'Tweedale Law Centre'];

/** Letters only, no accents, for email addresses: "Zoë" becomes "zoe". */
export function asciiFold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').replace(/ø/g, 'o').replace(/ł/gi, 'l').replace(/ß/g, 'ss').replace(/[^A-Za-z0-9 .'-]/g, '');
}

function address(rng: Rng): { lines: string; town: string } {
  const t = rng.pick(TOWNS);
  const postcode = `${t.postcode} ${rng.int(1, 9)}${String.fromCharCode(65 + rng.int(0, 25))}${String.fromCharCode(65 + rng.int(0, 25))}`;
  return { lines: [`${rng.int(1, 180)} ${rng.pick(STREETS)}`, t.town, t.area, postcode].join('\n'), town: t.town };
}

/** A requester for one case: a private person mostly, sometimes a newsroom or group that asks often. */
export function requesterFor(rng: Rng, sar: boolean): Requester {
  if (!sar && rng.chance(0.22)) {
    const f = rng.pick(FREQUENT);
    return { name: f.name, email: f.email, address: '', organisation: f.organisation };
  }
  const special = rng.chance(0.06) ? rng.pick(SPECIAL) : null;
  const name = special?.name ?? `${rng.pick(FIRST)} ${rng.pick(LAST)}`;
  const user = special?.user ?? asciiFold(name).toLowerCase().replace(/[ ']+/g, '.').replace(/[^a-z0-9.-]/g, '');
  const post = rng.chance(sar ? 0.5 : 0.15);
  const organisation = sar && rng.chance(0.08) ? rng.pick(SOLICITORS) : '';
  return {
    name,
    email: post && !rng.chance(0.4) ? '' : `${user}${rng.chance(0.3) ? rng.int(1, 99) : ''}@${rng.pick(DOMAINS)}`,
    address: post || sar ? address(rng).lines : '',
    organisation,
  };
}

/** The authority a fresh demo register is set up for. */
export const DEMO_AUTHORITY = {
  name: 'Northmoor Council',
  address: 'Civic Centre\nMarket Square\nFelpersham\nNM1 1AA',
  email: 'foi@northmoor.example.gov.uk',
  centralGovernment: false,
  referenceFormat: '{regime}/{yyyy}/{seq:4}',
  signatoryName: 'Alex Morgan',
  signatoryTitle: 'Information Governance Manager',
  region: 'england-and-wales',
} as const;

/** People on the other side of the regulator's and the tribunal's letters. */
export const ICO_OFFICERS = ['Jo Pemberton', 'Sam Okoro', 'Lindsay Abernethy', 'Chris Llewellyn'];
