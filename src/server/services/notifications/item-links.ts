/**
 * Where an inbox item lives in the web app, as a path on this site. These are the web's own
 * addresses (src/web/paths.ts builds the same; test/api/inbox.test.ts holds the two together):
 * a proposal on the pressure-test tab of the unit that sent it (its evidence is that matrix),
 * a countermeasure on its unit's bowling chart, a key result on its unit's OKRs, a KPI on the
 * bowling chart. The fragment names the item, so the page can bring it into view.
 */
const enc = encodeURIComponent;

const unitPath = (orgId: string, unitId: string) => `/org/${enc(orgId)}/units/${enc(unitId)}`;

export const itemLinks = {
  proposal: (orgId: string, childUnitId: string, year: number, proposalId: string) =>
    `${unitPath(orgId, childUnitId)}/pressure/${year}#proposal-${enc(proposalId)}`,
  countermeasure: (orgId: string, unitId: string, year: number, countermeasureId: string) =>
    `${unitPath(orgId, unitId)}/bowling/${year}?countermeasure=${enc(countermeasureId)}`,
  keyResult: (orgId: string, unitId: string, cycleId: string, keyResultId: string) =>
    `${unitPath(orgId, unitId)}/okrs?cycle=${enc(cycleId)}#key-result-${enc(keyResultId)}`,
  kpi: (orgId: string, unitId: string, year: number, kpiId: string) =>
    `${unitPath(orgId, unitId)}/bowling/${year}#kpi-${enc(kpiId)}`,
} as const;

/** An absolute address for a message, when the site's public address is known; else the path. */
export function absoluteLink(publicUrl: string | null, path: string): string {
  return publicUrl ? `${publicUrl.replace(/\/+$/, '')}${path}` : path;
}
