// Only re-exports: one file per callable, trigger and scheduled job.
export {};
