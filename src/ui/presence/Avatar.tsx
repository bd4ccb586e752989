// A person's initials in their colour.
import { initialsOf } from '../../state/participant';

export function Avatar({ name, color, size = 28, ring = false }: { name: string; color: string; size?: number; ring?: boolean }) {
  return (
    <span
      className={`inline-flex shrink-0 select-none items-center justify-center rounded-full font-semibold text-white ${ring ? 'ring-2 ring-white ring-offset-1' : 'ring-2 ring-white'}`}
      style={{ background: color, width: size, height: size, fontSize: Math.round(size * 0.4), ...(ring ? { boxShadow: `0 0 0 3px ${color}55` } : {}) }}
      aria-hidden="true"
    >
      {initialsOf(name)}
    </span>
  );
}
