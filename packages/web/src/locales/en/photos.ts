/**
 * Strings of photos: added to a report, seen on an incident. Loaded with the photo code, when a
 * member adds a photo or an incident with photos opens (features/report/photo-strings.ts).
 */
export const photos = {
  photos: {
    title: 'Photos',
    preparing: 'Making the photo smaller…',
    privacy:
      'Photos are made smaller on your phone and lose their hidden data (place, time, phone) before they leave it. Only the verifiers and dispatchers of the area see them.',
    offline:
      'You are offline. The photos wait on this phone with the report and are sent after it.',
    preview: 'Photo {{n}} to add',
    remove: 'Remove photo {{n}}',
    unreadable: 'A file could not be read as a picture, or is larger than 10 MB.',
    tooMany: 'A report holds at most {{max}} photos.',
    incidentTitle: 'Photos from reports',
    incidentHint: 'Only the verifiers and dispatchers of the area see these photos.',
    incidentPhoto: 'Photo {{n}} of {{count}} from the reports',
    open: 'Open photo {{n}} full size',
  },
};
