// The WASM schema engine's PostgreSQL describer selects catalog columns of type "char" (OID 18, such
// as pg_class.relkind); @prisma/adapter-pg 7.10 maps no "char" column type and throws "Column type
// 'char' could not be deserialized from the database". Report such columns as TEXT. Only migration
// code loads this module; application tables have no "char" columns, so the patch cannot change them.
import pg from 'pg';

const AS_TEXT = new Set<number>([18]);
const TEXT_OID = 25;

type Fields = { fields?: { dataTypeID: number }[] };

function fix<T>(result: T): T {
  for (const r of (Array.isArray(result) ? result : [result]) as Fields[]) {
    for (const f of r?.fields ?? []) {
      if (AS_TEXT.has(f.dataTypeID)) f.dataTypeID = TEXT_OID;
    }
  }
  return result;
}

type Callback = (err: unknown, res: unknown) => void;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- patching pg's untyped prototype
const proto = pg.Client.prototype as any;
if (!proto.__skimaCharPatched) {
  const query = proto.query;
  proto.query = function patchedQuery(...args: unknown[]) {
    const cbIndex = args.findIndex((a) => typeof a === 'function');
    if (cbIndex >= 0) {
      const cb = args[cbIndex] as Callback;
      args[cbIndex] = (err: unknown, res: unknown) => cb(err, err ? res : fix(res));
      return query.apply(this, args);
    }
    const cfg = args[0] as { callback?: Callback } | undefined;
    if (cfg && typeof cfg === 'object' && typeof cfg.callback === 'function') {
      const cb = cfg.callback;
      cfg.callback = (err: unknown, res: unknown) => cb(err, err ? res : fix(res));
      return query.apply(this, args);
    }
    const ret = query.apply(this, args);
    return ret && typeof ret.then === 'function' ? ret.then(fix) : ret;
  };
  proto.__skimaCharPatched = true;
}
