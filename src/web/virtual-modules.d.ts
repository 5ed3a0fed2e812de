declare module "virtual:limber-programs" {
  import type { Program } from "../core/program.ts";
  const programs: Program[];
  export default programs;
}

declare module "*.css";
