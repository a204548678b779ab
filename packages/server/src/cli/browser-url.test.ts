import { describe, expect, it } from 'vitest';
import { browserBaseUrl } from './browser-url';

describe('the address printed links use', () => {
  it('is the public URL when one is set', () => {
    expect(browserBaseUrl({ publicUrl: 'https://alerts.example.org', host: '0.0.0.0' }, 8080)).toBe(
      'https://alerts.example.org',
    );
  });

  it.each(['127.0.0.1', '::1', '0.0.0.0', '::'])(
    'says localhost for %s, so passkeys and the session cookie work',
    (host) => {
      expect(browserBaseUrl({ publicUrl: null, host }, 8080)).toBe('http://localhost:8080');
    },
  );

  it('keeps any other address as it is', () => {
    expect(browserBaseUrl({ publicUrl: null, host: '192.168.1.20' }, 9000)).toBe(
      'http://192.168.1.20:9000',
    );
    expect(browserBaseUrl({ publicUrl: null, host: 'fd00::5' }, 9000)).toBe(
      'http://[fd00::5]:9000',
    );
  });
});
