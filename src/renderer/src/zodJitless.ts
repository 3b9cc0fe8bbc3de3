// The shared IPC contract brings zod into the page: switch off its JIT before any schema is built, so it never probes eval under our CSP.
import { config } from 'zod';

config({ jitless: true });
