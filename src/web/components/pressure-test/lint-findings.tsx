/** Plan lint: publish gates (errors) and warnings, each naming the items concerned. */
import type { LintReport } from '../../../contracts';

export function LintFindings({ report, titleOf }: { report: LintReport; titleOf: (id: string) => string }) {
  if (report.findings.length === 0)
    return <p className="lint-clean">No findings: every publish gate passes.</p>;
  return (
    <ul className="lint-findings">
      {report.findings.map((finding, index) => (
        <li
          key={index}
          className={`lint-finding lint-${finding.severity}`}
          data-testid={`lint-${finding.code}`}
        >
          <span className="lint-severity">{finding.severity === 'error' ? 'Gate' : 'Warning'}</span>
          <span className="lint-message">{finding.message}</span>
          <span className="lint-items">
            {finding.itemIds.map((id) => (
              <a key={id} href={`#item-${id}`} className="lint-item">
                {titleOf(id)}
              </a>
            ))}
          </span>
        </li>
      ))}
    </ul>
  );
}
