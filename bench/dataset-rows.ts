import {
  address,
  companyName,
  email,
  type Locale,
  POSTS,
  person,
  phone,
} from '../src/server/db/seed/demo-names.js';
import type { Rng } from '../src/server/db/seed/demo-random.js';
import { companyEntity } from '../src/server/modules/companies/company.entity.js';
import { contactEntity } from '../src/server/modules/contacts/contact.entity.js';
import { dealEntity } from '../src/server/modules/deals/deal.entity.js';
import { leadEntity } from '../src/server/modules/leads/lead.entity.js';
import { normalizeComm } from '../src/server/modules/records/communications.js';
import type { ApiRecord, EntityDescriptor } from '../src/server/modules/records/descriptor.js';

/**
 * One row of each table of the benchmark dataset, as the services would have written it: the same columns,
 * normalised communications, and search documents made by each entity's own searchDoc.
 */
export interface BenchUser {
  id: number;
  locale: Locale;
}

export interface Reference {
  users: BenchUser[];
  stages: { id: number; pipeline_id: number; semantics: string; probability: number; code: string }[];
  sourceIds: number[];
  statuses: { id: number; semantics: string; code: string }[];
  regionOptions: number[];
  region: string;
}

export const COLUMNS = {
  companies: ['id', 'title', 'company_type', 'industry', 'employees', 'currency', 'address', 'source_id'],
  contacts: ['id', 'name', 'second_name', 'last_name', 'post', 'type_id', 'source_id'],
  leads: [
    'id',
    'title',
    'status_id',
    'status_semantics',
    'name',
    'last_name',
    'company_title',
    'amount',
    'currency',
    'source_id',
  ],
  deals: [
    ...['id', 'title', 'pipeline_id', 'stage_id', 'stage_semantics', 'probability', 'amount', 'currency'],
    ...[
      'company_id',
      'type_id',
      'begin_date',
      'close_date',
      'closed',
      'source_id',
      'has_product_rows',
      'uf_crm_region',
    ],
  ],
  /** Appended to every record table. */
  owned: ['responsible_id', 'version', 'created_by', 'updated_by', 'created_at', 'updated_at'],
  communications: ['entity_type', 'entity_id', 'kind', 'value_type', 'value', 'normalized', 'sort'],
  contact_companies: ['contact_id', 'company_id', 'sort'],
  deal_contacts: ['deal_id', 'contact_id', 'sort'],
  search_docs: ['entity_type', 'entity_id', 'responsible_id', 'title', 'body'],
};

const TYPE_NUMBER: Record<string, number> = { lead: 1, contact: 2, company: 3, deal: 4 };
/** The FTS5 rowid the search repository uses: type number × 2^40 + id. */
export const ftsRowid = (entity: string, id: number) => (TYPE_NUMBER[entity] ?? 9) * 2 ** 40 + id;

const PRODUCTS = [
  'Laptops',
  'Monitors',
  'Office PCs',
  'Network switches',
  'Printers',
  'UPS units',
  'Licences',
  'Support contract',
  'Server rack',
  'Installation',
  'Wi-Fi access points',
  'Docking stations',
];
const INDUSTRIES = ['IT', 'MANUFACTURING', 'TRADE', 'BANKING', 'CONSULTING', 'DELIVERY', 'OTHER'];
const CURRENCY: Record<Locale, string> = { en: 'USD', ru: 'RUB', hy: 'AMD' };
const STAGE_WEIGHT: Record<string, number> = {
  NEW: 10,
  PREPARATION: 8,
  PREPAYMENT_INVOICE: 7,
  EXECUTING: 6,
  FINAL_INVOICE: 4,
  WON: 35,
  LOSE: 30,
};
const YEARS = 3;
const SPAN = YEARS * 365 * 86_400_000;

export interface Out {
  comms: unknown[][];
  doc: { entity: string; id: number; responsibleId: number; title: string; body: string };
}

/** created_at grows with the id, as in a real database; a few hours of jitter. */
export function stamps(rng: Rng, i: number, count: number, userId: number, now: number): unknown[] {
  const at = new Date(now - SPAN + (i / count) * SPAN - rng.int(0, 6 * 3600_000)).toISOString();
  return [userId, 1, userId, userId, at, at];
}

function comms(entity: string, id: number, items: [string, string, string][], region: string): unknown[][] {
  return items.map(([kind, type, value], sort) => [
    entity,
    id,
    kind,
    type,
    value,
    normalizeComm(kind, value, region),
    sort,
  ]);
}

function docOf(
  d: EntityDescriptor,
  id: number,
  responsibleId: number,
  record: Record<string, unknown>,
  region: string,
): Out['doc'] {
  const full = {
    websites: [],
    messengers: [],
    phones: [],
    emails: [],
    ...record,
    id,
    version: 1,
  } as ApiRecord;
  const doc = (d.searchDoc as NonNullable<EntityDescriptor['searchDoc']>)(full, region);
  return { entity: d.entity, id, responsibleId, ...doc };
}

