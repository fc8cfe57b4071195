import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { link, open, rename, stat, unlink } from 'node:fs/promises';
import { BackupError } from './format.ts';

export const errorCode = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code;

export async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return false;
    throw error;
  }
}

export async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Flushes a file or folder to the disk, so a rename that follows survives a power cut. */
export async function sync(file: string): Promise<void> {
  const handle = await open(file, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Puts `from` at `to` atomically without replacing anything already there (a hard link then an
 * unlink); where the file system has no hard links, checks then renames.
 */
export async function placeWithoutReplacing(from: string, to: string): Promise<'placed' | 'exists'> {
  try {
    await link(from, to);
    await unlink(from);
    return 'placed';
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return 'exists';
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV'].includes(errorCode(error) ?? '')) throw error;
  }
  if (await exists(to)) return 'exists';
  await rename(from, to);
  return 'placed';
}

export function cannotWrite(folder: string, error: unknown, role: string): BackupError | undefined {
  const code = errorCode(error);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
    return new BackupError(
      `Cannot write to the folder ${folder} (${code === 'EROFS' ? 'read-only file system' : 'permission denied'}): choose ${role}, or run the command as a user who may write there.`,
      2,
    );
  if (code === 'ENOSPC')
    return new BackupError(`The disk holding ${folder} is full: free some space, or choose ${role}.`, 1);
  return undefined;
}
