import { z } from 'zod';
import { parseQuantity } from '../money.js';
import { id, money, optionalText, rate, requiredText } from './common.js';
import { versionField } from './records.js';

/** Input schemas of product sections, product rows and lead conversion; shared with the web forms. */

export const sectionCreate = z.strictObject({
  name: requiredText(255),
  parentId: id.nullable().optional(),
  sort: z.number().int().min(0).max(1_000_000).optional(),
});
export const sectionUpdate = sectionCreate.partial();
export type SectionCreate = z.output<typeof sectionCreate>;
export type SectionUpdate = z.output<typeof sectionUpdate>;

/** Quantity in: "1.5" or 1.5 → thousandths (1500); more than 3 decimals or ≤ 0 is refused. */
export const quantity = z
  .union([z.string(), z.number()], { error: 'must be a quantity such as "1.5"' })
  .transform((v, ctx) => {
    const q = parseQuantity(v);
    if (q === null || q <= 0n) {
      ctx.addIssue({ code: 'custom', message: 'must be a number greater than 0 with at most 3 decimals' });
      return z.NEVER;
    }
    return Number(q);
  });

const nonNegativeMoney = money.refine((v) => v >= 0, 'must not be negative');

export const productRowInput = z.strictObject({
  productId: id.nullable().optional(),
  name: optionalText(255),
  price: nonNegativeMoney.optional(),
  quantity: quantity.default(1000),
  discountType: z.enum(['percent', 'amount']).default('percent'),
  discountRate: rate.optional(),
  discountSum: nonNegativeMoney.optional(),
  taxRate: rate.nullable().optional(),
  taxIncluded: z.boolean().optional(),
  measure: requiredText(16).optional(),
});
export type ProductRowInput = z.output<typeof productRowInput>;

export const replaceRowsBody = z.strictObject({
  rows: z.array(productRowInput).max(500, 'at most 500 rows'),
  ...versionField,
});
export type ReplaceRowsBody = z.output<typeof replaceRowsBody>;

/** Conversion target: link an existing record by id, or create one (other keys override copied fields). */
const existing = z.strictObject({ id });
const created = z.looseObject({ create: z.literal(true) });

export const convertBody = z
  .strictObject({
    contact: z.union([existing, created]).optional(),
    company: z.union([existing, created]).optional(),
    deal: z
      .strictObject({
        create: z.literal(true),
        pipelineId: id.optional(),
        stageId: id.optional(),
        title: requiredText().optional(),
      })
      .optional(),
    ...versionField,
  })
  .refine((b) => b.contact || b.company || b.deal, {
    message: 'name at least one of contact, company, deal',
    path: ['contact'],
  });
export type ConvertBody = z.output<typeof convertBody>;
