import { Inject } from '@nestjs/common';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { DossierService } from './dossier.service';
import { DossierExportOptionsModel } from './models/dossier-export-options.model';

@Resolver(() => DossierExportOptionsModel)
export class DossierResolver {
  constructor(@Inject(DossierService) private readonly dossiers: DossierService) {}

  @Query(() => DossierExportOptionsModel, { description: 'What the caller may export of this pupil’s dossier (the same rules as the export itself); NOT_FOUND for a pupil he does not see.' })
  dossierExportOptions(@CurrentUser() user: AuthUser, @Args('pupilId', { type: () => ID }) pupilId: string): Promise<DossierExportOptionsModel> {
    return this.dossiers.exportOptions(user, pupilId);
  }
}
