// A streaming zip writer for exports: files are deflated as they are written, with a data
// descriptor after each, so a CSV of a million rows goes to disk in constant memory. Zip64 is
// written when a file or the archive passes 4 GB.
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { crc32, createDeflateRaw } from 'node:zlib';

const u16 = (n: number) => {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
};
const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
};
const u64 = (n: number) => {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(BigInt(n));
  return b;
};

interface Entry {
  name: Buffer;
  offset: number;
  crc: number;
  compressed: number;
  size: number;
}

export interface ZipFileWriter {
  write(text: string): Promise<void>;
  end(): Promise<void>;
}

export class ZipWriter {
  private readonly out: WriteStream;
  private offset = 0;
  private readonly entries: Entry[] = [];

  constructor(path: string) {
    this.out = createWriteStream(path);
  }

  private async raw(chunk: Buffer) {
    this.offset += chunk.length;
    if (!this.out.write(chunk)) await once(this.out, 'drain');
  }

  /** Starts a file in the archive; write its text, then end it before starting the next. */
  async file(fileName: string): Promise<ZipFileWriter> {
    const name = Buffer.from(fileName, 'utf8');
    const entry: Entry = { name, offset: this.offset, crc: 0, compressed: 0, size: 0 };
    // Version 4.5 (zip64 aware), flags: data descriptor (bit 3) + UTF-8 names (bit 11), deflate.
    await this.raw(
      Buffer.concat([
        u32(0x04034b50),
        u16(45),
        u16(0x0808),
        u16(8),
        u16(0),
        u16(0),
        u32(0),
        u32(0),
        u32(0),
        u16(name.length),
        u16(0),
        name,
      ]),
    );
    const deflate = createDeflateRaw({ level: 6 });
    deflate.on('data', (chunk: Buffer) => {
      entry.compressed += chunk.length;
      this.offset += chunk.length;
      if (!this.out.write(chunk)) deflate.pause();
    });
    const resume = () => deflate.resume();
    this.out.on('drain', resume);
    const flushed = once(deflate, 'end');
    return {
      write: async (text) => {
        const bytes = Buffer.from(text, 'utf8');
        entry.crc = crc32(bytes, entry.crc);
        entry.size += bytes.length;
        if (!deflate.write(bytes)) await once(deflate, 'drain');
      },
      end: async () => {
        deflate.end();
        await flushed;
        this.out.off('drain', resume);
        await this.raw(
          Buffer.concat([u32(0x08074b50), u32(entry.crc), u64(entry.compressed), u64(entry.size)]),
        );
        this.entries.push(entry);
      },
    };
  }

  /** Writes the central directory and closes the file. */
  async close(): Promise<void> {
    const start = this.offset;
    for (const e of this.entries) {
      const extra = Buffer.concat([u16(0x0001), u16(24), u64(e.size), u64(e.compressed), u64(e.offset)]);
      await this.raw(
        Buffer.concat([
          u32(0x02014b50),
          u16(45),
          u16(45),
          u16(0x0808),
          u16(8),
          u16(0),
          u16(0),
          u32(e.crc),
          u32(0xffffffff),
          u32(0xffffffff),
          u16(e.name.length),
          u16(extra.length),
          u16(0),
          u16(0),
          u16(0),
          u32(0),
          u32(0xffffffff),
          e.name,
          extra,
        ]),
      );
    }
    const size = this.offset - start;
    const zip64End = this.offset;
    await this.raw(
      Buffer.concat([
        u32(0x06064b50),
        u64(44),
        u16(45),
        u16(45),
        u32(0),
        u32(0),
        u64(this.entries.length),
        u64(this.entries.length),
        u64(size),
        u64(start),
      ]),
    );
    await this.raw(Buffer.concat([u32(0x07064b50), u32(0), u64(zip64End), u32(1)]));
    await this.raw(
      Buffer.concat([
        u32(0x06054b50),
        u16(0),
        u16(0),
        u16(0xffff),
        u16(0xffff),
        u32(0xffffffff),
        u32(0xffffffff),
        u16(0),
      ]),
    );
    this.out.end();
    await once(this.out, 'finish');
  }
}
