import { type ReactNode, useEffect, useId, useRef } from 'react';
import { Button } from 'react-aria-components';

/**
 * A secret the service answers once (a webhook's secret, an invited member's token): a region that
 * takes the focus when it appears, the value in full, what to do with it, and a button that hides it.
 */
export function ShownOnce(props: {
  title: string;
  intro: string;
  label: string;
  value: string;
  done: string;
  onDone: () => void;
  children?: ReactNode;
}) {
  const headingId = useId();
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => panel.current?.focus(), []);
  return (
    <div className="secret-panel" tabIndex={-1} ref={panel} role="region" aria-labelledby={headingId}>
      <h3 id={headingId}>{props.title}</h3>
      <p>{props.intro}</p>
      <p>
        {props.label}: <code className="secret">{props.value}</code>
      </p>
      {props.children}
      <Button className="button button--secondary" onPress={props.onDone}>
        {props.done}
      </Button>
    </div>
  );
}
