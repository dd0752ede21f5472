import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  findCatalogueIndicator,
  indicatorCode,
  outcomeOfHeading,
  readFilterList,
  unitOfIndicator,
} from './indicator-catalogue.ts';

test('the dashboard’s headings name the outcome in words, whatever its number', () => {
  assert.equal(
    outcomeOfHeading('Outcome 2: Children and young people are safe in and outside of their home'),
    'safe',
  );
  assert.equal(
    outcomeOfHeading('Outcome 3: Children and young people are supported by their family network'),
    'family-network',
  );
  assert.equal(
    outcomeOfHeading('Outcome 1: Children, young people and families stay together'),
    'stay-together',
  );
  assert.equal(
    outcomeOfHeading('Outcome 4: Children in care and care leavers have stable, loving homes'),
    'stable-homes',
  );
  assert.equal(outcomeOfHeading('Enabler: The workforce is equipped and effective'), 'workforce');
  assert.equal(outcomeOfHeading('Enabler: Leaders drive conditions for effective practice'), 'leaders');
  assert.equal(outcomeOfHeading('Enabler: Agencies work together'), 'multi-agency');
  assert.equal(outcomeOfHeading('Something else'), null);
});

test('R filter lists are read with either quote and bare names', () => {
  assert.deepEqual(readFilterList('list()'), {});
  assert.deepEqual(readFilterList(`list('characteristic' = "Secure homes and children's homes")`), {
    characteristic: "Secure homes and children's homes",
  });
  assert.deepEqual(readFilterList(`list(age = '17 to 18 years', activity = 'Total in education' )`), {
    age: '17 to 18 years',
    activity: 'Total in education',
  });
});

test('units come from the value format and the name', () => {
  assert.equal(unitOfIndicator('percent', 'Turnover rate (FTE)', 'turnover_rate_fte'), 'percentage');
  assert.equal(
    unitOfIndicator('', 'Rate of children in need, per 10,000 children', 'At31_episodes_rate'),
    'rate-per-10000',
  );
  assert.equal(unitOfIndicator('', 'Average caseload (FTE)', 'caseload_fte'), 'count');
});

test('a DfE file’s column and a row’s filters find the most particular indicator', () => {
  const catalogue: { code: string; valueColumn: string; filters: Record<string, string> }[] = [
    { code: 'a', valueColumn: 'rate_per_10000', filters: {} },
    {
      code: 'b',
      valueColumn: 'rate_per_10000',
      filters: { population_count: 'Children looked after on 31 March each year' },
    },
  ];
  assert.equal(
    findCatalogueIndicator(catalogue, 'Rate_per_10000', {
      population_count: 'children looked after on 31 March each year',
      geographic_level: 'Local authority',
    })?.code,
    'b',
  );
  assert.equal(findCatalogueIndicator(catalogue, 'rate_per_10000', { population_count: 'Other' })?.code, 'a');
  assert.equal(findCatalogueIndicator(catalogue, 'percent', {}), undefined);
  assert.equal(
    indicatorCode('cla_rates', 'rate_per_10000', { b: '2', a: '1' }),
    'cla_rates|rate_per_10000|a=1;b=2',
  );
});
