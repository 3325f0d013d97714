import { formatMoney } from '../../../shared/money.js';
import type { Ctx } from '../../context.js';
import { companyEntity } from '../../modules/companies/company.entity.js';
import { contactEntity } from '../../modules/contacts/contact.entity.js';
import { leadEntity } from '../../modules/leads/lead.entity.js';
import type { EntityDescriptor, RecordTable } from '../../modules/records/descriptor.js';
import { createRecord } from '../../modules/records/record.service.js';
import { withTx } from '../tx.js';
import { address, companyName, email, type Locale, POSTS, person, phone } from './demo-names.js';
import type { Seller } from './demo-org.js';
import { isoDay, type Rng, spreadDates } from './demo-random.js';

/** Companies, contacts and leads of the demo, written through the record service in batched transactions. */
export interface Made {
  id: number;
  seller: Seller;
  createdAt: Date;
}
export type MadeCompany = Made & { title: string; slug: string; contacts: number[] };

export const BATCH = 200;

/**
 * Creates `count` records in transactions of BATCH. `build` returns the API input of record i, its owner and
 * what the caller keeps about it; `after` makes further changes (product rows) in the same transaction.
 */
export async function createMany<E extends object>(
  ctx: Ctx,
  d: EntityDescriptor,
  count: number,
  rng: Rng,
  build: (i: number, createdAt: Date) => { input: Record<string, unknown>; seller: Seller; extra: E },
  after?: (made: Made & E, tx: Ctx) => Promise<void>,
): Promise<(Made & E)[]> {
  const dates = spreadDates(rng, count, 365);
  const out: (Made & E)[] = [];
  for (let start = 0; start < count; start += BATCH) {
    // drawn before the transaction, which may run more than once (db/tx.ts): the same records each time
    const planned: (ReturnType<typeof build> & { createdAt: Date })[] = [];
    for (let i = start; i < Math.min(count, start + BATCH); i++) {
      const createdAt = dates[i] as Date;
      planned.push({ createdAt, ...build(i, createdAt) });
    }
    const batch = await withTx(ctx.db, async (db) => {
      const tx = { ...ctx, db };
      const made: (Made & E)[] = [];
      for (const { input, seller, extra, createdAt } of planned) {
        const record = await createRecord(tx, d, { ...input, responsibleId: seller.id });
        const one = { ...extra, id: record.id, seller, createdAt };
        if (after) await after(one, tx);
        await backdate(tx, d.table, d.entity, one.id, createdAt, seller.id);
        made.push(one);
      }
      return made;
    });
    out.push(...batch);
  }
  return out;
}

/**
 * The services stamp "now" and the acting administrator; the demo spreads records over the past year,
 * written by their owner: the record's timestamps and its history so far move to `date`.
 */
export async function backdate(
  ctx: Ctx,
  table: RecordTable,
  entity: string,
  id: number,
  date: Date,
  by: number,
): Promise<void> {
  const at = date.toISOString();
  await ctx.db.kysely
    .updateTable(table)
    .set({ created_at: at, updated_at: at, created_by: by, updated_by: by } as never)
    .where('id', '=', id)
    .execute();
  await ctx.db.kysely
    .updateTable('history')
    .set({ at, actor_id: by })
    .where('entity_type', '=', entity)
    .where('entity_id', '=', id)
    .execute();
}

export function pickSeller(rng: Rng, sellers: Seller[]): Seller {
  return rng.weighted(sellers.map((s) => [s, s.weight] as const));
}

export const CURRENCIES: Record<Locale, [string, number][]> = {
  en: [
    ['USD', 7],
    ['EUR', 3],
  ],
  ru: [
    ['RUB', 7],
    ['EUR', 2],
    ['USD', 1],
  ],
  hy: [
    ['AMD', 5],
    ['USD', 4],
    ['RUB', 1],
  ],
};
/** Rough units of currency per US dollar, for prices and amounts of a plausible size. */
export const PER_USD: Record<string, number> = { USD: 1, EUR: 0.92, RUB: 90, AMD: 390 };

/** An amount worth about `usd` dollars in the currency, rounded like people write it. */
export function amountIn(currency: string, usd: number): string {
  const v = usd * (PER_USD[currency] ?? 1);
  const step = v > 100_000 ? 1000 : v > 10_000 ? 100 : 10;
  return formatMoney(Math.round(v / step) * step * 100);
}

const INDUSTRIES = [
  'IT',
  'MANUFACTURING',
  'TRADE',
  'BANKING',
  'CONSULTING',
  'DELIVERY',
  'GOVERNMENT',
  'OTHER',
];
const COMPANY_TYPES: [string, number][] = [
  ['CUSTOMER', 8],
  ['PARTNER', 1],
  ['SUPPLIER', 1],
];

export async function seedCompanies(
  ctx: Ctx,
  rng: Rng,
  sellers: Seller[],
  sourceIds: number[],
  count: number,
) {
  const used = new Set<string>();
  return createMany(ctx, companyEntity, count, rng, () => {
    const seller = pickSeller(rng, sellers);
    const name = uniqueCompanyName(rng, seller.locale, used);
    const site = `${name.slug}.example`;
    const currency = rng.weighted(CURRENCIES[seller.locale]);
    return {
      seller,
      extra: { title: name.title, slug: name.slug, contacts: [] as number[] },
      input: {
        title: name.title,
        companyType: rng.weighted(COMPANY_TYPES),
        industry: rng.pick(INDUSTRIES),
        employees: rng.pick(['EMPLOYEES_1', 'EMPLOYEES_2', 'EMPLOYEES_3', 'EMPLOYEES_4']),
        revenue: rng.chance(0.5) ? amountIn(currency, rng.int(50, 5000) * 1000) : null,
        currency,
        address: address(rng, seller.locale),
        sourceId: rng.pick(sourceIds),
        phones: [{ value: phone(rng, seller.locale), type: 'work' }],
        emails: [{ value: `info@${site}`, type: 'work' }],
        websites: rng.chance(0.7) ? [{ value: `https://${site}`, type: 'work' }] : [],
      },
    };
  });
}

