import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

/**
 * English, Russian and Armenian. Each screen area keeps its strings in locales/<lang>/<namespace>.ts;
 * every file found there is registered, so adding a namespace needs no change here.
 */
export const LANGUAGES = [
  { code: 'en', label: 'English', intl: 'en-US' },
  { code: 'ru', label: 'Русский', intl: 'ru-RU' },
  { code: 'hy', label: 'Հայերեն', intl: 'hy-AM' },
] as const;
export type Language = (typeof LANGUAGES)[number]['code'];

type Dict = { [key: string]: string | Dict };
const modules = import.meta.glob<{ default: Dict }>('./locales/*/*.ts', { eager: true });
const resources: Record<string, Record<string, Dict>> = {};
for (const [file, mod] of Object.entries(modules)) {
  const m = /locales\/(\w+)\/([\w-]+)\.ts$/.exec(file);
  if (!m) continue;
  const [, lang, ns] = m as unknown as [string, string, string];
  resources[lang] ??= {};
  (resources[lang] as Record<string, Dict>)[ns] = mod.default;
}

const STORAGE_KEY = 'sevan.language';
export function initialLanguage(): Language {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved && LANGUAGES.some((l) => l.code === saved)) return saved as Language;
  const nav = navigator.language.slice(0, 2);
  return (LANGUAGES.find((l) => l.code === nav)?.code ?? 'en') as Language;
}

export function setLanguage(lang: Language): void {
  localStorage.setItem(STORAGE_KEY, lang);
  document.documentElement.lang = lang;
  void i18n.changeLanguage(lang);
}

void i18n.use(initReactI18next).init({
  resources,
  lng: initialLanguage(),
  fallbackLng: 'en',
  defaultNS: 'common',
  ns: Object.keys(resources.en ?? {}),
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = i18n.language;

export const intlLocale = () => LANGUAGES.find((l) => l.code === i18n.language)?.intl ?? 'en-US';
export default i18n;
