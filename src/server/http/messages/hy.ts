import { ACTIONS, ACTIVITY_TYPES_GEN, collectionOf, nounOf, REFUSALS, TYPES } from './hy-words.js';
import type { Catalog, Values } from './templates.js';
import { capitalize, numbered, uncapitalize } from './wording.js';

/** "№5 գործարքը չի գտնվել". */
const notFound = ({ what = '', id }: Values) => {
  const n = nounOf(what);
  if (!n) return null;
  return id === undefined ? `${capitalize(n.def)} չի գտնվել` : `${numbered(id)} ${n.def} չի գտնվել`;
};

/** "Դուք իրավունք չունեք փոխելու այս գործարքը". */
const mayNotThis = (verb: string | undefined, label: string | undefined) => {
  const n = label === undefined ? undefined : nounOf(label);
  return verb && n ? `Դուք իրավունք չունեք ${verb} այս ${n.def}` : null;
};

const activitiesOf = (verb: string) => (v: Values) => {
  const n = nounOf(v.entity ?? '');
  return n ? `Դուք իրավունք չունեք ${verb} այս ${n.gen} գործերը` : null;
};

const requiredFor = (v: Values) => {
  const type = ACTIVITY_TYPES_GEN[v.type ?? ''];
  return type ? `Պարտադիր է ${type} համար` : null;
};

const ALLOW_HINT = 'ադմինիստրատորը կարող է թույլատրել այն WEBHOOK_ALLOW_HOSTS-ում';

