import { describe, expect, it } from 'vitest';
import { roleChange, sameRole } from '@/utils/people/roles';

describe('a new role, told from a new wording', () => {
  it.each([
    ['Data Engineer at Kaizen Analytics', 'data engineer at kaizen analytics'],
    ['Data Engineer at Kaizen Analytics', 'Data Engineer at Kaizen Analytics 🚀✨'],
    ['Data Engineer | Python | Spark', 'Data Engineer · Python · Spark'],
    ['Ingeniera de datos en Córdoba', 'Ingeniera de Datos en Cordoba'],
    ['  Founder,  Lagos Growth Studio ', 'Founder — Lagos Growth Studio'],
  ])('“%s” and “%s” are the same role', (first, second) => {
    expect(sameRole(first, second)).toBe(true);
    expect(roleChange(first, second)).toBeNull();
  });

  it.each([
    ['Data Engineer at Kaizen Analytics', 'Head of Data at Kaizen Analytics'],
    ['Founder at Lagos Growth Studio', 'Founder at Lagos Growth Studio II'],
    ['Product Manager at Acme', 'Product Manager at Globex'],
  ])('“%s” to “%s” is a new role', (from, to) => {
    expect(sameRole(from, to)).toBe(false);
    expect(roleChange(from, to)).toEqual({ from, to });
  });

  it('a first reading, or an empty one, is no change', () => {
    expect(roleChange('', 'Head of Data')).toBeNull();
    expect(roleChange(undefined, 'Head of Data')).toBeNull();
    expect(roleChange('Head of Data', '')).toBeNull();
    expect(roleChange('Head of Data', '   ')).toBeNull();
  });
});
