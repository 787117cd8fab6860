import { graphql } from '../../gql';

export const NotificationSettingsQuery = graphql(`
  query NotificationSettings {
    emailNotifications
    webhooks {
      id
      url
      events
      enabled
      consecutiveFailures
      disabledAt
      createdAt
    }
  }
`);

export const SetEmailNotificationsMutation = graphql(`
  mutation NotificationSetEmail($mode: EmailMode!) {
    setEmailNotifications(mode: $mode)
  }
`);

export const CreateWebhookMutation = graphql(`
  mutation NotificationCreateWebhook($url: String!, $events: [NotificationReason!]!) {
    createWebhook(url: $url, events: $events) {
      secret
      webhook {
        id
        url
        events
        enabled
      }
    }
  }
`);

export const EnableWebhookMutation = graphql(`
  mutation NotificationEnableWebhook($id: ID!) {
    enableWebhook(id: $id) {
      id
      enabled
      consecutiveFailures
      disabledAt
    }
  }
`);

export const WebhookDeliveriesQuery = graphql(`
  query NotificationWebhookDeliveries($webhookId: ID!, $after: String) {
    webhookDeliveries(webhookId: $webhookId, first: 20, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        idempotencyKey
        reason
        status
        attempts
        responseStatus
        lastError
        nextAttemptAt
        sentAt
        createdAt
      }
    }
  }
`);
