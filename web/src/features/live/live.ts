import { graphql } from '../../gql';

export const LiveFeedSubscription = graphql(`
  subscription LiveFeed($after: String) {
    followUpEvents(after: $after, filter: { types: [RECORDED, PLANNED, COMPLETED] }) {
      cursor
      type
      occurredAt
      actorOrganisation {
        id
        name
      }
      followUp {
        id
        method
        status
        supplier {
          id
          name
        }
        product {
          id
          name
        }
        organisation {
          id
          name
        }
      }
    }
  }
`);

export const LiveContractsQuery = graphql(`
  query LiveContracts {
    me {
      role
      organisation {
        id
      }
    }
  }
`);
