import { describe, expect, it } from 'vitest';
import { newContact } from '@/utils/core/schema';
import { countValues, filterContacts, NO_FILTER, sortContacts } from '@/utils/network/list';

const person = (key: string, fields: Partial<ReturnType<typeof newContact>>) => ({ ...newContact(key), name: key, ...fields });
const network = [
  person('Kenji', { tags: ['Python'], whereWeMet: 'PyData Osaka', lastInteraction: '2025-03-01', nextFollowUp: '2025-03-10', interests: ['Open data'] }),
  person('Amara', { tags: ['founder'], whereWeMet: 'Lagos Startup Week', lastInteraction: '2025-04-01', nextFollowUp: '2025-05-01' }),
  person('Zhang', { tags: ['python'], whereWeMet: 'pydata osaka ', lastInteraction: null, nextFollowUp: null }),
  person('Lucía', { headline: 'Diseñadora en Madrid', whereWeMet: '' }),
];
const today = '2025-03-15';
const keys = (list: Array<{ key: string }>) => list.map((c) => c.key);

describe('filtering the network', () => {
  it('by tag and by event, forgiving case, accents and stray spaces', () => {
    expect(keys(filterContacts(network, { ...NO_FILTER, tag: 'PYTHON' }, today))).toEqual(['Kenji', 'Zhang']);
    expect(keys(filterContacts(network, { ...NO_FILTER, whereWeMet: 'PyData Osaka' }, today))).toEqual(['Kenji', 'Zhang']);
    expect(keys(filterContacts(network, { ...NO_FILTER, text: 'disenadora' }, today))).toEqual(['Lucía']);
    expect(keys(filterContacts(network, { ...NO_FILTER, interest: 'data' }, today))).toEqual(['Kenji']);
  });

  it('by follow-up: due, scheduled later, none', () => {
    expect(keys(filterContacts(network, { ...NO_FILTER, due: 'due' }, today))).toEqual(['Kenji']);
    expect(keys(filterContacts(network, { ...NO_FILTER, due: 'scheduled' }, today))).toEqual(['Amara']);
    expect(keys(filterContacts(network, { ...NO_FILTER, due: 'none' }, today))).toEqual(['Zhang', 'Lucía']);
  });
});

describe('sorting the network', () => {
  it('by name, last contact (recent first) and next follow-up (soonest first), people without a date last', () => {
    expect(keys(sortContacts(network, 'name'))).toEqual(['Amara', 'Kenji', 'Lucía', 'Zhang']);
    expect(keys(sortContacts(network, 'lastContact'))).toEqual(['Amara', 'Kenji', 'Lucía', 'Zhang']);
    expect(keys(sortContacts(network, 'nextFollowUp'))).toEqual(['Kenji', 'Amara', 'Lucía', 'Zhang']);
  });

  it('counts events and tags once whatever their case', () => {
    expect(countValues(network.map((c) => c.whereWeMet))).toEqual([
      { value: 'PyData Osaka', count: 2 },
      { value: 'Lagos Startup Week', count: 1 },
    ]);
  });
});
