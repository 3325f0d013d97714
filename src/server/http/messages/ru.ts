import {
  ACTIONS,
  ACTIVITY_TYPES_GEN,
  changedWord,
  collectionOf,
  genitiveAfter,
  notFoundWord,
  nounOf,
  REFUSALS,
  TYPES,
  thisAcc,
  thisGen,
} from './ru-words.js';
import type { Catalog, Values } from './templates.js';
import { capitalize, numbered, uncapitalize } from './wording.js';

/** "Сделка №5 не найдена": the label agrees with the participle. */
const notFound = ({ what = '', id }: Values) => {
  const n = nounOf(what);
  if (!n) return null;
  return `${capitalize(n.nom)}${id === undefined ? '' : ` ${numbered(id)}`} ${notFoundWord(n.gender)}`;
};

/** "Вам нельзя изменять эту сделку". */
const mayNotThis = (verb: string | undefined, label: string | undefined) => {
  const n = label === undefined ? undefined : nounOf(label);
  return verb && n ? `Вам нельзя ${verb} ${thisAcc(n.gender)} ${n.acc}` : null;
};

const activitiesOf = (verb: string) => (v: Values) => {
  const n = nounOf(v.entity ?? '');
  return n ? `Вам нельзя ${verb} дела ${thisGen(n.gender)} ${n.gen}` : null;
};

const atMost = (singular: string, plural: string) => (v: Values) =>
  `Не более ${v.n} ${genitiveAfter(v.n ?? '', singular, plural)}`;
const atLeast = (singular: string, plural: string) => (v: Values) =>
  `Не менее ${v.n} ${genitiveAfter(v.n ?? '', singular, plural)}`;

const requiredFor = (v: Values) => {
  const type = ACTIVITY_TYPES_GEN[v.type ?? ''];
  return type ? `Обязательно для ${type}` : null;
};

const ALLOW_HINT = 'администратор может разрешить его в WEBHOOK_ALLOW_HOSTS';

