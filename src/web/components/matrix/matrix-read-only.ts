/**
 * Whether the X-matrix on screen is read-only (the user's role on its unit is below editor). One
 * context instead of a prop through every level: {@link XMatrix} provides it, and the items, grids
 * and True North read it to drop their edit affordances. The server still refuses edits on its own.
 */
import { createContext, useContext } from 'react';

export const MatrixReadOnlyContext = createContext(false);

/** True when the surrounding X-matrix must not offer edits. */
export function useMatrixReadOnly(): boolean {
  return useContext(MatrixReadOnlyContext);
}
