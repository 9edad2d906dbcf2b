import { describe, expect, it } from 'vitest';
import { MAX_ID, idField, isTypedText, parseId, textField } from '../../src/lib/text.js';

describe('text a person can have typed', () => {
  it.each(['Anna Kaya', 'Jürgen Müßig', 'محمد علي', 'Ляля\u200f', 'Familie 👨‍👩‍👧', 'O\'Brien-Smith', ''])('accepts %j', (value) => {
    expect(isTypedText(value)).toBe(true);
  });

  it.each(['a\u0000b', 'a\tb', 'a\r\nb', 'a\u007fb', 'a\u0085b', 'a\u009fb', 'a\u202eb', 'a\u202ab', 'a\u2066b', 'a\u2069b', 'a\ud800', '\udc00b'])(
    'refuses %j on one line', (value) => {
      expect(isTypedText(value)).toBe(false);
    },
  );

  it('takes line breaks only where a textarea allows them, and never NUL or a bidi override there', () => {
    expect(isTypedText('Bescheid\r\nKontoauszug', { multiline: true })).toBe(true);
    expect(isTypedText('Bescheid\u0000', { multiline: true })).toBe(false);
    expect(isTypedText('Bescheid\u202e', { multiline: true })).toBe(false);
    expect(isTypedText('a\u000bb', { multiline: true })).toBe(false);
  });

  it('gives translation keys for every way a field can be wrong', () => {
    const name = textField(5, { required: 'x.required' });
    expect(name.safeParse('  Anna ').data).toBe('Anna');
    expect(name.safeParse('').error?.issues[0]?.message).toBe('x.required');
    expect(name.safeParse(['a', 'b']).error?.issues[0]?.message).toBe('x.required');
    expect(name.safeParse('Anna\u0000').error?.issues[0]?.message).toBe('errors.field.characters');
    expect(name.safeParse('Annabelle').error?.issues[0]?.message).toBe('errors.field.tooLong');
  });
});

describe('ids', () => {
  it.each([['1', 1], [String(MAX_ID), MAX_ID], ['0', -1], ['-1', -1], ['2147483648', -1], ['99999999999', -1], ['1e3', -1], ['0x10', -1], [' 1', -1], [undefined, -1], [['1'], -1]])(
    'parseId(%j) is %i', (raw, id) => {
      expect(parseId(raw)).toBe(id);
    },
  );

  it('a posted id outside 1..2^31-1 is a field error', () => {
    expect(idField('e').safeParse('42').data).toBe(42);
    for (const raw of ['0', '2147483648', '1.5', '', 'x', ['1', '2']]) expect(idField('e').safeParse(raw).success).toBe(false);
  });
});
