// The file a command writes (--out): never the file it reads, and never half-written. The new file is
// written beside the target and renamed into place only when complete, so any failure (disk full,
// read-only folder, file in use) leaves the previous file as it was.
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, realpathSync, statSync, type Stats } from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import { RunError } from '../engine/index.js';

/** The file operations that can fail; tests swap them to simulate a full disk or a locked file. */
export interface FileIo {
  /** Creates `path` (which must not exist) for writing. */
  readonly openStream: (path: string) => Writable;
  readonly rename: (from: string, to: string) => Promise<void>;
}

const realIo: FileIo = {
  openStream: (path) => createWriteStream(path, { flags: 'wx' }),
  rename,
};

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path); // follows links: the file itself, whatever name it goes by
  } catch {
    return undefined;
  }
}

/** Whether two paths name the same file (symbolic or hard link, a linked folder, case-insensitive names). */
export function isSameFile(a: string, b: string): boolean {
  const sa = statOrUndefined(a),
    sb = statOrUndefined(b);
  return !!sa && !!sb && sa.dev === sb.dev && sa.ino === sb.ino;
}

export interface OutputTarget {
  /** The path as the user wrote it, for messages. */
  readonly shown: string;
  /** The file to replace: a symbolic link is followed, so the link stays and its file is renewed. */
  readonly path: string;
}

/** How a command names the file it writes and the file it reads, for messages. */
export interface TargetWords {
  /** The option naming the file written (default --out). */
  readonly flag?: string;
  /** What the file read is (default "registret"), never written over. */
  readonly input?: string;
  /** A file name to suggest where --out names a folder. */
  readonly example?: string;
}

/**
 * Checks before any work is done that `output` may be written: not the file read (`input`) under
 * any name, not a folder, in a folder that exists, and not an existing file unless `force`.
 */
export function checkOutputTarget(
  output: string,
  shown: string,
  input: string,
  force: boolean,
  words: TargetWords = {},
): OutputTarget {
  const { flag = '--out', input: inputWhat = 'registret', example = 'faktura.xlsx' } = words;
  if (input !== '' && isSameFile(output, input)) {
    throw new RunError(
      `${flag} ${shown} är samma fil som --in: ${inputWhat} skrivs aldrig över. Välj ett annat namn med ${flag}.`,
    );
  }
  const stats = statOrUndefined(output);
  if (stats?.isDirectory()) throw new RunError(`${flag} ${shown} är en mapp. Ange ett filnamn, t.ex. ${join(shown, example)}.`);
  if (stats && !force) {
    throw new RunError(
      `Filen ${shown} finns redan. Välj ett annat namn med ${flag} eller lägg till --force för att skriva över den.`,
    );
  }
  const folder = dirname(output);
  const folderStats = statOrUndefined(folder);
  if (!folderStats) throw new RunError(`Mappen ${folder} finns inte. Skapa den eller välj en annan plats med ${flag}.`);
  if (!folderStats.isDirectory()) throw new RunError(`Kan inte skriva ${shown}: ${folder} är en fil, inte en mapp.`);
  return { shown, path: stats ? realpathSync(output) : output };
}

/** Swedish reasons for the file-system errors a write can meet. */
function reasonOf(error: unknown, target: string, flag: string): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  const folder = dirname(target);
  switch (code) {
    case 'ENOSPC':
      return `disken är full. Frigör utrymme eller välj en annan plats med ${flag}`;
    case 'EDQUOT':
      return `din kvot på disken är slut. Frigör utrymme eller välj en annan plats med ${flag}`;
    case 'EACCES':
    case 'EPERM':
      return `du saknar behörighet att skriva i ${folder}, eller filen är låst av ett annat program. Välj en annan plats med ${flag}`;
    case 'EROFS':
      return `${folder} ligger på en skrivskyddad enhet. Välj en annan plats med ${flag}`;
    case 'EBUSY':
    case 'ETXTBSY':
      return 'filen används av ett annat program (är den öppen i Excel?). Stäng den och försök igen';
    case 'EISDIR':
      return `det är en mapp. Ange ett filnamn med ${flag}`;
    case 'ENOTDIR':
      return `en del av sökvägen ${folder} är en fil, inte en mapp`;
    case 'ENOENT':
      return `mappen ${folder} finns inte (längre). Skapa den eller välj en annan plats med ${flag}`;
    case 'ENAMETOOLONG':
      return `sökvägen är för lång. Välj ett kortare namn eller en annan mapp med ${flag}`;
    case 'EMFILE':
    case 'ENFILE':
      return 'datorn har för många öppna filer. Stäng några program och försök igen';
    case 'EIO':
      return `disken svarade med ett läs- eller skrivfel. Välj en annan plats med ${flag}`;
    default:
      return `filsystemet svarade med ett oväntat fel${typeof code === 'string' ? ` (${code})` : ''}`;
  }
}

/** Resolves when `stream` has flushed and closed; rejects on its first error, whenever it comes. */
function closed(stream: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.on('error', reject); // `on`: a destroyed stream may report again
    stream.once('close', resolve);
  });
}

/**
 * Writes `target` through `write`, which fills the stream it is given and resolves when it has
 * ended it. The bytes go to a temporary file beside the target (same folder, so the rename is
 * atomic), are flushed to disk, and replace the target only then. Any failure removes the
 * temporary file and throws a RunError in Swedish; the target is as it was.
 */
export async function replaceFileAtomically(
  target: string,
  write: (stream: Writable) => Promise<unknown>,
  io: Partial<FileIo> = {},
  shown = target,
  flag = '--out',
): Promise<void> {
  const { openStream, rename: renameFile } = { ...realIo, ...io };
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  const existed = existsSync(target);
  let stream: Writable | undefined;
  try {
    stream = openStream(temporary);
    const done = closed(stream);
    // A failing stream may leave `write` waiting forever: its error ends the wait.
    await Promise.race([write(stream), done]);
    await done;
    const handle = await open(temporary, 'r+');
    try {
      await handle.sync(); // on disk before the old file goes
    } finally {
      await handle.close();
    }
    await renameFile(temporary, target);
  } catch (error) {
    stream?.destroy();
    await unlink(temporary).catch(() => {});
    const kept = existed ? 'Den tidigare filen är oförändrad.' : 'Ingen fil skrevs.';
    throw new RunError(`Kunde inte skriva ${shown}: ${reasonOf(error, target, flag)}. ${kept}`);
  }
}
