import { z } from 'zod';
import { idField, textField } from '../../lib/text.js';
import { MIN_PASSWORD_LENGTH } from './passwords.js';
import { STAFF_ROLES } from './staff.table.js';

const list = (value: unknown) => (value === undefined ? [] : [value].flat());

export const loginForm = z.object({
  email: textField(254, { required: 'staff.login.errors.email' }),
  password: textField(200, { required: 'staff.login.errors.password', trim: false }),
});

export const passwordForm = z
  .object({
    current: textField(200, { required: 'staff.password.errors.current', trim: false }),
    password: textField(200, { trim: false, min: MIN_PASSWORD_LENGTH, minMessage: 'staff.password.errors.tooShort' }),
    repeat: textField(200, { trim: false }),
  })
  .refine((form) => form.password === form.repeat, { path: ['repeat'], message: 'staff.password.errors.repeat' });

const personName = textField(80, { required: 'staff.people.errors.name' });

export const personForm = z.object({
  name: personName,
  email: textField(254).pipe(z.email('staff.people.errors.email')),
  role: z.enum(STAFF_ROLES, 'staff.people.errors.role'),
  topicIds: z.preprocess(list, z.array(idField()).max(50)),
  active: z.preprocess((value) => value === 'on' || value === 'true', z.boolean()).optional(),
});
