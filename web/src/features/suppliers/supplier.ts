import { graphql } from '../../gql';

export const SupplierPageQuery = graphql(`
  query SupplierPage($id: ID!) {
    me {
      role
      organisation {
        id
      }
    }
    supplierStatus(supplierId: $id) {
      light
      evaluatedOn
      supplier {
        id
        name
        organisationNumber
        country
      }
      overdueDeviations {
        id
      }
      openDeviations {
        id
        severity
        description
        actionPlanStatus
        organisation {
          id
        }
        ...DeviationFacts_Deviation
      }
    }
    followUps(filter: { supplierId: $id }, first: 50) {
      nodes {
        id
        method
        status
        performedOn
        organisation {
          id
          name
        }
        product {
          id
          name
        }
      }
    }
  }
`);

export const OpenDeviationMutation = graphql(`
  mutation SupplierOpenDeviation($input: OpenDeviationInput!) {
    openDeviation(input: $input) {
      id
      status
    }
  }
`);

export const ResolveDeviationMutation = graphql(`
  mutation SupplierResolveDeviation($id: ID!, $resolution: String) {
    resolveDeviation(id: $id, resolution: $resolution) {
      id
      status
    }
  }
`);

export const AcceptActionPlanMutation = graphql(`
  mutation SupplierAcceptActionPlan($deviationId: ID!) {
    acceptActionPlan(deviationId: $deviationId) {
      id
      actionPlanStatus
    }
  }
`);

export const RejectActionPlanMutation = graphql(`
  mutation SupplierRejectActionPlan($deviationId: ID!, $reason: String!) {
    rejectActionPlan(deviationId: $deviationId, reason: $reason) {
      id
      actionPlanStatus
    }
  }
`);

export const InviteSupplierMemberMutation = graphql(`
  mutation SupplierInviteMember($supplierId: ID!, $name: String!, $email: String!) {
    inviteSupplierMember(supplierId: $supplierId, name: $name, email: $email) {
      token
      principal {
        id
        name
      }
    }
  }
`);
