export { generateXForm, type XFormOptions } from './generate.ts';
