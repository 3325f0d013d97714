import type { ApiErrorBody, FieldIssue } from '../../../shared/errors.js';
import { hy } from './hy.js';
import { ru } from './ru.js';
import { MessageCatalog } from './templates.js';

/** The languages error messages are written in: English in the code, Russian and Armenian by catalog. */
export const MESSAGE_LANGUAGES = ['en', 'ru', 'hy'] as const;
export type MessageLanguage = (typeof MESSAGE_LANGUAGES)[number];

const catalogs: Record<Exclude<MessageLanguage, 'en'>, MessageCatalog> = {
  ru: new MessageCatalog(ru),
  hy: new MessageCatalog(hy),
};

/**
 * The language an Accept-Language header asks for: its supported languages by preference (q, then order),
 * matched on the primary tag ("ru-RU" → ru); English when it names none of them or is absent.
 */
export function messageLanguage(header: string | string[] | undefined): MessageLanguage {
  if (!header) return 'en';
  const ranges = (Array.isArray(header) ? header.join(',') : header)
    .split(',')
    .map((range, order) => {
      const [tag = '', ...params] = range.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/i.exec(p)?.[1]).find((v) => v !== undefined);
      return {
        primary: tag.trim().toLowerCase().split('-')[0] ?? '',
        q: q === undefined ? 1 : Number(q),
        order,
      };
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order);
  const found = ranges.find((r) => (MESSAGE_LANGUAGES as readonly string[]).includes(r.primary));
  return (found?.primary as MessageLanguage | undefined) ?? 'en';
}

const isFieldIssues = (details: unknown): details is FieldIssue[] =>
  Array.isArray(details) &&
  details.every(
    (d) =>
      d !== null &&
      typeof d === 'object' &&
      typeof (d as FieldIssue).field === 'string' &&
      typeof (d as FieldIssue).message === 'string',
  );

const joined = (issues: FieldIssue[]) => issues.map((i) => `${i.field}: ${i.message}`).join('; ');

/**
 * The error body in the given language: the message and each field issue's message, through the
 * language's catalog. Messages no template matches stay English; field names and other details stay as
 * they are.
 */
export function localizeError(body: ApiErrorBody, language: MessageLanguage): ApiErrorBody {
  if (language === 'en') return body;
  const catalog = catalogs[language];
  const { message, details } = body.error;
  if (!isFieldIssues(details)) {
    return { error: { ...body.error, message: catalog.translateMessage(message) ?? message } };
  }
  const issues = details.map((issue) => ({
    ...issue,
    message: catalog.translate(issue.message) ?? issue.message,
  }));
  // A message made of its issues is made again from the translated ones.
  const translated =
    message === joined(details) ? joined(issues) : (catalog.translateMessage(message) ?? message);
  return { error: { ...body.error, message: translated, details: issues } };
}
