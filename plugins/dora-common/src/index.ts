export * from './annotations';
export * from './doraApi';
export * from './doraMetrics';
export * from './doraTiers';
export * from './doraWeeks';
export * from './statistics';
