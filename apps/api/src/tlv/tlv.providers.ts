import { TlvBoardService } from './tlv-board.service';
import { TlvResolver } from './tlv.resolver';
import { StartTlvUseCase } from './usecases/start-tlv.usecase';

/** Nest providers of P8 TLV (registered in AppModule); its steps run through CaseStepService (`takeStep`). */
export const TLV_PROVIDERS = [TlvResolver, StartTlvUseCase, TlvBoardService];
