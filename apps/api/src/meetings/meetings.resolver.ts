import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { CancelMeetingInput, MeetingsArgs, PlanMeetingInput, PutCaseOnMeetingInput, RecordMeetingMinutesInput, SendMeetingAgendaInput, UpdateMeetingInput } from './dtos/meeting.inputs';
import { MeetingAgendaResultModel, MeetingDetailModel, MeetingModel, MeetingOverviewModel } from './models/meeting.model';
import { MeetingsService } from './meetings.service';

/** Meetings (issue 17.8): IZO, ZAT and Flex-ZAT of a school, their cases, agenda and minutes. */
@Resolver(() => MeetingModel)
export class MeetingsResolver {
  constructor(@Inject(MeetingsService) private readonly service: MeetingsService) {}

  @Query(() => MeetingOverviewModel, { description: 'A school’s meetings of one school year (optionally one kind) with the check of its ZAT calendar (zorgcoördinator, teamleider, admin).' })
  meetings(@CurrentUser() user: AuthUser, @Args() args: MeetingsArgs): Promise<MeetingOverviewModel> {
    return this.service.overview(user, args);
  }

  @Query(() => MeetingDetailModel, { description: 'One meeting with the cases on it and the cases that may be put on it.' })
  meeting(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string): Promise<MeetingDetailModel> {
    return this.service.detail(user, id);
  }

  @Mutation(() => MeetingModel, { description: 'Plans a meeting (a school day, not in the past; one of a kind per date).' })
  planMeeting(@CurrentUser() user: AuthUser, @Args('input') input: PlanMeetingInput): Promise<MeetingModel> {
    return this.service.plan(user, input);
  }

  @Mutation(() => MeetingModel, { description: 'Moves a meeting without cases, or changes its time or place.' })
  updateMeeting(@CurrentUser() user: AuthUser, @Args('input') input: UpdateMeetingInput): Promise<MeetingModel> {
    return this.service.update(user, input);
  }

  @Mutation(() => MeetingModel, { description: 'Cancels a meeting without cases (kept, with the reason).' })
  cancelMeeting(@CurrentUser() user: AuthUser, @Args('input') input: CancelMeetingInput): Promise<MeetingModel> {
    return this.service.cancel(user, input);
  }

  @Mutation(() => MeetingDetailModel, { description: 'Puts a P2 case on the meeting through its own planning step (RESCHEDULE_IZO or PLAN_ZAT).' })
  putCaseOnMeeting(@CurrentUser() user: AuthUser, @Args('input') input: PutCaseOnMeetingInput): Promise<MeetingDetailModel> {
    return this.service.putCase(user, input);
  }

  @Mutation(() => MeetingAgendaResultModel, { description: 'Sends the meeting’s agenda e-mail to its participants once; `resend` sends a new round.' })
  sendMeetingAgenda(@CurrentUser() user: AuthUser, @Args('input') input: SendMeetingAgendaInput): Promise<MeetingAgendaResultModel> {
    return this.service.sendAgenda(user, input);
  }

  @Mutation(() => MeetingDetailModel, { description: 'Records the minutes of a meeting and a note per case in its logboek (audience: the school).' })
  recordMeetingMinutes(@CurrentUser() user: AuthUser, @Args('input') input: RecordMeetingMinutesInput): Promise<MeetingDetailModel> {
    return this.service.recordMinutes(user, input);
  }
}
