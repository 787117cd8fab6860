import { Field, ObjectType } from '@nestjs/graphql';
import { DateScalar } from '../common/scalars/date-scalars.js';
import { TrafficLightEnum } from '../follow-ups/follow-up.enums.js';
import { Deviation } from '../follow-ups/deviation.model.js';
import type { TrafficLight } from '../vocabulary/vocabulary.js';
import { Supplier } from './supplier.model.js';

@ObjectType({ description: "A supplier's traffic light, from the deviations you may see." })
export class SupplierStatus {
  @Field(() => Supplier, { description: 'The supplier.' }) supplier: unknown;
  @Field(() => TrafficLightEnum, {
    description: 'RED, YELLOW or GREEN, from its unresolved deviations that demand action.',
  })
  light: TrafficLight;
  @Field(() => DateScalar, {
    description: 'The day the light was worked out for (today, UTC): due dates compare with it.',
  })
  evaluatedOn: string;
  @Field(() => [Deviation], { description: 'Unresolved deviations (observations carry no colour and are not listed).' })
  openDeviations: unknown[];
  @Field(() => [Deviation], { description: 'Unresolved deviations past their due date.' }) overdueDeviations: unknown[];
}
