// Who may do what (BRIEF C10): admin, analyst, respondent scoped to one jurisdiction, public read-only.
import type { OcdId } from '../shared/brand.ts';
import { DomainError } from '../shared/domain-error.ts';

export type Role = 'admin' | 'analyst' | 'respondent' | 'public';

export type Actor =
  | { readonly kind: 'anonymous' }
  | {
      readonly kind: 'user';
      readonly id: string;
      readonly email: string;
      readonly role: Role;
      readonly jurisdiction: OcdId | null;
    }
  /** The holder of a signed upload link: may upload for that one jurisdiction until it expires. */
  | {
      readonly kind: 'link';
      readonly linkId: string;
      readonly jurisdiction: OcdId;
      readonly uploader: string;
    };

export type Permission =
  | 'read:published'
  | 'review'
  | 'read:case'
  | 'upload'
  | 'write:campaign'
  | 'write:determination'
  | 'write:escalation'
  | 'admin:users';

export const actorName = (a: Actor): string =>
  a.kind === 'user' ? a.email : a.kind === 'link' ? `${a.uploader} (upload link ${a.linkId})` : 'anonymous';

const STAFF = new Set<Role>(['admin', 'analyst']);

/** Throws `unauthenticated` (no identity) or `forbidden` (wrong role or jurisdiction); returns when allowed. */
export function authorize(actor: Actor, permission: Permission, jurisdiction?: OcdId): void {
  if (permission === 'read:published' || permission === 'review') return;
  if (actor.kind === 'anonymous') throw new DomainError('unauthenticated', 'sign in first');
  const deny = (why: string) => {
    throw new DomainError('forbidden', why, { permission, jurisdiction });
  };
  if (actor.kind === 'link') {
    if (permission !== 'upload') deny('an upload link only allows uploading');
    if (jurisdiction !== actor.jurisdiction) deny('this upload link is for another jurisdiction');
    return;
  }
  if (permission === 'admin:users') {
    if (actor.role !== 'admin') deny('only an admin manages users');
    return;
  }
  if (STAFF.has(actor.role)) return;
  if (actor.role === 'respondent' && (permission === 'read:case' || permission === 'upload')) {
    if (!jurisdiction || jurisdiction !== actor.jurisdiction)
      deny("a respondent sees only their own jurisdiction's case");
    return;
  }
  deny(`role ${actor.role} may not ${permission}`);
}
