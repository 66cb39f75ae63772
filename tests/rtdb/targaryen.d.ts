// targaryen 3 ships no types; this covers the part of its API the RTDB rules tests use.
declare module "targaryen" {
  export interface Result {
    path: string;
    auth: unknown;
    type: "read" | "write" | "patch";
    allowed: boolean;
    info: string;
  }

  export interface Database {
    as(auth: object | null): Database;
    with(options: { debug?: boolean; now?: number }): Database;
    read(path: string, options?: { now?: number; query?: object }): Result;
    write(path: string, value: unknown, options?: { now?: number; priority?: unknown }): Result;
    update(path: string, patch: Record<string, unknown>, options?: { now?: number }): Result;
  }

  const targaryen: {
    database(rules: object, data?: object, now?: number | null): Database;
  };
  export default targaryen;
}
