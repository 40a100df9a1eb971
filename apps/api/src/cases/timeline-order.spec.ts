import { auditSeq, inTimelineOrder, type TimelineAuditRow } from './timeline-order';

const CASE = 'jos-3f1c2a4e-0000-4000-8000-000000000001-2027-01-12';
const row = (id: string, at: string, eventKey: string, caseId: string | null = CASE): TimelineAuditRow => ({ id, at: new Date(at), caseId, eventKey });

describe('case timeline order', () => {
  it('reads the case sequence from a workflow entry’s event key', () => {
    expect(auditSeq(row('1', '2027-01-12T09:00:00Z', `${CASE}:12:STATUS_ACTIEF`))).toBe(12);
    expect(auditSeq(row('1', '2027-01-12T09:00:00Z', `${CASE}:3:ADMIN_CASE_CLOSED`))).toBe(3);
    expect(auditSeq(row('1', '2027-01-12T09:00:00Z', 'api:req-1:startJos'))).toBeNull();
    expect(auditSeq(row('1', '2027-01-12T09:00:00Z', `retention:${CASE}`))).toBeNull();
    expect(auditSeq(row('1', '2027-01-12T09:00:00Z', `${CASE}:x:Y`, null))).toBeNull();
  });

  it('orders by time, then by sequence (entries inserted out of order), then by insertion', () => {
    const rows = [
      row('10', '2027-01-12T09:00:05Z', `${CASE}:4:STEP_B`),
      row('11', '2027-01-12T09:00:05Z', `${CASE}:3:STEP_A`),
      row('12', '2027-01-12T09:00:01Z', `${CASE}:2:STATUS_X`),
      row('13', '2027-01-12T09:00:05Z', 'api:req-9:logJosContact'),
      row('9', '2027-01-12T09:00:00Z', `${CASE}:1:CASE_STARTED`),
    ];
    expect(inTimelineOrder(rows).map((r) => r.id)).toEqual(['9', '12', '11', '10', '13']);
    expect(rows.map((r) => r.id)).toEqual(['10', '11', '12', '13', '9']); // not sorted in place
  });

  it('is stable for entries without a sequence at the same time (by insertion)', () => {
    const rows = [row('21', '2027-01-12T09:00:00Z', 'api:b:x'), row('20', '2027-01-12T09:00:00Z', 'api:a:x')];
    expect(inTimelineOrder(rows).map((r) => r.id)).toEqual(['20', '21']);
  });
});
