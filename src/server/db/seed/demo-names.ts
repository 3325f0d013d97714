import type { Rng } from './demo-random.js';

/** Name pools of the demo data and the benchmark dataset: English, Russian and Armenian. */
export type Locale = 'en' | 'ru' | 'hy';

/** "native|latin" pairs, so Cyrillic and Armenian names still get ASCII email addresses. */
const pairs = (text: string): [string, string][] =>
  text
    .trim()
    .split(/\s+/)
    .map((p) => {
      const [native, latin] = p.split('|') as [string, string | undefined];
      return [native.replaceAll('_', ' '), (latin ?? native).replaceAll('_', ' ')];
    });

const NAMES = {
  en: {
    male: pairs('James John Robert Michael William David Daniel Thomas Christopher Matthew Andrew Steven'),
    female: pairs('Mary Patricia Jennifer Linda Elizabeth Susan Jessica Sarah Emily Olivia Emma Grace'),
    last: pairs('Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Moore Clark Walker'),
  },
  ru: {
    male: pairs(`Иван|Ivan Алексей|Aleksey Дмитрий|Dmitry Сергей|Sergey Андрей|Andrey Михаил|Mikhail
      Николай|Nikolay Павел|Pavel Егор|Egor Артём|Artem Владимир|Vladimir Роман|Roman`),
    female: pairs(`Анна|Anna Мария|Maria Елена|Elena Ольга|Olga Наталья|Natalya Татьяна|Tatyana Ирина|Irina
      Екатерина|Ekaterina Светлана|Svetlana Юлия|Yulia Дарья|Darya Ксения|Ksenia`),
    last: pairs(`Иванов|Ivanov Петров|Petrov Смирнов|Smirnov Кузнецов|Kuznetsov Соколов|Sokolov Попов|Popov
      Лебедев|Lebedev Козлов|Kozlov Новиков|Novikov Морозов|Morozov Волков|Volkov Соловьёв|Solovyov`),
    patronymic: pairs('Иванович Петрович Сергеевич Александрович Михайлович Андреевич'),
  },
  hy: {
    male: pairs(`Արամ|Aram Դավիթ|Davit Տիգրան|Tigran Արմեն|Armen Գևորգ|Gevorg Հայկ|Hayk Վահե|Vahe
      Կարեն|Karen Սուրեն|Suren Արսեն|Arsen Նարեկ|Narek Ռուբեն|Ruben`),
    female: pairs(`Անի|Ani Նարե|Nare Լիլիթ|Lilit Մարիամ|Mariam Անուշ|Anush Գայանե|Gayane Սոնա|Sona
      Արմինե|Armine Լուսինե|Lusine Տաթևիկ|Tatevik Հասմիկ|Hasmik Սիրանուշ|Siranush`),
    last: pairs(`Պետրոսյան|Petrosyan Հարությունյան|Harutyunyan Սարգսյան|Sargsyan Գրիգորյան|Grigoryan
      Հովհաննիսյան|Hovhannisyan Խաչատրյան|Khachatryan Մկրտչյան|Mkrtchyan Վարդանյան|Vardanyan
      Ավետիսյան|Avetisyan Կարապետյան|Karapetyan Գասպարյան|Gasparyan Մարտիրոսյան|Martirosyan`),
  },
};

export interface Person {
  name: string;
  lastName: string;
  secondName: string | null;
  /** ASCII "first.last" for email addresses. */
  handle: string;
  locale: Locale;
}

/** A person of the locale; Armenian names are written in Armenian script or Latin about half and half. */
export function person(rng: Rng, locale: Locale): Person {
  const female = rng.chance(0.5);
  const pool = NAMES[locale];
  const [first, firstLatin] = rng.pick(female ? pool.female : pool.male);
  let [last, lastLatin] = rng.pick(pool.last);
  let secondName: string | null = null;
  if (locale === 'ru') {
    if (female) {
      last += 'а';
      lastLatin += 'a';
    }
    if (rng.chance(0.6)) {
      const [p] = rng.pick(NAMES.ru.patronymic);
      secondName = female ? p.replace(/ич$/, 'на') : p; // Иванович → Ивановна
    }
  }
  const latin = locale === 'hy' && rng.chance(0.5);
  return {
    name: latin ? firstLatin : first,
    lastName: latin ? lastLatin : last,
    secondName,
    handle: `${firstLatin}.${lastLatin}`.toLowerCase(),
    locale,
  };
}

