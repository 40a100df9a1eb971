import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildSchema, graphql, GraphQLEnumType, type GraphQLFormattedError } from 'graphql';
import { MEETING_KINDS } from '@zorgroute/domain/logic';
import { formatGraphQLError } from '../common/format-error';
import { MeetingKind } from './models/meeting.model';

/** The committed schema (apps/api/schema.graphql, kept equal to the code by apps/api/src/schema/api-schema.spec.ts). */
const schema = buildSchema(readFileSync(path.resolve(__dirname, '../../schema.graphql'), 'utf8'));

/** Runs an operation against the schema (no resolvers: only the schema's own checks) and formats its first error as the api does. */
async function firstError(source: string, variableValues?: Record<string, unknown>, code = 'BAD_USER_INPUT'): Promise<GraphQLFormattedError> {
  const result = await graphql({ schema, source, variableValues });
  const error = result.errors?.[0];
  if (!error) throw new Error('the schema accepted the operation');
  // Apollo files a refused variable under BAD_USER_INPUT and a refused literal under GRAPHQL_VALIDATION_FAILED.
  return formatGraphQLError({ ...error.toJSON(), extensions: { code } }, error);
}

describe('MeetingKind (GraphQL enum)', () => {
  it('has exactly the domain’s meeting kinds, in the code and in the committed schema', () => {
    expect(Object.values(MeetingKind).sort()).toEqual([...MEETING_KINDS].sort());
    const type = schema.getType('MeetingKind');
    expect(type).toBeInstanceOf(GraphQLEnumType);
    expect((type as GraphQLEnumType).getValues().map((v) => v.name).sort()).toEqual([...MEETING_KINDS].sort());
  });

  it('refuses an unknown kind in a variable with BAD_USER_INPUT, a Dutch message saying which value and where, and the English one', async () => {
    const err = await firstError(`mutation($i: PlanMeetingInput!) { planMeeting(input: $i) { id } }`, {
      i: { schoolId: '00000000-0000-4000-8000-000000000000', kind: 'OVERLEG', date: '2026-11-24' },
    });
    expect(err.extensions?.code).toBe('BAD_USER_INPUT');
    expect(err.message).toBe('Ongeldige aanvraag: "OVERLEG" is geen toegestane waarde van MeetingKind (bij i.kind)');
    expect(err.extensions?.messageEn).toBe('Variable "$i" got invalid value "OVERLEG" at "i.kind"; Value "OVERLEG" does not exist in "MeetingKind" enum.');
  });

  it('suggests the kind meant for a near miss, and refuses an unknown or quoted kind in the query text', async () => {
    const nearMiss = await firstError(`query($k: MeetingKind) { meetings(schoolId: "s", schoolYear: "2026-2027", kind: $k) { zatCheck { count } } }`, { k: 'zat' });
    expect(nearMiss.message).toBe('Ongeldige aanvraag: "zat" is geen toegestane waarde van MeetingKind; bedoel je "ZAT"?');
    const literal = await firstError(`{ meetings(schoolId: "s", schoolYear: "2026-2027", kind: OVERLEG) { zatCheck { count } } }`, undefined, 'GRAPHQL_VALIDATION_FAILED');
    expect(literal.extensions?.code).toBe('BAD_USER_INPUT');
    expect(literal.message).toBe('Ongeldige aanvraag: "OVERLEG" is geen toegestane waarde van MeetingKind');
    // A kind written as a string in the query text (it was a String before): said so, with the value meant.
    const quoted = await firstError(`{ meetings(schoolId: "s", schoolYear: "2026-2027", kind: "IZO") { zatCheck { count } } }`, undefined, 'GRAPHQL_VALIDATION_FAILED');
    expect(quoted.extensions?.code).toBe('BAD_USER_INPUT');
    expect(quoted.message).toBe('Ongeldige aanvraag: "IZO" is geen waarde van MeetingKind: schrijf een waarde van MeetingKind zonder aanhalingstekens; bedoel je "IZO"?');
    expect(quoted.extensions?.messageEn).toBe('Enum "MeetingKind" cannot represent non-enum value: "IZO". Did you mean the enum value "IZO"?');
  });
});
