/**
 * The compiled CLI's entry module (a file URL), built first when it is missing or any file it was
 * made from changed. `root` is the project, `entry` the module compiled, relative to it.
 */
export declare function compiledCli(options?: { root?: string; entry?: string }): Promise<string>;
