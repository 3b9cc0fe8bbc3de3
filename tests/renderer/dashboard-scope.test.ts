// The dashboard's period starts and the customers it offers.
import { describe, expect, it } from 'vitest';

import { customersIn, periodStart } from '../../src/renderer/src/lib/dashboard-scope';

describe('periodStart', () => {
  const now = new Date(2026, 11, 1, 15, 30); // 1 Dec 2026, 15:30 local
  it('starts today at local midnight, and 7 or 30 days including today', () => {
    expect(periodStart('today', now)).toEqual(new Date(2026, 11, 1));
    expect(periodStart('week', now)).toEqual(new Date(2026, 10, 25));
    expect(periodStart('month', now)).toEqual(new Date(2026, 10, 2));
  });
});

describe('customersIn', () => {
  it('takes every level of every breadcrumb once, named, sorted by name, keeping those known before', () => {
    const customers = customersIn(
      [
        {
          customerId: 'east',
          customerBreadcrumb: [
            { id: 'north', name: 'Northwind' },
            { id: 'east', name: 'Clinic East' },
          ],
        },
        { customerId: 'east', customerBreadcrumb: [{ id: 'east', name: 'Clinic East' }] },
        { customerId: 'loose', customerName: 'Loose Customer' },
        { customerBreadcrumb: [{ name: 'No id' }] },
      ],
      [{ id: 'old', name: 'Aardvark Old' }],
    );
    expect(customers).toEqual([
      { id: 'old', name: 'Aardvark Old' },
      { id: 'east', name: 'Clinic East' },
      { id: 'loose', name: 'Loose Customer' },
      { id: 'north', name: 'Northwind' },
    ]);
  });
});

describe('customersIn with none known before', () => {
  it('offers only the customers the sessions name', () => {
    expect(customersIn([{ customerId: 'c1', customerName: 'Zed' }, { customerId: 'c2' }, {}])).toEqual([
      { id: 'c2', name: 'c2' },
      { id: 'c1', name: 'Zed' },
    ]);
    expect(customersIn([])).toEqual([]);
  });
});
