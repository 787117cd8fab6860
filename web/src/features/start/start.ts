import { graphql } from '../../gql';

export const StartPageQuery = graphql(`
  query StartPage {
    me {
      organisation {
        id
        name
      }
    }
  }
`);

export const RecentFollowUpsQuery = graphql(`
  query RecentFollowUps($supplierId: ID!) {
    followUps(filter: { supplierId: $supplierId }, first: 5, orderBy: RECORDED_AT_DESC) {
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
      }
    }
  }
`);
