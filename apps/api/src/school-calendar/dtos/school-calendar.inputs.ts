import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const SCHOOL_YEAR = /^\d{4}-\d{4}$/;

@InputType()
export class AddSchoolDayOffInput {
  @Field(() => ID) @IsUUID('all', { message: 'schoolId moet een geldige id zijn' }) schoolId!: string;
  @Field({ description: 'First day off, YYYY-MM-DD.' }) @Matches(ISO_DATE, { message: 'van moet een datum zijn (JJJJ-MM-DD)' }) from!: string;
  @Field({ description: 'Last day off (inclusive), YYYY-MM-DD.' }) @Matches(ISO_DATE, { message: 'tot en met moet een datum zijn (JJJJ-MM-DD)' }) to!: string;
  @Field({ description: 'Shown as the reason the day is not a school day, e.g. "Studiedag".' })
  @IsString()
  @Length(1, 100, { message: 'naam moet 1 tot 100 tekens lang zijn' })
  name!: string;
  @Field(() => String, { nullable: true, description: 'Optional check: the school year the range must fall in, e.g. 2026-2027.' })
  @IsOptional()
  @Matches(SCHOOL_YEAR, { message: 'schooljaar moet de vorm JJJJ-JJJJ hebben' })
  schoolYear?: string | null;
}

@ArgsType()
export class ExplainDueDateArgs {
  @Field(() => ID) @IsUUID('all', { message: 'schoolId moet een geldige id zijn' }) schoolId!: string;
  @Field({ description: 'Start date, YYYY-MM-DD.' }) @Matches(ISO_DATE, { message: 'start moet een datum zijn (JJJJ-MM-DD)' }) start!: string;
  @Field(() => Int, { description: 'School days after (negative: before) the start; 0 = the start or the next school day.' })
  @IsInt({ message: 'schooldagen moet een geheel getal zijn' })
  @Min(-200, { message: 'schooldagen moet tussen -200 en 200 liggen' })
  @Max(200, { message: 'schooldagen moet tussen -200 en 200 liggen' })
  schoolDays!: number;
}

@ArgsType()
export class SchoolYearArgs {
  @Field(() => ID) @IsUUID('all', { message: 'schoolId moet een geldige id zijn' }) schoolId!: string;
  @Field(() => String, { nullable: true, description: 'E.g. 2026-2027; default: the current school year.' })
  @IsOptional()
  @Matches(SCHOOL_YEAR, { message: 'schooljaar moet de vorm JJJJ-JJJJ hebben' })
  schoolYear?: string | null;
}

@ArgsType()
export class HolidayFileArgs {
  @Field({ description: 'The text of the ministry’s JSON file (opendata.rijksoverheid.nl schoolvakanties, output=json).' })
  @IsString({ message: 'het bestand moet tekst zijn' })
  content!: string;
}

@ArgsType()
export class ImportSchoolHolidaysArgs extends HolidayFileArgs {
  @Field({ description: 'The fileDigest of the preview of this file.' })
  @Matches(/^[0-9a-f]{64}$/, { message: 'fileDigest moet de SHA-256 van de voorvertoning zijn' })
  fileDigest!: string;
}
