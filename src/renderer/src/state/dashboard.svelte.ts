// Dashboard data: call metrics, voicemail, conversations and forms, loaded on demand.
import type { AppHomeResponse } from '../../../shared/evovoice';
import { request } from './api';

class Dashboard {
  data = $state.raw<AppHomeResponse | undefined>(undefined);
  loading = $state(false);
  error = $state<string | undefined>(undefined);
  loadedAt = $state<number | undefined>(undefined);

  async load(): Promise<void> {
    if (this.loading) return;
    this.loading = true;
    this.error = undefined;
    const result = await request('dashboard:load', {});
    this.loading = false;
    if (result.ok) {
      this.data = result.value;
      this.loadedAt = Date.now();
    } else {
      this.error = result.error.message;
    }
  }
}

export const dashboard = new Dashboard();
