export { mergeSmallSections, OTHER_SECTIONS, type PublishedArea } from './areas.ts';
export { tableCsv } from './csv.ts';
export {
  type CountedPoint,
  type HexCell,
  type HexLayer,
  type HexLayerOptions,
  hexLayer,
} from './hex-layer.ts';
export * from './input.ts';
export * from './location-rules.ts';
export { buildModel, type CellPosition, type PublicationModel, TOTAL } from './model.ts';
export type { CellStatus, ProblemCell, SuppressionProblem } from './problem.ts';
export { auditLinear, type ProtectionResult, protect } from './protect.ts';
export * from './publish.ts';
