export * from '../accounts/schema.ts';
export * from '../platform/schema.ts';
export * from '../members/schema.ts';
export * from '../organisations/schema.ts';
export * from '../esco/schema.ts';
export * from '../countries/schema.ts';
export * from '../services/schema.ts';
export * from '../referrals/schema.ts';
