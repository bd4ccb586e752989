export * from './catalogue';
export * from './geometry';
export * from './errors';
export * from './types';
export * from './schemas';
