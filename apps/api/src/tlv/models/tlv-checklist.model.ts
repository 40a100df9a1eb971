import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('TlvChecklistItem', { description: 'One item of the SWV’s checklist for a TLV request: present in the dossier or still missing.' })
export class TlvChecklistItemModel {
  @Field({ description: 'Machine name of the item (TLV_DOSSIER_ITEM_OPTIONS).' }) item!: string;
  @Field({ description: 'Dutch label.' }) label!: string;
  @Field({ description: 'The SWV’s checklist asks for it (for this case).' }) required!: boolean;
  @Field() present!: boolean;
  @Field(() => String, { nullable: true, description: 'Where the document is (reference as recorded), or how it was given.' }) reference!: string | null;
  @Field(() => String, { nullable: true, description: 'Date of the document (YYYY-MM-DD).' }) date!: string | null;
  @Field(() => String, { nullable: true, description: 'The school’s note: for the school and the SWV; the parents and the pupil get it only when it is marked for them (noteForFamily), else null.' })
  note!: string | null;
  @Field({ description: 'The school marked the note for the parents and the pupil.' }) noteForFamily!: boolean;
}

@ObjectType('TlvChecklist', { description: 'The SWV’s checklist of a TLV request: the request is complete only when every required item is present.' })
export class TlvChecklistModel {
  @Field() complete!: boolean;
  @Field(() => [TlvChecklistItemModel]) items!: TlvChecklistItemModel[];
}
