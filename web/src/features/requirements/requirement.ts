import { graphql } from '../../gql';

export const RequirementPageQuery = graphql(`
  query RequirementPage($id: ID!) {
    requirement(id: $id) {
      id
      code
      title
      text
      kind
      basis
      aggregation
      legalSource
      defaultLimit {
        value
        unitSymbol
      }
      substances {
        id
        name
        casNumber
      }
      categories {
        code
        name
      }
      followUps(first: 20) {
        totalCount
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
          supplier {
            id
            name
          }
        }
      }
    }
  }
`);
