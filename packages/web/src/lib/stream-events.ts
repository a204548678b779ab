// The window events stream messages become for screens that are not the stream's own (kept apart
// from ./stream so the session provider can listen without the stream's code).

/** A dispatcher console message (detail: the ConsoleMessage). */
export const CONSOLE_EVENT = 'tocsin:console';
/** My roles or status changed (detail: the MemberUpdatedMessage). */
export const MEMBER_EVENT = 'tocsin:member';
/** A committee whose council seat I hold changed its mandate (detail: the MandateMessage). */
export const MANDATE_EVENT = 'tocsin:mandate';
