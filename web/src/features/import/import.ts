import { graphql } from '../../gql';

export const ImportFollowUpsMutation = graphql(`
  mutation ImportFollowUpsFromPage($csv: String!, $dryRun: Boolean, $onExisting: OnExisting) {
    importFollowUps(csv: $csv, dryRun: $dryRun, onExisting: $onExisting) {
      dryRun
      imported
      followUps
      measurements
      created
      updated
      unchanged
      skipped
      errors {
        row
        column
        reason
      }
    }
  }
`);
