import { useEffect, useState } from 'react';
import { useServices } from '../../app/services';
import type { OutboxItem } from '../../lib/outbox';

/** The outbox's items, re-rendering on every change. */
export function useOutboxItems(): readonly OutboxItem[] {
  const { outbox } = useServices();
  const [items, setItems] = useState<readonly OutboxItem[]>(outbox.items);
  useEffect(() => outbox.subscribe(setItems), [outbox]);
  return items;
}