const COMPANY_WORDS = {
  en: {
    first: pairs(`Northwind Blue_Harbor Summit Evergreen Silverline Pioneer Crescent Redwood Atlas Granite
      Beacon Cobalt Harborview Keystone Lakeside Maple Orion Riverbend Stonebridge Westfield`),
    second: pairs(
      'Trading Logistics Systems Foods Consulting Industries Motors Solutions Retail Energy Labs Supply',
    ),
    form: ['LLC', 'Inc.', 'Ltd'],
  },
  ru: {
    first: pairs(`Северный_ветер|Severny_Veter Техносфера|Tekhnosfera Альфа-Строй|Alfa-Stroy Горизонт|Gorizont
      Меридиан|Meridian ПромСнаб|PromSnab ВостокТорг|VostokTorg Волга|Volga Русский_лес|Russky_Les Сатурн|Saturn
      Байкал|Baikal Уралсиб|Uralsib Полярис|Polaris Ладога|Ladoga Сибирь|Sibir Эталон|Etalon Вектор|Vektor`),
    second: pairs(`Логистик|Logistic Трейд|Trade Системы|Systems Продукты|Foods Консалтинг|Consulting
      Инжиниринг|Engineering Маркет|Market Сервис|Service`),
    form: ['ООО', 'АО', 'ПАО'],
  },
  hy: {
    first: pairs(`Արարատ|Ararat Սևան|Sevan Արագած|Aragats Տաթև|Tatev Զվարթնոց|Zvartnots Մասիս|Masis
      Գառնի|Garni Դիլիջան|Dilijan Ախթամար|Akhtamar Նաիրի|Nairi Վանաձոր|Vanadzor Գեղարդ|Geghard
      Արտաշատ|Artashat Հրազդան|Hrazdan Շիրակ|Shirak Լոռի|Lori`),
    second: pairs(`Թրեյդինգ|Trading Լոջիսթիքս|Logistics Սիսթեմզ|Systems Ֆուդս|Foods Քոնսալթինգ|Consulting
      Գրուպ|Group Տեխնոլոջիս|Technologies Մոթորս|Motors`),
    form: ['ՍՊԸ', 'ՓԲԸ'],
  },
};

export interface CompanyName {
  title: string;
  /** ASCII domain stem, e.g. "ararat-trading". */
  slug: string;
}

export function companyName(rng: Rng, locale: Locale): CompanyName {
  const w = COMPANY_WORDS[locale];
  const [a, aLatin] = rng.pick(w.first);
  const [b, bLatin] = rng.pick(w.second);
  const slug = `${aLatin}-${bLatin}`.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  if (locale === 'ru') return { title: `${rng.pick(w.form)} «${a} ${b}»`, slug };
  if (locale === 'hy' && rng.chance(0.5)) return { title: `${aLatin} ${bLatin} LLC`, slug };
  return { title: `${a} ${b} ${rng.pick(w.form)}`, slug };
}

export const POSTS: Record<Locale, string[]> = {
  en: ['Purchasing manager', 'CEO', 'Chief accountant', 'Head of IT', 'Sales director', 'Office manager'],
  ru: [
    'Менеджер по закупкам',
    'Генеральный директор',
    'Главный бухгалтер',
    'Руководитель ИТ',
    'Офис-менеджер',
  ],
  hy: ['Գնումների մենեջեր', 'Տնօրեն', 'Գլխավոր հաշվապահ', 'ՏՏ բաժնի ղեկավար', 'Purchasing manager'],
};

const STREETS: Record<Locale, [string[], string]> = {
  en: [['Market St', 'Main St', 'Oak Avenue', 'Baker Street', 'Harbor Road'], 'San Francisco, CA'],
  ru: [['ул. Тверская', 'Ленинский пр-т', 'ул. Арбат', 'Невский пр-т', 'ул. Профсоюзная'], 'Москва'],
  hy: [['Աբովյան փ.', 'Մաշտոցի պող.', 'Abovyan St', 'Tumanyan St', 'Սայաթ-Նովայի պող.'], 'Yerevan'],
};

export function address(rng: Rng, locale: Locale): string {
  const [streets, city] = STREETS[locale];
  const n = rng.int(1, 180);
  return locale === 'en' ? `${n} ${rng.pick(streets)}, ${city}` : `${rng.pick(streets)}, ${n}, ${city}`;
}

/** A phone in the international form people type, for the locale's country. */
export function phone(rng: Rng, locale: Locale): string {
  if (locale === 'ru') {
    const d = rng.digits(7);
    return `+7 ${rng.pick(['916', '903', '925', '495', '812'])} ${d.slice(0, 3)}-${d.slice(3, 5)}-${d.slice(5)}`;
  }
  if (locale === 'hy') return `+374 ${rng.pick(['91', '93', '94', '77', '55', '10'])} ${rng.digits(6)}`;
  if (rng.chance(0.3)) return `+44 20 7${rng.digits(3)} ${rng.digits(4)}`;
  return `+1 (${rng.pick(['415', '212', '646', '312'])}) 555-${rng.digits(4)}`;
}

export function email(rng: Rng, handle: string, domain?: string): string {
  const host = domain ?? rng.pick(['gmail.com', 'mail.ru', 'yandex.ru', 'outlook.com', 'yahoo.com']);
  const suffix = domain ? '' : String(rng.int(1, 999));
  return `${handle}${suffix}@${host}`.replace(/[^a-z0-9.@-]/g, '');
}