/** Contacts: most work at one of the companies of their manager's department. */
export async function seedContacts(
  ctx: Ctx,
  rng: Rng,
  sellers: Seller[],
  companies: MadeCompany[],
  sourceIds: number[],
  count: number,
) {
  const byDept = groupBy(companies, (c) => c.seller.departmentId);
  const contacts = await createMany(ctx, contactEntity, count, rng, () => {
    let seller = pickSeller(rng, sellers);
    const company = rng.chance(0.75) ? pickOrNull(rng, byDept.get(seller.departmentId)) : null;
    if (company && rng.chance(0.7)) seller = company.seller;
    const p = person(rng, seller.locale);
    const phones = [{ value: phone(rng, seller.locale), type: rng.pick(['mobile', 'work']) }];
    if (rng.chance(0.2)) phones.push({ value: phone(rng, seller.locale), type: 'work' });
    return {
      seller,
      extra: { company },
      input: {
        name: p.name,
        lastName: p.lastName,
        secondName: p.secondName,
        post: company ? rng.pick(POSTS[seller.locale]) : null,
        birthdate: rng.chance(0.3) ? `${rng.int(1960, 2000)}-0${rng.int(1, 9)}-${rng.int(10, 28)}` : null,
        typeId: company ? 'CLIENT' : rng.pick(['CLIENT', 'PARTNER', 'OTHER']),
        sourceId: rng.pick(sourceIds),
        phones,
        emails: [
          { value: email(rng, p.handle, company ? `${company.slug}.example` : undefined), type: 'work' },
        ],
        messengers: rng.chance(0.3) ? [{ value: `@${p.handle.replace('.', '_')}`, type: 'telegram' }] : [],
        companyIds: company ? [company.id] : [],
      },
    };
  });
  for (const c of contacts) c.company?.contacts.push(c.id);
  return contacts;
}

const LEAD_TITLES: Record<Locale, string[]> = {
  en: ['Website request', 'Call: price inquiry', 'Request for quote', 'Trade show contact', 'Email inquiry'],
  ru: ['Заявка с сайта', 'Звонок: запрос цены', 'Запрос КП', 'Контакт с выставки', 'Письмо с запросом'],
  hy: ['Հայտ կայքից', 'Զանգ՝ գնի հարցում', 'Առաջարկի հարցում', 'Website request', 'Նամակով հարցում'],
};

export async function seedLeads(
  ctx: Ctx,
  rng: Rng,
  sellers: Seller[],
  statuses: { id: number; code: string }[],
  sourceIds: number[],
  productNames: string[],
  count: number,
) {
  const open = statuses.filter((s) => s.code !== 'CONVERTED');
  const weights: Record<string, number> = { NEW: 3, IN_PROCESS: 3, PROCESSED: 3, JUNK: 1.5 };
  return createMany(ctx, leadEntity, count, rng, (_i, createdAt) => {
    const seller = pickSeller(rng, sellers);
    const p = person(rng, seller.locale);
    const currency = rng.weighted(CURRENCIES[seller.locale]);
    const company = rng.chance(0.5) ? companyName(rng, seller.locale) : null;
    // old leads are mostly dealt with; recent ones are still new
    const ageDays = (Date.now() - createdAt.getTime()) / 86_400_000;
    const status = ageDays < 14 ? open[0] : rng.weighted(open.map((s) => [s, weights[s.code] ?? 1] as const));
    return {
      seller,
      extra: { status: status?.code ?? 'NEW', hasCompany: Boolean(company) },
      input: {
        title: `${rng.pick(LEAD_TITLES[seller.locale])}: ${rng.pick(productNames)}`,
        name: p.name,
        lastName: p.lastName,
        secondName: p.secondName,
        companyTitle: company?.title ?? null,
        post: company ? rng.pick(POSTS[seller.locale]) : null,
        statusId: status?.id,
        sourceId: rng.pick(sourceIds),
        amount: amountIn(currency, rng.int(5, 300) * 100),
        currency,
        phones: [{ value: phone(rng, seller.locale), type: 'mobile' }],
        emails: rng.chance(0.7) ? [{ value: email(rng, p.handle), type: 'work' }] : [],
        comments: rng.chance(0.2) ? `Created ${isoDay(createdAt)} from the ${seller.locale} website` : null,
      },
    };
  });
}

/** Company names do not repeat: after a few draws, a branch number tells two apart. */
function uniqueCompanyName(rng: Rng, locale: Locale, used: Set<string>) {
  let name = companyName(rng, locale);
  for (let i = 0; i < 6 && used.has(name.title); i++) name = companyName(rng, locale);
  for (let n = 2; used.has(name.title); n++)
    name = { title: `${name.title} ${n}`, slug: `${name.slug}-${n}` };
  used.add(name.title);
  return name;
}

export function groupBy<T, K>(items: T[], key: (t: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k) ?? [];
    list.push(item);
    out.set(k, list);
  }
  return out;
}

export function pickOrNull<T>(rng: Rng, items: T[] | undefined): T | null {
  return items?.length ? rng.pick(items) : null;
}
