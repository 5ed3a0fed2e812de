/** The part of the espeak-ng package's Emscripten module Limber uses: its command line and in-memory files. */
declare module "espeak-ng" {
  interface ESpeakNgOptions {
    arguments: string[];
    instantiateWasm?: (imports: WebAssembly.Imports, ready: (instance: WebAssembly.Instance) => void) => object;
    print?: (line: string) => void;
    printErr?: (line: string) => void;
  }
  interface ESpeakNgModule {
    FS: { readFile(path: string): Uint8Array };
  }
  export default function ESpeakNg(options: ESpeakNgOptions): Promise<ESpeakNgModule>;
}
