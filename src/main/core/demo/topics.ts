// What the demo register's requests are about: the subjects councils are asked about year after
// year, each with the words of a request, the team that holds the information and what a
// disclosure would look like, and for subject access the records a person asks to see.
import type { Regime } from '../../../shared/domain/clocks/events';
import type { Rng } from './random';

export interface Topic {
  summary: string;
  /** What is asked for, to follow "please provide". */
  ask: string;
  team: string;
  /** Columns of the spreadsheet a disclosure would hold. */
  columns: string;
  /** Environmental information (EIR, EISR) rather than FOI. */
  environmental?: boolean;
}

const T = (summary: string, ask: string, team: string, columns: string, environmental = false): Topic => ({ summary, ask, team, columns, ...(environmental ? { environmental } : {}) });

export const TOPICS: readonly Topic[] = [
  T('Agency staff spending', 'the total spent on agency and interim staff, broken down by directorate and agency', 'Human Resources', 'Directorate,Agency,Spend (£)'),
  T('Pothole compensation claims', 'the number of compensation claims received for vehicle damage caused by potholes, how many were paid and the total paid out', 'Highways', 'Year,Claims received,Claims paid,Total paid (£)'),
  T('Parking penalty charge notices', 'the number of penalty charge notices issued in each car park and street, and the income received', 'Parking Services', 'Location,PCNs issued,Income (£)'),
  T('Councillor expenses', 'all expenses and allowances claimed by each councillor, with the category of each claim', 'Democratic Services', 'Councillor,Category,Amount (£)'),
  T('Consultancy contracts', 'a list of contracts awarded to management consultancy firms, with the supplier, value and purpose of each', 'Procurement', 'Supplier,Value (£),Purpose,Start date'),
  T('Library opening hours and visits', 'the opening hours and number of visits for each library, and any plans to reduce hours or close branches', 'Libraries', 'Library,Weekly hours,Visits'),
  T('Home to school transport costs', 'the cost of home to school transport, the number of pupils carried and the number of taxi contracts', 'Education', 'Year,Pupils,Taxi contracts,Cost (£)'),
  T('Staff sickness absence', 'the average number of working days lost to sickness absence per employee, by department and by reason', 'Human Resources', 'Department,Reason,Days lost'),
  T('Cyber security incidents', 'the number of cyber security incidents, including ransomware attacks, and whether any ransom was paid', 'IT Services', 'Year,Incidents,Ransomware,Ransom paid'),
  T('Temporary accommodation', 'the number of households placed in temporary accommodation, the types of accommodation used and the cost', 'Housing Options', 'Quarter,Households,Type,Cost (£)'),
  T('Public health funerals', 'details of public health funerals arranged under section 46 of the Public Health (Control of Disease) Act 1984, with the date of death and any estate referred to the Government Legal Department', 'Bereavement Services', 'Date of death,Age,Estate referred'),
  T('Empty homes', 'the number of properties empty for more than six months and the empty homes premium collected', 'Council Tax', 'Ward,Empty properties,Premium (£)'),
  T('Business rates credits', 'a list of business rates accounts with credit balances, with the account holder name and the amount', 'Business Rates', 'Account holder,Credit (£),Since'),
  T('Software licences', 'the software licences the council holds, the supplier of each, the number of licences and the annual cost', 'IT Services', 'Product,Supplier,Licences,Annual cost (£)'),
  T('Fleet vehicles', 'the make, model, fuel type and age of every vehicle in the council fleet', 'Fleet Management', 'Make,Model,Fuel,Age (years)'),
  T('Senior staff salaries', 'the salaries, bonuses and pension contributions of staff earning over £100,000', 'Human Resources', 'Post,Salary band (£),Pension contribution (£)'),
  T('Social media monitoring', 'the policies and software used to monitor social media, and the number of staff authorised to use them', 'Communications', 'Tool,Purpose,Staff authorised'),
  T('Grass cutting contracts', 'the contract for grass verge cutting, the number of cuts each year and the cost', 'Grounds Maintenance', 'Year,Cuts,Cost (£)'),
  T('Council tax enforcement', 'the number of council tax accounts passed to enforcement agents and the fees added', 'Revenues', 'Year,Accounts,Fees added (£)'),
  T('Fly-tipping enforcement', 'the number of fly-tipping incidents reported, fixed penalty notices issued and prosecutions', 'Environmental Enforcement', 'Year,Incidents,FPNs,Prosecutions'),
  T('Children in care placements', 'the number of looked-after children placed outside the area and the weekly cost of the ten most expensive placements', "Children's Services", 'Placement type,Children,Weekly cost (£)'),
  T('Complaints about the council', 'the number of complaints received at each stage of the complaints procedure and the number upheld by the Ombudsman', 'Customer Services', 'Stage,Received,Upheld'),
  T('Gritting routes and salt stocks', 'the gritting routes, the salt stock held at the start of each winter and the number of gritting runs', 'Highways', 'Winter,Salt (tonnes),Gritting runs'),
  T('Use of artificial intelligence', 'any use of artificial intelligence or automated decision-making tools in council services, with any impact assessments carried out', 'Digital Services', 'Service,Tool,Assessment date'),
  T('Air quality monitoring data', 'the nitrogen dioxide and particulate readings from each air quality monitoring station', 'Environmental Health', 'Station,Pollutant,Annual mean (µg/m³)', true),
  T('Planning application for the bypass', 'all correspondence with the developer about the planning application for the northern bypass, including pre-application advice', 'Planning', 'Date,From,To,Subject', true),
  T('Tree felling on Beech Avenue', 'the tree survey and any reports behind the decision to fell the trees on Beech Avenue', 'Parks and Open Spaces', 'Tree,Species,Condition,Decision', true),
  T('Flood risk assessment for Mill Brook', 'the flood risk assessment and modelling for the Mill Brook catchment, and the flood defence works planned', 'Flood Risk Management', 'Location,Risk band,Works planned', true),
  T('Contaminated land register', 'entries on the contaminated land register and any site investigation reports for the former gasworks', 'Environmental Health', 'Site,Contaminant,Status', true),
  T('Waste and recycling tonnages', 'the tonnages of household waste collected, recycled, composted and sent to landfill or incineration', 'Waste Services', 'Year,Collected (t),Recycled (t),Landfill (t)', true),
  T('Pesticide use in parks', 'the pesticides and herbicides used in parks and on pavements, with the quantities applied', 'Parks and Open Spaces', 'Product,Active ingredient,Quantity (litres)', true),
  T('Noise complaints', 'the number of noise complaints received, noise abatement notices served and prosecutions', 'Environmental Health', 'Year,Complaints,Notices,Prosecutions', true),
  T('Wind farm consultation', 'the responses to the consultation on the proposed wind farm and the council officers’ assessment of them', 'Planning', 'Respondent type,Responses,Position', true),
  T('Road resurfacing programme', 'the road resurfacing programme, the condition survey behind it and the budget for each scheme', 'Highways', 'Road,Condition score,Budget (£)', true),
  T('Sewage discharges at the bathing beach', 'the water quality sampling results and any reports of sewage discharges at the bathing beach', 'Environmental Health', 'Date,Sample,Result', true),
];

