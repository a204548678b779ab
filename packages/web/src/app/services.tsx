import { createContext, useContext, type ReactNode } from 'react';
import { endpoints } from '../lib/api';
import { LocalStore } from '../lib/local-store';
import { Outbox } from '../lib/outbox';
import { sendMeetingAction } from '../features/assemblies/send-action';

/** The app's long-lived objects, made once in main.tsx and handed down by context. */
export interface Services {
  store: LocalStore;
  outbox: Outbox;
}

export function createServices(): Services {
  const store = new LocalStore();
  const outbox = new Outbox(store, {
    send: endpoints.report,
    // The photo upload code loads only when a report with photos goes out.
    sendPhotos: (item, saved) =>
      import('../features/report/photo-api').then((m) => m.sendPhotos(item, saved)),
    sendMeeting: sendMeetingAction,
    sendDoor: endpoints.door,
  });
  return { store, outbox };
}

const ServicesContext = createContext<Services | null>(null);

export function ServicesProvider({
  services,
  children,
}: {
  services: Services;
  children: ReactNode;
}) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices outside ServicesProvider');
  return services;
}
