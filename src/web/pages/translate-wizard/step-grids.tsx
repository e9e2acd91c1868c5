/**
 * Step 7: the four corner grids, pre-filled from the links the translation knows (a How Far
 * under the What its key result's objective became; a KPI under the same What), for the user to
 * confirm or change. A click cycles ● → ○ → △ → blank. Test hook: `grid-<gridId>`.
 */
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
  const grids: { id: string; name: string; rows: Line[]; columns: Line[] }[] = [
    {
      id: 'what_how_far',
      name: 'Breakthrough × annual objectives',
      rows: proposal.what,
      columns: proposal.howFar,
    },
    {
      id: 'how_far_how',
      name: 'Annual objectives × initiatives',
      rows: proposal.howFar,
      columns: proposal.how,
    },
    { id: 'how_how_much', name: 'Initiatives × KPIs', rows: proposal.how, columns: proposal.howMuch },
    {
      id: 'how_much_what',
      name: 'KPIs × breakthrough objectives',
      rows: proposal.howMuch,
      columns: proposal.what,
    },
  ];
  return (
    <div className="wizard-grids">
      {grids.map((grid) => (
        <section key={grid.id} className="wizard-grid" data-testid={`grid-${grid.id}`}>
          <h3>{grid.name}</h3>
          {grid.rows.length === 0 || grid.columns.length === 0 ? (
            <p className="wizard-help">Nothing to correlate yet.</p>
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
                            aria-label={`${row.title} × ${column.title}: ${mark ?? 'blank'}`}
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
