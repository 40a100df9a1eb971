import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ZC_USER } from '../../test-utils/fixtures';
import { renderWithProviders } from '../../test-utils/render';
import { STAFF_QUERY } from '../case-steps/step-mutations.graphql';
import { ADMIN_ACTIONS, AdminActionDialog, deliveryLabel, resendableDeliveries } from './admin-action-dialog';
import { ADMIN_MUTATIONS, CASE_DELIVERIES_QUERY, type CaseDelivery } from './stuck-cases.graphql';

const ADMIN = { ...ZC_USER, id: 'admin-1', role: 'ADMIN' as const, schoolId: null, schoolName: null };
const action = (mutation: string) => ADMIN_ACTIONS.find((a) => a.mutation === mutation)!;

const delivery = (overrides: Partial<CaseDelivery>): CaseDelivery & { __typename: 'Delivery' } => ({
  __typename: 'Delivery',
  id: 'd-1',
  key: 'case-1:RECORD_INTAKE:1:assigned:u-1',
  kindLabel: 'Nieuwe taak',
  recipient: 'Marieke Verhoef',
  subject: 'Nieuwe taak',
  status: 'SENT',
  statusLabel: 'Verstuurd',
  createdAt: '2026-11-18T08:00:00Z',
  ...overrides,
});

const failed = delivery({ id: 'd-2', key: 'case-1:RECORD_INTAKE:1:due:u-1', kindLabel: 'Herinnering', status: 'FAILED', statusLabel: 'Mislukt, wordt opnieuw geprobeerd', createdAt: '2026-11-19T08:00:00Z' });
const sent = delivery({});
const noKey = delivery({ id: 'd-3', key: null });

function deliveriesMock(list: CaseDelivery[]) {
  return { request: { query: CASE_DELIVERIES_QUERY, variables: { id: 'case-1' } }, result: { data: { case: { __typename: 'CaseDetail', summary: { __typename: 'CaseSummary', id: 'case-1' }, deliveries: list } } } };
}

function renderDialog(mutation: string, mocks: unknown[]) {
  const onDone = jest.fn();
  renderWithProviders(<AdminActionDialog spec={action(mutation)} caseId="case-1" schoolId="school-1" today="2026-11-20" onClose={jest.fn()} onDone={onDone} />, {
    mocks: mocks as never[],
    session: { user: ADMIN },
  });
  return { onDone };
}

async function choose(label: RegExp, option: RegExp) {
  fireEvent.mouseDown(await screen.findByRole('combobox', { name: label }));
  fireEvent.click(await screen.findByRole('option', { name: option }));
}

