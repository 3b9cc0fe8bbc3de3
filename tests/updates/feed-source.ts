// An UpdateSource for tests in plain Node that reads a generic update feed over HTTP with
// electron-updater's own GenericProvider (channel file names, latest*.yml parsing, file URLs) and
// downloads the installer, checking its sha512 as electron-updater does.
import { createHash } from 'node:crypto';
import http from 'node:http';

import { HttpExecutor } from 'builder-util-runtime';
import { GenericProvider } from 'electron-updater/out/providers/GenericProvider';

import type { FeedConfig, UpdateSource } from '../../src/main/updates/update-rules';

class NodeHttpExecutor extends HttpExecutor<http.ClientRequest> {
  createRequest(options: http.RequestOptions, callback: (response: http.IncomingMessage) => void) {
    return http.request(options, callback);
  }
}

/** Numeric-aware order of the versions these tests publish (0.1.0 < 0.2.0 < 0.3.0-beta.1). */
const newer = (a: string, b: string) => new Intl.Collator('en', { numeric: true }).compare(a, b) > 0;

export interface FeedSource extends UpdateSource {
  downloaded: Buffer[];
  installs: number;
}

export function createFeedSource(currentVersion: string): FeedSource {
  const executor = new NodeHttpExecutor();
  let next: { url: URL; sha512: string } | undefined;
  const source: FeedSource = {
    downloaded: [],
    installs: 0,
    async check(feed: FeedConfig) {
      const provider = new GenericProvider(
        { provider: 'generic', url: feed.url, channel: feed.channel === 'stable' ? 'latest' : feed.channel },
        { channel: null, isAddNoCacheQuery: false } as never,
        { isUseMultipleRangeRequest: false, platform: 'linux', executor: executor as never },
      );
      const info = await provider.getLatestVersion();
      if (!newer(info.version, currentVersion)) return undefined;
      const [file] = provider.resolveFiles(info);
      next = { url: file!.url, sha512: file!.info.sha512 };
      return info.version;
    },
    async download() {
      if (!next) throw new Error('nothing to download');
      const bytes = Buffer.from(await (await fetch(next.url)).arrayBuffer());
      if (createHash('sha512').update(bytes).digest('base64') !== next.sha512)
        throw new Error('sha512 checksum mismatch');
      source.downloaded.push(bytes);
    },
    install() {
      source.installs += 1;
    },
  };
  return source;
}
