export * from './entities';
export * from './data-source';
export * from './read-model/case-read-model.repository';
export * from './audit/audit-trail.repository';
export * from './audit/stable-stringify';
export * from './logic';
