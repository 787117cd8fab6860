import { graphql } from '../../gql';

export const WatchesQuery = graphql(`
  query Watches {
    watches {
      id
      kind
      targetId
    }
  }
`);

export const WatchMutation = graphql(`
  mutation WatchTarget($kind: WatchKind!, $targetId: ID) {
    watch(kind: $kind, targetId: $targetId) {
      id
      kind
      targetId
    }
  }
`);

export const UnwatchMutation = graphql(`
  mutation UnwatchTarget($kind: WatchKind!, $targetId: ID) {
    unwatch(kind: $kind, targetId: $targetId)
  }
`);
