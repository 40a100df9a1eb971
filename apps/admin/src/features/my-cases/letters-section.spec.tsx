import { screen, within } from '@testing-library/react';
import { ZC_USER } from '../../test-utils/fixtures';
import { renderWithProviders } from '../../test-utils/render';
import { LettersSection } from './letters-section';
import { MY_LETTERS_QUERY } from './my-cases.graphql';

const PARENT = { ...ZC_USER, id: 'user-parent', role: 'PARENT' as const, schoolId: null };
const letter = (id: string, kind: string, kindLabel: string, createdAt: string) => ({
  __typename: 'FamilyLetter',
  process: 'ZORGPLICHT',
  pupilId: 'pupil-1',
  pupilName: 'Tess Jansen',
  document: { __typename: 'CaseDocument', id, caseId: 'zp-1', kind, kindLabel, fileName: `${id}.pdf`, contentType: 'application/pdf', sizeBytes: 4096, createdAt, downloadPath: `/documents/${id}` },
});

describe('LettersSection (parent portal)', () => {
  it('lists every letter with its Dutch name, the child and the date in words', async () => {
    renderWithProviders(<LettersSection />, {
      session: { user: PARENT },
      mocks: [
        {
          request: { query: MY_LETTERS_QUERY },
          result: {
            data: {
              myLetters: [
                letter('doc-2', 'ZORGPLICHT_BESLUIT', 'Brief: besluit over de aanmelding', '2027-01-08T10:00:00Z'),
                letter('doc-1', 'ZORGPLICHT_VERLENGING', 'Brief: verlenging van de beslistermijn', '2026-12-11T10:00:00Z'),
              ],
            },
          },
        },
      ],
    });
    const decision = await screen.findByRole('article', { name: 'Brief: besluit over de aanmelding' });
    expect(decision.textContent).toContain('Over Tess Jansen · verstuurd op vrijdag 8 januari 2027');
    expect(within(decision).getByRole('button', { name: 'Brief openen (PDF)' })).toBeTruthy();
    expect(screen.getByRole('article', { name: 'Brief: verlenging van de beslistermijn' }).textContent).toContain('vrijdag 11 december 2026');
  });

  it('says when there are none', async () => {
    renderWithProviders(<LettersSection />, { session: { user: PARENT }, mocks: [{ request: { query: MY_LETTERS_QUERY }, result: { data: { myLetters: [] } } }] });
    expect(await screen.findByText('De school heeft u nog geen brieven gestuurd.')).toBeTruthy();
  });
});
