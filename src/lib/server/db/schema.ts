export * from '../accounts/schema.ts';
export * from '../platform/schema.ts';
export * from '../members/schema.ts';
