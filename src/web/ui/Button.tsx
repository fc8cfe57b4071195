import type { ButtonHTMLAttributes, ReactNode, Ref } from 'react';
import { Link, type LinkProps } from 'react-router';
import { Spinner } from './Spinner.tsx';

export type Variant = 'primary' | 'secondary' | 'danger' | 'quiet';

type Props = ButtonHTMLAttributes<HTMLButtonElement> & {
  ref?: Ref<HTMLButtonElement>;
  variant?: Variant;
  /** While true the button shows a spinner and says it is busy; clicks are ignored, focus stays. */
  busy?: boolean;
  busyLabel?: ReactNode;
  small?: boolean;
};

const classes = (variant: Variant, small?: boolean, extra?: string) =>
  ['button', `button--${variant}`, small ? 'button--small' : null, extra].filter(Boolean).join(' ');

export function Button({
  variant = 'primary',
  busy,
  busyLabel,
  small,
  className,
  children,
  onClick,
  type,
  ...rest
}: Props) {
  return (
    <button
      type={type ?? 'button'}
      className={classes(variant, small, className)}
      aria-busy={busy || undefined}
      aria-disabled={busy || rest['aria-disabled'] || undefined}
      onClick={busy ? (e) => e.preventDefault() : onClick}
      {...rest}
    >
      {busy ? <Spinner /> : null}
      {busy && busyLabel ? busyLabel : children}
    </button>
  );
}

/** A link that looks like a button, for navigation to a form or page. */
export function ButtonLink({
  variant = 'primary',
  small,
  className,
  ...link
}: LinkProps & { variant?: Variant; small?: boolean }) {
  return <Link className={classes(variant, small, className)} {...link} />;
}
