/**
 * Spreadsheet uploads and file downloads of the API. Uploads use XMLHttpRequest, not fetch, because
 * only it reports upload progress, which large files need; errors come back as {@link ApiError}.
 */
import { XLSX_TYPE, type ImportRun } from '../contracts';
import {
  endpointUrl,
  toHttpRequest,
  type Endpoint,
  type EndpointRequest,
  type EndpointResponse,
} from '../contracts/endpoint';
import { checkIns, exports as files, imports, plan } from '../contracts/endpoints';
import { ApiError, csrfHeaders } from './api-client';

/** Where imported OKRs go: a default unit and cycle for rows that leave them blank. */
export interface OkrImportTarget {
  organisationId: string;
  unitId?: string | undefined;
  cycleId?: string | undefined;
}

/** Sends `file` as the body of one upload endpoint (its address from the endpoint and `request`). */
function upload<E extends Endpoint>(
  endpoint: E,
  request: EndpointRequest<E>,
  file: File,
  onProgress: (share: number) => void,
): Promise<EndpointResponse<E>> {
  type T = EndpointResponse<E>;
  const { method, url } = toHttpRequest(endpoint, request);
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, url);
    xhr.setRequestHeader('content-type', file.name.toLowerCase().endsWith('.xlsx') ? XLSX_TYPE : 'text/csv');
    for (const [name, value] of Object.entries(csrfHeaders(method))) xhr.setRequestHeader(name, value);
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

/** How the person asked numbers and dates to be read, when the file leaves it open. */
export interface ReadingChoice {
  decimal?: 'point' | 'comma' | undefined;
  dateOrder?: 'day_first' | 'month_first' | undefined;
}

/** The reading choices of an OKR sheet, and what its columns hold: `C=unitOfMeasure,E=` (E= skips E). */
export interface OkrReadingChoice extends ReadingChoice {
  columns?: string | undefined;
}

/** Blank unit and cycle mean none: the rows say where they go. */
const importQuery = (target: OkrImportTarget, choice: OkrReadingChoice) => ({
  organisationId: target.organisationId,
  unitId: target.unitId || undefined,
  cycleId: target.cycleId || undefined,
  decimal: choice.decimal,
  dateOrder: choice.dateOrder,
  columns: choice.columns,
});

/** The mapping, what would be created and every problem; writes nothing. */
export const previewOkrImport = (
  file: File,
  target: OkrImportTarget,
  onProgress: (share: number) => void,
  choice: OkrReadingChoice = {},
) => upload(imports.previewOkrs, { query: importQuery(target, choice) }, file, onProgress);

/**
 * The same file again, read the same way; all of it in one transaction, or nothing. `run` names
 * the import so {@link getImportRun} can follow it.
 */
export const confirmOkrImport = (
  file: File,
  target: OkrImportTarget,
  onProgress: (share: number) => void,
  choice: OkrReadingChoice = {},
  run?: string,
) => upload(imports.confirmOkrs, { query: { ...importQuery(target, choice), run } }, file, onProgress);

/**
 * How far the import named `id` is, or null while the server does not know it yet. Sent without
 * cookies on purpose: the run id is the credential, and a session lookup would wait for the
 * embedded store that the import holds.
 */
export async function getImportRun(id: string): Promise<ImportRun | null> {
  const { method, url } = toHttpRequest(imports.getImportRun, { params: { id } });
  const response = await fetch(url, { method, credentials: 'omit' });
  return response.ok ? ((await response.json()) as ImportRun) : null;
}

/** The check-ins a CSV or XLSX holds for `unitId` and the units below it, and every problem; writes nothing. */
export const previewCheckInUpload = (
  unitId: string,
  file: File,
  onProgress: (share: number) => void,
  choice: ReadingChoice = {},
) =>
  upload(
    checkIns.previewCheckInUpload,
    { params: { id: unitId }, query: choice, body: undefined },
    file,
    onProgress,
  );

/** The same file again, read the same way: every row checked in, or none. */
export const confirmCheckInUpload = (
  unitId: string,
  file: File,
  onProgress: (share: number) => void,
  choice: ReadingChoice = {},
) =>
  upload(
    checkIns.uploadCheckIns,
    { params: { id: unitId }, query: choice, body: undefined },
    file,
    onProgress,
  );

/** Where an imported spreadsheet X-matrix goes, and whether its items keep the file's IDs. */
export interface MatrixImportTarget {
  unitId: string;
  year: number;
  mode: 'replace' | 'copy';
}

/**
 * The page always lets the import overwrite the unit's matrix for the year: the preview says so
 * (`replaces`) before anything is confirmed.
 */
const matrixImportQuery = (target: MatrixImportTarget) => ({
  unitId: target.unitId,
  year: target.year,
  mode: target.mode,
  replace: 'true' as const,
});

/** Counts per part, warnings and problems by sheet and row; writes nothing. */
export const previewMatrixImport = (
  file: File,
  target: MatrixImportTarget,
  onProgress: (share: number) => void,
) => upload(imports.previewMatrix, { query: matrixImportQuery(target) }, file, onProgress);

/** The same file again; the whole matrix in one transaction, or nothing (`run`: see confirmOkrImport). */
export const confirmMatrixImport = (
  file: File,
  target: MatrixImportTarget,
  onProgress: (share: number) => void,
  run?: string,
) => upload(imports.importMatrix, { query: { ...matrixImportQuery(target), run } }, file, onProgress);

/** The blank spreadsheet X-matrix. */
export const X_MATRIX_TEMPLATE_URL = endpointUrl(files.template, {});

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
      return endpointUrl(files.drawings[format], { params: { id: ids.matrixId } });
    case 'xlsx':
      return endpointUrl(files.workbook, { params: { id: ids.matrixId } });
    case 'json':
    case 'yaml':
      return endpointUrl(plan.exportPlan, {
        params: { id: ids.organisationId },
        query: { format, unitId: ids.unitId },
      });
  }
}
