// Public surface of rapid-response/reports: other modules import from here, never from its files.
// Reports sits above incidents, plates and shifts; no other module uses it yet.
export {};
