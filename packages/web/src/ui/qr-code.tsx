import { useMemo } from 'react';
import encodeQR from 'qr';
import './qr-code.css';

/**
 * A QR code drawn here, as an SVG of its modules (the `qr` library encodes; nothing is fetched):
 * black on white with the quiet zone, scaled to its box. `label` names it for screen readers.
 */
export function QrCode({
  text,
  label,
  className,
}: {
  text: string;
  label: string;
  className?: string;
}) {
  const { size, path } = useMemo(() => {
    const modules = encodeQR(text, 'raw', { ecc: 'medium', border: 4 });
    let d = '';
    modules.forEach((row, y) =>
      row.forEach((dark, x) => {
        if (dark) d += `M${x} ${y}h1v1h-1z`;
      }),
    );
    return { size: modules.length, path: d };
  }, [text]);
  return (
    <svg
      className={`qr-code${className ? ` ${className}` : ''}`}
      viewBox={`0 0 ${size} ${size}`}
      role="img"
      aria-label={label}
      shapeRendering="crispEdges"
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
