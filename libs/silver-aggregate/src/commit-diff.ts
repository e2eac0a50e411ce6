import type { CommittedTable } from './committed-table';

/** How the lake's manifests differ from the commits a checkpoint includes. */
export interface CommitDiff {
  /** Manifest keys the checkpoint does not include. */
  readonly added: string[];
  /** Manifest keys it includes at another ETag: a new version of the bronze object. */
  readonly changed: string[];
  /** Manifest keys it includes that are gone: the bronze object was deleted. */
  readonly removed: string[];
  /** Its commits that are still current. */
  readonly unchanged: CommittedTable[];
}

/**
 * Compares a checkpoint's commits with the manifests listed now.
 *
 * @param commits - the checkpoint's commits.
 * @param listed - manifest key → ETag, as listed.
 * @returns what was added, changed and removed since, and what is unchanged.
 */
export function diffCommits(commits: readonly CommittedTable[], listed: ReadonlyMap<string, string>): CommitDiff {
  const included = new Map(commits.map((commit) => [commit.manifestKey, commit]));
  const added: string[] = [];
  const changed: string[] = [];
  const unchanged: CommittedTable[] = [];
  for (const [key, eTag] of listed) {
    const commit = included.get(key);
    if (!commit) added.push(key);
    else if (commit.manifestETag !== eTag) changed.push(key);
    else unchanged.push(commit);
  }
  const removed = commits.filter((commit) => !listed.has(commit.manifestKey)).map((commit) => commit.manifestKey);
  return { added, changed, removed, unchanged };
}
