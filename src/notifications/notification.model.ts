import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../common/scalars/date-scalars.js';
import { graphqlEnum } from '../common/graphql-enums.js';
import { Connection } from '../common/pagination/connection.js';
import {
  DELIVERY_STATUSES,
  type DeliveryStatus,
  EMAIL_MODES,
  NOTIFICATION_REASONS,
  type NotificationReason,
  WATCH_KINDS,
  type WatchKind,
} from '../vocabulary/vocabulary.js';
import { Node } from '../nodes/node.model.js';
import {
  DELIVERY_STATUS_VALUES,
  EMAIL_MODE_VALUES,
  NOTIFICATION_REASON_VALUES,
  WATCH_KIND_VALUES,
} from '../vocabulary/value-descriptions.js';

export const WatchKindEnum = graphqlEnum(WATCH_KINDS, 'WatchKind', {
  description: "PRODUCT, SUPPLIER or REQUIREMENT (targetId names it), or CONTRACTS: your organisation's contracts.",
  values: WATCH_KIND_VALUES,
});
export const NotificationReasonEnum = graphqlEnum(NOTIFICATION_REASONS, 'NotificationReason', {
  description:
    "Why you are told: a follow-up completed on something you watch; a FAIL against your organisation's contract; a deviation due within 7 days or overdue; a follow-up your organisation reused retracted; a supplier's answer.",
  values: NOTIFICATION_REASON_VALUES,
});
export const EmailModeEnum = graphqlEnum(EMAIL_MODES, 'EmailMode', {
  description: 'IMMEDIATE: one e-mail per notification; DAILY_DIGEST: one e-mail a day; OFF: none.',
  values: EMAIL_MODE_VALUES,
});
export const DeliveryStatusEnum = graphqlEnum(DELIVERY_STATUSES, 'DeliveryStatus', {
  description: "A webhook delivery's state.",
  values: DELIVERY_STATUS_VALUES,
});

@ObjectType({ description: 'Something you watch.', implements: () => [Node] })
export class Watch {
  @Field(() => ID, { description: 'Its id: a UUID, unique across the registry (node(id) refetches it).' }) id: string;
  @Field(() => WatchKindEnum, { description: 'What kind of thing is watched.' }) kind: WatchKind;
  @Field(() => ID, { description: 'The product, supplier or requirement; for CONTRACTS your organisation.' })
  targetId: string;
  @Field(() => DateTimeScalar, { description: 'When watching began (UTC).' }) createdAt: string;
}

@ObjectType({
  description: "An endpoint of another tool that receives your notifications, signed with the webhook's secret.",
  implements: () => [Node],
})
export class Webhook {
  @Field(() => ID, { description: 'Its id: a UUID, unique across the registry (node(id) refetches it).' }) id: string;
  @Field({ description: 'Where notifications are POSTed (https://).' }) url: string;
  @Field(() => [NotificationReasonEnum], { description: 'The notification reasons it receives.' })
  events: NotificationReason[];
  @Field({ description: 'false once turned off after failed attempts in a row; enableWebhook turns it on.' })
  enabled: boolean;
  @Field(() => Int, { description: 'Failed attempts in a row; at the limit (WEBHOOK_DISABLE_AFTER) it is turned off.' })
  consecutiveFailures: number;
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When it was turned off after failures (UTC); null while enabled.',
  })
  disabledAt: string | null;
  @Field(() => DateTimeScalar, { description: 'When it was created (UTC).' }) createdAt: string;
}

@ObjectType({
  description:
    'A new webhook. `secret` is the HMAC-SHA256 key of the x-kemkollen-signature header (sha256=<hex of the body>): shown this once.',
})
export class CreatedWebhook {
  @Field({ description: 'The HMAC-SHA256 key of x-kemkollen-signature: the secret, shown this once.' }) secret: string;
  @Field(() => Webhook, { description: 'The webhook.' }) webhook: Webhook;
}

@ObjectType({
  description: 'One notification sent (or being sent) to a webhook, with its attempts.',
  implements: () => [Node],
})
export class WebhookDelivery {
  @Field(() => ID, { description: 'Its id: a UUID, unique across the registry (node(id) refetches it).' }) id: string;
  @Field({ description: 'Sent as x-kemkollen-idempotency-key; the same on every attempt.' }) idempotencyKey: string;
  @Field(() => NotificationReasonEnum, { description: 'Why it was sent.' }) reason: NotificationReason;
  @Field(() => DeliveryStatusEnum, { description: 'PENDING, SENT or FAILED.' }) status: DeliveryStatus;
  @Field(() => Int, { description: 'Attempts made so far.' }) attempts: number;
  @Field(() => Int, { nullable: true, description: "The receiver's last HTTP status." }) responseStatus: number | null;
  @Field(() => String, {
    nullable: true,
    description: 'Why the last attempt failed (e.g. "HTTP 500", a connection error); null when none failed.',
  })
  lastError: string | null;
  @Field(() => DateTimeScalar, { description: 'When the next attempt is due (while PENDING).' }) nextAttemptAt: string;
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the receiver answered 2xx (UTC); null until SENT.',
  })
  sentAt: string | null;
  @Field(() => DateTimeScalar, { description: 'When it was made from the event (UTC).' }) createdAt: string;
}

export const WebhookDeliveryConnection = Connection(WebhookDelivery);
