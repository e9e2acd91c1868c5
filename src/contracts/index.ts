export * from './common';
export * from './organisation';
export * from './unit';
export * from './person';
export * from './cycle';
export * from './okr';
export * from './x-matrix';
export * from './plan-document';
