import { describe, expect, it } from 'vitest';
import { parsePastedPeople, slugOf } from './people-paste';

describe('parsePastedPeople', () => {
  it('reads tab-separated rows from a spreadsheet, skipping a header and blank lines', () => {
    const text =
      'Name\tE-mail\tSkills\tCapacity\nAda Lovelace\tada@example.com\tAnalysis, Maths\t15\n\nAlan Turing\t\t\t';
    expect(parsePastedPeople(text)).toEqual({
      people: [
        {
          line: 2,
          name: 'Ada Lovelace',
          email: 'ada@example.com',
          skills: ['Analysis', 'Maths'],
          monthlyCapacity: 15,
        },
        { line: 4, name: 'Alan Turing', email: null, skills: [], monthlyCapacity: null },
      ],
      issues: [],
    });
  });

  it('reads comma-separated rows with skills split by semicolons', () => {
    const { people } = parsePastedPeople('Grace Hopper, grace@example.com, COBOL; Compilers, 12');
    expect(people[0]).toMatchObject({ skills: ['COBOL', 'Compilers'], monthlyCapacity: 12 });
  });

  it('names the row and column of every problem', () => {
    const { issues } = parsePastedPeople('\tnobody@example.com\nBad Mail\tnot-mail\t\t40');
    expect(issues).toEqual([
      { path: 'row 1, name', message: 'a name is required' },
      { path: 'row 2, e-mail', message: '"not-mail" is not an e-mail address' },
      { path: 'row 2, capacity', message: '"40" is not 0-31 person-days a month' },
    ]);
  });
});

describe('slugOf', () => {
  it('derives a readable id', () => {
    expect(slugOf('  Northwind Financial, Inc. ')).toBe('northwind-financial-inc');
    expect(slugOf('Café Zürich')).toBe('cafe-zurich');
  });
});
