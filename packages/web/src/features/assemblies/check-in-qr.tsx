import { useMemo } from 'react';
import encodeQR from 'qr';

/**
 * A QR code drawn in the page as an SVG path of its dark modules: the `qr` library encodes it
 * here, nothing is fetched. Black on white with the quiet zone, so a phone across a hall reads it.
 */
export function CheckInQr({ text, label }: { text: string; label: string }) {
  const { size, path } = useMemo(() => {
    const modules = encodeQR(text, 'raw', { ecc: 'medium', border: 4 });
    const parts: string[] = [];
    modules.forEach((row, y) => {
      row.forEach((dark, x) => {
        if (dark) parts.push(`M${x} ${y}h1v1h-1z`);
      });
    });
    return { size: modules.length, path: parts.join('') };
  }, [text]);
  return (
    <svg
      className="check-in-qr"
      viewBox={`0 0 ${size} ${size}`}
      role="img"
      aria-label={label}
      shapeRendering="crispEdges"
      data-testid="check-in-qr"
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
