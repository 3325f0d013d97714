import { expect, test } from '@playwright/test';
import { signIn } from './support';

test('in the Russian interface, a field the server refuses is explained in Russian', async ({ page }) => {
  // the language the interface remembers, as the user menu stores it
  await page.addInitScript("localStorage.setItem('sevan.language', 'ru')");
  await signIn(page);
  await page.goto('/contacts');
  await page.getByRole('button', { name: 'Новый контакт' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(/^Имя/).fill('Иван');
  await dialog.getByLabel('Телефоны').fill('нет номера');
  await dialog.getByRole('button', { name: 'Создать', exact: true }).click();
  await expect(dialog).toContainText('Номер телефона должен содержать цифры');
  await expect(dialog).not.toContainText('must contain digits');
});
