// Roles: who plays whom in a drama (person × drama × character), with the character's other
// spellings and the billing the cast list sorts by. Validated in full before anything is stored.
import type { Transaction } from 'kysely';
import type { Database } from '../../db/database.js';
import { DomainError } from '../../lib/errors.js';
import { entityChangedTags, purge } from '../../cache/purge.js';
import { ROLE_BILLINGS, type RoleBilling } from '../../catalog/catalog.table.js';
import type { KbDeps } from './dramas.service.js';
import { errorCollector, lines, logKbChange, optionalInt } from './kb.shared.js';

export interface RoleForm {
  personId: string;
  characterName: string;
  /** Other spellings of the character, one per line (Park Jae Uhn for Park Jae Eon). */
  characterAliases: string;
  billing: string;
  billingOrder: string;
}

async function roleRecord(db: Transaction<Database>, id: number) {
  const row = await db.selectFrom('roles').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const aliases = await db.selectFrom('role_aliases').select('alias').where('role_id', '=', id).orderBy('alias').execute();
  return { ...row, aliases: aliases.map((a) => a.alias) };
}

async function parseRoleForm(trx: Transaction<Database>, f: RoleForm) {
  const errors = errorCollector();
  const personId = Number(f.personId);
  const person = Number.isInteger(personId) && personId > 0 ? await trx.selectFrom('people').select('id').where('id', '=', personId).executeTakeFirst() : undefined;
  if (!person) errors.add('personId', 'Choose the person who plays the role.');
  const characterName = f.characterName.trim();
  if (!characterName) errors.add('characterName', 'The character name must not be empty.');
  else if (characterName.length > 200) errors.add('characterName', 'The character name must be at most 200 characters.');
  if (!(ROLE_BILLINGS as readonly string[]).includes(f.billing)) errors.add('billing', `The billing must be one of ${ROLE_BILLINGS.join(', ')}.`);
  const billingOrder = f.billingOrder.trim() ? optionalInt(errors, 'billingOrder', 'The billing order', f.billingOrder, 1, 999) : 100;
  const aliases = [...new Set(lines(f.characterAliases))].filter((a) => a !== characterName);
  if (aliases.some((a) => a.length > 200)) errors.add('characterAliases', 'Each other spelling must be at most 200 characters.');
  errors.done();
  return { person_id: personId, character_name: characterName, billing: f.billing as RoleBilling, billing_order: billingOrder ?? 100, aliases };
}

/** Adds a role to a drama (no `id`) or changes one of its roles. */
export async function saveRole(input: { dramaId: number; id?: number | undefined; form: RoleForm }, deps: KbDeps): Promise<{ id: number }> {
  const now = deps.clock().toISOString();
  const touched = await deps.db.transaction().execute(async (trx) => {
    const drama = await trx.selectFrom('dramas').select('id').where('id', '=', input.dramaId).executeTakeFirst();
    if (!drama) throw new DomainError('No drama has that id.', 404);
    const before = input.id === undefined ? undefined : await roleRecord(trx, input.id);
    if (input.id !== undefined && (!before || before.drama_id !== input.dramaId)) throw new DomainError('No role of this drama has that id.', 404);
    const { aliases, ...values } = await parseRoleForm(trx, input.form);
    const clash = await trx.selectFrom('roles').select('id').where('drama_id', '=', input.dramaId).where('person_id', '=', values.person_id).where('character_name', '=', values.character_name).executeTakeFirst();
    if (clash && clash.id !== input.id) throw new DomainError('This person already plays this character in this drama.', 409, 'characterName');
    let id: number;
    if (before) {
      id = before.id;
      await trx.updateTable('roles').set(values).where('id', '=', id).execute();
    } else {
      id = (await trx.insertInto('roles').values({ ...values, drama_id: input.dramaId }).returning('id').executeTakeFirstOrThrow()).id;
    }
    await trx.deleteFrom('role_aliases').where('role_id', '=', id).execute();
    if (aliases.length) await trx.insertInto('role_aliases').values(aliases.map((alias) => ({ role_id: id, alias }))).execute();
    await logKbChange(trx, { user: deps.user, action: before ? 'role.update' : 'role.create', targetType: 'role', targetId: id, before, after: await roleRecord(trx, id), now });
    return { id, personIds: [values.person_id, ...(before ? [before.person_id] : [])] };
  });
  afterRoleChange(input.dramaId, touched.personIds, deps);
  return { id: touched.id };
}

/** Removes a role; stories that linked it keep their people and drama links. */
export async function deleteRole(input: { dramaId: number; id: number }, deps: KbDeps): Promise<void> {
  const now = deps.clock().toISOString();
  const before = await deps.db.transaction().execute(async (trx) => {
    const row = await roleRecord(trx, input.id);
    if (!row || row.drama_id !== input.dramaId) throw new DomainError('No role of this drama has that id.', 404);
    await trx.deleteFrom('roles').where('id', '=', input.id).execute();
    await logKbChange(trx, { user: deps.user, action: 'role.delete', targetType: 'role', targetId: input.id, before: row, after: null, now });
    return row;
  });
  afterRoleChange(input.dramaId, [before.person_id], deps);
}

function afterRoleChange(dramaId: number, personIds: number[], deps: Pick<KbDeps, 'names'>): void {
  deps.names.invalidate();
  purge([...entityChangedTags('drama', dramaId), ...[...new Set(personIds)].flatMap((id) => entityChangedTags('person', id))]);
}
