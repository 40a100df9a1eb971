import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PolicyScope } from '@zorgroute/domain';

registerEnumType(PolicyScope, { name: 'PolicyScope', description: 'The level a policy version applies to: SWV or SCHOOL (the school wins).' });

export const PolicySourceEnum = { STANDAARD: 'STANDAARD', SWV: 'SWV', SCHOOL: 'SCHOOL' } as const;
export type PolicySourceEnum = (typeof PolicySourceEnum)[keyof typeof PolicySourceEnum];
registerEnumType(PolicySourceEnum, { name: 'PolicySource', description: 'Where an effective setting comes from.' });

@ObjectType('PolicyVersion')
export class PolicyVersionModel {
  @Field(() => ID) id!: string;
  @Field(() => PolicyScope) scope!: PolicyScope;
  @Field(() => ID) scopeId!: string;
  @Field(() => Int) version!: number;
  @Field({ description: 'The complete overrides of this version as JSON (a PolicyOverrides object).' }) overridesJson!: string;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => String, { nullable: true }) createdByName!: string | null;
  @Field(() => String, { nullable: true }) note!: string | null;
}

@ObjectType('PolicySetting')
export class PolicySettingModel {
  @Field({ description: 'Dotted path, e.g. jos.maxMonths.' }) path!: string;
  @Field({ description: 'Effective value as JSON.' }) valueJson!: string;
  @Field({ description: 'The specification’s default as JSON.' }) defaultJson!: string;
  @Field(() => PolicySourceEnum) source!: PolicySourceEnum;
}

@ObjectType('EffectivePolicy')
export class EffectivePolicyModel {
  @Field(() => ID) schoolId!: string;
  @Field() schoolName!: string;
  @Field(() => ID) swvId!: string;
  @Field({ description: 'The version label a case started now snapshots, e.g. "swv:3/school:5" or "standaard".' }) version!: string;
  @Field({ description: 'The effective policies (defaults ← latest SWV version ← latest school version) as JSON.' }) policiesJson!: string;
  @Field(() => [PolicySettingModel]) settings!: PolicySettingModel[];
  @Field(() => PolicyVersionModel, { nullable: true, description: 'The SWV version in force.' }) swvVersion!: PolicyVersionModel | null;
  @Field(() => PolicyVersionModel, { nullable: true, description: 'The school version in force.' }) schoolVersion!: PolicyVersionModel | null;
  @Field(() => [PolicyVersionModel], { description: 'Every version of the SWV, newest first.' }) swvVersions!: PolicyVersionModel[];
  @Field(() => [PolicyVersionModel], { description: 'Every version of the school, newest first.' }) schoolVersions!: PolicyVersionModel[];
}
