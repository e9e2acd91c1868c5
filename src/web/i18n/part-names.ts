/**
 * The names the X-matrix's five parts are shown under. An organisation may name its parts; a part
 * still under Catchball's default (English) name is shown under the default of the reader's
 * language — for Japanese, practitioners' own terms (年度目標, 重点施策, 管理指標 …).
 */
import { DEFAULT_PART_NAMES, MATRIX_PARTS, type PartNames } from '../../core/x-matrix-parts';
import { i18n } from './i18n';

export function shownPartNames(names: PartNames): PartNames {
  return Object.fromEntries(
    MATRIX_PARTS.map((part) => [
      part,
      names[part] === DEFAULT_PART_NAMES[part] ? i18n.t(`common:parts.${part}`) : names[part],
    ]),
  ) as PartNames;
}
