export { falcoPlugin as default } from './plugin';
export { FalcoEventStore } from './database/FalcoEventStore';
export { validateFalcoEvents } from './ingest/validateFalcoEvents';
export { ComponentMapping } from './mapping/ComponentMapping';
export type { MappableComponent, MappingResult } from './mapping/ComponentMapping';
export { generateDemoEvents } from './demo/generateDemoEvents';
