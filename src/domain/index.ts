export * from './catalogue';
export * from './geometry';
export * from './timelineScale';
export * from './errors';
export * from './types';
export * from './schemas';
export * from './analyses';
export * from './exchange'; export * from './origin-format';
export * from './file-names';
