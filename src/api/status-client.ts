// A StatusService that asks a running Accordance server, used by the CLI when the server holds the embedded store.
import type { StatusQueryInput, StatusService } from '../app/status/status-service.ts';
import { DomainError, type DomainErrorCode } from '../domain/shared/domain-error.ts';
import type { StatusReport } from '../domain/status/compute-status.ts';

export function remoteStatusService(baseUrl: string): StatusService {
  return {
    async status(input: StatusQueryInput) {
      const url = new URL('/api/status', baseUrl);
      if (input.asOf) url.searchParams.set('asOf', input.asOf);
      if (input.knownAt) url.searchParams.set('knownAt', input.knownAt);
      if (input.jurisdiction) url.searchParams.set('jurisdiction', input.jurisdiction);
      const res = await fetch(url);
      const body = (await res.json()) as StatusReport | { error: { code: DomainErrorCode; message: string } };
      if ('error' in body) throw new DomainError(body.error.code, body.error.message);
      return body;
    },
    async statusJson(input: StatusQueryInput) {
      return { body: JSON.stringify(await this.status(input)), etag: '"remote"' };
    },
    records() {
      return Promise.reject(new Error('records are not available through a remote server'));
    },
  };
}
