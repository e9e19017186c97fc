/** What the CLI says about itself: name, version and where its documentation lives. */
import { readFileSync } from 'node:fs';
import path from 'node:path';

interface PackageJson {
  version?: string;
  homepage?: string;
  repository?: string | { url?: string };
}

let cached: PackageJson | undefined;

/** package.json of the install: one level above dist/cli.js (the bundle), three above server/src/cli (tsx). */
function packageJson(): PackageJson {
  if (cached) return cached;
  for (const candidate of [path.resolve(__dirname, '..', 'package.json'), path.resolve(__dirname, '..', '..', '..', 'package.json')]) {
    try {
      const parsed = JSON.parse(readFileSync(candidate, 'utf8')) as PackageJson & { name?: string };
      if (parsed.name === 'casebook') return (cached = parsed);
    } catch {
      // try the next candidate
    }
  }
  return (cached = {});
}

export function version(): string {
  return packageJson().version ?? '0.0.0';
}

/** Used only when package.json names neither a homepage nor a repository. */
const FALLBACK_HOME = 'https://github.com/casebook/casebook';

/** The project's home page (SARIF `informationUri`). */
export function homepage(): string {
  const pkg = packageJson();
  const repository = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  const url = pkg.homepage ?? repository?.replace(/^git\+/, '').replace(/\.git$/, '');
  return url && /^https?:\/\//.test(url) ? url.replace(/\/$/, '') : FALLBACK_HOME;
}

/** Link to a rule's section of docs/rules.md. */
export function ruleHelpUri(ruleId: string): string {
  return `${homepage()}/blob/main/docs/rules.md#${ruleId}`;
}
