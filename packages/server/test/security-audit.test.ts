import { describe, expect, it } from 'vitest';
import { readAudit } from '../../../scripts/security-figures';

// Issue 14 (dependencies): where the advisory service cannot be reached, the security report says
// so without naming a host; where it can, real advisories are counted.

describe('the audit step of the security report', () => {
  it('names no host, URL or address when npm audit fails', () => {
    const failures = [
      [
        JSON.stringify({
          message:
            '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
        }),
        '',
      ],
      ['', 'npm error getaddrinfo ENOTFOUND registry.npmjs.org'],
      ['', 'npm error connect ECONNREFUSED 10.0.0.7:443'],
      [
        JSON.stringify({
          error: { code: 'ENOTFOUND', summary: 'request to registry.example.org failed' },
        }),
        '',
      ],
    ] as const;
    for (const [stdout, stderr] of failures) {
      const result = readAudit(stdout, stderr);
      expect(result.ok).toBe(false);
      const reason = result.ok ? '' : result.reason;
      expect(reason).not.toMatch(/registry|npmjs|example\.org|https?:|10\.0\.0\.7/);
      expect(reason.length).toBeGreaterThan(0);
    }
  });

  it('counts real advisories where the service answers', () => {
    const stdout = JSON.stringify({
      metadata: {
        vulnerabilities: { info: 0, low: 1, moderate: 0, high: 2, critical: 1, total: 4 },
      },
    });
    expect(readAudit(stdout, '')).toEqual({ ok: true, high: 2, critical: 1, total: 4 });
  });
});
