import { findDuplicates } from '../../../modules/search/duplicates.service.js';
import { b24 } from '../errors.js';
import { answer, type MethodDef } from '../registry.js';
import { listIn, param } from '../values.js';

/**
 * crm.duplicate.findbycomm: leads, contacts and companies with one of the phones or emails (normalised,
 * so "8 (916) 123-45-67" finds "+79161234567"), as {"CONTACT":[ids],…}; no match → [].
 */
const ENTITIES = { LEAD: 'lead', CONTACT: 'contact', COMPANY: 'company' } as const;

export const duplicateMethods: MethodDef[] = [
  {
    name: 'crm.duplicate.findbycomm',
    scope: 'crm',
    errors: 'legacy',
    handler: async ({ ctx, params }) => {
      const type = String(param(params, 'type') ?? '').toUpperCase();
      if (type !== 'PHONE' && type !== 'EMAIL') throw b24.legacy('Parameter type must be PHONE or EMAIL.');
      const values = listIn(param(params, 'values')).map(String).filter(Boolean);
      if (!values.length) throw b24.legacy('Parameter values must be a non-empty array.');
      if (values.length > 20) throw b24.legacy('Too many values: at most 20.');
      const only = String(param(params, 'entity_type') ?? '').toUpperCase() as keyof typeof ENTITIES | '';
      const entityTypes = only && ENTITIES[only] ? [ENTITIES[only]] : Object.values(ENTITIES);
      const hits = await findDuplicates(ctx, {
        phones: type === 'PHONE' ? values : [],
        emails: type === 'EMAIL' ? values : [],
        entityTypes,
      });
      const out: Record<string, number[]> = {};
      for (const h of hits) {
        const key = h.entityType.toUpperCase();
        out[key] = [...(out[key] ?? []), h.id];
      }
      for (const ids of Object.values(out)) ids.sort((a, b) => a - b);
      return answer(Object.keys(out).length ? out : []);
    },
  },
];
