/**
 * The end of an exhaustive `switch` over a closed list: when every value has its `case`, the
 * argument's type is `never` here and this compiles; when a value is added to the list and a switch
 * does not handle it, that switch no longer compiles. At run time it throws, should a value from
 * outside the list (a row written by an older or newer version, a cast) ever get this far.
 */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(value)}`);
}
