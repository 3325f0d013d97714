/**
 * Armenian words that English messages carry as variable parts (entity labels, actions, zod type names),
 * with the forms the Armenian templates need: the definite article and the genitive/dative.
 */
import { collectionPath } from './wording.js';

interface Noun {
  /** With the definite article ("գործարքը"), genitive ("գործարքի") and dative with the article ("գործարքին"). */
  def: string;
  gen: string;
  dat: string;
}

const noun = (def: string, gen: string, dat: string): Noun => ({ def, gen, dat });

/** Labels by their English name, lower-cased ("Deal", "deal" and "lead status" all look up here). */
const NOUNS: Record<string, Noun> = {
  deal: noun('գործարքը', 'գործարքի', 'գործարքին'),
  lead: noun('լիդը', 'լիդի', 'լիդին'),
  contact: noun('կոնտակտը', 'կոնտակտի', 'կոնտակտին'),
  company: noun('ընկերությունը', 'ընկերության', 'ընկերությանը'),
  product: noun('ապրանքը', 'ապրանքի', 'ապրանքին'),
  activity: noun('գործը', 'գործի', 'գործին'),
  comment: noun('մեկնաբանությունը', 'մեկնաբանության', 'մեկնաբանությանը'),
  user: noun('օգտատերը', 'օգտատիրոջ', 'օգտատիրոջը'),
  'active user': noun('ակտիվ օգտատերը', 'ակտիվ օգտատիրոջ', 'ակտիվ օգտատիրոջը'),
  pipeline: noun('ձագարը', 'ձագարի', 'ձագարին'),
  stage: noun('փուլը', 'փուլի', 'փուլին'),
  'lead status': noun('լիդի կարգավիճակը', 'լիդի կարգավիճակի', 'լիդի կարգավիճակին'),
  currency: noun('արժույթը', 'արժույթի', 'արժույթին'),
  source: noun('աղբյուրը', 'աղբյուրի', 'աղբյուրին'),
  department: noun('բաժինը', 'բաժնի', 'բաժնին'),
  role: noun('դերը', 'դերի', 'դերին'),
  'product section': noun('ապրանքների բաժինը', 'ապրանքների բաժնի', 'ապրանքների բաժնին'),
  'saved filter': noun('պահպանված զտիչը', 'պահպանված զտիչի', 'պահպանված զտիչին'),
  'custom field': noun('լրացուցիչ դաշտը', 'լրացուցիչ դաշտի', 'լրացուցիչ դաշտին'),
  'api token': noun('API տոկենը', 'API տոկենի', 'API տոկենին'),
  'outbound webhook': noun('ելքային webhook-ը', 'ելքային webhook-ի', 'ելքային webhook-ին'),
  delivery: noun('առաքումը', 'առաքման', 'առաքմանը'),
  notification: noun('ծանուցումը', 'ծանուցման', 'ծանուցմանը'),
  'calendar feed': noun('բաժանորդագրության հղումը', 'բաժանորդագրության հղման', 'բաժանորդագրության հղմանը'),
  option: noun('տարբերակը', 'տարբերակի', 'տարբերակին'),
};

export const nounOf = (label: string): Noun | undefined => NOUNS[label.toLowerCase()];

/** Record collections by their API path: plural and locative ("գործարքներում"). */
const COLLECTIONS: Record<string, { plural: string; loc: string }> = {
  leads: { plural: 'լիդեր', loc: 'լիդերում' },
  contacts: { plural: 'կոնտակտներ', loc: 'կոնտակտներում' },
  companies: { plural: 'ընկերություններ', loc: 'ընկերություններում' },
  deals: { plural: 'գործարքներ', loc: 'գործարքներում' },
  products: { plural: 'ապրանքներ', loc: 'ապրանքներում' },
};
export const collectionOf = (entityOrPath: string) => COLLECTIONS[collectionPath(entityOrPath)];

/** What "You may not {action} …" may hold, as the infinitive after "իրավունք չունեք". */
export const ACTIONS: Record<string, string> = {
  read: 'դիտելու',
  create: 'ստեղծելու',
  update: 'փոխելու',
  delete: 'ջնջելու',
  export: 'արտահանելու',
};

/** Activity types in the genitive ("զանգի համար"). */
export const ACTIVITY_TYPES_GEN: Record<string, string> = {
  call: 'զանգի',
  meeting: 'հանդիպման',
  email: 'նամակի',
  task: 'առաջադրանքի',
};

/** zod's type names ("expected string, received number"). */
export const TYPES: Record<string, string> = {
  string: 'տող',
  number: 'թիվ',
  int: 'ամբողջ թիվ',
  bigint: 'ամբողջ թիվ',
  boolean: 'true կամ false',
  object: 'օբյեկտ',
  array: 'զանգված',
  date: 'ամսաթիվ',
  null: 'null',
  undefined: 'դատարկ արժեք',
  nan: 'NaN',
  function: 'ֆունկցիա',
  file: 'ֆայլ',
};

/** Why the webhook guard refuses an address. */
export const REFUSALS: Record<string, string> = {
  'a loopback address': 'loopback հասցե',
  'a private address': 'մասնավոր ցանցի հասցե',
  'a link-local address': 'link-local հասցե',
  'a multicast address': 'multicast հասցե',
  'a reserved address': 'վերապահված հասցե',
  'an unspecified address': 'չսահմանված հասցե',
};
