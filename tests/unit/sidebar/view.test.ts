import { describe, expect, it } from 'vitest';
import { newContact } from '@/utils/core/schema';
import { editableView, listToSave, viewWhileTyping } from '@/utils/sidebar/view';

describe('a phrase typed into a list field', () => {
  it('is saved with the chips, once, trimmed', () => {
    expect(listToSave(['fintech'], '  climate  finance ')).toEqual(['fintech', 'climate finance']);
    expect(listToSave(['fintech'], 'Fintech')).toEqual(['fintech']);
    expect(listToSave(['fintech'], '')).toEqual(['fintech']);
  });

  it('stays in the box, not as a chip, when the saved state comes back', () => {
    const saved = editableView({ ...newContact('amara-okafor'), interests: ['fintech', 'climate'] }, {});
    const view = viewWhileTyping(saved, { interests: 'climate' }, { interests: ['fintech'] });
    expect(view.interests).toEqual(['fintech']);
    expect(viewWhileTyping(saved, { interests: '' }, { interests: ['fintech'] }).interests).toEqual(['fintech', 'climate']);
  });
});
