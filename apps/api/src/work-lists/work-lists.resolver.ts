import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { SaveWorkListInput, WorkListFilterInput } from './dtos/work-list.inputs';
import { WorkListItemModel, WorkListModel } from './models/work-list.model';
import { WorkListsService } from './work-lists.service';

/** Work lists (issue 17): saved filters over the open steps, per user; the bulk reassignment is in admin-actions. */
@Resolver(() => WorkListModel)
export class WorkListsResolver {
  constructor(@Inject(WorkListsService) private readonly lists: WorkListsService) {}

  @Query(() => [WorkListModel], { description: 'The built-in work lists and the caller’s saved ones, each with its count (staff who see cases).' })
  workLists(@CurrentUser() user: AuthUser): Promise<WorkListModel[]> {
    return this.lists.lists(user);
  }

  @Query(() => [WorkListItemModel], { description: 'The open steps a work-list filter finds among the cases the caller may see (at most 500, by due date).' })
  workListItems(@CurrentUser() user: AuthUser, @Args('filter', { type: () => WorkListFilterInput }) filter: WorkListFilterInput): Promise<WorkListItemModel[]> {
    return this.lists.items(user, filter);
  }

  @Mutation(() => WorkListModel, { description: 'Saves a filter as a work list of the caller (a list with the same name is replaced).' })
  saveWorkList(@CurrentUser() user: AuthUser, @Args('input') input: SaveWorkListInput): Promise<WorkListModel> {
    return this.lists.save(user, input);
  }

  @Mutation(() => Boolean, { description: 'Deletes one of the caller’s saved work lists; false when he has none with this id.' })
  deleteWorkList(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.lists.remove(user, id);
  }
}
