import { loadActor } from '../src/server/access/actor.js';
import type { Db } from '../src/server/db/connection.js';
import { migrate } from '../src/server/db/migrate.js';
import { ensureAdmin } from '../src/server/db/seed/admin.js';
import { seedDefaults } from '../src/server/db/seed/defaults.js';
import type { Locale } from '../src/server/db/seed/demo-names.js';
import { nowIso } from '../src/server/db/tx.js';
import { createCustomField } from '../src/server/modules/custom-fields/custom-field.service.js';
import { createUser } from '../src/server/modules/users/user.service.js';
import type { Reference } from './dataset-rows.js';

/**
 * The part of the dataset made through the real code: migrations, default reference data, the
 * administrator, four departments of five people, and one custom field on deals (a list "Region").
 */
export const BENCH_DEPARTMENTS: [string, Locale][] = [
  ['Sales — Yerevan', 'hy'],
  ['Sales — Moscow', 'ru'],
  ['Key accounts', 'en'],
  ['Sales — London', 'en'],
];
export const REGION_FIELD = { code: 'UF_CRM_REGION', column: 'uf_crm_region', apiName: 'ufCrmRegion' };
const REGIONS = [
  'Yerevan',
  'Gyumri',
  'Vanadzor',
  'Moscow',
  'St Petersburg',
  'Kazan',
  'London',
  'Manchester',
  'Berlin',
  'Paris',
  'Dubai',
  'Other',
];

export async function setupSchema(db: Db, region: string): Promise<Reference> {
  await migrate(db);
  await seedDefaults(db);
  await ensureAdmin(db, 'admin@bench.local', 'bench-admin-password');
  const k = db.kysely;
  const admin = await k.selectFrom('users').select('id').where('is_admin', '=', 1).executeTakeFirstOrThrow();
  const root = await k.selectFrom('departments').select('id').orderBy('id').executeTakeFirstOrThrow();
  const roles = await k.selectFrom('roles').select(['id', 'code']).execute();
  const roleId = (code: string) => roles.find((r) => r.code === code)?.id ?? null;
  const users: Reference['users'] = [];
  for (const [name, locale] of BENCH_DEPARTMENTS) {
    const now = nowIso();
    const dept = await k
      .insertInto('departments')
      .values({
        name,
        parent_id: root.id,
        head_id: null,
        sort: 100,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (let i = 0; i < 5; i++) {
      const user = await createUser(db, {
        email: `u${users.length + 1}@bench.local`,
        name: `User ${users.length + 1}`,
        lastName: name,
        password: 'bench-password',
        isAdmin: false,
        roleId: roleId(i === 0 ? 'sales_head' : 'sales_manager'),
        departmentId: dept.id,
        timeZone: 'UTC',
        locale,
        position: i === 0 ? 'Team lead' : 'Sales manager',
        phone: '',
      });
      users.push({ id: user.id, locale });
    }
  }
  const actor = await loadActor(db, admin.id);
  if (!actor) throw new Error('no administrator');
  const field = await createCustomField(
    { db, actor, phoneRegion: region },
    {
      entityType: 'deal',
      name: 'Region',
      type: 'enum',
      code: REGION_FIELD.code,
      required: false,
      multiple: false,
      options: REGIONS.map((label) => ({ label })),
    },
  );
  const pipeline = await k
    .selectFrom('pipelines')
    .select('id')
    .where('is_default', '=', 1)
    .executeTakeFirstOrThrow();
  return {
    users,
    stages: await k
      .selectFrom('stages')
      .select(['id', 'pipeline_id', 'semantics', 'probability', 'code'])
      .where('pipeline_id', '=', pipeline.id)
      .execute(),
    sourceIds: (await k.selectFrom('sources').select('id').execute()).map((s) => s.id),
    statuses: await k.selectFrom('lead_statuses').select(['id', 'semantics', 'code']).execute(),
    regionOptions: field.options.map((o) => o.id),
    region,
  };
}
