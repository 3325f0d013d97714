/**
 * Russian words that English messages carry as variable parts (entity labels, actions, zod type names),
 * with the forms the Russian templates need: labels agree in gender and case with the words around them.
 */
import { collectionPath } from './wording.js';

type Gender = 'm' | 'f' | 'n';

interface Noun {
  /** Nominative ("сделка"), accusative ("сделку") and genitive ("сделки") singular. */
  nom: string;
  acc: string;
  gen: string;
  gender: Gender;
}

const noun = (nom: string, acc: string, gen: string, gender: Gender): Noun => ({ nom, acc, gen, gender });

/** Labels by their English name, lower-cased ("Deal", "deal" and "lead status" all look up here). */
const NOUNS: Record<string, Noun> = {
  deal: noun('сделка', 'сделку', 'сделки', 'f'),
  lead: noun('лид', 'лид', 'лида', 'm'),
  contact: noun('контакт', 'контакт', 'контакта', 'm'),
  company: noun('компания', 'компанию', 'компании', 'f'),
  product: noun('товар', 'товар', 'товара', 'm'),
  activity: noun('дело', 'дело', 'дела', 'n'),
  comment: noun('комментарий', 'комментарий', 'комментария', 'm'),
  user: noun('пользователь', 'пользователя', 'пользователя', 'm'),
  'active user': noun('активный пользователь', 'активного пользователя', 'активного пользователя', 'm'),
  pipeline: noun('воронка', 'воронку', 'воронки', 'f'),
  stage: noun('стадия', 'стадию', 'стадии', 'f'),
  'lead status': noun('статус лида', 'статус лида', 'статуса лида', 'm'),
  currency: noun('валюта', 'валюту', 'валюты', 'f'),
  source: noun('источник', 'источник', 'источника', 'm'),
  department: noun('отдел', 'отдел', 'отдела', 'm'),
  role: noun('роль', 'роль', 'роли', 'f'),
  'product section': noun('раздел товаров', 'раздел товаров', 'раздела товаров', 'm'),
  'saved filter': noun('сохранённый фильтр', 'сохранённый фильтр', 'сохранённого фильтра', 'm'),
  'custom field': noun('дополнительное поле', 'дополнительное поле', 'дополнительного поля', 'n'),
  'api token': noun('API-токен', 'API-токен', 'API-токена', 'm'),
  'outbound webhook': noun('исходящий вебхук', 'исходящий вебхук', 'исходящего вебхука', 'm'),
  delivery: noun('доставка', 'доставку', 'доставки', 'f'),
  notification: noun('уведомление', 'уведомление', 'уведомления', 'n'),
  'calendar feed': noun(
    'ссылка для подписки на календарь',
    'ссылку для подписки на календарь',
    'ссылки для подписки на календарь',
    'f',
  ),
  option: noun('вариант', 'вариант', 'варианта', 'm'),
};

export const nounOf = (label: string): Noun | undefined => NOUNS[label.toLowerCase()];

const byGender = (g: Gender, m: string, f: string, n: string) => (g === 'm' ? m : g === 'f' ? f : n);
/** "не найден" / "не найдена" / "не найдено". */
export const notFoundWord = (g: Gender) => byGender(g, 'не найден', 'не найдена', 'не найдено');
export const changedWord = (g: Gender) => byGender(g, 'изменён', 'изменена', 'изменено');
/** "этот лид", "эту сделку", "это дело" (accusative). */
export const thisAcc = (g: Gender) => byGender(g, 'этот', 'эту', 'это');
/** "этого лида", "этой сделки" (genitive). */
export const thisGen = (g: Gender) => byGender(g, 'этого', 'этой', 'этого');

/** Record collections by their API path: plural (accusative = nominative) and prepositional ("в сделках"). */
export const COLLECTIONS: Record<string, { plural: string; prep: string }> = {
  leads: { plural: 'лиды', prep: 'лидах' },
  contacts: { plural: 'контакты', prep: 'контактах' },
  companies: { plural: 'компании', prep: 'компаниях' },
  deals: { plural: 'сделки', prep: 'сделках' },
  products: { plural: 'товары', prep: 'товарах' },
};
export const collectionOf = (entityOrPath: string) => COLLECTIONS[collectionPath(entityOrPath)];

/** What "You may not {action} …" may hold, as the infinitive after "Вам нельзя". */
export const ACTIONS: Record<string, string> = {
  read: 'просматривать',
  create: 'создавать',
  update: 'изменять',
  delete: 'удалять',
  export: 'экспортировать',
};

/** Activity types in the genitive ("для звонка"). */
export const ACTIVITY_TYPES_GEN: Record<string, string> = {
  call: 'звонка',
  meeting: 'встречи',
  email: 'письма',
  task: 'задачи',
};

/** zod's type names ("expected string, received number"). */
export const TYPES: Record<string, string> = {
  string: 'строка',
  number: 'число',
  int: 'целое число',
  bigint: 'целое число',
  boolean: 'true или false',
  object: 'объект',
  array: 'массив',
  date: 'дата',
  null: 'null',
  undefined: 'пустое значение',
  nan: 'NaN',
  function: 'функция',
  file: 'файл',
};

/** Why the webhook guard refuses an address. */
export const REFUSALS: Record<string, string> = {
  'a loopback address': 'адрес обратной петли (loopback)',
  'a private address': 'адрес частной сети',
  'a link-local address': 'локальный адрес канала (link-local)',
  'a multicast address': 'групповой адрес (multicast)',
  'a reserved address': 'зарезервированный адрес',
  'an unspecified address': 'неопределённый адрес',
};

const plurals = new Intl.PluralRules('ru');
/**
 * The noun after a number in the genitive, as after "не более" / "от … до": "1 символа", "2 символов",
 * "5 символов", "21 символа", "1,5 символа".
 */
export function genitiveAfter(n: string, singular: string, plural: string): string {
  const form = plurals.select(Number(n));
  return form === 'one' || form === 'other' ? singular : plural;
}
