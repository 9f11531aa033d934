import type { ReactionDef } from './reaction-set.js';
import type { ReactionState } from './reactions.service.js';

/**
 * The reaction API's answer as JSON text, built by hand. Every vote and every page load ends in
 * this answer, and most of it (keys, emoji, labels) never changes: serializing those once, and
 * only numbers per answer, saves the schema serializer's per-character escaping of the emoji.
 * Same shape as ReactionStateBody in reactions.routes.ts (which documents it in the OpenAPI
 * document); the API tests parse it back.
 */
export function stateSerializer(set: readonly ReactionDef[]): (slug: string, state: ReactionState) => string {
  const heads = set.map((r) => JSON.stringify({ key: r.key, emoji: r.emoji, label: r.label }).slice(0, -1));
  return (slug, state) => {
    let out = `{"article":${JSON.stringify(slug)},"total":${state.total},"reactions":[`;
    for (let i = 0; i < state.reactions.length; i++) {
      const r = state.reactions[i]!;
      out += `${i ? ',' : ''}${heads[i]},"count":${r.count},"share":${r.share}}`;
    }
    return `${out}],"myVote":${state.myVote === null ? 'null' : JSON.stringify(state.myVote)}}`;
  };
}
