import type { B24Field } from './types.js';

/** Name, post, address and birthday: leads and contacts share them. */
export const personFieldsB24: B24Field[] = [
  { name: 'HONORIFIC', type: 'crm_status', statusType: 'HONORIFIC', title: 'Salutation', api: 'honorific' },
  { name: 'NAME', type: 'string', title: 'First name', api: 'name' },
  { name: 'SECOND_NAME', type: 'string', title: 'Second name', api: 'secondName' },
  { name: 'LAST_NAME', type: 'string', title: 'Last name', api: 'lastName' },
  { name: 'BIRTHDATE', type: 'date', title: 'Date of birth', api: 'birthdate' },
  { name: 'POST', type: 'string', title: 'Position', api: 'post' },
  { name: 'ADDRESS', type: 'string', title: 'Address', api: 'address' },
];
