/**
 * What a modal dialog over the editor needs: the editor behind it made inert (no focus, no
 * clicks, hidden from screen readers) while it is open, and focus given back when it closes.
 */
import { useEffect, useRef } from 'react';

/**
 * Makes `#root` inert while the calling dialog (rendered into `document.body`) is mounted, and
 * on unmount gives focus back to what had it before, unless `keepFocus.current` was set (the
 * dialog moved focus somewhere on purpose, such as to an opened step).
 */
export function useModal(): {
  keepFocus: { current: boolean };
  previous: { current: HTMLElement | null };
} {
  const keepFocus = useRef(false);
  const previous = useRef<HTMLElement | null>(
    document.activeElement instanceof HTMLElement ? document.activeElement : null,
  );
  useEffect(() => {
    const root = document.getElementById('root');
    root?.setAttribute('inert', '');
    return () => {
      root?.removeAttribute('inert');
      if (!keepFocus.current) previous.current?.focus();
    };
  }, []);
  return { keepFocus, previous };
}
