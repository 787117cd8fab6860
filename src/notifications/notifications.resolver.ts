import { Args, ArgsType, Field, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ArrayMaxSize, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { Allow } from '../auth/allow.decorator.js';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { Role } from '../auth/role.js';
import { PageArgs } from '../common/pagination/connection.js';
import {
  type EmailMode,
  NOTIFICATION_REASONS,
  type NotificationReason,
  WATCH_KINDS,
  type WatchKind,
} from '../vocabulary/vocabulary.js';
import type { WebhookEntity } from './notification.entities.js';
import {
  CreatedWebhook,
  EmailModeEnum,
  NotificationReasonEnum,
  Watch,
  WatchKindEnum,
  Webhook,
  WebhookDeliveryConnection,
} from './notification.model.js';
import { NotificationsService } from './notifications.service.js';

@ArgsType()
class WatchArgs {
  @Field(() => WatchKindEnum, { description: 'What kind of thing.' }) @IsIn(WATCH_KINDS) kind: WatchKind;
  @Field(() => ID, { nullable: true, description: 'What is watched; none for CONTRACTS.' })
  @IsOptional()
  @IsUUID('all', { message: 'targetId must be an id' })
  targetId?: string | null;
}

@ArgsType()
class CreateWebhookArgs {
  @Field({ description: 'https:// (http:// only outside production), at most 2000 characters.' })
  @IsString()
  @MaxLength(2000)
  url: string;
  @Field(() => [NotificationReasonEnum], { description: 'The notification reasons it receives: at least one.' })
  @ArrayMaxSize(NOTIFICATION_REASONS.length)
  @IsIn(NOTIFICATION_REASONS, { each: true })
  events: NotificationReason[];
}

@ArgsType()
class WebhookDeliveriesArgs extends PageArgs {
  @Field(() => ID, { description: 'Your webhook (its id).' })
  @IsUUID('all', { message: 'webhookId must be an id' })
  webhookId: string;
}

/**
 * Watching and being told (issue 19, item 3): every principal manages its own watches, e-mail
 * setting and webhooks, supplier members included (they are told only of what they may see).
 */
@Resolver(() => Webhook)
export class NotificationsResolver {
  constructor(private readonly service: NotificationsService) {}

  @Allow(Role.SUPPLIER)
  @Mutation(() => Watch, {
    description: 'Watches a product, a supplier, a requirement, or your organisation’s contracts.',
  })
  watch(@Args() args: WatchArgs, @CurrentPrincipal() actor: Principal) {
    return this.service.watch(args.kind, args.targetId, actor);
  }

  @Allow(Role.SUPPLIER)
  @Mutation(() => Boolean, { description: 'Stops watching; false when it was not watched.' })
  unwatch(@Args() args: WatchArgs, @CurrentPrincipal() actor: Principal) {
    return this.service.unwatch(args.kind, args.targetId, actor);
  }

  @Allow(Role.SUPPLIER)
  @Query(() => [Watch], { description: 'What you watch.' })
  watches(@CurrentPrincipal() viewer: Principal) {
    return this.service.watches(viewer);
  }

  @Allow(Role.SUPPLIER)
  @Query(() => EmailModeEnum, { description: 'How your notifications reach you by e-mail.' })
  emailNotifications(@CurrentPrincipal() viewer: Principal) {
    return this.service.emailMode(viewer);
  }

  @Allow(Role.SUPPLIER)
  @Mutation(() => EmailModeEnum, { description: 'Sets how your notifications reach you by e-mail.' })
  setEmailNotifications(
    @Args('mode', { type: () => EmailModeEnum, description: 'IMMEDIATE, DAILY_DIGEST or OFF.' }) mode: EmailMode,
    @CurrentPrincipal() actor: Principal,
  ) {
    return this.service.setEmailMode(mode, actor);
  }

  @Allow(Role.SUPPLIER)
  @Mutation(() => CreatedWebhook, {
    description:
      'Sends your notifications of these reasons to another tool: POST of JSON, signed in x-kemkollen-signature (HMAC-SHA256), retried with exponential backoff, turned off after failures in a row.',
  })
  createWebhook(@Args() args: CreateWebhookArgs, @CurrentPrincipal() actor: Principal) {
    return this.service.createWebhook(args.url, args.events, actor);
  }

  @Allow(Role.SUPPLIER)
  @Mutation(() => Webhook, { description: 'Turns your webhook on again after it was turned off.' })
  enableWebhook(
    @Args('id', { type: () => ID, description: 'Your webhook (its id).' }) id: string,
    @CurrentPrincipal() actor: Principal,
  ) {
    return this.service.enableWebhook(id, actor);
  }

  @Allow(Role.SUPPLIER)
  @Query(() => [Webhook], { description: 'Your webhooks.' })
  webhooks(@CurrentPrincipal() viewer: Principal) {
    return this.service.webhooks(viewer);
  }

  @Allow(Role.SUPPLIER)
  @Query(() => WebhookDeliveryConnection, { description: "Your webhook's deliveries, newest first." })
  webhookDeliveries(@Args() args: WebhookDeliveriesArgs, @CurrentPrincipal() viewer: Principal) {
    return this.service.deliveries(args.webhookId, args, viewer);
  }

  @Allow(Role.SUPPLIER)
  @ResolveField(() => [NotificationReasonEnum])
  events(@Parent() w: WebhookEntity): NotificationReason[] {
    return JSON.parse(w.events) as NotificationReason[];
  }
}