/** Armenian translations of the API's error messages (English templates → Armenian). */
export const hy: Catalog = {
  // Requests
  'The request body is too large': 'Հարցման մարմինը չափազանց մեծ է',
  'Send the body as application/json': 'Ուղարկեք հարցման մարմինը application/json ձևաչափով',
  'The JSON body is empty': 'Հարցման JSON մարմինը դատարկ է',
  'The body is not valid JSON': 'Հարցման մարմինը վավեր JSON չէ',
  'The body is not acceptable JSON: {detail}': 'Հարցման մարմինը թույլատրելի JSON չէ: {detail}',
  'Too many requests; wait a moment and retry': 'Չափազանց շատ հարցումներ․ սպասեք մի փոքր և նորից փորձեք',
  'Something went wrong on our side; it has been logged':
    'Սերվերում ինչ-որ բան սխալ գնաց․ սխալը գրանցվել է մատյանում',
  'No route {method} {path}': '{method} {path} երթուղի գոյություն չունի',
  'Idempotency-Key must be 1 to 255 characters': 'Idempotency-Key-ը պետք է լինի 1-ից 255 նիշ',
  'must be 1 to 255 characters': '1-ից 255 նիշ',
  'A request with this Idempotency-Key is still being processed':
    'Այս Idempotency-Key-ով հարցումը դեռ մշակվում է',
  'This Idempotency-Key was already used for a different request':
    'Այս Idempotency-Key-ն արդեն օգտագործվել է այլ հարցման համար',
  'must not contain NUL characters': 'Չպետք է պարունակի NUL նիշեր',
  'keys must not contain NUL characters': 'Բանալիները չպետք է պարունակեն NUL նիշեր',

  // Signing in
  'The API token is invalid or revoked': 'API տոկենն անվավեր է կամ չեղարկված',
  'Your session has expired; sign in again': 'Ձեր սեանսն ավարտվել է․ կրկին մուտք գործեք',
  'Sign in first': 'Նախ մուտք գործեք համակարգ',
  'Missing or wrong {header} header': '{header} վերնագիրը բացակայում է կամ սխալ է',
  'This user is deactivated': 'Այս օգտատերն ապաակտիվացված է',
  'Wrong email or password': 'Սխալ էլ. փոստ կամ գաղտնաբառ',

  // Rights
  'You do not have the right to do this': 'Դուք իրավունք չունեք դա անելու',
  'You may not {action} this {label}': (v) => mayNotThis(ACTIONS[v.action ?? ''], v.label),
  'You may not {action} records of this type': (v) => {
    const verb = ACTIONS[v.action ?? ''];
    return verb ? `Դուք իրավունք չունեք ${verb} այս տեսակի գրառումներ` : null;
  },
  'You may not create {path}': (v) => {
    const c = collectionOf(v.path ?? '');
    return c ? `Դուք իրավունք չունեք ${c.plural} ստեղծելու` : null;
  },
  'You may not {action} product sections': (v) => {
    const verb = ACTIONS[v.action ?? ''];
    return verb ? `Դուք իրավունք չունեք ${verb} ապրանքների բաժիններ` : null;
  },
  'You may not assign a record to a user outside your access scope':
    'Դուք իրավունք չունեք գրառումը նշանակելու ձեր հասանելիության շրջանակից դուրս գտնվող օգտատիրոջ',
  'Only administrators can do this': 'Դա կարող են անել միայն ադմինիստրատորները',
  'You may not add activities to this {entity}': (v) => {
    const n = nounOf(v.entity ?? '');
    return n ? `Դուք իրավունք չունեք գործեր ավելացնելու այս ${n.dat}` : null;
  },
  'You may not change activities of this {entity}': activitiesOf('փոխելու'),
  'You may not delete activities of this {entity}': activitiesOf('ջնջելու'),
  'Only the author or an administrator can change this comment':
    'Այս մեկնաբանությունը կարող է փոխել միայն հեղինակը կամ ադմինիստրատորը',

  // Missing records and stale versions
  '{what} {id} not found': notFound,
  '{what} not found': notFound,
  'no {what} with id {id}': notFound,
  'no active user with id {id}': '№{id} ակտիվ օգտատերը չի գտնվել',
  'no active user {id}': '№{id} ակտիվ օգտատերը չի գտնվել',
  '{what} {id} was changed by someone else (now version {version}); reload and retry': (v) => {
    const n = nounOf(v.what ?? '');
    if (!n) return null;
    return (
      `${numbered(v.id ?? '')} ${n.def} փոխվել է մեկ այլ օգտատիրոջ կողմից (ընթացիկ տարբերակը՝ ${v.version})․ ` +
      'թարմացրեք տվյալները և նորից փորձեք'
    );
  },
  'The field was changed by someone else; reload and retry':
    'Դաշտը փոխվել է մեկ այլ օգտատիրոջ կողմից․ թարմացրեք տվյալները և նորից փորձեք',
  'must be the version you read': 'Նշեք գրառման այն տարբերակը, որը ստացել եք կարդալիս',

  // Values (shared schemas, filters)
  'is required': 'Պարտադիր դաշտ',
  'unknown field': 'Անհայտ դաշտ',
  'is invalid': 'Անվավեր արժեք',
  invalid: 'Անվավեր արժեք',
  'must be at most {n} characters': 'Առավելագույնը {n} նիշ',
  'must be at least {n} characters': 'Առնվազն {n} նիշ',
  'must be an integer id': 'Պետք է լինի ամբողջ թվով նույնացուցիչ',
  'must be a positive id': 'Նույնացուցիչը պետք է դրական լինի',
  'must be an amount such as "1234.50"': 'Մուտքագրեք գումար, օրինակ՝ "1234.50"',
  'must be an amount with at most 2 decimals, such as "1234.50"':
    'Մուտքագրեք գումար՝ առավելագույնը 2 տասնորդական նիշով, օրինակ՝ "1234.50"',
  'must be a percentage such as "20"': 'Մուտքագրեք տոկոս, օրինակ՝ "20"',
  'must be a percentage from 0 to 100 with at most 2 decimals':
    'Մուտքագրեք տոկոս 0-ից 100՝ առավելագույնը 2 տասնորդական նիշով',
  'must be an ISO 4217 code such as "USD"': 'Պետք է լինի ISO 4217 արժույթի կոդ, օրինակ՝ "USD"',
  'must be a date YYYY-MM-DD': 'Մուտքագրեք ամսաթիվ ՏՏՏՏ-ԱԱ-ՕՕ ձևաչափով',
  'must be an ISO-8601 date-time': 'Մուտքագրեք ամսաթիվ և ժամ ISO 8601 ձևաչափով',
  'must be a valid date-time': 'Մուտքագրեք գոյություն ունեցող ամսաթիվ և ժամ',
  'must be a list': 'Պետք է լինի ցուցակ',
  'must contain digits': 'Հեռախոսահամարը պետք է թվեր պարունակի',
  'must be an email address': 'Մուտքագրեք էլ. փոստի հասցե, օրինակ՝ name@example.com',
  'must be a phone number': 'Մուտքագրեք հեռախոսահամար',
  'must be a URL': 'Մուտքագրեք http:// կամ https:// սկսվող հասցե',
  'must be a number': 'Մուտքագրեք թիվ',
  'must be a finite number': 'Մուտքագրեք վերջավոր թիվ',
  'must be an integer': 'Պետք է լինի ամբողջ թիվ',
  'must be a string': 'Պետք է լինի տող',
  'must be true or false': 'Պետք է լինի true կամ false',
  'must not be negative': 'Չի կարող բացասական լինել',
  'must be greater than 0': 'Պետք է 0-ից մեծ լինի',
  'must be {n} to {n2}': 'Պետք է լինի {n}-ից {n2}',
  'must be between 0 and 100': 'Պետք է լինի 0-ից 100',
  'must be one of {list}': 'Թույլատրելի արժեքներ՝ {list}',
  'is not valid JSON': 'Վավեր JSON չէ',
  'is used twice': 'Նշված է երկու անգամ',
  'is already used': 'Արդեն օգտագործվում է',
  'already exists': 'Արդեն գոյություն ունի',
  'names no field to change': 'Փոփոխելու համար ոչ մի դաշտ նշված չէ',
  'unknown field "{name}"': 'Անհայտ դաշտ՝ «{name}»',
  'unknown field(s) {list}': 'Անհայտ դաշտեր՝ {list}',

  // Lists: filters, sorting, cursors
  'invalid, or made for another sort order': 'Անվավեր է կամ ստեղծված է այլ տեսակավորման համար',
  'invalid, or made for another list': 'Անվավեր է կամ ստեղծված է այլ ցուցակի համար',
  'cannot sort by "{name}"': 'Հնարավոր չէ տեսակավորել «{name}» դաշտով',
  'nesting deeper than {n} levels': 'Ներդրվածությունը {n} մակարդակից ավելի խորն է',
  'must be an object of field conditions': 'Պետք է լինի դաշտերի պայմաններով օբյեկտ',
  'must be a non-empty array of filters': 'Պետք է լինի զտիչների ոչ դատարկ զանգված',
  'needs at least one operator': 'Անհրաժեշտ է առնվազն մեկ օպերատոր',
  'unknown operator; use one of {list}': 'Անհայտ օպերատոր․ օգտագործեք հետևյալներից մեկը՝ {list}',
  'operator not allowed on a {type} field; use one of {list}':
    'Օպերատորը թույլատրված չէ {type} տիպի դաշտի համար․ օգտագործեք հետևյալներից մեկը՝ {list}',
  'must be an array of 1 to {n} values': 'Պետք է լինի 1-ից {n} արժեքի զանգված',

  // Records
  'only deals have stages': 'Փուլեր ունեն միայն գործարքները',
  'only leads have statuses': 'Կարգավիճակներ ունեն միայն լիդերը',
  'is required for this action': 'Պարտադիր է այս գործողության համար',
  'stage {stage} is not in pipeline {pipeline}': '№{stage} փուլը չի պատկանում №{pipeline} ձագարին',
  'the pipeline has no stages': 'Ձագարը փուլեր չունի',
  'no pipeline with stages exists': 'Փուլերով ձագար գոյություն չունի',
  'unknown currency {code}; add it under currencies first':
    'Անհայտ արժույթ՝ {code}․ նախ ավելացրեք այն արժույթների ցանկում',
  'is computed from the product rows; change the rows instead':
    'Գումարը հաշվարկվում է ապրանքներից․ փոխեք ապրանքները',
  'cannot change while the deal has product rows priced in it':
    'Արժույթը հնարավոր չէ փոխել, քանի դեռ գործարքի ապրանքների գները դրանով են',
  'cannot change while the lead has product rows priced in it':
    'Արժույթը հնարավոր չէ փոխել, քանի դեռ լիդի ապրանքների գները դրանով են',
  'a lead becomes converted through POST {route}': 'Լիդը փոխարկվում է POST {route} հարցմամբ',
  'no lead statuses exist': 'Լիդի ոչ մի կարգավիճակ գոյություն չունի',
  'No lead status with "converted" semantics exists': '«Փոխարկված» իմաստով լիդի կարգավիճակ գոյություն չունի',
  'Lead {id} is already converted': '№{id} լիդն արդեն փոխարկված է',

  // Product rows and products
  'is only for discountType "{value}"': 'Միայն discountType "{value}"-ի համար',
  'is required when no productId is given': 'Պարտադիր է, եթե ապրանքը կատալոգից ընտրված չէ (productId չկա)',
  'is required: the product is priced in {currency}, the record in {currency2}':
    'Նշեք գինը․ ապրանքի գինը {currency}-ով է, իսկ գրառմանը՝ {currency2}-ով',
  'must be between 0 and the price': 'Զեղչը պետք է լինի 0-ից մինչև գինը',
  'must be a quantity such as "1.5"': 'Մուտքագրեք քանակ, օրինակ՝ "1.5"',
  'must be a number greater than 0 with at most 3 decimals':
    'Պետք է լինի 0-ից մեծ թիվ՝ առավելագույնը 3 տասնորդական նիշով',
  'at most {n} rows': 'Առավելագույնը {n} տող',
  'name at least one of contact, company, deal': 'Նշեք հետևյալներից առնվազն մեկը՝ contact, company, deal',
  'the total is too large': 'Ընդհանուր գումարը չափազանց մեծ է',
  'a section cannot be placed inside itself or its subsection':
    'Բաժինը հնարավոր չէ տեղադրել ինքն իր կամ իր ենթաբաժնի մեջ',

  // Activities and the calendar
  'a {type} is due at its start; set startAt instead': (v) => {
    const type = ACTIVITY_TYPES_GEN[v.type ?? ''];
    return type ? `${capitalize(type)} ժամկետը դրա սկիզբն է․ փոխարենը նշեք startAt` : null;
  },
  'is required for a {type}': requiredFor,
  'is required for an {type}': requiredFor,
  'needs startAt': 'Անհրաժեշտ է նշել startAt',
  'must not be before startAt': 'Չի կարող լինել startAt-ից շուտ',
  'user {id} may not see this {entity}': (v) => {
    const n = nounOf(v.entity ?? '');
    return n ? `${numbered(v.id ?? '')} օգտատերը չի կարող տեսնել այս ${n.def}` : null;
  },
  'is required with {name}': 'Պարտադիր է {name}-ի հետ',
  'must be after from': 'Պետք է լինի from-ից հետո',
  'the range may span at most {n} days': 'Միջակայքը կարող է լինել առավելագույնը {n} օր',
  'give userId or departmentId, not both': 'Նշեք userId կամ departmentId, բայց ոչ երկուսը միասին',
  'must list at most {n} users': 'Առավելագույնը {n} օգտատեր',
  'must be a number of minutes': 'Մուտքագրեք րոպեների քանակը',
  'must be a whole number of minutes': 'Մուտքագրեք րոպեների ամբողջ թիվ',
  'must be at most {n} (a week)': 'Առավելագույնը {n} (մեկ շաբաթ)',

  // Comments and the timeline
  'mentions at most {n} users': 'Կարելի է նշել առավելագույնը {n} օգտատեր',
  'mentions user {id}, who is not an active user': 'Նշված է №{id} օգտատերը, որն ակտիվ չէ',
  'unknown type "{name}" (use {list})': 'Անհայտ տեսակ՝ «{name}» (թույլատրելի են՝ {list})',

  // Users, departments, roles
  'A user with email {email} already exists': '{email} էլ. փոստով օգտատեր արդեն գոյություն ունի',
  'is already used by another user': 'Արդեն օգտագործվում է այլ օգտատիրոջ կողմից',
  'unknown IANA time zone': 'Անհայտ IANA ժամային գոտի',
  '{email} is the last active administrator; make another user an administrator first':
    '{email}-ը վերջին ակտիվ ադմինիստրատորն է․ նախ ադմինիստրատոր դարձրեք մեկ այլ օգտատիրոջ',
  'is required when currentPassword is sent': 'Պարտադիր է, եթե ուղարկված է currentPassword',
  'is required to change the password': 'Անհրաժեշտ է գաղտնաբառը փոխելու համար',
  'is not your current password': 'Սա ձեր ընթացիկ գաղտնաբառը չէ',
  'cannot place a department inside itself or one of its sub-departments':
    'Բաժինը հնարավոր չէ տեղադրել ինքն իր կամ իր ենթաբաժիններից մեկի մեջ',
  'Department "{name}" still has {n} user(s); move them to another department first':
    '«{name}» բաժնում դեռ կա {n} օգտատեր․ նախ տեղափոխեք նրանց այլ բաժին',
  'Department "{name}" has {n} sub-department(s); move or delete them first':
    '«{name}» բաժինն ունի {n} ենթաբաժին․ նախ տեղափոխեք կամ ջնջեք դրանք',
  'A role with code "{code}" already exists': '«{code}» կոդով դեր արդեն գոյություն ունի',
  'The built-in role "{name}" cannot be deleted': '«{name}» ներկառուցված դերը հնարավոր չէ ջնջել',
  'Role "{name}" is given to {n} user(s); give them another role first':
    '«{name}» դերը տրված է {n} օգտատիրոջ․ նախ նրանց տվեք այլ դեր',

  // Pipelines and stages
  'Stage code {code} is already used': '{code} փուլի կոդն արդեն օգտագործվում է',
  'is already used by another stage': 'Արդեն օգտագործվում է այլ փուլի կողմից',
  'the pipeline already has its one "won" stage': 'Ձագարն արդեն ունի իր միակ «Հաջողված» (won) փուլը',
  'Stage "{name}" has deals; move them to another stage first':
    '«{name}» փուլում գործարքներ կան․ նախ տեղափոխեք դրանք այլ փուլ',
  'Stage "{name}" cannot be deleted: {message}': (v) =>
    `«${v.name}» փուլը հնարավոր չէ ջնջել․ ${uncapitalize(v.message ?? '')}`,
  'must list each stage of pipeline {id} exactly once':
    'Նշեք №{id} ձագարի յուրաքանչյուր փուլը ճիշտ մեկ անգամ',
  'A stage code is already used': 'Փուլի կոդն արդեն օգտագործվում է',
  'a stage code is already used': 'Փուլի կոդն արդեն օգտագործվում է',
  'one pipeline is always the default; make another one the default instead':
    'Մեկ ձագարը միշտ հիմնականն է․ փոխարենը հիմնական դարձրեք մեկ այլ ձագար',
  'The last pipeline cannot be deleted; deals need one':
    'Վերջին ձագարը հնարավոր չէ ջնջել․ գործարքներին անհրաժեշտ է գոնե մեկը',
  '"{name}" is the default pipeline; make another pipeline the default first':
    '«{name}»-ը հիմնական ձագարն է․ նախ հիմնական դարձրեք մեկ այլ ձագար',
  'Pipeline "{name}" has deals; move them to another pipeline first':
    '«{name}» ձագարում գործարքներ կան․ նախ տեղափոխեք դրանք այլ ձագար',
  'a pipeline needs at least one in-progress ("process") stage':
    'Ձագարը պետք է ունենա առնվազն մեկ «Ընթացքում» (process) փուլ',
  'a pipeline needs exactly one "won" stage': 'Ձագարը պետք է ունենա ճիշտ մեկ «Հաջողված» (won) փուլ',
  'a pipeline needs at least one "lost" stage': 'Ձագարը պետք է ունենա առնվազն մեկ «Ձախողված» (lost) փուլ',
  'must be a colour such as "#4dabf7"': 'Պետք է լինի գույն, օրինակ՝ "#4dabf7"',
  'must be 1 to 40 capital latin letters, digits or _, such as "NEGOTIATION"':
    '1-ից 40 լատինական մեծատառ, թվանշան կամ _, օրինակ՝ "NEGOTIATION"',
  'must list the stages': 'Նշեք փուլերը',
  'needs in-progress, won and lost stages': 'Անհրաժեշտ են «Ընթացքում», «Հաջողված» և «Ձախողված» փուլեր',

  // Reference data
  'Lead status code {code} is already used': 'Լիդի կարգավիճակի {code} կոդն արդեն օգտագործվում է',
  'Lead status "{name}" has leads; move them to another status first':
    '«{name}» կարգավիճակում լիդեր կան․ նախ տեղափոխեք դրանք այլ կարգավիճակ',
  'Lead status "{name}" cannot be deleted: {message}': (v) =>
    `«${v.name}» լիդի կարգավիճակը հնարավոր չէ ջնջել․ ${uncapitalize(v.message ?? '')}`,
  'exactly one lead status must have "converted" semantics':
    'Լիդի ճիշտ մեկ կարգավիճակ պետք է ունենա «Փոխարկված» (converted) իմաստը',
  'at least one lead status must have "process" semantics':
    'Լիդի առնվազն մեկ կարգավիճակ պետք է ունենա «Ընթացքում» (process) իմաստը',
  'Currency {code} already exists': '{code} արժույթն արդեն գոյություն ունի',
  'one currency is always the base; make another currency the base instead':
    'Մեկ արժույթը միշտ բազային է․ փոխարենը բազային դարձրեք մեկ այլ արժույթ',
  'Source code {code} is already used': '{code} աղբյուրի կոդն արդեն օգտագործվում է',
  'Source "{name}" is used by {table}; it cannot be deleted': (v) => {
    const c = collectionOf(v.table ?? '');
    return c ? `«${v.name}» աղբյուրը նշված է ${c.loc}․ այն հնարավոր չէ ջնջել` : null;
  },
  'must be lowercase latin letters, digits or _, such as "support"':
    'Լատինական փոքրատառեր, թվանշաններ կամ _, օրինակ՝ "support"',

  // Custom fields
  'must be an option id': 'Պետք է լինի տարբերակի նույնացուցիչ',
  'must be one of the option ids {list}': 'Պետք է լինի տարբերակների նույնացուցիչներից մեկը՝ {list}',
  'must be a list of option ids': 'Պետք է լինի տարբերակների նույնացուցիչների ցուցակ',
  'must be a record reference such as "deal:12"': 'Մուտքագրեք գրառման հղում, օրինակ՝ "deal:12"',
  'no option with id {id}; omit the id to add an option':
    '№{id} տարբերակը չի գտնվել․ նոր տարբերակ ավելացնելու համար մի նշեք id',
  'a list field needs at least one option': 'Ցուցակ դաշտը պետք է ունենա առնվազն մեկ տարբերակ',
  'only list (enum) fields can hold several values':
    'Մի քանի արժեք կարող են պահել միայն ցուցակ (enum) դաշտերը',
  'only list (enum) fields have options': 'Տարբերակներ ունեն միայն ցուցակ (enum) դաշտերը',
  'A field with code {code} already exists on {entity}': (v) => {
    const c = collectionOf(v.entity ?? '');
    return c ? `${v.code} կոդով դաշտ արդեն կա ${c.loc}` : null;
  },
  'must look like UF_CRM_NAME (capital letters, digits, _)':
    'Պետք է ունենա UF_CRM_NAME տեսքը (լատինական մեծատառեր, թվանշաններ, _)',

  // Outgoing webhooks
  'must be a list of event names': 'Պետք է լինի իրադարձությունների անունների ցուցակ',
  'must name at least one event': 'Նշեք առնվազն մեկ իրադարձություն',
  'must name at most {n} events': 'Առավելագույնը {n} իրադարձություն',
  'must be native or bitrix24': 'Պետք է լինի native կամ bitrix24',
  'must be true (to make a new secret)': 'Պետք է լինի true (նոր գաղտնիք ստեղծելու համար)',
  'unknown event {name}': 'Անհայտ իրադարձություն՝ {name}',
  'must be an absolute http:// or https:// URL': 'Պետք է լինի ամբողջական http:// կամ https:// հասցե',
  'must not contain a user name or password': 'Չպետք է պարունակի օգտանուն կամ գաղտնաբառ',
  'the host {host} cannot be resolved': '{host} հոստի հասցեն հնարավոր չէ գտնել',
  'refused: {address} is {reason}; an administrator can allow it with WEBHOOK_ALLOW_HOSTS': (v) => {
    const label = REFUSALS[v.reason ?? ''];
    return label ? `Մերժված է․ ${v.address}-ը ${label} է․ ${ALLOW_HINT}` : null;
  },
  'refused: {host} resolves to {address}, which is {reason}; an administrator can allow it with WEBHOOK_ALLOW_HOSTS':
    (v) => {
      const label = REFUSALS[v.reason ?? ''];
      return label
        ? `Մերժված է․ ${v.host}-ը համապատասխանում է ${v.address} հասցեին, որը ${label} է․ ${ALLOW_HINT}`
        : null;
    },

  // zod's own messages, for schemas without a message of their own
  'Invalid input: expected {expected}, received {received}': ({ expected = '', received = '' }) => {
    const wanted = `Անվավեր արժեք․ սպասվում է ${TYPES[expected] ?? expected}`;
    // a query parameter that is not a number arrives as NaN: saying so would only confuse
    return received === 'NaN' ? wanted : `${wanted}, ոչ թե ${TYPES[received] ?? received}`;
  },
  'Invalid input: expected {value}': 'Անվավեր արժեք․ սպասվում է {value}',
  'Invalid input': 'Անվավեր արժեք',
  'Invalid input: more than one option matched': 'Երկիմաստ արժեք․ համապատասխանում է մեկից ավելի տարբերակի',
  'Invalid option: expected one of {list}': 'Անթույլատրելի արժեք․ թույլատրելի են՝ {list}',
  'Too big: expected string to have <={n} characters': 'Առավելագույնը {n} նիշ',
  'Too small: expected string to have >={n} characters': 'Առնվազն {n} նիշ',
  'Too big: expected array to have <={n} items': 'Առավելագույնը {n} տարր',
  'Too small: expected array to have >={n} items': 'Առնվազն {n} տարր',
  'Too big: expected number to be <={n}': 'Առավելագույնը {n}',
  'Too big: expected number to be <{n}': 'Պետք է լինի {n}-ից փոքր',
  'Too small: expected number to be >={n}': 'Նվազագույնը {n}',
  'Too small: expected number to be >{n}': 'Պետք է լինի {n}-ից մեծ',
  'Invalid email address': 'Մուտքագրեք էլ. փոստի հասցե, օրինակ՝ name@example.com',
  'Invalid URL': 'Անվավեր URL',
  'Invalid ISO date': 'Մուտքագրեք ամսաթիվ ՏՏՏՏ-ԱԱ-ՕՕ ձևաչափով',
  'Invalid ISO datetime': 'Մուտքագրեք ամսաթիվ և ժամ ISO 8601 ձևաչափով',
  'Invalid string: must match pattern {pattern}':
    'Անվավեր ձևաչափ․ պետք է համապատասխանի {pattern} օրինաչափությանը',
  'Invalid number: must be a multiple of {n}': 'Թիվը պետք է լինի {n}-ի բազմապատիկ',
};
