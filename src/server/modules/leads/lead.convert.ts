import { sql } from 'kysely';
import { ErrorCodes, type FieldIssue } from '../../../shared/errors.js';
import type { ConvertBody } from '../../../shared/schemas/products.js';
import { assertRecordAccess } from '../../access/rights.js';
import { type Ctx, withDb } from '../../context.js';
import { nowIso, withTx } from '../../db/tx.js';
import { AppError } from '../../errors.js';
import { publishRecordChange } from '../../live/record-changes.js';
import { companyEntity } from '../companies/company.entity.js';
import { contactEntity } from '../contacts/contact.entity.js';
import { dealEntity } from '../deals/deal.entity.js';
import { diff, recordHistory } from '../history/history.service.js';
import { copyProductRows } from '../products/product-row.service.js';
import type { ApiRecord, EntityDescriptor } from '../records/descriptor.js';
import { createRecord, getRecord, versionConflict } from '../records/record.service.js';
import { assertReadableRefs } from '../records/references.js';
import { leadEntity } from './lead.entity.js';

/**
 * Lead conversion: into a new or existing contact and/or company and/or a new deal, in ONE transaction.
 * New records are made through the record engine (rights, validation, history, search all apply), so any
 * failure part way rolls everything back and leaves the lead as it was.
 */

export interface ConvertResult {
  lead: ApiRecord;
  contact?: ApiRecord;
  company?: ApiRecord;
  deal?: ApiRecord;
}

type Overrides = Record<string, unknown>;
const COMMS = ['phones', 'emails', 'websites', 'messengers'] as const;

/** Copies the named lead fields that have a value (nulls are left out so required fields say "is required"). */
function pick(lead: ApiRecord, keys: string[]): Overrides {
  const out: Overrides = {};
  for (const k of keys) if (lead[k] !== null && lead[k] !== undefined) out[k] = lead[k];
  return out;
}

function commsOf(lead: ApiRecord, keys: readonly string[]): Overrides {
  const out: Overrides = {};
  for (const k of keys) {
    const items = (lead[k] as { value: string; type: string }[] | undefined) ?? [];
    if (items.length) out[k] = items.map(({ value, type }) => ({ value, type }));
  }
  return out;
}

function overridesOf(target: { create: true } & Overrides): Overrides {
  const { create: _create, ...rest } = target;
  return rest;
}

/** createRecord through the transaction, with its 400s naming the part of the body ("contact.name"). */
async function createPart(ctx: Ctx, d: EntityDescriptor, part: string, input: Overrides): Promise<ApiRecord> {
  try {
    return await createRecord(ctx, d, input);
  } catch (err) {
    if (err instanceof AppError && err.code === ErrorCodes.VALIDATION_FAILED && Array.isArray(err.details)) {
      const issues = (err.details as FieldIssue[]).map((i) => ({ ...i, field: `${part}.${i.field}` }));
      throw new AppError(err.code, issues.map((i) => `${i.field}: ${i.message}`).join('; '), issues);
    }
    throw err;
  }
}

/** Creates a record from the lead and sets its lead_id (not an input field); returns its id. */
async function createFromLead(ctx: Ctx, d: EntityDescriptor, part: string, input: Overrides, leadId: number) {
  const record = await createPart(ctx, d, part, input);
  await ctx.db.kysely
    .updateTable(d.table as 'contacts' | 'companies')
    .set({ lead_id: leadId })
    .where('id', '=', record.id)
    .execute();
  return record.id;
}

async function makeCompany(ctx: Ctx, lead: ApiRecord, body: ConvertBody, contactId: number | undefined) {
  if (!body.company || !('create' in body.company)) return undefined;
  // A lead's phones and emails are usually the person's: the company gets them only when no contact is made.
  const withPerson = Boolean(body.contact && 'create' in body.contact);
  const input = {
    ...pick(lead, ['responsibleId', 'sourceId', 'currency']),
    ...(lead.companyTitle ? { title: lead.companyTitle } : {}),
    ...commsOf(lead, withPerson ? ['websites'] : COMMS),
    ...(contactId ? { contactIds: [contactId] } : {}),
    ...overridesOf(body.company),
  };
  return createFromLead(ctx, companyEntity, 'company', input, lead.id);
}

async function makeContact(ctx: Ctx, lead: ApiRecord, body: ConvertBody, companyId: number | undefined) {
  if (!body.contact || !('create' in body.contact)) return undefined;
  const fields = ['honorific', 'name', 'secondName', 'lastName', 'post', 'address', 'birthdate'];
  const input = {
    ...pick(lead, [...fields, 'responsibleId', 'sourceId', 'sourceDescription']),
    ...commsOf(lead, COMMS),
    ...(companyId ? { companyIds: [companyId] } : {}),
    ...overridesOf(body.contact),
  };
  return createFromLead(ctx, contactEntity, 'contact', input, lead.id);
}

