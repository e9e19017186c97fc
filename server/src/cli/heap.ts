/**
 * How big `casebook check` lets V8's heap grow, so that its peak memory over
 * thousands of files stays near its peak for one (issue 13, bench section 4).
 *
 * A file's tree, model and findings die once its result is written, so what
 * grows with the number of files is not live data but room for garbage:
 * - the old space: V8 collects it once it passes a limit of the live size
 *   times a growing factor, plus the young generation's capacity
 *   (heap-controller.cc, BoundAllocationLimit);
 * - the young generation: its two semi-spaces double whenever enough has
 *   survived since they last grew, up to 16 MB each (Node 20, 64-bit:
 *   measured), so a long run always ends at the maximum; one file's check
 *   ends at 8 MB. The old space's limit grows with it.
 */
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import type { ResourceLimits } from 'node:worker_threads';

/** The semi-space size one file's check already reaches: held there, a run of many files costs no more scavenges per file. */
const SEMI_SPACE_MB = 8;

/**
 * The young generation of a check worker: V8 sizes it as two semi-spaces plus a new large-object space of the same
 * size (heap.cc, YoungGenerationSizeFromSemiSpaceSize).
 */
export const WORKER_RESOURCE_LIMITS: ResourceLimits = { maxYoungGenerationSizeMb: 3 * SEMI_SPACE_MB };

/**
 * Process-wide V8 flags for the CLI, set before any worker starts (workers inherit them): the old space grows by half
 * its live size before a full collection instead of V8's default of up to four times, at no measured CPU cost.
 */
export function sizeHeapForCheck(): void {
  setFlagsFromString('--heap-growing-percent=50');
}

/**
 * Holds this thread's young generation at SEMI_SPACE_MB once it gets there. The main isolate's semi-space maximum
 * is fixed when it is created (a worker's is set by WORKER_RESOURCE_LIMITS), so instead growth is stopped: the growth
 * factor is read at each growth. Called after each file this thread checks; costs one heap-statistics call per file
 * until it has acted. The flag is process-wide: only the CLI, which checks files in this thread or in workers but
 * never both, calls this.
 */
export class YoungGenerationHold {
  private held = false;

  afterFile(): void {
    if (this.held) return;
    const newSpace = getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
    // The new space's size counts both semi-spaces.
    if (!newSpace || newSpace.space_size < 2 * SEMI_SPACE_MB * 1024 * 1024) return;
    setFlagsFromString('--semi-space-growth-factor=1');
    this.held = true;
  }
}
