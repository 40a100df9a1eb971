import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('School')
export class SchoolModel {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() region!: string;
}

@ObjectType('Pupil')
export class PupilModel {
  @Field(() => ID) id!: string;
  @Field() displayName!: string;
  @Field(() => String, { nullable: true }) className!: string | null;
  @Field(() => ID) schoolId!: string;
  @Field(() => String, { nullable: true }) mentorName!: string | null;
  @Field(() => String, { nullable: true, description: 'When the pupil left the school (a school data import); his cases stay visible to the school.' })
  leftAt?: string | null;
}
