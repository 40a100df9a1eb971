import { Module } from '@nestjs/common';
import { TlvBoardService } from './tlv-board.service';
import { TlvResolver } from './tlv.resolver';
import { StartTlvUseCase } from './usecases/start-tlv.usecase';
import { PupilsModule } from '../pupils/pupils.module';

/**
 * P8 TLV: start, board and resolvers; its steps run through CaseStepService (`takeStep`).
 */
@Module({
  imports: [PupilsModule],
  providers: [TlvResolver, StartTlvUseCase, TlvBoardService],
})
export class TlvModule {}
