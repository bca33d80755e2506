// Shared limits straight from the contract's source file: importing them through
// '@coproduce/contract' would pull every zod schema into the bundle (~45 KB gzip), because
// schema construction at module level cannot be tree-shaken.
export { limits } from '../../../packages/contract/src/limits.ts';
