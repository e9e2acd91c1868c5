import { ApiError } from '../../api-client';

/** An upload's failure as one line: every issue of a `validation_failed` by where it is, else the message. */
export function importErrorMessage(error: unknown): string {
  if (error instanceof ApiError && error.code === 'validation_failed') {
    const issues =
      (error.details as { issues?: { path: string; message: string }[] } | undefined)?.issues ?? [];
    return issues.length > 0 ? issues.map((i) => `${i.path}: ${i.message}`).join('; ') : error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
