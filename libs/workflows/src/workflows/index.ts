/* Entry point of the workflow bundle: every workflow type the worker runs. */
export { ondersteuningstrajectWorkflow } from './ondersteuningstraject/ondersteuningstraject.workflow';
export { zorgrouteWorkflow } from './zorgroute/zorgroute.workflow';
export { josWorkflow } from './jos/jos.workflow';
export { zorgplichtWorkflow } from './zorgplicht/zorgplicht.workflow';
export { dailyDigestWorkflow } from './daily-digest/daily-digest.workflow';
export { oovWorkflow } from './oov/oov.workflow';
export { overdrachtWorkflow } from './overdracht/overdracht.workflow';
export { oppWorkflow } from './opp/opp.workflow';
export { retentionRunWorkflow } from './retention/retention.workflow';
export { auditCheckpointWorkflow } from './audit-checkpoint/audit-checkpoint.workflow';
export { tlvWorkflow } from './tlv/tlv.workflow';
