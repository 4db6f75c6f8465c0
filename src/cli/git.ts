/**
 * The guard on uncommitted work: before `migrate` writes, every repository that really holds a path given or a file
 * to be written (found from the file's real path, so a nested repository, one reached through a symbolic link, or one
 * the outer repository sees as untracked is asked itself) must have no uncommitted changes there.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface UncommittedWork {
  /** Files with uncommitted changes (staged or not), absolute. */
  readonly dirty: string[];
  /** Repositories git could not be asked about, with why: their files are not known to be safe to write. */
  readonly unchecked: { readonly repository: string; readonly reason: string }[];
}

/**
 * Tracked files with uncommitted changes among `files` and beneath `roots` (all absolute real paths), each asked of
 * the repository that holds it. Paths outside any repository have nothing to check.
 */
export function uncommittedWork(roots: readonly string[], files: readonly string[]): UncommittedWork {
  const finder = new RepositoryFinder();
  const repositories = new Set(
    [...roots, ...files.map((file) => path.dirname(file))].flatMap((start) => finder.holding(start) ?? []),
  );
  const written = new Set(files);
  const dirty = new Set<string>();
  const unchecked: UncommittedWork['unchecked'] = [];
  for (const repository of repositories) {
    const changed = changedFiles(repository);
    if (typeof changed === 'string') {
      unchecked.push({ repository, reason: changed });
      continue;
    }
    for (const file of changed) if (written.has(file) || roots.some((root) => isWithin(file, root))) dirty.add(file);
  }
  return { dirty: [...dirty].sort(), unchecked };
}

/** The top of the repository holding a directory: the nearest ancestor with a `.git` entry (a folder, or a worktree's or submodule's file). */
class RepositoryFinder {
  private readonly known = new Map<string, string | undefined>();

  holding(start: string): string | undefined {
    const visited: string[] = [];
    let found: string | undefined;
    for (let directory = start; ;) {
      if (this.known.has(directory)) {
        found = this.known.get(directory);
        break;
      }
      visited.push(directory);
      if (fs.existsSync(path.join(directory, '.git'))) {
        found = directory;
        break;
      }
      const parent = path.dirname(directory);
      if (parent === directory) break;
      directory = parent;
    }
    for (const directory of visited) this.known.set(directory, found);
    return found;
  }
}

/** Absolute paths of the tracked files with uncommitted changes in a repository, or why git could not tell. */
function changedFiles(repository: string): string[] | string {
  // `safe.directory`: a tree another user owns (root migrating a deploy user's checkout) is still only read.
  const result = spawnSync(
    'git',
    ['-c', 'safe.directory=*', 'status', '--porcelain=v1', '-z', '--untracked-files=no', '--ignore-submodules=none'],
    {
      cwd: repository,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    },
  );
  if (result.error) return `git could not be run (${result.error.message})`;
  if (result.status !== 0) return result.stderr.trim().split('\n')[0] || `git status exited with ${result.status}`;
  const files: string[] = [];
  const entries = result.stdout.split('\0').filter(Boolean);
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index]!;
    files.push(path.join(repository, entry.slice(3)));
    // A rename or copy is followed by its source path as a separate entry.
    if (/^[RC]/.test(entry)) index++;
  }
  return files;
}

function isWithin(file: string, directory: string): boolean {
  return file === directory || file.startsWith(directory.endsWith(path.sep) ? directory : directory + path.sep);
}