async function makeDeal(
  ctx: Ctx,
  lead: ApiRecord,
  body: ConvertBody,
  companyId?: number,
  contactId?: number,
) {
  if (!body.deal) return undefined;
  const { create: _create, ...chosen } = body.deal;
  const input = {
    ...pick(lead, [
      'title',
      'amount',
      'currency',
      'responsibleId',
      'sourceId',
      'sourceDescription',
      'comments',
    ]),
    leadId: lead.id,
    ...(companyId ? { companyId } : {}),
    ...(contactId ? { contactIds: [contactId] } : {}),
    ...chosen,
  };
  const deal = await createPart(ctx, dealEntity, 'deal', input);
  if (await copyProductRows(ctx, 'lead', lead.id, 'deal', deal.id))
    return getRecord(ctx, dealEntity, deal.id);
  return deal;
}

async function linkContactToCompany(ctx: Ctx, contactId: number, companyId: number): Promise<void> {
  const k = ctx.db.kysely;
  const linked = await k
    .selectFrom('contact_companies')
    .select('contact_id')
    .where('contact_id', '=', contactId)
    .where('company_id', '=', companyId)
    .executeTakeFirst();
  if (linked) return;
  const last = await k
    .selectFrom('contact_companies')
    .select((eb) => eb.fn.max('sort').as('sort'))
    .where('contact_id', '=', contactId)
    .executeTakeFirst();
  const sort = last?.sort === null || last?.sort === undefined ? 0 : Number(last.sort) + 1;
  await k
    .insertInto('contact_companies')
    .values({ contact_id: contactId, company_id: companyId, sort })
    .execute();
}

async function convertedStatus(ctx: Ctx) {
  const status = await ctx.db.kysely
    .selectFrom('lead_statuses')
    .select(['id', 'semantics'])
    .where('semantics', '=', 'converted')
    .orderBy('sort')
    .orderBy('id')
    .executeTakeFirst();
  if (!status) throw new AppError(ErrorCodes.CONFLICT, 'No lead status with "converted" semantics exists');
  return status;
}

async function markConverted(ctx: Ctx, lead: ApiRecord, links: { contactId?: number; companyId?: number }) {
  const status = await convertedStatus(ctx);
  const updated = await ctx.db.kysely
    .updateTable('leads')
    .set({
      status_id: status.id,
      status_semantics: status.semantics,
      ...(links.contactId ? { contact_id: links.contactId } : {}),
      ...(links.companyId ? { company_id: links.companyId } : {}),
      converted_at: nowIso(),
      version: sql`version + 1`,
      updated_by: ctx.actor.userId || null,
      updated_at: nowIso(),
    })
    .where('id', '=', lead.id)
    .where('version', '=', lead.version)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1)
    throw versionConflict(leadEntity, await getRecord(ctx, leadEntity, lead.id));
  return getRecord(ctx, leadEntity, lead.id);
}

/** Loads the lead for conversion: update right, not yet converted, the version the caller read. */
async function loadConvertible(ctx: Ctx, leadId: number, version: number | undefined): Promise<ApiRecord> {
  const lead = await getRecord(ctx, leadEntity, leadId);
  const owner = lead.responsibleId as number;
  await assertRecordAccess(ctx.db, ctx.actor, 'lead', 'update', owner, leadEntity.label, leadId);
  if (lead.statusSemantics === 'converted')
    throw new AppError(ErrorCodes.CONFLICT, `Lead ${leadId} is already converted`, { current: lead });
  if (version !== undefined && version !== lead.version) throw versionConflict(leadEntity, lead);
  return lead;
}

const existingId = (part: ConvertBody['contact']): number | undefined =>
  part && !('create' in part) ? part.id : undefined;

export async function convertLead(ctx: Ctx, leadId: number, body: ConvertBody): Promise<ConvertResult> {
  return withTx(ctx.db, async (db) => {
    const tx = withDb(ctx, db);
    const lead = await loadConvertible(tx, leadId, body.version);
    const existingCompanyId = existingId(body.company);
    const existingContactId = existingId(body.contact);
    if (existingCompanyId)
      await assertReadableRefs(tx, 'company', 'companies', [existingCompanyId], 'company.id');
    if (existingContactId)
      await assertReadableRefs(tx, 'contact', 'contacts', [existingContactId], 'contact.id');
    const companyId = (await makeCompany(tx, lead, body, existingContactId)) ?? existingCompanyId;
    const contactId = (await makeContact(tx, lead, body, companyId)) ?? existingContactId;
    if (existingContactId && existingCompanyId)
      await linkContactToCompany(tx, existingContactId, existingCompanyId);
    const deal = await makeDeal(tx, lead, body, companyId, contactId);
    const after = await markConverted(tx, lead, { contactId, companyId });
    const changes = diff(lead, after);
    if (deal) changes.push({ field: 'dealId', old: null, new: deal.id });
    await recordHistory(tx, 'lead', leadId, 'convert', changes);
    await publishRecordChange(db, 'lead', leadId, 'updated', [lead.responsibleId as number]);
    return {
      lead: after,
      // read again: links made after a record was created show on it
      ...(contactId ? { contact: await getRecord(tx, contactEntity, contactId) } : {}),
      ...(companyId ? { company: await getRecord(tx, companyEntity, companyId) } : {}),
      ...(deal ? { deal } : {}),
    };
  });
}
