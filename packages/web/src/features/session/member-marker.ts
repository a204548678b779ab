// What this phone remembers about signing in, so a first visit does not ask the server who it
// is, and an explicit log-out is not undone by the silent device-key login.
const MEMBER_KEY = 'tocsin.member';

export type MemberMarker = 'signed_in' | 'logged_out' | 'never';

export function memberMarker(): MemberMarker {
  try {
    const value = localStorage.getItem(MEMBER_KEY);
    return value === 'signed_in' || value === 'logged_out' ? value : 'never';
  } catch {
    // Storage disabled: act as if signed in, so the server is asked.
    return 'signed_in';
  }
}

export function setMemberMarker(marker: MemberMarker): void {
  try {
    if (marker === 'never') localStorage.removeItem(MEMBER_KEY);
    else localStorage.setItem(MEMBER_KEY, marker);
  } catch {
    // Storage disabled: every visit asks the server.
  }
}
