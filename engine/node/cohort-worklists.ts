/**
 * Writing worklists (`pathway cohort --worklists DIR`): `DIR/<group>.csv` and
 * `DIR/<group>.html` per group, appended a chunk's rows at a time, so a run over a million
 * patients never holds its worklists in memory. Each file is written under a temporary name
 * and renamed when the run ends, so a reader never sees half a list. Node-only.
 */
import { mkdir, open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { WorklistRow } from '../cohort/worklist';
import {
  safeFileName,
  worklistCsvHeader,
  worklistCsvRow,
  worklistHtmlEnd,
  worklistHtmlRow,
  worklistHtmlStart,
  type WorklistText,
} from '../cohort/worklist-text';
import { tempName } from './write';

interface GroupFiles {
  base: string;
  csv: { handle: FileHandle; temp: string };
  html: { handle: FileHandle; temp: string };
  rows: number;
}

/** The worklist files of one run. */
export class WorklistFiles {
  private readonly groups = new Map<string, GroupFiles>();
  private readonly taken = new Set<string>();

  private constructor(
    private readonly dir: string,
    private readonly text: WorklistText,
  ) {}

  /** Creates `dir` when missing. */
  static async create(dir: string, text: WorklistText): Promise<WorklistFiles> {
    await mkdir(dir, { recursive: true });
    return new WorklistFiles(dir, text);
  }

  private async opened(group: string): Promise<GroupFiles> {
    let files = this.groups.get(group);
    if (files !== undefined) return files;
    const base = safeFileName(group, this.taken);
    const start = async (ext: string, first: string): Promise<GroupFiles['csv']> => {
      const temp = tempName(join(this.dir, `${base}.${ext}`));
      const handle = await open(temp, 'wx');
      await handle.write(first);
      return { handle, temp };
    };
    files = {
      base,
      csv: await start('csv', worklistCsvHeader(this.text)),
      html: await start('html', worklistHtmlStart(this.text, group)),
      rows: 0,
    };
    this.groups.set(group, files);
    return files;
  }

  /** Appends rows (in file order) to their groups' files. */
  async write(rows: readonly WorklistRow[]): Promise<void> {
    const byGroup = new Map<string, WorklistRow[]>();
    for (const row of rows) {
      const list = byGroup.get(row.group);
      if (list === undefined) byGroup.set(row.group, [row]);
      else list.push(row);
    }
    for (const [group, list] of byGroup) {
      const files = await this.opened(group);
      await files.csv.handle.write(list.map((r) => worklistCsvRow(this.text, r)).join(''));
      await files.html.handle.write(list.map((r) => worklistHtmlRow(this.text, r)).join(''));
      files.rows += list.length;
    }
  }

  /**
   * Finishes the files: every group in `groups` gets its pair (an empty list says so), and
   * each file takes its final name. Returns the file names written, sorted.
   */
  async finish(groups: readonly string[]): Promise<string[]> {
    for (const group of [...groups].sort()) await this.opened(group);
    const names: string[] = [];
    for (const files of this.groups.values()) {
      await files.html.handle.write(worklistHtmlEnd(this.text, files.rows));
      for (const [ext, f] of [
        ['csv', files.csv],
        ['html', files.html],
      ] as const) {
        await f.handle.close();
        await rename(f.temp, join(this.dir, `${files.base}.${ext}`));
        names.push(`${files.base}.${ext}`);
      }
    }
    this.groups.clear();
    return names.sort();
  }

  /** Closes and removes the temporary files of a run that failed. */
  async abandon(): Promise<void> {
    for (const files of this.groups.values())
      for (const f of [files.csv, files.html]) {
        await f.handle.close().catch(() => undefined);
        await unlink(f.temp).catch(() => undefined);
      }
    this.groups.clear();
  }
}
