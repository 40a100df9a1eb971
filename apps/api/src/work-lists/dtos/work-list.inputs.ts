import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsIn, IsOptional, IsString, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { ProcessType } from '@zorgroute/domain';

@InputType('WorkListFilterInput', { description: 'A filter over the open steps of the cases the caller may see; every condition given must hold.' })
export class WorkListFilterInput {
  @Field(() => Boolean, { nullable: true, description: 'Open steps the caller owns.' }) @IsOptional() @IsBoolean() mine?: boolean | null;

  @Field(() => ID, { nullable: true, description: 'Open steps of this owner.' })
  @IsOptional()
  @IsUUID('all', { message: 'eigenaar moet een geldige id zijn' })
  ownerId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Open steps whose owner left, was deactivated, changed role or is no longer the mentor.' })
  @IsOptional()
  @IsBoolean()
  ownerUnavailable?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Open steps whose due date has passed.' }) @IsOptional() @IsBoolean() overdue?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Open steps late by the end of this week (Sunday), already late ones included.' })
  @IsOptional()
  @IsBoolean()
  lateThisWeek?: boolean | null;

  @Field(() => ProcessType, { nullable: true }) @IsOptional() @IsIn(Object.values(ProcessType), { message: 'onbekend proces' }) process?: ProcessType | null;

  @Field(() => Boolean, { nullable: true, description: 'Cases of a pupil who is no longer enrolled.' }) @IsOptional() @IsBoolean() pupilLeft?: boolean | null;

  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() stuck?: boolean | null;
}

@InputType('SaveWorkListInput', { description: 'Saves a filter as a work list of the caller; a list with the same name is replaced.' })
export class SaveWorkListInput {
  @Field()
  @IsString({ message: 'naam is verplicht (1 tot 80 tekens)' })
  @Length(1, 80, { message: 'naam is verplicht (1 tot 80 tekens)' })
  @Matches(/\S/, { message: 'naam is verplicht (1 tot 80 tekens)' })
  name!: string;

  @Field(() => WorkListFilterInput)
  @IsDefined({ message: 'filter is verplicht' })
  @ValidateNested()
  @Type(() => WorkListFilterInput)
  filter!: WorkListFilterInput;
}
