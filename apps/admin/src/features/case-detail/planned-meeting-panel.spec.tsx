import { screen } from '@testing-library/react';
import { ZC_USER } from '../../test-utils/fixtures';
import { renderWithProviders } from '../../test-utils/render';
import { JOS_STARTGESPREK_QUERY, ZAT_MEETING_QUERY } from './planned-meeting.graphql';
import { describeMeeting, PlannedMeetingPanel } from './planned-meeting-panel';

describe('PlannedMeetingPanel', () => {
  it('describes a meeting: date, time, mode and place (no place by telephone)', () => {
    expect(describeMeeting({ date: '2026-11-24', time: '14:30', mode: 'OP_SCHOOL', location: 'kamer JOS' })).toBe('dinsdag 24 november 2026 om 14:30 · op school · kamer JOS');
    expect(describeMeeting({ date: '2026-11-24', time: null, mode: 'TELEFONISCH', location: 'kamer JOS' })).toBe('dinsdag 24 november 2026 · telefonisch');
  });

  it('shows the planned JOS startgesprek', async () => {
    renderWithProviders(<PlannedMeetingPanel caseId="jos-1" process="JOS" />, {
      session: { user: ZC_USER },
      mocks: [
        {
          request: { query: JOS_STARTGESPREK_QUERY, variables: { id: 'jos-1' } },
          result: { data: { josCase: { __typename: 'JosCase', plannedStartgesprek: { __typename: 'JosPlannedStartgesprek', date: '2026-11-24', time: '14:30', mode: 'OP_SCHOOL', location: 'kamer JOS' } } } },
        },
      ],
    });
    expect(await screen.findByRole('heading', { name: 'Gepland startgesprek' })).toBeTruthy();
    expect(screen.getByTestId('planned-meeting').textContent).toBe('dinsdag 24 november 2026 om 14:30 · op school · kamer JOS');
  });

  it('shows the planned ZAT meeting with time and place', async () => {
    renderWithProviders(<PlannedMeetingPanel caseId="zr-1" process="ZORGROUTE" />, {
      session: { user: ZC_USER },
      mocks: [
        {
          request: { query: ZAT_MEETING_QUERY, variables: { id: 'zr-1' } },
          result: {
            data: {
              case: {
                __typename: 'CaseDetail',
                summary: { __typename: 'CaseSummary', id: 'zr-1' },
                zorgroute: { __typename: 'ZorgrouteDetail', zatMeeting: { __typename: 'ZatMeeting', meetingDate: '2026-12-01', meetingTime: '15:00', mode: 'OP_SCHOOL', flex: false, location: 'Lokaal 1.12' } },
              },
            },
          },
        },
      ],
    });
    expect(await screen.findByRole('heading', { name: 'Geplande ZAT-bespreking' })).toBeTruthy();
    expect(screen.getByTestId('planned-meeting').textContent).toBe('dinsdag 1 december 2026 om 15:00 · op school · Lokaal 1.12');
  });

  it('shows nothing for a process without a planned meeting', () => {
    const { container } = renderWithProviders(<PlannedMeetingPanel caseId="case-1" process="ONDERSTEUNINGSTRAJECT" />, { session: { user: ZC_USER } });
    expect(container.textContent).toBe('');
  });
});
