// The respondent's page behind a signed link: what was asked and by when, an upload form, and receipts.
import { useState } from 'react';
import { useJson } from '../shell/use-json.ts';
import type { RequestStatus } from '../../../src/api/response-types.ts';

type LinkInfo = { jurisdiction: { id: string; name: string }; uploader: string; requests: RequestStatus[] };
type Receipt = {
  submission: string;
  fileName: string;
  size: number;
  sha256: string;
  receivedAt: string;
  uploader: string;
  isDuplicate: boolean;
};

export function RespondPage({ token }: { token: string }) {
  const { data, error } = useJson<LinkInfo>(`/api/respond/${encodeURIComponent(token)}`);
  const [receipts, setReceipts] = useState<Receipt[]>([]);
  const [busy, setBusy] = useState(false);
  const [uploadError, setUploadError] = useState<string>();

  if (error) return <p role="alert">This upload link cannot be used: {error}</p>;
  if (!data) return <p aria-live="polite">Loading…</p>;

  const submit = async (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    if (!form.getAll('file').some((f) => f instanceof File && f.size > 0)) {
      setUploadError('Choose at least one file.');
      return;
    }
    setBusy(true);
    setUploadError(undefined);
    try {
      const res = await fetch(`/api/respond/${encodeURIComponent(token)}/upload`, {
        method: 'POST',
        body: form,
      });
      const json = (await res.json()) as { receipts?: Receipt[]; error?: { message: string } };
      if (!res.ok || !json.receipts) throw new Error(json.error?.message ?? `HTTP ${res.status}`);
      setReceipts((r) => [...r, ...(json.receipts ?? [])]);
      e.currentTarget?.reset();
    } catch (err) {
      setUploadError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h1>Response of {data.jurisdiction.name}</h1>
      <p className="lede">
        Upload link for {data.uploader}. Files are stored exactly as sent, identified by their SHA-256 hash,
        and you get a receipt for each. You can{' '}
        <a href="/review">check your documents with the provision review</a> first: nothing is stored there.
      </p>
      <section aria-labelledby="asked">
        <h2 id="asked">What was asked</h2>
        {data.requests.length === 0 ? (
          <p>No requests on record.</p>
        ) : (
          <ul>
            {data.requests.map((r) => (
              <li key={r.wave}>
                <strong>{r.waveName}</strong>, sent {r.sent}: due {r.due} ({r.rule}) — {r.state}
              </li>
            ))}
          </ul>
        )}
      </section>
      <form onSubmit={(e) => void submit(e)} className="upload" aria-labelledby="upload-title">
        <h2 id="upload-title">Upload documents</h2>
        <label htmlFor="respond-files">Files (up to 25 MB each)</label>
        <input id="respond-files" name="file" type="file" multiple data-testid="respond-upload" />
        <button type="submit" disabled={busy}>
          {busy ? 'Uploading…' : 'Submit'}
        </button>
        {uploadError && <p role="alert">{uploadError}</p>}
      </form>
      {receipts.length > 0 && (
        <section aria-labelledby="receipts">
          <h2 id="receipts">Receipts</h2>
          <div className="table-wrap">
            <table data-testid="receipts">
              <thead>
                <tr>
                  <th scope="col">File</th>
                  <th scope="col">SHA-256</th>
                  <th scope="col">Received (server time)</th>
                  <th scope="col">By</th>
                </tr>
              </thead>
              <tbody>
                {receipts.map((r) => (
                  <tr key={r.submission}>
                    <td>
                      {r.fileName} ({r.size.toLocaleString('en-US')} bytes)
                      {r.isDuplicate ? ' — identical to a file already received' : ''}
                    </td>
                    <td>
                      <code>{r.sha256}</code>
                    </td>
                    <td>{r.receivedAt}</td>
                    <td>{r.uploader}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </>
  );
}
