import type { Ctx } from '../../context.js';
import { createDepartment, updateDepartment } from '../../modules/departments/department.service.js';
import { createPipeline } from '../../modules/pipelines/pipeline.service.js';
import { productEntity } from '../../modules/products/product.entity.js';
import { createSection } from '../../modules/products/product-section.service.js';
import { createRecord } from '../../modules/records/record.service.js';
import { createUser } from '../../modules/users/user.service.js';
import { withTx } from '../tx.js';
import { type Locale, person } from './demo-names.js';
import type { Rng } from './demo-random.js';

/** Demo company structure, the second pipeline and the product catalog. */
export const DEMO_PASSWORD = 'demo-password';

export interface Seller {
  id: number;
  departmentId: number;
  locale: Locale;
  /** How much of the work lands on this person (heads get less). */
  weight: number;
}

const DEPARTMENTS: { name: string; parent: string | null; locale: Locale; staff: number }[] = [
  { name: 'Sales', parent: null, locale: 'en', staff: 2 },
  { name: 'Sales — Yerevan', parent: 'Sales', locale: 'hy', staff: 6 },
  { name: 'Sales — Moscow', parent: 'Sales', locale: 'ru', staff: 6 },
  { name: 'Key accounts', parent: 'Sales', locale: 'en', staff: 6 },
];

async function findOrCreateDepartment(ctx: Ctx, name: string, parentId: number | null): Promise<number> {
  const k = ctx.db.kysely;
  const found = await k.selectFrom('departments').select('id').where('name', '=', name).executeTakeFirst();
  if (found) return found.id;
  return (await createDepartment(ctx.db, ctx.actor, { name, parentId, headId: null })).id;
}

/** Four departments under the company root and 20 people: department heads (sales_head) and managers. */
export async function seedOrg(ctx: Ctx, rng: Rng): Promise<Seller[]> {
  const db = ctx.db;
  const roles = await db.kysely.selectFrom('roles').select(['id', 'code']).execute();
  const roleId = (code: string) => roles.find((r) => r.code === code)?.id ?? null;
  const root = await db.kysely
    .selectFrom('departments')
    .select('id')
    .where('parent_id', 'is', null)
    .orderBy('id')
    .executeTakeFirst();
  const ids = new Map<string, number>();
  const sellers: Seller[] = [];
  const usedEmails = new Set<string>();
  for (const dept of DEPARTMENTS) {
    const parentId = dept.parent ? (ids.get(dept.parent) ?? null) : (root?.id ?? null);
    const departmentId = await findOrCreateDepartment(ctx, dept.name, parentId);
    ids.set(dept.name, departmentId);
    for (let i = 0; i < dept.staff; i++) {
      const head = i === 0;
      const p = person(rng, dept.locale);
      let mail = `${p.handle}@demo.sevan.local`;
      for (let n = 2; usedEmails.has(mail); n++) mail = `${p.handle}${n}@demo.sevan.local`;
      usedEmails.add(mail);
      const existing = await db.kysely
        .selectFrom('users')
        .select('id')
        .where('email', '=', mail)
        .executeTakeFirst();
      const id =
        existing?.id ??
        (
          await createUser(db, {
            email: mail,
            name: p.name,
            lastName: p.lastName,
            password: DEMO_PASSWORD,
            isAdmin: false,
            roleId: roleId(head || dept.parent === null ? 'sales_head' : 'sales_manager'),
            departmentId,
            timeZone: dept.locale === 'ru' ? 'Europe/Moscow' : dept.locale === 'hy' ? 'Asia/Yerevan' : 'UTC',
            locale: dept.locale,
            position: head ? (dept.parent ? 'Team lead' : 'Head of sales') : 'Sales manager',
            phone: '',
          })
        ).id;
      if (head) await updateDepartment(db, ctx.actor, departmentId, { headId: id });
      sellers.push({ id, departmentId, locale: dept.locale, weight: head ? (dept.parent ? 1 : 0.4) : 3 });
    }
  }
  return sellers;
}

const SERVICE_STAGES = [
  ['NEW', 'New request', 'process', 10, '#74c0fc'],
  ['DIAGNOSTICS', 'Diagnostics', 'process', 30, '#4dabf7'],
  ['QUOTE', 'Quote approved', 'process', 50, '#339af0'],
  ['IN_WORK', 'In work', 'process', 70, '#1c7ed6'],
  ['DONE', 'Done, invoiced', 'process', 90, '#1864ab'],
  ['WON', 'Paid', 'won', 100, '#40c057'],
  ['LOSE', 'Cancelled', 'lost', 0, '#fa5252'],
] as const;

