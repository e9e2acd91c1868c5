/** How an upload's failure reads: a refusal's located problems, one after the other, or its message. */
import { ApiError } from '../../api-client';

export function uploadErrorMessage(error: unknown): string {
  if (error instanceof ApiError && error.code === 'validation_failed') {
    const issues =
      (error.details as { issues?: { path: string; message: string }[] } | undefined)?.issues ?? [];
    return issues.length > 0 ? issues.map((i) => `${i.path}: ${i.message}`).join('; ') : error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
