import { z } from 'zod';
import { parseMoney, parseRate } from '../money.js';

/** Building blocks of the API's input schemas, shared by the server and the web forms. */
export const text = (max = 255) => z.string().max(max, `must be at most ${max} characters`);
export const requiredText = (max = 255) => text(max).trim().min(1, 'is required');
export const optionalText = (max = 255) => text(max).nullable().optional();
export const longText = () => z.string().max(65535, 'must be at most 65535 characters').nullable().optional();

export const id = z
  .number({ error: 'must be an integer id' })
  .int('must be an integer id')
  .positive('must be a positive id');

/** Money in: "1234.50" or 1234.5 → integer hundredths. */
export const money = z
  .union([z.string(), z.number()], { error: 'must be an amount such as "1234.50"' })
  .transform((v, ctx) => {
    const m = parseMoney(v);
    if (m === null) {
      ctx.addIssue({
        code: 'custom',
        message: 'must be an amount with at most 2 decimals, such as "1234.50"',
      });
      return z.NEVER;
    }
    return Number(m);
  });

/** Percent in: "20" or 7.5 → basis points (2000, 750). */
export const rate = z
  .union([z.string(), z.number()], { error: 'must be a percentage such as "20"' })
  .transform((v, ctx) => {
    const bp = parseRate(v);
    if (bp === null) {
      ctx.addIssue({ code: 'custom', message: 'must be a percentage from 0 to 100 with at most 2 decimals' });
      return z.NEVER;
    }
    return bp;
  });

export const currency = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as "USD"');
export const isoDate = z.iso.date({ error: 'must be a date YYYY-MM-DD' });
export const isoDateTime = z.iso.datetime({ offset: true, error: 'must be an ISO-8601 date-time' });

export const PHONE_TYPES = ['work', 'mobile', 'home', 'fax', 'other'] as const;
export const EMAIL_TYPES = ['work', 'home', 'other'] as const;
export const WEB_TYPES = ['work', 'home', 'other'] as const;
export const MESSENGER_TYPES = ['telegram', 'whatsapp', 'viber', 'skype', 'other'] as const;

const comm = <T extends readonly [string, ...string[]]>(types: T, value: z.ZodType<string>) =>
  z
    .array(
      z.strictObject({
        // an entry's id from an earlier answer: that entry is changed in place and keeps its id
        id: z.number().int().positive().optional(),
        value,
        type: z.enum(types).default(types[0]),
      }),
      { error: 'must be a list' },
    )
    .max(50);

export const communications = {
  phones: comm(
    PHONE_TYPES,
    z.string().trim().min(1, 'is required').max(64).regex(/\d/, 'must contain digits'),
  ).optional(),
  emails: comm(EMAIL_TYPES, z.email('must be an email address').max(254)).optional(),
  websites: comm(WEB_TYPES, z.string().trim().min(1, 'is required').max(500)).optional(),
  messengers: comm(MESSENGER_TYPES, z.string().trim().min(1, 'is required').max(255)).optional(),
};

export type CommunicationInput = { id?: number | undefined; value: string; type: string };
