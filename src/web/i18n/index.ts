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
type Bundle = Record<string, Dict>;
const nameOf = (file: string) =>
  /locales\/(\w+)\/([\w-]+)\.ts$/.exec(file) as [string, string, string] | null;

// English (also the fallback) ships with the app; Russian and Armenian load as one chunk each, only for
// a user who reads them, which keeps them out of the first download.
const english: Bundle = {};
for (const [file, mod] of Object.entries(
  import.meta.glob<{ default: Dict }>('./locales/en/*.ts', { eager: true }),
)) {
  const m = nameOf(file);
  if (m) english[m[2]] = mod.default;
}
const others = import.meta.glob<{ default: Dict }>(['./locales/*/*.ts', '!./locales/en/*.ts']);

async function loadLanguage(lang: Language): Promise<void> {
  if (lang === 'en' || i18n.hasResourceBundle(lang, 'common')) return;
  const files = Object.entries(others).filter(([file]) => nameOf(file)?.[1] === lang);
  const loaded = await Promise.all(
    files.map(async ([file, load]) => [nameOf(file)?.[2], await load()] as const),
  );
  for (const [ns, mod] of loaded) if (ns) i18n.addResourceBundle(lang, ns, mod.default, true, true);
}

const STORAGE_KEY = 'sevan.language';
export function initialLanguage(): Language {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved && LANGUAGES.some((l) => l.code === saved)) return saved as Language;
  const nav = navigator.language.slice(0, 2);
  return (LANGUAGES.find((l) => l.code === nav)?.code ?? 'en') as Language;
}

export async function setLanguage(lang: Language): Promise<void> {
  localStorage.setItem(STORAGE_KEY, lang);
  await loadLanguage(lang);
  document.documentElement.lang = lang;
  await i18n.changeLanguage(lang);
}

void i18n.use(initReactI18next).init({
  resources: { en: english },
  partialBundledLanguages: true,
  lng: 'en',
  fallbackLng: 'en',
  defaultNS: 'common',
  ns: Object.keys(english),
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** Resolves once the user's language is ready; the app renders after it (no flash of English). */
export const i18nReady: Promise<void> = (async () => {
  const lang = initialLanguage();
  try {
    await loadLanguage(lang);
    await i18n.changeLanguage(lang);
  } catch {
    // the chunk failed to load (offline, new deploy): English still works
  }
  document.documentElement.lang = i18n.language;
})();

export const intlLocale = () => LANGUAGES.find((l) => l.code === i18n.language)?.intl ?? 'en-US';
export default i18n;
