import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsOptional, IsUUID, Matches, MaxLength } from 'class-validator';
import { ProcessType } from '@zorgroute/domain';

@InputType('CaseFilter')
export class CaseFilterInput {
  @Field(() => ProcessType, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(ProcessType), { message: 'onbekend proces' })
  process?: ProcessType | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(40)
  status?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'schoolId moet een geldige id zijn' })
  schoolId?: string | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  stuck?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Only cases due on or before this date (YYYY-MM-DD).' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dueBefore moet een datum zijn (JJJJ-MM-DD)' })
  dueBefore?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only cases whose next due date has passed.' })
  @IsOptional()
  @IsBoolean()
  overdue?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Include closed cases (default: open only).' })
  @IsOptional()
  @IsBoolean()
  includeClosed?: boolean | null;
}
