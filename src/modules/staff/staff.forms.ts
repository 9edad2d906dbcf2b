import { z } from 'zod';
import { CONTROL_CHARACTERS } from '../../lib/forms.js';
import { MIN_PASSWORD_LENGTH } from './passwords.js';
import { STAFF_ROLES } from './staff.table.js';

const list = (value: unknown) => (value === undefined ? [] : [value].flat());

export const loginForm = z.object({
  email: z.string().trim().min(1, 'staff.login.errors.email').max(254, 'errors.field.tooLong'),
  password: z.string().min(1, 'staff.login.errors.password').max(200, 'errors.field.tooLong'),
});

export const passwordForm = z
  .object({
    current: z.string().min(1, 'staff.password.errors.current').max(200, 'errors.field.tooLong'),
    password: z.string().min(MIN_PASSWORD_LENGTH, 'staff.password.errors.tooShort').max(200, 'errors.field.tooLong'),
    repeat: z.string().max(200, 'errors.field.tooLong'),
  })
  .refine((form) => form.password === form.repeat, { path: ['repeat'], message: 'staff.password.errors.repeat' });

const personName = z
  .string()
  .trim()
  .min(1, 'staff.people.errors.name')
  .max(80, 'errors.field.tooLong')
  .refine((value) => !CONTROL_CHARACTERS.test(value), 'errors.field.invalid');

export const personForm = z.object({
  name: personName,
  email: z.string().trim().max(254, 'errors.field.tooLong').pipe(z.email('staff.people.errors.email')),
  role: z.enum(STAFF_ROLES, 'staff.people.errors.role'),
  topicIds: z.preprocess(list, z.array(z.coerce.number().int().positive()).max(50)),
  active: z.preprocess((value) => value === 'on' || value === 'true', z.boolean()).optional(),
});
