// The zod-free subpath: '@coproduce/contract' itself would pull every schema into the bundle.
export { limits } from '@coproduce/contract/constants';
