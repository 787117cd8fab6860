import { graphql } from '../../gql';

export const ImportFollowUpsMutation = graphql(`
  mutation ImportFollowUpsFromPage($csv: String!, $dryRun: Boolean) {
    importFollowUps(csv: $csv, dryRun: $dryRun) {
      dryRun
      imported
      followUps
      measurements
      errors {
        row
        column
        reason
      }
    }
  }
`);
