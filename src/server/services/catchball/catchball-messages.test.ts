import { describe, expect, it } from 'vitest';
import type { Proposal } from '../../../contracts';
import { translatorFor } from '../../i18n/translator';
import { ballThrownMail, ballThrownMessage, VERBS } from './catchball-messages';

const proposal = (state: Proposal['state'], ballWith: Proposal['ballWith']) =>
  ({
    state,
    ballWith,
    title: 'Cut MTTD',
    originalTarget: 4,
    proposedTarget: 8.5,
    resources: { summary: '', gaps: [] },
  }) as unknown as Proposal;

describe('the mail of a thrown ball', () => {
  it('says in English exactly what the webhook says', () => {
    for (const state of Object.keys(VERBS) as Proposal['state'][])
      for (const ballWith of ['child', 'parent', null] as Proposal['ballWith'][]) {
        const p = proposal(state, ballWith);
        expect(ballThrownMail(translatorFor('en'), p, 'Security', 'CIO').text).toBe(
          ballThrownMessage(p, 'Security', 'CIO').text,
        );
      }
    expect(
      ballThrownMail(translatorFor('en'), proposal('proposed', 'parent'), 'Security', 'CIO').subject,
    ).toBe('Catchball: Security throws you "Cut MTTD"');
  });

  it('is German and Japanese for readers of those languages', () => {
    const de = ballThrownMail(translatorFor('de'), proposal('countered', 'child'), 'CIO', 'Security');
    expect(de).toEqual({
      subject: 'Catchball: CIO spielt Ihnen „Cut MTTD“ zu',
      text: 'Catchball: CIO macht einen Gegenvorschlag zu „Cut MTTD“ (4 → 8,5). Der Ball liegt bei Security.',
    });
    const ja = ballThrownMail(translatorFor('ja'), proposal('agreed', null), 'CIO', 'Security');
    expect(ja.subject).toBe('Catchball：「Cut MTTD」は合意されました');
    expect(ja.text).toBe(
      'Catchball：CIOが「Cut MTTD」に合意しました（4 → 8.5）。キャッチボールは終了しました（合意）。',
    );
  });
});
