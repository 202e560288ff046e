/**
 * Moving a session onto a faster backend made ready in the background: `auto` on a real GPU starts on WASM
 * at once and moves to WebGPU when its device exists and the current experiment's shaders are compiled
 * (issue 11: on WebGPU alone, Train waited for seconds of shader compiles).
 *
 * The move happens only at a safe moment: when a trainer is built (configure, reset), or when the compile
 * finishes while the trainer is still at step 0 and not running, by building the same experiment again on
 * WebGPU. A run in progress is never moved: its state lives in the old backend's tensors, and carrying it
 * across would be a different run. tfjs has one current backend per thread, so compiling makes WebGPU
 * current only while the compile is issued, at a moment when nothing else uses tfjs (hooks.whenSafe).
 */
import type { ExperimentConfig } from '../engine/config/types';
import { describe } from './errors';
import type { BackendChoice } from './protocol';
import type { IssuedCompile } from './warmup';

/** A backend made ready beside the current one (the browser's is WebGPU; tests use a stand-in). */
export interface Standby {
  /** The backend it makes ready, as the status line names it. */
  readonly choice: BackendChoice;
  /** Creates the backend without making it current; rejects with a readable reason. */
  prepare(): Promise<void>;
  /**
   * Issues the compile of `config`'s shaders on it (current only meanwhile) and resolves once issued, with
   * `compiled`, which settles when they are compiled. Only at a moment when nothing else uses tfjs.
   */
  compile(config: ExperimentConfig): Promise<IssuedCompile>;
  isCompiled(config: ExperimentConfig): boolean;
  /** Makes it the current backend for good. */
  activate(): void;
}

/** What the upgrade needs of its session. */
export interface UpgradeHooks {
  /** Runs `task` when nothing else uses tfjs: between two chunks of a run, or in message order. */
  whenSafe(task: () => Promise<void>): void;
  /** The trainer's config, or null without one. */
  config(): ExperimentConfig | null;
  /** Whether the trainer is at step 0 and not running: moving it now loses nothing. */
  atStart(): boolean;
  /** Builds a fresh trainer for `config` (build() calls moveIfReady first). */
  rebuild(config: ExperimentConfig): Promise<void>;
  /** Tells the page which backend trains and what the status line should say. */
  announce(choice: BackendChoice): void;
}

export class BackendUpgrade {
  private prepared = false;
  private over = false;
  /** A compile is under way; when it ends, the experiment then current is offered again. */
  private compiling = false;

  constructor(
    private readonly standby: Standby,
    private readonly from: BackendChoice,
    private readonly hooks: UpgradeHooks,
  ) {}

  private get to(): string {
    return this.standby.choice.label;
  }

  /** What 'ready' says while the standby is made ready. */
  get waiting(): BackendChoice {
    return {
      ...this.from,
      note: `${this.to} is compiling its shaders in the background; training moves there when they are ready (before the first step or at a reset)`,
    };
  }

  /** Starts creating the standby; compiles the current experiment's shaders once it exists. */
  begin(): void {
    this.standby.prepare().then(
      () => {
        if (this.over) return;
        this.prepared = true;
        const config = this.hooks.config();
        if (config) this.offer(config);
      },
      (error: unknown) => this.fail(error),
    );
  }

  /** A trainer for `config` was built: compile its shaders in the background, then move when safe. */
  offer(config: ExperimentConfig): void {
    if (!this.prepared || this.over || this.compiling) return;
    if (this.standby.isCompiled(config)) return this.hooks.whenSafe(() => this.moveAtStart());
    this.compiling = true;
    this.hooks.whenSafe(async () => {
      if (this.over) return;
      try {
        const { compiled } = await this.standby.compile(config);
        void compiled.then(() => {
          this.compiling = false;
          // The experiment may have changed meanwhile (a new config): compile that one too.
          const now = this.hooks.config();
          if (now) this.offer(now);
        });
      } catch (error) {
        this.fail(error);
      }
    });
  }

  /** Called before a trainer is built: moves to the standby when `config` is compiled there. */
  moveIfReady(config: ExperimentConfig): boolean {
    if (this.over || !this.prepared || !this.standby.isCompiled(config)) return false;
    this.over = true;
    this.standby.activate();
    this.hooks.announce({
      ...this.standby.choice,
      note: `moved from ${this.from.label} once its shaders were compiled`,
    });
    return true;
  }

  /** The session picks another backend: this upgrade no longer applies. */
  cancel(): void {
    this.over = true;
  }

  private async moveAtStart(): Promise<void> {
    const config = this.hooks.config();
    if (this.over || !config || !this.standby.isCompiled(config)) return;
    if (this.hooks.atStart()) return this.hooks.rebuild(config);
    this.hooks.announce({
      ...this.from,
      note: `${this.to} is ready; training moves there at the next reset`,
    });
  }

  private fail(error: unknown): void {
    if (this.over) return;
    this.over = true;
    this.hooks.announce({
      ...this.from,
      note: `${this.to} could not start (${describe(error)}); staying on ${this.from.label}`,
    });
  }
}
