/**
 * The API explains a bad field in English ("is required"). The record page shows the same explanation in
 * the user's language: known messages map to a key of the `record` namespace's `api` section; anything else
 * is shown as the server wrote it, so nothing is lost.
 */
const EXACT: Record<string, string> = {
  'is required': 'required',
  'must be an email address': 'email',
  'must contain digits': 'phoneDigits',
  'must not be negative': 'notNegative',
  'must be greater than 0': 'positive',
  'must be an amount with at most 2 decimals, such as "1234.50"': 'money',
  'must be an amount such as "1234.50"': 'money',
  'must be a date YYYY-MM-DD': 'date',
  'must be an ISO-8601 date-time': 'datetime',
  'must be a URL': 'url',
  'must be a number': 'number',
  'must be a finite number': 'number',
  'must be a percentage such as "20"': 'rate',
  'must be a percentage from 0 to 100 with at most 2 decimals': 'rate',
  'must be a quantity such as "1.5"': 'quantity',
  'must be a number greater than 0 with at most 3 decimals': 'quantity',
  'must be between 0 and the price': 'discountSum',
  'must be between 0 and 100': 'discountRate',
  'must be a record reference such as "deal:12"': 'crmLink',
  'must be an integer id': 'choose',
  'must be a positive id': 'choose',
  'must be an option id': 'choose',
  'must be true or false': 'choose',
  'is computed from the product rows; change the rows instead': 'amountFromRows',
  'cannot change while the deal has product rows priced in it': 'currencyWithRows',
  'cannot change while the lead has product rows priced in it': 'currencyWithRows',
  'is required when no productId is given': 'rowNeedsValue',
  'must be an ISO 4217 code such as "USD"': 'currency',
};

export interface MessageKey {
  key: string;
  values?: Record<string, string>;
}

/** The translation key for a server message, or null when the message is not a known one. */
export function apiMessageKey(message: string): MessageKey | null {
  const exact = EXACT[message];
  if (exact) return { key: `api.${exact}` };
  const tooLong = /^must be at most (\d+) characters$/.exec(message);
  if (tooLong) return { key: 'api.tooLong', values: { max: tooLong[1] as string } };
  const noRecord = /^no (\w+) with id (\d+)$/.exec(message);
  if (noRecord) return { key: 'api.noRecord', values: { id: noRecord[2] as string } };
  const bound = /^Too (big|small): expected \w+ to (?:be|have) ([<>]=?)\s*(-?\d+(?:\.\d+)?)/.exec(message);
  if (bound) return { key: bound[1] === 'big' ? 'api.max' : 'api.min', values: { n: bound[3] as string } };
  if (message.startsWith('is required: the product is priced in')) return { key: 'api.priceOtherCurrency' };
  if (message.startsWith('Invalid option')) return { key: 'api.choose' };
  return null;
}

/** The issues of one field: the field itself and anything under it ("phones" → "phones.0.value"). */
export function issuesFor<T extends { field: string }>(issues: T[], field: string): T[] {
  return issues.filter((i) => i.field === field || i.field.startsWith(`${field}.`));
}
