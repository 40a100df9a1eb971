import { Global, Module } from '@nestjs/common';
import { CaseLauncher } from './case-launcher';
import { caseProgressProviders } from './case-progress.listener';
import { CaseStarter } from './case-starter';
import { CaseStepResolver } from './case-step.resolver';
import { CaseStepService } from './case-step.service';
import { CasesResolver } from './cases.resolver';
import { CasesService } from './cases.service';
import { stepInputCompleters } from './step-input-completer';
import { ConsentTimeoutCompleter } from '../consents/consent-timeout.completer';
import { IzoJosMentorCompleter } from '../zorgroute/usecases/izo-jos-mentor.completer';
import { ConsentsModule } from '../consents/consents.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { PupilsModule } from '../pupils/pupils.module';
import { ZorgrouteModule } from '../zorgroute/zorgroute.module';

/**
 * The core every process builds on: a case's read model and timeline (CasesService), taking any step of the catalogue
 * (CaseStepService, with the completers that add what only the api knows), starting cases (CaseStarter, CaseLauncher, which hears from PostgreSQL when a case moves: CaseProgressListener).
 * Global: every process module uses it.
 */
@Global()
@Module({
  imports: [ConsentsModule, NotificationsModule, PupilsModule, ZorgrouteModule],
  providers: [CasesService, CasesResolver, CaseStepService, CaseStepResolver, stepInputCompleters(IzoJosMentorCompleter, ConsentTimeoutCompleter), CaseLauncher, CaseStarter, ...caseProgressProviders],
  exports: [CasesService, CaseStepService, CaseStarter, CaseLauncher],
})
export class CasesModule {}
