import type { ButtonHTMLAttributes } from 'react';

interface ActionButtonProps extends Omit<
  ButtonHTMLAttributes<HTMLButtonElement>,
  'type' | 'className'
> {
  /** Whom or what it acts on: said after the label to screen readers, where rows look alike. */
  subject: string;
  primary?: boolean;
}

/** A small button in a list row, named with its row's subject ("Suspend alice") for assistive tech. */
export function ActionButton({ subject, primary = false, children, ...rest }: ActionButtonProps) {
  return (
    <button
      type="button"
      className={primary ? 'button button--primary button--small' : 'button button--small'}
      {...rest}
    >
      {children}
      <span className="visually-hidden"> {subject}</span>
    </button>
  );
}