/** The "Service" pipeline; the pipeline service gives its stage codes the C<pipeline id>: prefix. */
export async function seedServicePipeline(ctx: Ctx): Promise<number> {
  const k = ctx.db.kysely;
  const found = await k.selectFrom('pipelines').select('id').where('name', '=', 'Service').executeTakeFirst();
  if (found) return found.id;
  const stages = SERVICE_STAGES.map(([code, name, semantics, probability, color]) => ({
    code,
    name,
    semantics,
    probability,
    color,
  }));
  return (await createPipeline(ctx.db, ctx.actor, { name: 'Service', isDefault: false, stages })).id;
}

/** [section, parent section, products: name | price in USD | measure]. */
const CATALOG: [string, string | null, string][] = [
  ['Computers', null, ''],
  [
    'Laptops',
    'Computers',
    'Laptop 14" Business|1200 Laptop 16" Pro|2100 Ultrabook 13"|1450 Rugged laptop 15"|2600 Chromebook 11"|330',
  ],
  ['Desktops', 'Computers', 'Office PC i5|780 Workstation Xeon|3400 Mini PC|450 All-in-one 24"|1100'],
  [
    'Peripherals',
    null,
    'Monitor 24" IPS|210 Monitor 27" 4K|420 Docking station USB-C|190 Keyboard and mouse set|45 Headset|60 Webcam 1080p|75 Laser printer A4|290 Colour MFP A4|540 Projector Full HD|690',
  ],
  [
    'Networking',
    null,
    'Wi-Fi 6 access point|180 Switch 24-port PoE|520 Dual-WAN router|260 Firewall appliance|1350 UPS 1500 VA|340 Server rack 42U|980 Cat6 patch cables|25|box',
  ],
  [
    'Software',
    null,
    'Office suite licence|250|year Antivirus licence|35|year Accounting software licence|600 CRM subscription|25|month Backup software|400 OS licence|140',
  ],
  [
    'Services',
    null,
    'Installation and setup|40|h On-site support|55|h Remote support|300|month Network audit|900 Data migration|1200 Staff training|650|day Extended warranty 3 years|180 Hardware repair|85|h Maintenance visit|150',
  ],
];

export interface DemoProduct {
  id: number;
  name: string;
  /** USD hundredths. */
  price: number;
  measure: string;
  service: boolean;
}

/** Product sections (a small tree) and about 40 products, created through the record service. */
export async function seedCatalog(ctx: Ctx): Promise<DemoProduct[]> {
  const existing = await ctx.db.kysely
    .selectFrom('products')
    .select(['id', 'name', 'price', 'measure', 'section_id'])
    .execute();
  if (existing.length) {
    const services = await ctx.db.kysely
      .selectFrom('product_sections')
      .select('id')
      .where('name', '=', 'Services')
      .executeTakeFirst();
    return existing.map((p) => ({ ...p, price: Number(p.price), service: p.section_id === services?.id }));
  }
  // everything the transaction builds lives inside it: it may run more than once (db/tx.ts)
  return withTx(ctx.db, async (db) => {
    const sectionIds = new Map<string, number>();
    const products: DemoProduct[] = [];
    for (const [section, parent, list] of CATALOG) {
      const parentId = parent ? (sectionIds.get(parent) ?? null) : null;
      const row = await createSection(
        { ...ctx, db },
        { name: section, parentId, sort: sectionIds.size * 10 },
      );
      sectionIds.set(section, row.id);
      // product names contain spaces: items are separated by a price (digits) followed by a space
      for (const item of list.match(/[^|]+\|\d+(\|[a-z]+)?/g) ?? []) {
        const [name, price, measure = 'pcs'] = item.trim().split('|') as [string, string, string?];
        const sku = `${section.slice(0, 3).toUpperCase()}-${String(products.length + 1).padStart(3, '0')}`;
        const created = await createRecord({ ...ctx, db }, productEntity, {
          name,
          sku,
          sectionId: row.id,
          price,
          currency: 'USD',
          vatRate: '20',
          vatIncluded: true,
          measure,
          sort: (products.length + 1) * 10,
        });
        products.push({
          id: created.id,
          name,
          price: Number(price) * 100,
          measure,
          service: section === 'Services',
        });
      }
    }
    return products;
  });
}