const asItems = (values: string[]) => values.map((value) => ({ id: 0, value, type: 'work' }));

export function companyRow(
  rng: Rng,
  ref: Reference,
  id: number,
  user: BenchUser,
): { row: unknown[]; title: string } & Out {
  const name = companyName(rng, user.locale);
  const addr = address(rng, user.locale);
  const ph = phone(rng, user.locale);
  const mail = `info@${name.slug}-${id}.example`;
  const row = [
    id,
    name.title,
    'CUSTOMER',
    rng.pick(INDUSTRIES),
    'EMPLOYEES_2',
    CURRENCY[user.locale],
    addr,
    rng.pick(ref.sourceIds),
  ];
  const record = { title: name.title, address: addr, phones: asItems([ph]), emails: asItems([mail]) };
  return {
    row,
    title: name.title,
    comms: comms(
      'company',
      id,
      [
        ['phone', 'work', ph],
        ['email', 'work', mail],
      ],
      ref.region,
    ),
    doc: docOf(companyEntity, id, user.id, record, ref.region),
  };
}

export function contactRow(rng: Rng, ref: Reference, id: number, user: BenchUser): { row: unknown[] } & Out {
  const p = person(rng, user.locale);
  const post = rng.chance(0.5) ? rng.pick(POSTS[user.locale]) : null;
  const ph = phone(rng, user.locale);
  const mail = email(rng, `${p.handle}${id}`, rng.pick(['gmail.com', 'mail.ru', 'outlook.com', 'yandex.ru']));
  const row = [id, p.name, p.secondName, p.lastName, post, 'CLIENT', rng.pick(ref.sourceIds)];
  const record = {
    name: p.name,
    secondName: p.secondName,
    lastName: p.lastName,
    post,
    phones: asItems([ph]),
    emails: asItems([mail]),
  };
  return {
    row,
    comms: comms(
      'contact',
      id,
      [
        ['phone', 'mobile', ph],
        ['email', 'work', mail],
      ],
      ref.region,
    ),
    doc: docOf(contactEntity, id, user.id, record, ref.region),
  };
}

export function leadRow(rng: Rng, ref: Reference, id: number, user: BenchUser): { row: unknown[] } & Out {
  const p = person(rng, user.locale);
  const status = rng.pick(ref.statuses.filter((s) => s.code !== 'CONVERTED'));
  const company = rng.chance(0.5) ? companyName(rng, user.locale).title : null;
  const title = `Request: ${rng.pick(PRODUCTS)}`;
  const ph = phone(rng, user.locale);
  const row = [
    id,
    title,
    status?.id,
    status?.semantics,
    p.name,
    p.lastName,
    company,
    amount(rng),
    CURRENCY[user.locale],
    rng.pick(ref.sourceIds),
  ];
  const record = { title, name: p.name, lastName: p.lastName, companyTitle: company, phones: asItems([ph]) };
  return {
    row,
    comms: comms('lead', id, [['phone', 'mobile', ph]], ref.region),
    doc: docOf(leadEntity, id, user.id, record, ref.region),
  };
}

/** Amounts spread over four orders of magnitude (log-normal around 5,000), in hundredths. */
function amount(rng: Rng): number {
  const z = Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
  return Math.round(Math.exp(Math.log(5000) + 1.2 * z)) * 100;
}

export function dealRow(
  rng: Rng,
  ref: Reference,
  id: number,
  user: BenchUser,
  companyId: number | null,
  companyTitle: string | null,
  createdAt: string,
): { row: unknown[]; doc: Out['doc'] } {
  const stage = rng.weighted(ref.stages.map((s) => [s, STAGE_WEIGHT[s.code] ?? 5] as const));
  const title = companyTitle
    ? `${rng.pick(PRODUCTS)} for ${companyTitle}`
    : `${rng.pick(PRODUCTS)}, ${rng.int(2, 50)} pcs`;
  const begin = createdAt.slice(0, 10);
  const close = new Date(Date.parse(createdAt) + rng.int(5, 90) * 86_400_000).toISOString().slice(0, 10);
  const closed = stage.semantics === 'process' ? 0 : 1;
  const region = rng.chance(0.85) ? rng.pick(ref.regionOptions) : null;
  const row = [
    id,
    title,
    stage.pipeline_id,
    stage.id,
    stage.semantics,
    stage.probability,
    amount(rng),
    CURRENCY[user.locale],
    companyId,
    'SALE',
    begin,
    close,
    closed,
    rng.pick(ref.sourceIds),
    0,
    region,
  ];
  return { row, doc: docOf(dealEntity, id, user.id, { title }, ref.region) };
}
