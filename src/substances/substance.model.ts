import { Field, ID, ObjectType } from '@nestjs/graphql';
import { RegulatoryListEnum } from '../common/graphql-enums.js';
import { Connection } from '../common/pagination/connection.js';
import { Node } from '../nodes/node.model.js';
import { SubstanceGroupEnum } from '../common/graphql-enums.js';

@ObjectType({ description: 'A chemical substance, identified by its CAS number.', implements: () => [Node] })
export class Substance {
  @Field(() => ID, { description: 'Its id: a UUID, unique across the registry (node(id) refetches it).' }) id: string;
  @Field({ description: 'The English name (as nameEn).' }) name: string;
  @Field(() => String, { nullable: true, description: 'The Swedish name, e.g. Bis(2-etylhexyl)ftalat (DEHP).' })
  nameSv: string | null;
  @Field({ description: 'Its CAS number, e.g. 117-81-7 (check digit verified); unique in the library.' })
  casNumber: string;
  @Field(() => String, { nullable: true, description: 'Its EC number, e.g. 204-211-0; null when it has none.' })
  ecNumber: string | null;
  @Field(() => [SubstanceGroupEnum], { description: 'Groups such as ORTHO_PHTHALATE, PFAS, PAH.' })
  groups?: string[];
  @Field(() => [RegulatoryListEnum], { description: 'Regulatory lists the substance is on.' }) lists?: string[];
}

export const SubstanceConnection = Connection(Substance);
