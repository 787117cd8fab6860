import { graphql } from '../../gql';

export const MeQuery = graphql(`
  query Me {
    me {
      role
      expiresAt
      principal {
        id
        name
      }
      organisation {
        id
        name
        code
      }
    }
  }
`);
