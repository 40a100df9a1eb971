import { TemplateRenderer } from '@zorgroute/notifications';
import { buildDeliveryRequest } from './case-activities';
import type { NotifyRequest } from './case-activities.types';

const renderer = new TemplateRenderer();
const user = { id: 'u-1', email: 'ouder@example.test', name: 'Karin Smit' };
const ctx = { schoolName: 'Testschool', pupilFirstName: 'Daan', ownerName: 'Fatima El Idrissi', caseUrl: 'https://zorgroute.test/cases/p1-1' };
const req = (over: Partial<NotifyRequest>): NotifyRequest => ({
  key: 'p1-1:x',
  caseId: 'p1-1',
  pupilId: 'pupil-1',
  schoolId: 's-1',
  recipients: { parentsOfPupil: 'pupil-1' },
  kind: 'TRAJECT_PARENT_UPDATE',
  stepLabel: 'Tussenevaluatie',
  dueDate: '2027-01-04',
  ...over,
});

describe('buildDeliveryRequest for the P1 messages', () => {
  it('maps TRAJECT_PARENT_UPDATE to a renderable parent message keyed per recipient', () => {
    const d = buildDeliveryRequest(req({ moment: 'MIDWAY' }), user, ctx);
    expect(d).toMatchObject({ key: 'p1-1:x:u-1', kind: 'TRAJECT_PARENT_UPDATE', data: { moment: 'MIDWAY', pupilFirstName: 'Daan', ownerName: 'Fatima El Idrissi' } });
    if (d.kind !== 'TRAJECT_PARENT_UPDATE') throw new Error('kind');
    expect(renderer.render(d.kind, { ...d.data, recipientName: user.name }).text).toContain('halverwege');
    // Without a coach the parents are referred to the school.
    const noCoach = buildDeliveryRequest(req({ moment: 'ENDED' }), user, { ...ctx, ownerName: '' });
    if (noCoach.kind !== 'TRAJECT_PARENT_UPDATE') throw new Error('kind');
    expect(noCoach.data.ownerName).toBeUndefined();
    expect(renderer.render(noCoach.kind, { ...noCoach.data, recipientName: user.name }).text).toContain('contact op met de school');
  });

  it('maps TRAJECT_OUTCOME with its outcome, and refuses requests without moment or outcome', () => {
    const d = buildDeliveryRequest(req({ kind: 'TRAJECT_OUTCOME', recipients: { userIds: ['zc-1'] }, outcome: 'GESTOPT' }), user, ctx);
    expect(d).toMatchObject({ kind: 'TRAJECT_OUTCOME', data: { outcome: 'GESTOPT' } });
    expect(() => buildDeliveryRequest(req({ kind: 'TRAJECT_OUTCOME' }), user, ctx)).toThrow(/outcome/);
    expect(() => buildDeliveryRequest(req({}), user, ctx)).toThrow(/moment/);
  });
});

describe('buildDeliveryRequest for an admin close', () => {
  it('maps CASE_CLOSED with its process to a renderable parent message, and refuses one without the process', () => {
    const d = buildDeliveryRequest(req({ kind: 'CASE_CLOSED', process: 'JOS', stepLabel: 'Doelen opstellen' }), user, ctx);
    expect(d).toMatchObject({ key: 'p1-1:x:u-1', kind: 'CASE_CLOSED', data: { process: 'JOS', pupilFirstName: 'Daan', stepLabel: 'Doelen opstellen' } });
    if (d.kind !== 'CASE_CLOSED') throw new Error('kind');
    expect(renderer.render(d.kind, { ...d.data, recipientName: user.name }).text).toContain('Testschool heeft het JOS-traject van Daan afgesloten.');
    expect(() => buildDeliveryRequest(req({ kind: 'CASE_CLOSED' }), user, ctx)).toThrow(/process/);
  });
});
