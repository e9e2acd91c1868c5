/**
 * The names the X-matrix's parts are printed under: an organisation's own name stays as written;
 * a part still under Catchball's default (English) name gets the default of the reader's language
 * (`common:parts`; Japanese practitioners' terms such as 年度目標, 重点施策), as the web app shows it.
 */
import { DEFAULT_PART_NAMES, MATRIX_PARTS, type PartNames } from '../../core/x-matrix-parts';
import type { Translate } from './translator';

export function shownPartNames(names: PartNames, t: Translate): PartNames {
  return Object.fromEntries(
    MATRIX_PARTS.map((part) => [
      part,
      names[part] === DEFAULT_PART_NAMES[part] ? t(`common:parts.${part}`) : names[part],
    ]),
  ) as PartNames;
}
