import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { Role } from '@zorgroute/domain';
import '../../auth/models/user.model';

const NO_FORMULA = /^[^=+\-@\t\r]/;
const REGIONS = ['noord', 'midden', 'zuid'];

@InputType()
export class SwvInput {
  @Field() @IsString() @Length(2, 200, { message: 'naam moet 2 tot 200 tekens lang zijn' }) @Matches(NO_FORMULA, { message: 'naam mag niet met =, +, - of @ beginnen' }) name!: string;
  @Field({ description: 'Official code, e.g. "VO 27.01".' })
  @IsString()
  @Matches(/^(PO|VO) \d{2}\.\d{2}[A-Z]?$/, { message: 'code moet de vorm "VO 27.01" of "PO 27.01" hebben' })
  code!: string;
}

@InputType()
export class SchoolInput {
  @Field(() => ID, { nullable: true, description: 'Only when creating: the SWV the school belongs to.' })
  @IsOptional()
  @IsUUID('all', { message: 'swvId moet een geldige id zijn' })
  swvId?: string | null;
  @Field() @IsString() @Length(2, 200, { message: 'naam moet 2 tot 200 tekens lang zijn' }) @Matches(NO_FORMULA, { message: 'naam mag niet met =, +, - of @ beginnen' }) name!: string;
  @Field({ description: 'BRIN number: two digits and two letters, e.g. "99ZZ".' })
  @Matches(/^\d{2}[A-Z]{2}$/, { message: 'BRIN moet uit twee cijfers en twee hoofdletters bestaan, bijvoorbeeld 99ZZ' })
  brin!: string;
  @Field({ description: 'Vestigingsnummer: two digits, "00" for the main location.' })
  @Matches(/^\d{2}$/, { message: 'vestiging moet uit twee cijfers bestaan, bijvoorbeeld 00' })
  vestiging!: string;
  @Field({ description: 'Holiday region: noord, midden or zuid.' })
  @IsIn(REGIONS, { message: 'regio moet noord, midden of zuid zijn' })
  region!: 'noord' | 'midden' | 'zuid';
}

@InputType()
export class CreateAccountInput {
  @Field() @IsString() @Length(2, 200, { message: 'naam moet 2 tot 200 tekens lang zijn' }) @Matches(NO_FORMULA, { message: 'naam mag niet met =, +, - of @ beginnen' }) name!: string;
  @Field() @IsEmail({}, { message: 'e-mailadres is ongeldig' }) @Length(3, 320) email!: string;
  @Field(() => Role) @IsIn(Object.values(Role), { message: 'onbekende rol' }) role!: Role;
  @Field(() => ID, { nullable: true, description: 'The school of a school account (staff, school admin).' })
  @IsOptional()
  @IsUUID('all', { message: 'schoolId moet een geldige id zijn' })
  schoolId?: string | null;
  @Field(() => ID, { nullable: true, description: 'The SWV of an SWV account (SWV employee, SWV admin).' })
  @IsOptional()
  @IsUUID('all', { message: 'swvId moet een geldige id zijn' })
  swvId?: string | null;
}

@InputType()
export class UpdateAccountInput {
  @Field() @IsString() @Length(2, 200, { message: 'naam moet 2 tot 200 tekens lang zijn' }) @Matches(NO_FORMULA, { message: 'naam mag niet met =, +, - of @ beginnen' }) name!: string;
  @Field() @IsEmail({}, { message: 'e-mailadres is ongeldig' }) @Length(3, 320) email!: string;
  @Field(() => Role, { description: 'Another role within the same organisation (a school role stays at the school).' })
  @IsIn(Object.values(Role), { message: 'onbekende rol' })
  role!: Role;
}

@InputType()
export class DeactivateAccountInput {
  @Field() @IsString() @Length(3, 1000, { message: 'reden moet 3 tot 1000 tekens lang zijn' }) reason!: string;
}
