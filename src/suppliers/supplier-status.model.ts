import { Field, ObjectType } from '@nestjs/graphql';
import { TrafficLightEnum } from '../follow-ups/follow-up.enums.js';
import { Deviation } from '../follow-ups/deviation.model.js';
import type { TrafficLight } from '../vocabulary/vocabulary.js';
import { Supplier } from './supplier.model.js';

@ObjectType()
export class SupplierStatus {
  @Field(() => Supplier) supplier: unknown;
  @Field(() => TrafficLightEnum) light: TrafficLight;
  @Field() evaluatedOn: string;
  @Field(() => [Deviation], { description: 'Unresolved deviations (observations carry no colour and are not listed).' })
  openDeviations: unknown[];
  @Field(() => [Deviation], { description: 'Unresolved deviations past their due date.' }) overdueDeviations: unknown[];
}
