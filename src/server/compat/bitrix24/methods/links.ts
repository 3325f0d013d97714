import type { EntityDescriptor } from '../../../modules/records/descriptor.js';
import { getRecord, updateRecord } from '../../../modules/records/record.service.js';
import { companyMap } from '../fields/company.js';
import { contactMap } from '../fields/contact.js';
import { dealMap } from '../fields/deal.js';
import { answer, type MethodDef } from '../registry.js';
import { boolIn, idIn, intIn, isPlainObject, listIn, param } from '../values.js';
import { requireId } from './ids.js';

/**
 * crm.deal.contact.items.get/set, crm.contact.company.items.get/set and crm.company.contact.items.get/set:
 * a record's linked records as {CONTACT_ID|COMPANY_ID, SORT, ROLE_ID, IS_PRIMARY}; the first is primary.
 * `set` replaces the links (the primary one first, then by SORT).
 */
function linkMethods(prefix: string, d: EntityDescriptor, api: string, key: string): MethodDef[] {
  return [
    {
      name: `${prefix}.items.get`,
      scope: 'crm',
      errors: 'legacy',
      handler: async ({ ctx, params }) => {
        const record = await getRecord(ctx, d, requireId(params));
        const ids = (record[api] as number[] | undefined) ?? [];
        return answer(
          ids.map((id, i) => ({
            [key]: id,
            SORT: (i + 1) * 10,
            ROLE_ID: 0,
            IS_PRIMARY: i === 0 ? 'Y' : 'N',
          })),
        );
      },
    },
    {
      name: `${prefix}.items.set`,
      scope: 'crm',
      errors: 'legacy',
      namer: (field) => (field === api ? key : undefined),
      handler: async ({ ctx, params }) => {
        const id = requireId(params);
        const items = listIn(param(params, 'items'))
          .filter(isPlainObject)
          .map((item, n) => ({
            id: idIn(item[key]),
            sort: intIn(item.SORT) ?? (n + 1) * 10,
            primary: boolIn(item.IS_PRIMARY) === true,
          }))
          .filter((i): i is { id: number; sort: number; primary: boolean } => typeof i.id === 'number');
        items.sort((a, b) => Number(b.primary) - Number(a.primary) || a.sort - b.sort);
        await getRecord(ctx, d, id);
        await updateRecord(ctx, d, id, { [api]: items.map((i) => (Number.isNaN(i.id) ? null : i.id)) });
        return answer(true);
      },
    },
  ];
}

export const linkMethodsAll: MethodDef[] = [
  ...linkMethods('crm.deal.contact', dealMap.descriptor, 'contactIds', 'CONTACT_ID'),
  ...linkMethods('crm.contact.company', contactMap.descriptor, 'companyIds', 'COMPANY_ID'),
  ...linkMethods('crm.company.contact', companyMap.descriptor, 'contactIds', 'CONTACT_ID'),
];
