// A guard around @kenjiuno/msgreader's compound-file walk. The reader follows sector chains in the
// FAT and mini FAT, and the directory's sibling tree, with no check that they end: a .msg whose
// FAT points a sector at itself walks forever while memory climbs. A chain can never be longer
// than the file has sectors, and no directory entry is reached twice in a tree, so both are
// checked here, and a stream longer than the file is refused. The reader then throws, and the
// caller reports the message as damaged. Applied once, at load, to the reader's own prototype
// (no patched copy of the package to keep in step). The report for upstream: docs/upstream/msgreader.md.
// A static import, so a bundler that inlines msgreader patches the very copy it inlines.
import * as readerModule from '@kenjiuno/msgreader/lib/Reader.js';

interface ReaderLike {
  ds: { byteLength: number };
  __steps?: number;
  __entered?: Set<number>;
  [method: string]: unknown;
}
type Method = (this: ReaderLike, ...args: unknown[]) => unknown;
type Prop = { type: number; childProperty: number; nextProperty: number; previousProperty: number; children?: number[]; sizeBlock?: number };

const NO_INDEX = -1;
const DIRECTORY = 1;
/** The smallest sector a chain can step over (a mini-stream sector). */
const MIN_SECTOR = 64;
const WALKERS = ['propertyDataReader', 'sbatDataReader', 'xbatDataReader', 'readBigBlockTable', 'getChainByBlockSmall', 'readProperty'];

export class CompoundFileLoopError extends Error {
  constructor(what: string) {
    super(`the file's ${what} loops back on itself (a damaged or deliberately malformed file)`);
    this.name = 'CompoundFileLoopError';
  }
}

function guard(proto: Record<string, unknown>): void {
  const original = (name: string) => proto[name] as Method;
  for (const name of WALKERS) {
    const walk = original(name);
    proto[name] = function (this: ReaderLike, ...args: unknown[]) {
      this.__steps = 0;
      return walk.apply(this, args);
    };
  }
  for (const name of ['getNextBlockInner', 'getBlockAt']) {
    const step = original(name);
    proto[name] = function (this: ReaderLike, ...args: unknown[]) {
      this.__steps = (this.__steps ?? 0) + 1;
      if (this.__steps > this.ds.byteLength / MIN_SECTOR + 16) throw new CompoundFileLoopError('sector chain');
      return step.apply(this, args);
    };
  }
  const readProperty = proto.readProperty as Method;
  proto.readProperty = function (this: ReaderLike, field: unknown) {
    const size = (field as Prop | undefined)?.sizeBlock ?? 0;
    // The size is read as a signed number: a negative one is as impossible as one beyond the file.
    if (size < 0 || size > this.ds.byteLength) throw new Error(`a stream claims ${size >>> 0} bytes, more than the whole file holds`);
    return readProperty.call(this, field);
  };
  // The directory is a tree of siblings and children: each entry is taken at most once.
  proto.createPropertyHierarchy = function createPropertyHierarchy(this: ReaderLike, props: Prop[], node: Prop | undefined): void {
    if (!node || node.childProperty === NO_INDEX) return;
    const entered = (this.__entered ??= new Set<number>());
    node.children = [];
    const stack: { push: boolean; index: number }[] = [{ push: false, index: node.childProperty }];
    while (stack.length > 0) {
      const { push, index } = stack.pop() as { push: boolean; index: number };
      if (push) {
        node.children.push(index);
        continue;
      }
      if (entered.has(index)) throw new CompoundFileLoopError('directory tree');
      entered.add(index);
      const current = props[index];
      if (!current) throw new Error(`the directory refers to entry ${index}, which does not exist`);
      if (current.type === DIRECTORY) createPropertyHierarchy.call(this, props, current);
      if (current.nextProperty !== NO_INDEX) stack.push({ push: false, index: current.nextProperty });
      stack.push({ push: true, index });
      if (current.previousProperty !== NO_INDEX) stack.push({ push: false, index: current.previousProperty });
    }
  };
  proto.__disclosedGuarded = true;
}

/** Installs the guard on the Reader class msgreader uses (once per module instance). */
export function guardMsgReader(): void {
  type Module = { Reader?: { prototype: Record<string, unknown> }; default?: Module };
  const module = readerModule as unknown as Module;
  const Reader = module.Reader ?? module.default?.Reader;
  if (!Reader) throw new Error('The Outlook message reader has changed shape: its sector-chain guard cannot be installed.');
  if (!Reader.prototype.__disclosedGuarded) guard(Reader.prototype);
}
