import { graphql } from '../../gql';
import type { FocusAreaStatus } from '../../gql/graphql';

/** The focus areas, by title (first page of 100). */
export const FocusAreasQuery = graphql(`
  query FocusAreasList {
    focusAreas(first: 100) {
      totalCount
      nodes {
        id
        year
        title
        status
        participants {
          organisation {
            id
          }
        }
      }
    }
  }
`);

/** One focus area: its scope, participants and sampling plan, with the ranked candidates. */
export const FocusAreaPageQuery = graphql(`
  query FocusAreaPage($id: ID!) {
    focusArea(id: $id) {
      id
      year
      title
      description
      status
      costSplit
      resultsDueOn
      organisation {
        id
        name
      }
      categories {
        id
        code
        name
      }
      requirements {
        id
        code
        title
      }
      participants {
        organisation {
          id
          name
        }
        submittedContracts
      }
      samples {
        id
        analyses
        laboratory
        estimatedCost
        state
        product {
          id
          name
        }
        purchasingOrganisation {
          id
          name
        }
      }
    }
  }
`);

export const CandidatesQuery = graphql(`
  query FocusAreaCandidates($id: ID!) {
    candidateProducts(focusAreaId: $id) {
      rank
      score
      parts {
        coverage
        hazard
        users
        volume
        testedRecently
      }
      annualVolume
      product {
        id
        name
      }
      coveredBy {
        id
        name
      }
      sample {
        id
      }
    }
  }
`);

export const WorkQuery = graphql(`
  query FocusAreaWorkPage($id: ID!) {
    costShares(focusAreaId: $id) {
      split
      total
      shares {
        organisation {
          id
          name
        }
        weight
        amount
      }
    }
    focusAreaProgress(focusAreaId: $id) {
      unassigned
      organisations {
        organisation {
          id
          name
        }
        planned
        inProgress
        completed
        overdue
      }
    }
  }
`);

export const ResultsQuery = graphql(`
  query FocusAreaResultsPage($id: ID!) {
    focusAreaResults(focusAreaId: $id) {
      participants {
        organisation {
          id
          name
        }
        results {
          coversProduct
          verdict
          contract {
            id
            title
          }
          product {
            id
            name
          }
          sample {
            id
          }
        }
      }
    }
  }
`);

export const ResultsXlsxQuery = graphql(`
  query FocusAreaResultsWorkbook($id: ID!) {
    focusAreaResultsXlsx(focusAreaId: $id)
  }
`);

export const MyContractsQuery = graphql(`
  query FocusAreaMyContracts($organisationId: ID!) {
    contracts(first: 100, filter: { organisationId: $organisationId }) {
      nodes {
        id
        title
      }
    }
  }
`);

export const PublicReportQuery = graphql(`
  query FocusAreaPublicReport($id: ID!) {
    publicFocusAreaReport(focusAreaId: $id) {
      year
      title
      status
      sampledProducts
      participants
      shownTotal
      counts {
        categoryCode
        categoryName
        substanceGroup
        verdict
        count
        displayCount
      }
    }
  }
`);

export const CreateFocusAreaMutation = graphql(`
  mutation CreateFocusAreaPage($input: CreateFocusAreaInput!) {
    createFocusArea(input: $input) {
      id
    }
  }
`);

export const UpdateFocusAreaMutation = graphql(`
  mutation UpdateFocusAreaPage($id: ID!, $input: UpdateFocusAreaInput!) {
    updateFocusArea(id: $id, input: $input) {
      id
      title
      description
      resultsDueOn
      costSplit
    }
  }
`);

export const MoveFocusAreaMutation = graphql(`
  mutation MoveFocusAreaPage($id: ID!, $status: FocusAreaStatus!) {
    moveFocusArea(id: $id, status: $status) {
      id
      status
    }
  }
`);

export const JoinFocusAreaMutation = graphql(`
  mutation JoinFocusAreaPage($id: ID!) {
    joinFocusArea(focusAreaId: $id) {
      id
      participants {
        organisation {
          id
          name
        }
        submittedContracts
      }
    }
  }
`);

export const LeaveFocusAreaMutation = graphql(`
  mutation LeaveFocusAreaPage($id: ID!) {
    leaveFocusArea(focusAreaId: $id) {
      id
      participants {
        organisation {
          id
          name
        }
        submittedContracts
      }
    }
  }
`);

export const SubmitContractsMutation = graphql(`
  mutation SubmitContractsPage($id: ID!, $contractIds: [ID!]!) {
    submitContracts(focusAreaId: $id, contractIds: $contractIds) {
      id
      participants {
        organisation {
          id
          name
        }
        submittedContracts
      }
    }
  }
`);

export const AddToPlanMutation = graphql(`
  mutation AddToSamplingPlanPage(
    $id: ID!
    $productId: ID!
    $analyses: [String!]!
    $laboratory: String!
    $estimatedCost: Int!
  ) {
    addToSamplingPlan(
      focusAreaId: $id
      productId: $productId
      analyses: $analyses
      laboratory: $laboratory
      estimatedCost: $estimatedCost
    ) {
      id
    }
  }
`);

export const AssignSampleMutation = graphql(`
  mutation AssignSamplePage($sampleId: ID!, $organisationId: ID!) {
    assignSample(sampleId: $sampleId, organisationId: $organisationId) {
      id
      state
      purchasingOrganisation {
        id
        name
      }
    }
  }
`);

/** The one step forward moveFocusArea accepts from each status. */
export const NEXT_STATUS: Record<FocusAreaStatus, FocusAreaStatus | undefined> = {
  PLANNING: 'SAMPLING',
  SAMPLING: 'ANALYSING',
  ANALYSING: 'REPORTING',
  REPORTING: 'CLOSED',
  CLOSED: undefined,
};
