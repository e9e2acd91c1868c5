/** Plan lint: publish gates (errors) and warnings, each naming the items concerned. */
import { Link } from 'wouter';
import type { LintReport } from '../../../contracts';

/** `matrixHref`: the unit's X-matrix, where the items a finding names can be fixed. */
export function LintFindings(props: {
  report: LintReport;
  titleOf: (id: string) => string;
  matrixHref: string;
}) {
  const { report, titleOf } = props;
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
              <Link
                key={id}
                href={props.matrixHref}
                className="lint-item"
                title={`Open the X-matrix to fix ${id}`}
              >
                {titleOf(id)}
              </Link>
            ))}
          </span>
        </li>
      ))}
    </ul>
  );
}