/** Russian translations of the API's error messages (English templates → Russian). */
export const ru: Catalog = {
  // Requests
  'The request body is too large': 'Тело запроса слишком большое',
  'Send the body as application/json': 'Передайте тело запроса в формате application/json',
  'The JSON body is empty': 'Тело запроса JSON пустое',
  'The body is not valid JSON': 'Тело запроса не является корректным JSON',
  'The body is not acceptable JSON: {detail}': 'Тело запроса — недопустимый JSON: {detail}',
  'Too many requests; wait a moment and retry': 'Слишком много запросов; подождите немного и повторите',
  'Something went wrong on our side; it has been logged':
    'Что-то пошло не так на сервере; ошибка записана в журнал',
  'No route {method} {path}': 'Нет маршрута {method} {path}',
  'Idempotency-Key must be 1 to 255 characters': 'Idempotency-Key должен содержать от 1 до 255 символов',
  'must be 1 to 255 characters': 'От 1 до 255 символов',
  'A request with this Idempotency-Key is still being processed':
    'Запрос с этим Idempotency-Key ещё выполняется',
  'This Idempotency-Key was already used for a different request':
    'Этот Idempotency-Key уже использован для другого запроса',
  'must not contain NUL characters': 'Не должно содержать символов NUL',
  'keys must not contain NUL characters': 'Ключи не должны содержать символов NUL',

  // Signing in
  'The API token is invalid or revoked': 'API-токен недействителен или отозван',
  'Your session has expired; sign in again': 'Сеанс истёк; войдите снова',
  'Sign in first': 'Сначала войдите в систему',
  'Missing or wrong {header} header': 'Заголовок {header} отсутствует или неверен',
  'This user is deactivated': 'Этот пользователь деактивирован',
  'Wrong email or password': 'Неверная почта или пароль',

  // Rights
  'You do not have the right to do this': 'У вас нет права на это действие',
  'You may not {action} this {label}': (v) => mayNotThis(ACTIONS[v.action ?? ''], v.label),
  'You may not {action} records of this type': (v) => {
    const verb = ACTIONS[v.action ?? ''];
    return verb ? `Вам нельзя ${verb} записи этого типа` : null;
  },
  'You may not create {path}': (v) => {
    const c = collectionOf(v.path ?? '');
    return c ? `Вам нельзя создавать ${c.plural}` : null;
  },
  'You may not {action} product sections': (v) => {
    const verb = ACTIONS[v.action ?? ''];
    return verb ? `Вам нельзя ${verb} разделы товаров` : null;
  },
  'You may not assign a record to a user outside your access scope':
    'Вам нельзя назначить запись пользователю вне вашей зоны доступа',
  'Only administrators can do this': 'Это могут делать только администраторы',
  'You may not add activities to this {entity}': (v) => {
    const n = nounOf(v.entity ?? '');
    return n ? `Вам нельзя добавлять дела в ${thisAcc(n.gender)} ${n.acc}` : null;
  },
  'You may not change activities of this {entity}': activitiesOf('изменять'),
  'You may not delete activities of this {entity}': activitiesOf('удалять'),
  'Only the author or an administrator can change this comment':
    'Изменить этот комментарий может только автор или администратор',

  // Missing records and stale versions
  '{what} {id} not found': notFound,
  '{what} not found': notFound,
  'no {what} with id {id}': notFound,
  'no active user with id {id}': 'Активный пользователь №{id} не найден',
  'no active user {id}': 'Активный пользователь №{id} не найден',
  '{what} {id} was changed by someone else (now version {version}); reload and retry': (v) => {
    const n = nounOf(v.what ?? '');
    if (!n) return null;
    return (
      `${capitalize(n.nom)} ${numbered(v.id ?? '')} ${changedWord(n.gender)} другим пользователем ` +
      `(текущая версия — ${v.version}); обновите данные и повторите попытку`
    );
  },
  'The field was changed by someone else; reload and retry':
    'Поле изменено другим пользователем; обновите данные и повторите попытку',
  'must be the version you read': 'Укажите версию записи, полученную при чтении',

  // Values (shared schemas, filters)
  'is required': 'Обязательное поле',
  'unknown field': 'Неизвестное поле',
  'is invalid': 'Недопустимое значение',
  invalid: 'Недействительное значение',
  'must be at most {n} characters': atMost('символа', 'символов'),
  'must be at least {n} characters': atLeast('символа', 'символов'),
  'must be an integer id': 'Должен быть целочисленный идентификатор',
  'must be a positive id': 'Идентификатор должен быть положительным',
  'must be an amount such as "1234.50"': 'Введите сумму, например "1234.50"',
  'must be an amount with at most 2 decimals, such as "1234.50"':
    'Введите сумму не более чем с 2 знаками после запятой, например "1234.50"',
  'must be a percentage such as "20"': 'Введите процент, например "20"',
  'must be a percentage from 0 to 100 with at most 2 decimals':
    'Введите процент от 0 до 100, не более 2 знаков после запятой',
  'must be an ISO 4217 code such as "USD"': 'Должен быть код валюты ISO 4217, например "USD"',
  'must be a date YYYY-MM-DD': 'Введите дату в формате ГГГГ-ММ-ДД',
  'must be an ISO-8601 date-time': 'Введите дату и время в формате ISO 8601',
  'must be a valid date-time': 'Введите существующие дату и время',
  'must be a list': 'Должен быть список',
  'must contain digits': 'Номер телефона должен содержать цифры',
  'must be an email address': 'Введите адрес почты, например name@example.com',
  'must be a phone number': 'Введите номер телефона',
  'must be a URL': 'Введите адрес, начинающийся с http:// или https://',
  'must be a number': 'Введите число',
  'must be a finite number': 'Введите конечное число',
  'must be an integer': 'Должно быть целым числом',
  'must be a string': 'Должно быть строкой',
  'must be true or false': 'Должно быть true или false',
  'must not be negative': 'Не может быть отрицательным',
  'must be greater than 0': 'Должно быть больше 0',
  'must be {n} to {n2}': 'Должно быть от {n} до {n2}',
  'must be between 0 and 100': 'Должно быть от 0 до 100',
  'must be one of {list}': 'Допустимые значения: {list}',
  'is not valid JSON': 'Некорректный JSON',
  'is used twice': 'Указан дважды',
  'is already used': 'Уже используется',
  'already exists': 'Уже существует',
  'names no field to change': 'Не указано ни одного поля для изменения',
  'unknown field "{name}"': 'Неизвестное поле «{name}»',
  'unknown field(s) {list}': 'Неизвестные поля: {list}',

  // Lists: filters, sorting, cursors
  'invalid, or made for another sort order': 'Недействителен или создан для другого порядка сортировки',
  'invalid, or made for another list': 'Недействителен или создан для другого списка',
  'cannot sort by "{name}"': 'Нельзя сортировать по «{name}»',
  'nesting deeper than {n} levels': (v) =>
    `Вложенность глубже ${v.n} ${genitiveAfter(v.n ?? '', 'уровня', 'уровней')}`,
  'must be an object of field conditions': 'Должно быть объектом с условиями по полям',
  'must be a non-empty array of filters': 'Должно быть непустым массивом фильтров',
  'needs at least one operator': 'Нужен хотя бы один оператор',
  'unknown operator; use one of {list}': 'Неизвестный оператор; используйте один из: {list}',
  'operator not allowed on a {type} field; use one of {list}':
    'Оператор недопустим для поля типа {type}; используйте один из: {list}',
  'must be an array of 1 to {n} values': (v) =>
    `Должно быть массивом от 1 до ${v.n} ${genitiveAfter(v.n ?? '', 'значения', 'значений')}`,

  // Records
  'only deals have stages': 'Стадии есть только у сделок',
  'only leads have statuses': 'Статусы есть только у лидов',
  'is required for this action': 'Обязательно для этого действия',
  'stage {stage} is not in pipeline {pipeline}': 'Стадия №{stage} не относится к воронке №{pipeline}',
  'the pipeline has no stages': 'В воронке нет стадий',
  'no pipeline with stages exists': 'Нет ни одной воронки со стадиями',
  'unknown currency {code}; add it under currencies first':
    'Неизвестная валюта {code}; сначала добавьте её в справочник валют',
  'is computed from the product rows; change the rows instead': 'Сумма считается по товарам; измените товары',
  'cannot change while the deal has product rows priced in it':
    'Валюту нельзя изменить, пока в ней заданы цены товаров сделки',
  'cannot change while the lead has product rows priced in it':
    'Валюту нельзя изменить, пока в ней заданы цены товаров лида',
  'a lead becomes converted through POST {route}': 'Лид конвертируется через POST {route}',
  'no lead statuses exist': 'Нет ни одного статуса лида',
  'No lead status with "converted" semantics exists': 'Нет статуса лида со значением «Сконвертирован»',
  'Lead {id} is already converted': 'Лид №{id} уже сконвертирован',

  // Product rows and products
  'is only for discountType "{value}"': 'Только для discountType "{value}"',
  'is required when no productId is given': 'Обязательно, если товар не выбран из каталога (нет productId)',
  'is required: the product is priced in {currency}, the record in {currency2}':
    'Укажите цену: цена товара задана в {currency}, а запись — в {currency2}',
  'must be between 0 and the price': 'Скидка должна быть от 0 до цены',
  'must be a quantity such as "1.5"': 'Введите количество, например "1.5"',
  'must be a number greater than 0 with at most 3 decimals':
    'Должно быть числом больше 0, не более 3 знаков после запятой',
  'at most {n} rows': atMost('строки', 'строк'),
  'name at least one of contact, company, deal': 'Укажите хотя бы одно из: contact, company, deal',
  'the total is too large': 'Итоговая сумма слишком велика',
  'a section cannot be placed inside itself or its subsection':
    'Раздел нельзя поместить внутрь самого себя или своего подраздела',

  // Activities and the calendar
  'a {type} is due at its start; set startAt instead': (v) => {
    const type = ACTIVITY_TYPES_GEN[v.type ?? ''];
    return type ? `Срок для ${type} — время начала; укажите startAt` : null;
  },
  'is required for a {type}': requiredFor,
  'is required for an {type}': requiredFor,
  'needs startAt': 'Нужно указать startAt',
  'must not be before startAt': 'Не может быть раньше startAt',
  'user {id} may not see this {entity}': (v) => {
    const n = nounOf(v.entity ?? '');
    return n ? `Пользователь ${numbered(v.id ?? '')} не может видеть ${thisAcc(n.gender)} ${n.acc}` : null;
  },
  'is required with {name}': 'Обязательно вместе с {name}',
  'must be after from': 'Должно быть позже from',
  'the range may span at most {n} days': (v) =>
    `Диапазон — не более ${v.n} ${genitiveAfter(v.n ?? '', 'дня', 'дней')}`,
  'give userId or departmentId, not both': 'Укажите userId или departmentId, но не оба',
  'must list at most {n} users': atMost('пользователя', 'пользователей'),
  'must be a number of minutes': 'Введите число минут',
  'must be a whole number of minutes': 'Введите целое число минут',
  'must be at most {n} (a week)': 'Не больше {n} (одна неделя)',

  // Comments and the timeline
  'mentions at most {n} users': (v) =>
    `Можно упомянуть не более ${v.n} ${genitiveAfter(v.n ?? '', 'пользователя', 'пользователей')}`,
  'mentions user {id}, who is not an active user': 'Упомянут пользователь №{id}, но он не активен',
  'unknown type "{name}" (use {list})': 'Неизвестный тип «{name}» (допустимы: {list})',

  // Users, departments, roles
  'A user with email {email} already exists': 'Пользователь с адресом {email} уже существует',
  'is already used by another user': 'Уже используется другим пользователем',
  'unknown IANA time zone': 'Неизвестный часовой пояс IANA',
  '{email} is the last active administrator; make another user an administrator first':
    '{email} — последний активный администратор; сначала назначьте администратором другого пользователя',
  'is required when currentPassword is sent': 'Обязательно, если передан currentPassword',
  'is required to change the password': 'Нужен для смены пароля',
  'is not your current password': 'Это не ваш текущий пароль',
  'cannot place a department inside itself or one of its sub-departments':
    'Нельзя поместить отдел внутрь самого себя или своего подотдела',
  'Department "{name}" still has {n} user(s); move them to another department first':
    'Пользователей в отделе «{name}»: {n}; сначала переведите их в другой отдел',
  'Department "{name}" has {n} sub-department(s); move or delete them first':
    'Подотделов в отделе «{name}»: {n}; сначала перенесите или удалите их',
  'A role with code "{code}" already exists': 'Роль с кодом «{code}» уже существует',
  'The built-in role "{name}" cannot be deleted': 'Встроенную роль «{name}» нельзя удалить',
  'Role "{name}" is given to {n} user(s); give them another role first':
    'Пользователей с ролью «{name}»: {n}; сначала назначьте им другую роль',

  // Pipelines and stages
  'Stage code {code} is already used': 'Код стадии {code} уже используется',
  'is already used by another stage': 'Уже используется другой стадией',
  'the pipeline already has its one "won" stage':
    'В воронке уже есть стадия «Успех» (won), а она может быть только одна',
  'Stage "{name}" has deals; move them to another stage first':
    'На стадии «{name}» есть сделки; сначала перенесите их на другую стадию',
  'Stage "{name}" cannot be deleted: {message}': (v) =>
    `Стадию «${v.name}» нельзя удалить: ${uncapitalize(v.message ?? '')}`,
  'must list each stage of pipeline {id} exactly once':
    'Перечислите каждую стадию воронки №{id} ровно один раз',
  'A stage code is already used': 'Код стадии уже используется',
  'a stage code is already used': 'Код стадии уже используется',
  'one pipeline is always the default; make another one the default instead':
    'Одна воронка всегда основная; вместо этого сделайте основной другую',
  'The last pipeline cannot be deleted; deals need one':
    'Последнюю воронку нельзя удалить: сделкам нужна хотя бы одна',
  '"{name}" is the default pipeline; make another pipeline the default first':
    '«{name}» — основная воронка; сначала сделайте основной другую воронку',
  'Pipeline "{name}" has deals; move them to another pipeline first':
    'В воронке «{name}» есть сделки; сначала перенесите их в другую воронку',
  'a pipeline needs at least one in-progress ("process") stage':
    'В воронке должна быть хотя бы одна стадия «В работе» (process)',
  'a pipeline needs exactly one "won" stage': 'В воронке должна быть ровно одна стадия «Успех» (won)',
  'a pipeline needs at least one "lost" stage': 'В воронке должна быть хотя бы одна стадия «Провал» (lost)',
  'must be a colour such as "#4dabf7"': 'Должен быть цвет, например "#4dabf7"',
  'must be 1 to 40 capital latin letters, digits or _, such as "NEGOTIATION"':
    'От 1 до 40 заглавных латинских букв, цифр или _, например "NEGOTIATION"',
  'must list the stages': 'Перечислите стадии',
  'needs in-progress, won and lost stages': 'Нужны стадии «В работе», «Успех» и «Провал»',

  // Reference data
  'Lead status code {code} is already used': 'Код статуса лида {code} уже используется',
  'Lead status "{name}" has leads; move them to another status first':
    'В статусе «{name}» есть лиды; сначала переведите их в другой статус',
  'Lead status "{name}" cannot be deleted: {message}': (v) =>
    `Статус лида «${v.name}» нельзя удалить: ${uncapitalize(v.message ?? '')}`,
  'exactly one lead status must have "converted" semantics':
    'Ровно один статус лида должен иметь значение «Сконвертирован» (converted)',
  'at least one lead status must have "process" semantics':
    'Хотя бы один статус лида должен иметь значение «В работе» (process)',
  'Currency {code} already exists': 'Валюта {code} уже существует',
  'one currency is always the base; make another currency the base instead':
    'Одна валюта всегда базовая; вместо этого сделайте базовой другую валюту',
  'Source code {code} is already used': 'Код источника {code} уже используется',
  'Source "{name}" is used by {table}; it cannot be deleted': (v) => {
    const c = collectionOf(v.table ?? '');
    return c ? `Источник «${v.name}» указан в ${c.prep}; его нельзя удалить` : null;
  },
  'must be lowercase latin letters, digits or _, such as "support"':
    'Строчные латинские буквы, цифры или _, например "support"',

  // Custom fields
  'must be an option id': 'Должен быть идентификатор варианта',
  'must be one of the option ids {list}': 'Должен быть один из идентификаторов вариантов: {list}',
  'must be a list of option ids': 'Должен быть список идентификаторов вариантов',
  'must be a record reference such as "deal:12"': 'Введите ссылку на запись, например "deal:12"',
  'no option with id {id}; omit the id to add an option':
    'Вариант №{id} не найден; чтобы добавить вариант, не указывайте id',
  'a list field needs at least one option': 'У поля-списка должен быть хотя бы один вариант',
  'only list (enum) fields can hold several values':
    'Несколько значений может хранить только поле-список (enum)',
  'only list (enum) fields have options': 'Варианты есть только у полей-списков (enum)',
  'A field with code {code} already exists on {entity}': (v) => {
    const c = collectionOf(v.entity ?? '');
    return c ? `Поле с кодом ${v.code} уже есть в ${c.prep}` : null;
  },
  'must look like UF_CRM_NAME (capital letters, digits, _)':
    'Должен иметь вид UF_CRM_NAME (заглавные латинские буквы, цифры, _)',

  // Outgoing webhooks
  'must be a list of event names': 'Должен быть список названий событий',
  'must name at least one event': 'Укажите хотя бы одно событие',
  'must name at most {n} events': atMost('события', 'событий'),
  'must be native or bitrix24': 'Должно быть native или bitrix24',
  'must be true (to make a new secret)': 'Должно быть true (чтобы создать новый секрет)',
  'unknown event {name}': 'Неизвестное событие {name}',
  'must be an absolute http:// or https:// URL': 'Должен быть полный адрес http:// или https://',
  'must not contain a user name or password': 'Не должен содержать имя пользователя или пароль',
  'the host {host} cannot be resolved': 'Не удаётся найти адрес узла {host}',
  'refused: {address} is {reason}; an administrator can allow it with WEBHOOK_ALLOW_HOSTS': (v) => {
    const label = REFUSALS[v.reason ?? ''];
    return label ? `Отклонено: ${v.address} — ${label}; ${ALLOW_HINT}` : null;
  },
  'refused: {host} resolves to {address}, which is {reason}; an administrator can allow it with WEBHOOK_ALLOW_HOSTS':
    (v) => {
      const label = REFUSALS[v.reason ?? ''];
      return label ? `Отклонено: ${v.host} указывает на ${v.address}, а это ${label}; ${ALLOW_HINT}` : null;
    },

  // zod's own messages, for schemas without a message of their own
  'Invalid input: expected {expected}, received {received}': ({ expected = '', received = '' }) => {
    const wanted = `Неверное значение: ожидается ${TYPES[expected] ?? expected}`;
    // a query parameter that is not a number arrives as NaN: saying so would only confuse
    return received === 'NaN' ? wanted : `${wanted}, а не ${TYPES[received] ?? received}`;
  },
  'Invalid input: expected {value}': 'Неверное значение: ожидается {value}',
  'Invalid input': 'Недопустимое значение',
  'Invalid input: more than one option matched': 'Неоднозначное значение: подходит больше одного варианта',
  'Invalid option: expected one of {list}': 'Недопустимое значение; допустимы: {list}',
  'Too big: expected string to have <={n} characters': atMost('символа', 'символов'),
  'Too small: expected string to have >={n} characters': atLeast('символа', 'символов'),
  'Too big: expected array to have <={n} items': atMost('элемента', 'элементов'),
  'Too small: expected array to have >={n} items': atLeast('элемента', 'элементов'),
  'Too big: expected number to be <={n}': 'Не больше {n}',
  'Too big: expected number to be <{n}': 'Должно быть меньше {n}',
  'Too small: expected number to be >={n}': 'Не меньше {n}',
  'Too small: expected number to be >{n}': 'Должно быть больше {n}',
  'Invalid email address': 'Введите адрес почты, например name@example.com',
  'Invalid URL': 'Некорректный URL',
  'Invalid ISO date': 'Введите дату в формате ГГГГ-ММ-ДД',
  'Invalid ISO datetime': 'Введите дату и время в формате ISO 8601',
  'Invalid string: must match pattern {pattern}': 'Неверный формат: должно соответствовать шаблону {pattern}',
  'Invalid number: must be a multiple of {n}': 'Число должно быть кратно {n}',
};
