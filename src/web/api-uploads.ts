/**
 * Spreadsheet uploads and file downloads of the API. Uploads use XMLHttpRequest, not fetch, because
 * only it reports upload progress, which large files need; errors come back as {@link ApiError}.
 */
import type { OkrImportPreview, OkrImportResult } from '../contracts';
import { ApiError, csrfHeaders } from './api-client';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Where imported OKRs go: a default unit and cycle for rows that leave them blank. */
export interface OkrImportTarget {
  organisationId: string;
  unitId?: string | undefined;
  cycleId?: string | undefined;
}

function upload<T>(url: string, file: File, onProgress: (share: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('content-type', file.name.toLowerCase().endsWith('.xlsx') ? XLSX_TYPE : 'text/csv');
    for (const [name, value] of Object.entries(csrfHeaders('POST'))) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new ApiError(0, 'network_error', 'The server could not be reached.', null));
    xhr.onload = () => {
      let json: { error?: { code?: string; message?: string; details?: unknown } } | undefined;
      try {
        json = JSON.parse(xhr.responseText) as typeof json;
      } catch {
        json = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(json as T);
      else
        reject(
          new ApiError(
            xhr.status,
            json?.error?.code ?? `http_${xhr.status}`,
            json?.error?.message ?? xhr.statusText,
            json?.error?.details,
          ),
        );
    };
    xhr.send(file);
  });
}

function importQuery(target: OkrImportTarget): string {
  const query = new URLSearchParams({ organisationId: target.organisationId });
  if (target.unitId) query.set('unitId', target.unitId);
  if (target.cycleId) query.set('cycleId', target.cycleId);
  return query.toString();
}

/** POST /api/imports/okrs/preview — the mapping, what would be created and every problem; writes nothing. */
export const previewOkrImport = (file: File, target: OkrImportTarget, onProgress: (share: number) => void) =>
  upload<OkrImportPreview>(`/api/imports/okrs/preview?${importQuery(target)}`, file, onProgress);

/** POST /api/imports/okrs/confirm — the same file again; all of it in one transaction, or nothing. */
export const confirmOkrImport = (file: File, target: OkrImportTarget, onProgress: (share: number) => void) =>
  upload<OkrImportResult>(`/api/imports/okrs/confirm?${importQuery(target)}`, file, onProgress);

/** The blank spreadsheet X-matrix (GET /api/templates/x-matrix.xlsx). */
export const X_MATRIX_TEMPLATE_URL = '/api/templates/x-matrix.xlsx';

export type MatrixExportFormat = 'svg' | 'png' | 'pdf' | 'xlsx' | 'json' | 'yaml';

/**
 * Download links of one X-matrix: the drawing and the spreadsheet come from the same endpoints as
 * the CLI's files; JSON and YAML are the unit's plan document.
 */
export function matrixExportUrl(
  format: MatrixExportFormat,
  ids: { matrixId: string; organisationId: string; unitId: string },
): string {
  switch (format) {
    case 'svg':
    case 'png':
    case 'pdf':
    case 'xlsx':
      return `/api/matrices/${encodeURIComponent(ids.matrixId)}/export.${format}`;
    case 'json':
    case 'yaml':
      return `/api/organisations/${encodeURIComponent(ids.organisationId)}/plan?format=${format}&unitId=${encodeURIComponent(ids.unitId)}`;
  }
}