/** What a subject access request asks to see. */
export const SAR_SCOPES: readonly { summary: string; scope: string; team: string }[] = [
  { summary: 'housing file', scope: 'my housing file, including my application, tenancy records and any notes about repairs and complaints', team: 'Housing' },
  { summary: 'CCTV footage', scope: 'CCTV footage of me recorded in the town centre, which I believe the council holds', team: 'Community Safety' },
  { summary: 'social care records', scope: "my social care records from childhood, including my time in the council's care", team: "Children's Services" },
  { summary: 'employment records', scope: 'my personnel file, including the investigation and disciplinary records and emails that mention me', team: 'Human Resources' },
  { summary: 'complaint file', scope: 'all records about my complaint, including internal emails that discuss it', team: 'Customer Services' },
  { summary: 'council tax account', scope: 'my council tax account records, notes of calls and any information passed to enforcement agents', team: 'Revenues' },
  { summary: 'school records of my son', scope: "my son's educational records and any safeguarding notes, as his parent", team: 'Education' },
  { summary: 'adult social care assessment', scope: 'the care needs assessment of my mother and the notes of the meetings about her care, for which I hold lasting power of attorney', team: 'Adult Social Care' },
  { summary: 'parking enforcement records', scope: 'the records and photographs held about the penalty charge notices issued to my vehicle', team: 'Parking Services' },
];

/** A topic fit for the regime: environmental ones for EIR and EISR, the rest for FOIA and FOISA. */
export function topicFor(rng: Rng, regime: Regime): Topic {
  const environmental = regime === 'eir' || regime === 'eisr';
  const pool = TOPICS.filter((t) => (t.environmental ?? false) === environmental);
  return rng.pick(pool);
}

/** "the financial years 2021/22 to 2023/24" as of the year received. */
export function periodFor(rng: Rng, year: number): string {
  const span = rng.int(1, 5);
  const from = year - span;
  const fy = (y: number) => `${y}/${String((y + 1) % 100).padStart(2, '0')}`;
  return rng.pick([
    `for each of the financial years ${fy(from)} to ${fy(year - 1)}`,
    `for each calendar year from ${from} to ${year - 1}`,
    `since 1 April ${from}`,
    `for the last ${span === 1 ? 'twelve months' : `${span} years`}`,
  ]);
}

/** The law a request names, as requesters write it. */
export const LAW_NAMES: Record<Regime, string> = {
  foia: 'the Freedom of Information Act 2000',
  eir: 'the Environmental Information Regulations 2004',
  eisr: 'the Environmental Information (Scotland) Regulations 2004',
  foisa: 'the Freedom of Information (Scotland) Act 2002',
  sar: 'Article 15 of the UK GDPR',
};
