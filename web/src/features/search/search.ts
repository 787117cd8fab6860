import { graphql } from '../../gql';

/** One request for the search box: products, suppliers, substances and requirements. */
export const SearchQuery = graphql(`
  query Search($text: String!) {
    products(filter: { search: $text }, first: 10) {
      totalCount
      nodes {
        id
        name
        gtin
        articleNumber
        supplier {
          id
          name
        }
        category {
          code
          name
        }
      }
    }
    suppliers(filter: { search: $text }, first: 10) {
      totalCount
      nodes {
        id
        name
        organisationNumber
        country
      }
    }
    substances(filter: { search: $text }, first: 10) {
      totalCount
      nodes {
        id
        name
        casNumber
        groups
      }
    }
    requirements(filter: { search: $text }, first: 10) {
      totalCount
      nodes {
        id
        code
        title
        kind
      }
    }
  }
`);
