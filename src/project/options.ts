/** What a project run is asked to do: the checks' options, where reports are relative to, and its size limits. */
import type { CheckOptions } from '../analysis/checks';

export interface ProjectOptions extends CheckOptions {
  /** Files are reported relative to this directory. */
  readonly cwd: string;
  /**
   * Auth0-related files over this many bytes are reported and not parsed: a file costs 100 to 150 bytes of memory per
   * byte of source while it is analysed, and such files are bundles or generated code. No limit when undefined.
   */
  readonly maxFileBytes?: number;
  /**
   * The most source, in bytes, of the modules one run keeps parsed: modules with something to check or link stay
   * parsed until the run ends, at 100 to 150 bytes of memory per byte of source (an inert module's tree is dropped).
   * A file that would take the total beyond this is reported and not analysed, so memory stays bounded however many
   * there are. No limit when undefined.
   */
  readonly maxTotalBytes?: number;
}
