/** A grey placeholder bar shown while data loads; decorative, so pair it with an accessible busy state. */
export function Skeleton({ className = "" }: { className?: string }) {
  return <span aria-hidden="true" className={`block animate-pulse rounded bg-zinc-200 motion-reduce:animate-none dark:bg-zinc-800 ${className}`} />;
}
