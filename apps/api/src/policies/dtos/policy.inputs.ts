import { Field, ID, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { PolicyScope } from '@zorgroute/domain';

@InputType()
export class PublishPolicyVersionInput {
  @Field(() => PolicyScope)
  @IsIn(Object.values(PolicyScope), { message: 'scope moet SWV of SCHOOL zijn' })
  scope!: PolicyScope;

  @Field(() => ID, { description: 'The SWV id or the school id.' })
  @IsUUID('all', { message: 'scopeId moet een geldige id zijn' })
  scopeId!: string;

  @Field({ description: 'The complete overrides of this scope as JSON, e.g. {"jos":{"maxMonths":4}}; {} returns to the lower level.' })
  @IsString({ message: 'overrides moet JSON-tekst zijn' })
  @Length(2, 20_000, { message: 'overrides moet 2 tot 20000 tekens lang zijn' })
  overrides!: string;

  @Field(() => String, { nullable: true, description: 'Why this version (shown in the version history).' })
  @IsOptional()
  @MaxLength(500, { message: 'toelichting mag maximaal 500 tekens lang zijn' })
  note?: string | null;
}
