import { graphql } from '../../gql';

export const PublicStatisticsQuery = graphql(`
  query PublicStatistics {
    publicStatistics {
      followUpCount
      measurementCount
      followUpsByCategory {
        categoryCode
        method
        count
      }
      verdicts {
        categoryCode
        casNumber
        substanceName
        verdict
        count
      }
    }
  }
`);
