/**
 * Step 7: the four corner grids, pre-filled from the links the translation knows (a How Far
 * under the What its key result's objective became; a KPI under the same What), for the user to
 * confirm or change. A click cycles ● → ○ → △ → blank. Test hook: `grid-<gridId>`.
 */
import { useTranslation } from 'react-i18next';
import { STRENGTH_SYMBOL } from '../../../core/correlation';
import { cycleMark, markOf, type Proposal } from './proposal-edits';

interface Line {
  key: string;
  title: string;
}

export function StepGrids({
  proposal,
  onChange,
}: {
  proposal: Proposal;
  onChange: (proposal: Proposal) => void;
}) {
  const { t } = useTranslation('wizard');
  const grids: {
    id: 'what_how_far' | 'how_far_how' | 'how_how_much' | 'how_much_what';
    rows: Line[];
    columns: Line[];
  }[] = [
    { id: 'what_how_far', rows: proposal.what, columns: proposal.howFar },
    { id: 'how_far_how', rows: proposal.howFar, columns: proposal.how },
    { id: 'how_how_much', rows: proposal.how, columns: proposal.howMuch },
    { id: 'how_much_what', rows: proposal.howMuch, columns: proposal.what },
  ];
  return (
    <div className="wizard-grids">
      {grids.map((grid) => (
        <section key={grid.id} className="wizard-grid" data-testid={`grid-${grid.id}`}>
          <h3>{t(`grids.names.${grid.id}`)}</h3>
          {grid.rows.length === 0 || grid.columns.length === 0 ? (
            <p className="wizard-help">{t('grids.nothing')}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th />
                  {grid.columns.map((column, i) => (
                    <th key={column.key} title={column.title} scope="col">
                      {i + 1}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {grid.rows.map((row) => (
                  <tr key={row.key}>
                    <th scope="row" title={row.title}>
                      {row.title}
                    </th>
                    {grid.columns.map((column) => {
                      const mark = markOf(proposal, row.key, column.key);
                      return (
                        <td key={column.key}>
                          <button
                            type="button"
                            className="wizard-cell"
                            aria-label={t('grids.cell', {
                              row: row.title,
                              column: column.title,
                              mark: mark ?? 'blank',
                            })}
                            onClick={() => onChange(cycleMark(proposal, row.key, column.key))}
                          >
                            {mark ? STRENGTH_SYMBOL[mark] : ''}
                          </button>
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ))}
    </div>
  );
}
