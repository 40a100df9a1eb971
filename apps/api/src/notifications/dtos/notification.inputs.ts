import { Field, InputType } from '@nestjs/graphql';
import { NotificationMode } from '@zorgroute/domain';
import { IsIn } from 'class-validator';

@InputType()
export class SetNotificationPreferenceInput {
  @Field(() => NotificationMode)
  @IsIn(Object.values(NotificationMode), { message: 'voorkeur moet IMMEDIATE of DAILY_DIGEST zijn' })
  mode!: NotificationMode;
}