describe('resend: picking a message from the delivery log', () => {
  it('lists messages with a key, not-sent ones first', () => {
    expect(resendableDeliveries([sent, noKey, failed]).map((d) => d.id)).toEqual(['d-2', 'd-1']);
    expect(deliveryLabel(failed)).toMatch(/^Mislukt, wordt opnieuw geprobeerd · Herinnering aan Marieke Verhoef · /);
  });

  it('requires a message, resends a failed one without force', async () => {
    const resend = {
      request: { query: ADMIN_MUTATIONS.adminResendNotification, variables: { caseId: 'case-1', reason: 'Mailserver was stuk', deliveryKey: failed.key, force: false } },
      result: { data: { adminResendNotification: { __typename: 'CaseSummary', id: 'case-1', status: 'INTAKE', stuck: false } } },
    };
    const { onDone } = renderDialog('adminResendNotification', [deliveriesMock([sent, failed]), resend]);
    const dialog = await screen.findByRole('dialog', { name: 'Opnieuw versturen' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Reden/ }), { target: { value: 'Mailserver was stuk' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Opnieuw versturen' }));
    expect(await within(dialog).findByText('Kies het bericht uit het verzendlog.')).toBeTruthy();

    await choose(/Bericht uit het verzendlog/, /Herinnering aan Marieke Verhoef/);
    expect(within(dialog).queryByRole('checkbox')).toBeNull(); // not sent yet: no force needed
    fireEvent.click(within(dialog).getByRole('button', { name: 'Opnieuw versturen' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
  });

  it('asks to confirm before sending a sent message again', async () => {
    const resend = {
      request: { query: ADMIN_MUTATIONS.adminResendNotification, variables: { caseId: 'case-1', reason: 'Ouder zegt niets ontvangen', deliveryKey: sent.key, force: true } },
      result: { data: { adminResendNotification: { __typename: 'CaseSummary', id: 'case-1', status: 'INTAKE', stuck: false } } },
    };
    const { onDone } = renderDialog('adminResendNotification', [deliveriesMock([sent]), resend]);
    const dialog = await screen.findByRole('dialog', { name: 'Opnieuw versturen' });
    await choose(/Bericht uit het verzendlog/, /Nieuwe taak aan Marieke Verhoef/);
    fireEvent.click(within(dialog).getByRole('checkbox', { name: /al verstuurd; toch opnieuw versturen/ }));
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Reden/ }), { target: { value: 'Ouder zegt niets ontvangen' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Opnieuw versturen' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
  });
});

describe('reassign: the staff of the case’s school', () => {
  it('offers the staff the API returns for the school', async () => {
    const staff = {
      request: { query: STAFF_QUERY, variables: { schoolId: 'school-1' } },
      result: {
        data: {
          staffMembers: [
            { __typename: 'StaffMember', id: 'u-1', name: 'Fatima El Idrissi', role: 'COACH', schoolId: 'school-1' },
            { __typename: 'StaffMember', id: 'u-2', name: 'Sanne de Wit', role: 'MENTOR', schoolId: 'school-1' },
          ],
        },
      },
    };
    renderDialog('adminReassignStep', [staff]);
    fireEvent.mouseDown(await screen.findByRole('combobox', { name: /Nieuwe eigenaar/ }));
    const options = await screen.findAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['Fatima El Idrissi', 'Sanne de Wit']);
  });
});

describe('the reason and the action’s own field are checked before anything is sent', () => {
  it('closing: a reason that is too short shows the Dutch error on the field and sends nothing; a good one is sent trimmed', async () => {
    const sent: unknown[] = [];
    const close = {
      request: {
        query: ADMIN_MUTATIONS.adminCloseCase,
        variables: (vars: unknown) => {
          sent.push(vars);
          return true;
        },
      },
      result: { data: { adminCloseCase: { __typename: 'CaseSummary', id: 'case-1', status: 'CLOSED', stuck: false } } },
    };
    const { onDone } = renderDialog('adminCloseCase', [close]);
    const dialog = await screen.findByRole('dialog', { name: 'Casus sluiten' });
    const reason = within(dialog).getByRole('textbox', { name: /Reden/ });
    fireEvent.change(reason, { target: { value: ' x ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Casus sluiten' }));
    const problem = await within(dialog).findByText('Geef een reden (minstens 3 tekens); die komt in het auditlog.');
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(reason.getAttribute('aria-describedby')).toBe(problem.id);
    expect(sent).toEqual([]);
    expect(onDone).not.toHaveBeenCalled();

    fireEvent.change(reason, { target: { value: '  Dubbel aangemaakt ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Casus sluiten' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(sent).toEqual([{ caseId: 'case-1', reason: 'Dubbel aangemaakt' }]);
  });

  it('extending: a date in the past is refused with a Dutch error, nothing is sent', async () => {
    const sent: unknown[] = [];
    const extend = {
      request: {
        query: ADMIN_MUTATIONS.adminExtendDueDate,
        variables: (vars: unknown) => {
          sent.push(vars);
          return true;
        },
      },
      result: { data: { adminExtendDueDate: { __typename: 'CaseSummary', id: 'case-1', status: 'INTAKE', stuck: false } } },
    };
    const { onDone } = renderDialog('adminExtendDueDate', [extend]);
    const dialog = await screen.findByRole('dialog', { name: 'Termijn verlengen' });
    fireEvent.change(within(dialog).getByLabelText(/Nieuwe uiterste datum/), { target: { value: '2026-11-19' } });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Reden/ }), { target: { value: 'Coach ziek' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Termijn verlengen' }));
    expect(await within(dialog).findByText('De nieuwe datum mag niet in het verleden liggen.')).toBeTruthy();
    expect(within(dialog).getByLabelText(/Nieuwe uiterste datum/).getAttribute('aria-invalid')).toBe('true');
    expect(sent).toEqual([]);

    fireEvent.change(within(dialog).getByLabelText(/Nieuwe uiterste datum/), { target: { value: '2026-11-27' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Termijn verlengen' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(sent).toEqual([{ caseId: 'case-1', reason: 'Coach ziek', newDueDate: '2026-11-27' }]);
  });
});
