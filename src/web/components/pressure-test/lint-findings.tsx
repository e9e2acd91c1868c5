/** Plan lint: publish gates (errors) and warnings, each naming the items concerned. */
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { LintReport } from '../../../contracts';
import { lintText } from './lint-message';

/** `matrixHref`: the unit's X-matrix, where the items a finding names can be fixed. */
export function LintFindings(props: {
  report: LintReport;
  titleOf: (id: string) => string;
  matrixHref: string;
}) {
  const { t } = useTranslation('pressure');
  const { report, titleOf } = props;
  if (report.findings.length === 0) return <p className="lint-clean">{t('lint.clean')}</p>;
  return (
    <ul className="lint-findings">
      {report.findings.map((finding, index) => (
        <li
          key={index}
          className={`lint-finding lint-${finding.severity}`}
          data-testid={`lint-${finding.code}`}
        >
          <span className="lint-severity">
            {finding.severity === 'error' ? t('lint.gate') : t('lint.warning')}
          </span>
          <span className="lint-message">{lintText(finding)}</span>
          <span className="lint-items">
            {finding.itemIds.map((id) => (
              <Link
                key={id}
                href={props.matrixHref}
                className="lint-item"
                title={t('lint.openToFix', { id })}
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
