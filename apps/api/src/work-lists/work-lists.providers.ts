import { WorkListsResolver } from './work-lists.resolver';
import { WorkListsService } from './work-lists.service';

/** Nest providers of the work lists (registered in AppModule). */
export const WORK_LIST_PROVIDERS = [WorkListsService, WorkListsResolver];
