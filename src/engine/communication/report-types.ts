/**
 * What a report says about the simulated workers' communication (Report.communication): plain numbers, per
 * run (an objective suite's start points are separate runs: cosines and norms are their mean).
 */
export interface CommunicationReport {
  /** The compressor's id (catalogue.ts). */
  compressor: string;
  errorFeedback: boolean;
  /** Simulated workers: one per task, each sending its task's shared-parameter gradient. */
  workers: number;
  /** Shared parameters per message (task heads stay local, never sent). */
  numShared: number;
  /** Bytes all workers sent at one step, and since the start of the run. */
  bytesPerStep: number;
  bytesTotal: number;
  /** What fp32 (32 bits an entry, uncompressed) would have sent for the same steps. */
  fp32BytesPerStep: number;
  fp32BytesTotal: number;
  /** bytesTotal / fp32BytesTotal: 1/32 ≈ 0.031 for sign. */
  ratio: number;
  /** Per task, at the last step: cosine between the decoded gradient the server used and the true one. */
  cosine: number[];
  /** Per task: ‖e_t‖, the error-feedback residual the worker carries to the next step (0 without it). */
  residualNorm: number[];
  /** Per task: ‖g_t‖ of the true gradient at the last step, the scale to read the residual against. */
  gradientNorm: number[];
}
