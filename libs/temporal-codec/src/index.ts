export * from './aes-gcm-payload-codec';
export * from './data-converter';
export * from './payload-keys';
export * from './remote-codec';
