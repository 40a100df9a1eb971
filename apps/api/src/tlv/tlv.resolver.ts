import { Inject } from '@nestjs/common';
import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ProcessType } from '@zorgroute/domain';
import { AudiencePolicy } from '../access/audience.policy';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { CasesService } from '../cases/cases.service';
import { CaseDetailModel, CaseSummaryModel } from '../cases/models/case.model';
import { StartTlvInput } from './dtos/tlv.inputs';
import { TlvBoardModel } from './models/tlv-board.model';
import { TlvChecklistModel } from './models/tlv-checklist.model';
import { TlvBoardService } from './tlv-board.service';
import { StartTlvUseCase } from './usecases/start-tlv.usecase';

/**
 * P8 TLV request: its start, its checklist on the case page and the TLV section of the SWV board. Every step (dossier
 * items, submission, the SWV's check, the experts' advice, the commissie's decision and extension, school system, BRON,
 * bezwaar, herindicatie, withdraw) is taken with `takeStep` from the step catalogue (libs/processes/src/tlv/steps.ts)
 * and shown on the case page from `stepForms`; the parents' akkoord is the shared consent request (`giveConsent`,
 * `recordPaperConsent`).
 */
@Resolver(() => CaseDetailModel)
export class TlvResolver {
  constructor(
    @Inject(StartTlvUseCase) private readonly startUc: StartTlvUseCase,
    @Inject(TlvBoardService) private readonly boardService: TlvBoardService,
    @Inject(CasesService) private readonly cases: CasesService,
    @Inject(AudiencePolicy) private readonly audience: AudiencePolicy,
  ) {}

  @Mutation(() => CaseSummaryModel, { description: 'The zorgcoördinator starts a TLV request for a pupil (after a Flex-ZAT): the parents are asked to agree and the dossier is built to the SWV’s checklist.' })
  startTlv(@CurrentUser() user: AuthUser, @Args('input') input: StartTlvInput): Promise<CaseSummaryModel> {
    return this.startUc.execute(user, input);
  }

  @Query(() => TlvBoardModel, {
    description: 'The TLV section of the SWV board: open TLV requests with their decision term, and granted TLVs within the reminder window before their end date (SWV: member schools; zorgcoördinator: own school; admin: all).',
  })
  tlvBoard(@CurrentUser() user: AuthUser): Promise<TlvBoardModel> {
    return this.boardService.board(user);
  }

  @ResolveField('tlvChecklist', () => TlvChecklistModel, {
    nullable: true,
    description: 'P8: the SWV’s checklist of this TLV request (which items are present, which missing), as far as the caller may see it; null for other processes.',
  })
  async tlvChecklist(@CurrentUser() user: AuthUser, @Parent() detail: CaseDetailModel): Promise<TlvChecklistModel | null> {
    if (detail.summary.process !== ProcessType.TLV) return null;
    const row = await this.cases.getVisible(user, detail.summary.id);
    const data = this.audience.caseData(user, row.process, row.data) as {
      checklist?: { item?: string; label?: string; required?: boolean; present?: boolean; reference?: string | null; date?: string | null; note?: string | null; noteForFamily?: boolean }[];
      checklistComplete?: boolean;
    };
    if (!data.checklist) return null;
    return {
      complete: data.checklistComplete === true,
      items: data.checklist.map((e) => ({
        item: e.item ?? '',
        label: e.label ?? e.item ?? '',
        required: e.required === true,
        present: e.present === true,
        reference: e.reference ?? null,
        date: e.date ?? null,
        note: e.note ?? null,
        noteForFamily: e.noteForFamily === true,
      })),
    };
  }
}
