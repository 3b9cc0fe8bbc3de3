// Dashboard data for a period and a customer: call metrics, voicemail, conversations and forms, loaded on demand.
import type { AppHomeResponse } from '../../../shared/evovoice';
import { type Customer, customersIn, type Period, periodStart } from '../lib/dashboard-scope';
import { request } from './api';
import { live } from './live.svelte';

class Dashboard {
  data = $state.raw<AppHomeResponse | undefined>(undefined);
  loading = $state(false);
  error = $state<string | undefined>(undefined);
  loadedAt = $state<number | undefined>(undefined);
  period = $state<Period>('today');
  /** One customer, or undefined for all of the account's. */
  customerId = $state<string | undefined>(undefined);
  /** The start of the period of the data shown (ISO). */
  since = $state<string | undefined>(undefined);
  private seen = $state.raw<Customer[]>([]);
  /** Only the answer to the latest request is shown (the agent may change the period while one loads). */
  private latest = 0;

  /** The account's customers, from the board's and the dashboard's sessions, kept while the filter narrows the answer. */
  get customers(): Customer[] {
    return customersIn([...live.sessions, ...(this.data?.calls ?? [])], this.seen);
  }

  async load(): Promise<void> {
    const mine = ++this.latest;
    this.loading = true;
    this.error = undefined;
    this.seen = this.customers;
    const fromDate = periodStart(this.period, new Date()).toISOString();
    const result = await request('dashboard:load', {
      fromDate,
      ...(this.customerId ? { customerId: this.customerId } : {}),
    });
    if (mine !== this.latest) return;
    this.loading = false;
    if (result.ok) {
      this.data = result.value;
      this.since = fromDate;
      this.loadedAt = Date.now();
    } else {
      this.error = result.error.message;
    }
  }

  choose(scope: { period?: Period; customerId?: string }): void {
    if (scope.period) this.period = scope.period;
    if ('customerId' in scope) this.customerId = scope.customerId || undefined;
    void this.load();
  }
}

export const dashboard = new Dashboard();
