import { graphql } from '../../gql';

export const LogFollowUpQuery = graphql(`
  query LogFollowUp {
    me {
      role
      organisation {
        id
        name
      }
    }
    substances(first: 100) {
      totalCount
      nodes {
        id
        name
        casNumber
      }
    }
  }
`);

export const ProductOptionsQuery = graphql(`
  query ProductOptions($text: String!) {
    products(filter: { search: $text }, first: 20) {
      nodes {
        id
        name
        gtin
        supplier {
          id
          name
        }
      }
    }
  }
`);

export const SupplierOptionsQuery = graphql(`
  query SupplierOptions($text: String!) {
    suppliers(filter: { search: $text }, first: 20) {
      nodes {
        id
        name
        organisationNumber
      }
    }
  }
`);

export const ContractsForLoggingQuery = graphql(`
  query ContractsForLogging($organisationId: ID!, $supplierId: ID) {
    contracts(filter: { organisationId: $organisationId, supplierId: $supplierId }, first: 100) {
      nodes {
        id
        title
        reference
        requirements {
          effectiveLimit {
            value
            unit
            unitSymbol
          }
          requirement {
            id
            code
            title
            kind
            aggregation
            substances {
              id
            }
          }
        }
      }
    }
  }
`);

export const RecordFollowUpMutation = graphql(`
  mutation LogFollowUpRecord($input: RecordFollowUpInput!) {
    recordFollowUp(input: $input) {
      id
      version
    }
  }
`);

export const CreateProductMutation = graphql(`
  mutation LogFollowUpCreateProduct($input: CreateProductInput!) {
    createProduct(input: $input) {
      id
      name
      gtin
      supplier {
        id
        name
      }
    }
  }
`);

export const CreateSupplierMutation = graphql(`
  mutation LogFollowUpCreateSupplier($input: CreateSupplierInput!) {
    createSupplier(input: $input) {
      id
      name
      organisationNumber
    }
  }
`);

export const FollowUpPageQuery = graphql(`
  query FollowUpPage($id: ID!) {
    me {
      organisation {
        id
      }
    }
    followUp(id: $id) {
      id
      version
      status
      requiresSupplierRelease
      reportReleasedAt
      organisation {
        id
      }
      product {
        id
        name
      }
      supplier {
        id
        name
      }
      contract {
        id
        title
      }
      ...FollowUpCard_FollowUp
    }
  }
`);

export const StartFollowUpMutation = graphql(`
  mutation FollowUpStart($id: ID!, $expectedVersion: Int) {
    startFollowUp(id: $id, expectedVersion: $expectedVersion) {
      id
      version
      status
    }
  }
`);

export const CompleteFollowUpMutation = graphql(`
  mutation FollowUpComplete($id: ID!, $expectedVersion: Int) {
    completeFollowUp(id: $id, expectedVersion: $expectedVersion) {
      id
      version
      status
    }
  }
`);

export const CloseFollowUpMutation = graphql(`
  mutation FollowUpClose($id: ID!, $expectedVersion: Int) {
    closeFollowUp(id: $id, expectedVersion: $expectedVersion) {
      id
      version
      status
    }
  }
`);

export const RetractFollowUpMutation = graphql(`
  mutation FollowUpRetract($id: ID!, $expectedVersion: Int, $reason: String!) {
    retractFollowUp(id: $id, expectedVersion: $expectedVersion, reason: $reason) {
      id
      version
      status
    }
  }
`);

export const SetSupplierReleaseMutation = graphql(`
  mutation FollowUpSetSupplierRelease($id: ID!, $expectedVersion: Int!, $requiresSupplierRelease: Boolean!) {
    updateFollowUp(
      id: $id
      expectedVersion: $expectedVersion
      input: { requiresSupplierRelease: $requiresSupplierRelease }
    ) {
      id
      version
      requiresSupplierRelease
    }
  }
`);
