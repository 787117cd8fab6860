import { graphql } from '../../gql';

export const SupplierViewMeQuery = graphql(`
  query SupplierViewMe {
    me {
      role
      organisation {
        id
        supplier {
          id
          name
        }
      }
    }
  }
`);

export const SupplierViewStatusQuery = graphql(`
  query SupplierViewStatus($supplierId: ID!) {
    supplierStatus(supplierId: $supplierId) {
      light
      evaluatedOn
      overdueDeviations {
        id
      }
      openDeviations {
        id
        severity
        description
        actionPlanStatus
        ...DeviationFacts_Deviation
      }
    }
  }
`);

export const SupplierViewFollowUpsQuery = graphql(`
  query SupplierViewFollowUps($supplierId: ID!, $after: String) {
    followUps(filter: { supplierId: $supplierId }, first: 10, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        status
        method
        performedOn
        product {
          id
          name
        }
        requiresSupplierRelease
        reportReleasedAt
        deviations {
          id
          severity
          status
          description
        }
        ...FollowUpCard_FollowUp
      }
    }
  }
`);

export const RespondToDeviationMutation = graphql(`
  mutation SupplierViewRespond($deviationId: ID!, $actionPlan: String!, $dueDate: Date!) {
    respondToDeviation(deviationId: $deviationId, actionPlan: $actionPlan, dueDate: $dueDate) {
      id
      actionPlan
      actionPlanStatus
      actionPlanDueDate
    }
  }
`);

export const CommentOnFollowUpMutation = graphql(`
  mutation SupplierViewComment($followUpId: ID!, $text: String!) {
    commentOnFollowUp(followUpId: $followUpId, text: $text) {
      id
      text
      createdAt
    }
  }
`);

export const ReleaseReportMutation = graphql(`
  mutation SupplierViewRelease($followUpId: ID!) {
    releaseReport(followUpId: $followUpId) {
      id
      reportReleasedAt
    }
  }
`);
