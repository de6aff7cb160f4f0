// SQL with `:name` placeholders for statements run on the pg pool directly: a long
// statement that uses a value several times stays readable and passes it once.
// Compiled once into Postgres' positional `$n` form; `::type` casts are left alone.

const PLACEHOLDER = /(?<!:):([A-Za-z_]\w*)/g;

export type NamedStatement<K extends string> = {
  text: string;
  /** The positional values for `text`, from values by name. */
  values(byName: Record<K, unknown>): unknown[];
};

export function namedParameters<K extends string>(sql: string): NamedStatement<K> {
  const order: K[] = [];
  const text = sql.replace(PLACEHOLDER, (_match, name: K) => {
    let index = order.indexOf(name);
    if (index === -1) index = order.push(name) - 1;
    return `$${index + 1}`;
  });
  return {
    text,
    values: (byName) =>
      order.map((name) => {
        // A misspelt name would otherwise be sent as NULL without a word.
        if (!(name in byName)) throw new Error(`no value for :${name}`);
        return byName[name];
      }),
  };
}
