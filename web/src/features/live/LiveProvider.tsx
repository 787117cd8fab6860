import { stringifyDocument } from '@urql/core';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { useQuery } from 'urql';
import type { Client as WsClient } from 'graphql-ws';
import type { LiveFeedSubscription as LiveFeedResult } from '../../gql/graphql';
import { MyContractsQuery } from '../products';
import { LiveContractsQuery, LiveFeedSubscription } from './live';

export type FeedItem = LiveFeedResult['followUpEvents'];

interface LiveState {
  items: FeedItem[];
  /** Items that arrived since the user last looked at the feed. */
  unseen: number;
  connected: boolean;
  markSeen(): void;
}

const LiveContext = createContext<LiveState>({ items: [], unseen: 0, connected: false, markSeen: () => undefined });

/**
 * The live feed of new follow-ups on the products of my organisation's contracts (their suppliers'),
 * kept while the user is signed in, over graphql-ws. graphql-ws reconnects by itself after a dropped
 * connection and sends the subscription again with the same payload object; the feed writes the cursor
 * of each event it receives into that payload's `after`, so the renewed subscription resumes from the
 * last event seen: the service first replays what was committed meanwhile, then goes live. No gap, and
 * a cursor seen twice is dropped, so no duplicate either.
 */
export function LiveProvider({ socket, children }: { socket: WsClient | null; children: ReactNode }) {
  const [items, setItems] = useState<FeedItem[]>([]);
  const [unseen, setUnseen] = useState(0);
  const [connected, setConnected] = useState(false);
  const [me] = useQuery({ query: LiveContractsQuery, pause: !socket });
  // A supplier's member reads no contracts: its organisation has no feed of other regions' follow-ups.
  const organisationId = me.data?.me.role === 'SUPPLIER' ? undefined : me.data?.me.organisation.id;
  const [contracts] = useQuery({
    query: MyContractsQuery,
    variables: { organisationId: organisationId ?? '' },
    pause: !organisationId,
  });
  const supplierKey = (contracts.data?.contracts.nodes ?? [])
    .map((c) => c.supplier.id)
    .sort()
    .join(',');

  useEffect(() => {
    if (!socket || !contracts.data) return;
    const suppliers = new Set(supplierKey.split(','));
    const seen = new Set<string>();
    const variables: { after: string | null } = { after: null };
    const payload = { query: stringifyDocument(LiveFeedSubscription), variables };
    const offConnected = socket.on('connected', () => setConnected(true));
    const offClosed = socket.on('closed', () => setConnected(false));
    const dispose = socket.subscribe<{ followUpEvents: FeedItem }>(payload, {
      next(result) {
        const event = result.data?.followUpEvents;
        if (!event || seen.has(event.cursor)) return;
        seen.add(event.cursor);
        variables.after = event.cursor;
        if (!suppliers.has(event.followUp.supplier.id) || event.followUp.organisation.id === organisationId) return;
        setItems((list) => [event, ...list].slice(0, 200));
        setUnseen((n) => n + 1);
      },
      error: () => setConnected(false),
      complete: () => undefined,
    });
    return () => {
      dispose();
      offConnected();
      offClosed();
    };
  }, [socket, contracts.data, supplierKey, organisationId]);

  const markSeen = useCallback(() => setUnseen(0), []);
  const value = useMemo(() => ({ items, unseen, connected, markSeen }), [items, unseen, connected, markSeen]);
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}

export const useLive = () => useContext(LiveContext);
