import type { Ctx } from '../../context.js';
import { completeActivity, createActivity } from '../../modules/activities/activity.service.js';
import type { Locale } from './demo-names.js';
import type { Seller } from './demo-org.js';
import type { Rng } from './demo-random.js';

type Kind = 'call' | 'meeting' | 'email' | 'task';

const SUBJECTS: Record<Locale, Record<Kind, string[]>> = {
  en: {
    call: ['Call to discuss the offer', 'Follow-up call', 'Call about the delivery date'],
    meeting: ['Meeting at the client’s office', 'Product demo'],
    email: ['Send the commercial offer', 'Email the contract draft'],
    task: ['Prepare the invoice', 'Check the payment'],
  },
  ru: {
    call: ['Звонок: обсудить предложение', 'Повторный звонок', 'Звонок по срокам поставки'],
    meeting: ['Встреча в офисе клиента', 'Демонстрация продукта'],
    email: ['Отправить коммерческое предложение', 'Отправить проект договора'],
    task: ['Подготовить счёт', 'Проверить оплату'],
  },
  hy: {
    call: ['Զանգ՝ առաջարկը քննարկելու', 'Կրկնակի զանգ', 'Զանգ առաքման ժամկետի մասին'],
    meeting: ['Հանդիպում հաճախորդի գրասենյակում', 'Արտադրանքի ցուցադրություն'],
    email: ['Ուղարկել առևտրային առաջարկը', 'Ուղարկել պայմանագրի նախագիծը'],
    task: ['Պատրաստել հաշիվը', 'Ստուգել վճարումը'],
  },
};

const HOUR = 3_600_000;

/** A working-hours moment `days` from now (negative: in the past), on the half hour. */
function at(rng: Rng, now: number, days: number): string {
  const d = new Date(now + days * 24 * HOUR);
  d.setUTCHours(rng.int(6, 14), rng.pick([0, 30]), 0, 0);
  return d.toISOString();
}

/**
 * The managers' planned work, so counters and calendars have something to show: most open deals and
 * leads get a next step (some overdue, some today, most later this week or next), some are left idle,
 * and part of the past work is done with a result. Written through the activities service.
 */
export async function seedActivities(
  ctx: Ctx,
  rng: Rng,
  sellers: Seller[],
  now = Date.now(),
): Promise<number> {
  const k = ctx.db.kysely;
  const localeOf = new Map(sellers.map((s) => [s.id, s.locale]));
  const deals = await k
    .selectFrom('deals')
    .select(['id', 'responsible_id'])
    .where('closed', '=', 0)
    .orderBy('id')
    .execute();
  const leads = await k
    .selectFrom('leads')
    .select(['id', 'responsible_id'])
    .where('status_semantics', '=', 'process')
    .orderBy('id')
    .execute();
  const owners = [
    ...deals.map((d) => ({ entity: 'deal' as const, ...d })),
    ...leads.map((l) => ({ entity: 'lead' as const, ...l })),
  ];
  let count = 0;
  for (const owner of owners) {
    if (rng.chance(0.15)) continue; // idle: no next step planned
    const locale = localeOf.get(owner.responsible_id) ?? 'en';
    const kind = rng.weighted<Kind>([
      ['call', 5],
      ['meeting', 2],
      ['email', 2],
      ['task', 2],
    ]);
    const days = rng.weighted<number>([
      [-3, 1],
      [-1, 2],
      [0, 3],
      [1, 3],
      [rng.int(2, 6), 4],
      [rng.int(7, 14), 2],
    ]);
    const when = at(rng, now, days);
    const timed = kind === 'call' || kind === 'meeting';
    const planned = await createActivity(ctx, {
      type: kind,
      subject: rng.pick(SUBJECTS[locale][kind]),
      ownerEntity: owner.entity,
      ownerId: owner.id,
      responsibleId: owner.responsible_id,
      ...(timed
        ? {
            startAt: when,
            endAt: new Date(Date.parse(when) + (kind === 'meeting' ? HOUR : HOUR / 4)).toISOString(),
          }
        : { deadline: when }),
      ...(rng.chance(0.3) ? { priority: 'high' as const } : {}),
      ...(timed && rng.chance(0.5) ? { remindBeforeMinutes: 15 } : {}),
    });
    count++;
    // part of the earlier work is already done
    if (days < 0 && rng.chance(0.4)) await completeActivity(ctx, planned.id, { result: null });
  }
  return count;
}
