import { formatDateIn, formatDateTimeIn, formatMoneyIn, formatNumberIn } from '../../shared/format';
import { intlLocale } from '../i18n';

/** The shared formatters, in the current UI language. */
export const formatMoney = (amount: unknown, currency: unknown) =>
  formatMoneyIn(intlLocale(), amount, currency);
export const formatDateTime = (iso: unknown, timeZone?: string) =>
  formatDateTimeIn(intlLocale(), iso, timeZone);
export const formatDate = (ymd: unknown) => formatDateIn(intlLocale(), ymd);
export const formatNumber = (n: unknown) => formatNumberIn(intlLocale(), n);
