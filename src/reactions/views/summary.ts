// Plain text shared by the server view and the client island (which esbuild bundles from here),
// so both say the same thing.

interface SummaryInput {
  total: number;
  myVote: string | null;
  reactions: { key: string; label: string; count: number }[];
}

/** "31 reactions · You chose Love", the line under the reaction buttons. */
export function summaryText(state: SummaryInput): string {
  if (state.total === 0) return 'No reactions yet. Be the first.';
  const mine = state.reactions.find((r) => r.key === state.myVote);
  const total = `${state.total} ${state.total === 1 ? 'reaction' : 'reactions'}`;
  return mine ? `${total} · You chose ${mine.label}` : total;
}

/** What a screen reader hears after a click: the outcome and the count that changed. */
export function announcementText(state: SummaryInput): string {
  const mine = state.reactions.find((r) => r.key === state.myVote);
  if (!mine) return `Reaction withdrawn. ${summaryText(state)}.`;
  return `You chose ${mine.label}. ${mine.label}: ${mine.count} of ${state.total} ${state.total === 1 ? 'reaction' : 'reactions'}.`;
}
