// Networks: the broadcaster of a drama and the IANA time zone its air times are given in. A
// network's zone decides every air time of its dramas, so a change purges all of their pages.
import type { Transaction } from 'kysely';
import type { Database } from '../../db/database.js';
import { DomainError } from '../../lib/errors.js';
import { slugify } from '../../lib/slug.js';
import { entityChangedTags, purge } from '../../cache/purge.js';
import { isValidTimeZone } from '../../schedule/schedule.js';
import type { KbDeps } from './dramas.service.js';
import { errorCollector, FieldErrors, logKbChange } from './kb.shared.js';

export interface NetworkForm {
  name: string;
  /** IANA zone name, e.g. Asia/Seoul. */
  timeZone: string;
  /** ISO 3166 alpha-2, e.g. KR. */
  country: string;
}

function parseNetworkForm(f: NetworkForm) {
  const errors = errorCollector();
  const name = f.name.trim();
  if (!name) errors.add('name', 'The name must not be empty.');
  else if (name.length > 100) errors.add('name', 'The name must be at most 100 characters.');
  else if (!slugify(name)) errors.add('name', 'The name needs at least one ASCII letter or digit.');
  const timeZone = f.timeZone.trim();
  if (!isValidTimeZone(timeZone)) errors.add('timeZone', 'The time zone must be an IANA zone name, such as Asia/Seoul or America/New_York.');
  const country = f.country.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(country)) errors.add('country', 'The country must be a two-letter code, such as KR.');
  errors.done();
  return { name, time_zone: timeZone, country };
}

const networkRow = (trx: Transaction<Database>, id: number) => trx.selectFrom('networks').selectAll().where('id', '=', id).executeTakeFirst();

export async function saveNetwork(input: { id?: number | undefined; form: NetworkForm }, deps: KbDeps): Promise<{ id: number }> {
  const values = parseNetworkForm(input.form);
  const now = deps.clock().toISOString();
  const { id, dramaIds } = await deps.db.transaction().execute(async (trx) => {
    const before = input.id === undefined ? undefined : await networkRow(trx, input.id);
    if (input.id !== undefined && !before) throw new DomainError('No network has that id.', 404);
    let id: number;
    if (before) {
      id = before.id;
      await trx.updateTable('networks').set(values).where('id', '=', id).execute();
    } else {
      const slug = slugify(values.name);
      if (await trx.selectFrom('networks').select('id').where('slug', '=', slug).executeTakeFirst()) throw new FieldErrors({ name: `A network called ${values.name} already exists.` }, 409);
      id = (await trx.insertInto('networks').values({ ...values, slug }).returning('id').executeTakeFirstOrThrow()).id;
    }
    await logKbChange(trx, { user: deps.user, action: before ? 'network.update' : 'network.create', targetType: 'network', targetId: id, before, after: await networkRow(trx, id), now });
    const dramas = await trx.selectFrom('dramas').select('id').where('network_id', '=', id).execute();
    return { id, dramaIds: dramas.map((d) => d.id) };
  });
  deps.names.invalidate();
  purge(dramaIds.flatMap((d) => entityChangedTags('drama', d)));
  return { id };
}
