// Left out of the web shell's bundle (vite.config.ts): plist and the XML parser under it (350 KB)
// read macOS managed preferences, and the web shell reads only a policy.json (`--policy`).
export function parse(): never {
  throw new Error('plist is left out of the web shell: it reads no macOS policy');
}
