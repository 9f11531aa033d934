/** The current instant. Domain code takes a clock so tests can fix time. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** A clock stopped at `iso`, movable with `advance`, for tests. */
export function fixedClock(iso: string): Clock & { set(iso: string): void; advance(ms: number): void } {
  let now = new Date(iso).getTime();
  const clock = (() => new Date(now)) as Clock & { set(iso: string): void; advance(ms: number): void };
  clock.set = (next: string) => {
    now = new Date(next).getTime();
  };
  clock.advance = (ms: number) => {
    now += ms;
  };
  return clock;
}
