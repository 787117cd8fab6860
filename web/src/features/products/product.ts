import { graphql } from '../../gql';

export const FollowUpCardFragment = graphql(`
  fragment FollowUpCard_FollowUp on FollowUp {
    id
    method
    status
    performedOn
    validUntil
    laboratory
    reportReference
    visibility
    requiresSupplierRelease
    reportReleasedAt
    comments {
      id
      text
      authorName
      createdAt
    }
    organisation {
      id
      name
    }
    measurements {
      id
      part
      value
      loq
      detected
      unit
      uncertainty
      substance {
        id
        name
        casNumber
      }
    }
  }
`);

export const ProductPageQuery = graphql(`
  query ProductPage($id: ID!) {
    me {
      role
      organisation {
        id
      }
    }
    product(id: $id) {
      id
      name
      gtin
      articleNumber
      category {
        code
        name
      }
      supplier {
        id
        name
      }
    }
    followUps(filter: { productId: $id }, first: 50) {
      totalCount
      nodes {
        id
        ...FollowUpCard_FollowUp
      }
    }
  }
`);

export const MyContractsQuery = graphql(`
  query MyContracts($organisationId: ID!, $supplierId: ID) {
    contracts(filter: { organisationId: $organisationId, supplierId: $supplierId }, first: 100) {
      nodes {
        id
        title
        reference
        supplier {
          id
          name
        }
      }
    }
  }
`);

export const ProductEvaluationQuery = graphql(`
  query ProductEvaluation($productId: ID!, $contractId: ID!, $followUpIds: [ID!], $measuredOnly: Boolean! = false) {
    evaluateProduct(
      productId: $productId
      contractId: $contractId
      followUpIds: $followUpIds
      measuredOnly: $measuredOnly
    ) {
      verdict
      evaluatedOn
      requirements {
        verdict
        explanation
        limitSource
        limit {
          value
          unitSymbol
        }
        requirement {
          id
          code
          title
          kind
          basis
          aggregation
        }
        parts {
          part
          verdict
          lowerBound
          upperBound
          substances {
            status
            verdict
            convertedValue
            convertedLoq
            convertedUnit
            withinUncertainty
            substance {
              id
              name
              casNumber
            }
            organisation {
              id
              name
            }
          }
        }
      }
    }
    reusableFollowUps(productId: $productId, contractId: $contractId, includeRejected: true) {
      reusable
      reasons
      followUp {
        id
        method
        performedOn
        validUntil
        organisation {
          id
          name
        }
        reuses {
          id
          contract {
            id
          }
        }
      }
    }
  }
`);

export const RecordReuseMutation = graphql(`
  mutation RecordReuseFromPage($followUpId: ID!, $contractId: ID!) {
    recordReuse(followUpId: $followUpId, contractId: $contractId) {
      id
      createdAt
      contract {
        id
      }
      followUp {
        id
      }
    }
  }
`);
