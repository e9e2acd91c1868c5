import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api-client';
import { fieldErrorsOf, fieldOf, issuesOf } from './field-errors';

const validation = (issues: unknown) =>
  new ApiError(400, 'validation_failed', 'The body is not valid: …', { issues });

describe('the fields a validation_failed answer names', () => {
  it('maps each issue to the field its path names, first problem per field', () => {
    const error = validation([
      { path: 'body.email', message: 'Invalid email address' },
      { path: 'body.scopes[0]', message: 'Invalid option' },
      { path: 'body.email', message: 'second problem' },
      { path: 'body', message: 'Unrecognised key' },
    ]);
    expect(fieldErrorsOf(error)).toEqual({ email: 'Invalid email address', scopes: 'Invalid option' });
  });

  it('reads the field from body, query and params paths, and none from the whole request', () => {
    expect(fieldOf('body.currentPassword')).toBe('currentPassword');
    expect(fieldOf('query.cycleId')).toBe('cycleId');
    expect(fieldOf('units[2].parentId')).toBe('units');
    expect(fieldOf('body')).toBeNull();
    expect(fieldOf('(root)')).toBeNull();
  });

  it("reads a key result target's refusal (inconsistent_target) at the field it names", () => {
    const error = new ApiError(422, 'inconsistent_target', 'The target does not fit its kind: …', {
      issues: [{ path: 'targetHigh', message: 'the upper bound is below the lower bound' }],
    });
    expect(fieldErrorsOf(error)).toEqual({ targetHigh: 'the upper bound is below the lower bound' });
  });

  it('finds no fields in other errors or in malformed details', () => {
    expect(fieldErrorsOf(new ApiError(409, 'version_conflict', 'changed', { issues: [] }))).toEqual({});
    expect(fieldErrorsOf(new Error('network'))).toEqual({});
    expect(issuesOf(validation('not a list'))).toEqual([]);
    expect(issuesOf(validation([{ path: 1, message: 'x' }]))).toEqual([]);
  });
});
